"""The headless commands as a user runs them."""

import json
import os
import re
import subprocess
import sys
from decimal import Decimal as D

import pytest

from app import __version__
from tests.clirun import run_cli


def run(*args, check=True):
    proc = run_cli(*args)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_version():
    """The entry point itself, in its own process."""
    proc = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True, text=True, encoding="utf-8")
    assert proc.stdout.strip() == f"KPI Desk {__version__}"


def test_a_batch_command_leaves_at_once_with_its_output_and_exit_code(demo_template, tmp_path):
    """``kpi-desk report`` ends without Python's shutdown (0.4 s of freeing objects after a national annex):
    its printed lines still arrive, its file is whole, and a refusal still exits 2 with its Thai message."""
    env = {**os.environ, "KPI_DESK_DATA_DIR": str(tmp_path / "data")}
    out = tmp_path / "annex.pdf"
    ok = subprocess.run([sys.executable, "-m", "app", "report", "annex", "--db", str(demo_template), "--year", "2567",
                         "--out", str(out)], capture_output=True, text=True, encoding="utf-8", env=env)
    assert ok.returncode == 0 and f"บันทึกรายงานที่ {out}" in ok.stdout, ok.stderr
    assert out.read_bytes().rstrip().endswith(b"%%EOF")
    refused = subprocess.run([sys.executable, "-m", "app", "report", "annex", "--db", str(demo_template), "--year",
                              "2600", "--out", str(tmp_path / "none.pdf")], capture_output=True, text=True,
                             encoding="utf-8", env=env)
    assert refused.returncode == 2 and "ข้อผิดพลาด" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "none.pdf").exists()


def test_demo_refuses_to_overwrite(tmp_path):
    db = tmp_path / "d.sqlite3"
    assert "สร้างฐานข้อมูลตัวอย่าง" in run("demo", "--db", str(db)).stdout
    again = run("demo", "--db", str(db), check=False)
    assert again.returncode == 2 and "--force" in again.stderr
    run("demo", "--db", str(db), "--force")


@pytest.mark.slow
def test_demo_is_deterministic(tmp_path):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    run("demo", "--db", str(a))
    run("demo", "--db", str(b))
    ja = run("score", "--db", str(a), "--year", "2567", "--round", "12", "--json").stdout
    jb = run("score", "--db", str(b), "--year", "2567", "--round", "12", "--json").stdout
    assert ja == jb


def test_score_json_document(demo_path):
    doc = json.loads(run("score", "--db", str(demo_path), "--year", "2567", "--round", "12", "--json").stdout)
    assert doc["year"] == 2567 and doc["round"] == 12
    assert len(doc["units"]) == 10
    dgr = next(u for u in doc["units"] if u["code"] == "DGR")
    assert dgr["score"] == "78.25" and dgr["grade"] == "upper_standard"
    first = dgr["indicators"][0]
    assert first == {"code": "DGR-01", "name": "ปริมาณน้ำบาดาลที่เพิ่มขึ้นเพื่อการเกษตร", "component": "1.2",
                     "weight": "20.00", "base": "40", "standard": "50", "advanced": "60", "actual": "47",
                     "points": "67.50", "weighted": "13.50", "monitor": False, "missing": False, "evaluated": True}
    for unit in doc["units"]:
        assert D(unit["score"]).as_tuple().exponent == -2
        total = sum(D(i["weighted"]) for i in unit["indicators"] if i["weighted"] is not None)
        assert abs(total - D(unit["score"])) <= D("0.01") * len(unit["indicators"])
    dmcr = next(u for u in doc["units"] if u["code"] == "DMCR")
    missing = [i for i in dmcr["indicators"] if i["missing"]]
    assert len(missing) == 1 and missing[0]["actual"] is None and missing[0]["points"] == "0.00"
    ops = next(u for u in doc["units"] if u["code"] == "OPS")
    monitor = [i for i in ops["indicators"] if i["monitor"]]
    assert len(monitor) == 1 and monitor[0]["weighted"] is None


def test_score_six_month_and_what_if(demo_path):
    doc = json.loads(run("score", "--db", str(demo_path), "--year", "2567", "--round", "6", "--unit", "OPS",
                         "--json", "--what-if").stdout)
    ops = doc["units"][0]
    assert ops["out_of"] == "70.00" and ops["score"] == "66.96" and ops["points"] == "46.88"
    assert ops["what_if"]["target"] == "upper_standard" and ops["what_if"]["reachable"]
    assert D(ops["what_if"]["new_score"]) >= 75


def test_score_table_and_warnings(demo_path):
    out = run("score", "--db", str(demo_path), "--year", "2567", "--round", "12", "--what-if", "--warnings").stdout
    assert "กรมทรัพยากรน้ำบาดาล" in out and "ระดับมาตรฐานขั้นสูง" in out
    assert "สัญญาณเตือนล่วงหน้า" in out and "ไม่เป็นไปตามเป้าหมาย" in out
    assert "ต่ำกว่า ๖๐" in out


@pytest.mark.parametrize("args,needle", [
    (("--year", "2599", "--round", "12"), "ไม่พบปีงบประมาณ พ.ศ. 2599"),
    (("--year", "2567", "--round", "12", "--unit", "XXX"), "ไม่พบหน่วยงานรหัส “XXX”"),
])
def test_score_unknown_things(demo_path, args, needle):
    proc = run("score", "--db", str(demo_path), *args, check=False)
    assert proc.returncode == 2 and needle in proc.stderr


def test_check_reports_in_thai(demo_path):
    proc = run("check", "--db", str(demo_path), check=False)
    out = proc.stdout
    assert "ความถูกต้องของไฟล์ฐานข้อมูล: ปกติ" in out
    assert "ผลการดำเนินงานที่ยังไม่ได้บันทึก: 2 รายการ" in out
    assert "รอบที่ยังไม่เริ่มบันทึกผล: ปี 2568 รอบ ๖ เดือน, ปี 2568 รอบ ๑๒ เดือน" in out
    # FY2568 is in planning and กรมทรัพยากรธรณี is deliberately unfinished in the demo
    assert proc.returncode == 1
    assert "ปี 2568 กรมทรัพยากรธรณี: น้ำหนักรวมของตัวชี้วัดที่ประเมินผลเท่ากับ 95 แต่ต้องเท่ากับ ๑๐๐ (ขาด 5)" in out
    assert "ค่าเป้าหมายต้องเรียงลำดับอย่างเคร่งครัด" in out
    assert "ปี 2567" not in out.split("ปัญหาน้ำหนักและค่าเป้าหมาย")[1].split("ผลการดำเนินงานที่ยังไม่ได้บันทึก")[0]


def test_check_finds_broken_weights(demo_path):
    import sqlite3
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE assignment SET weight = '30' WHERE indicator_id = (SELECT id FROM indicator WHERE code = 'PCD-02')")
    conn.commit()
    conn.close()
    proc = run("check", "--db", str(demo_path), check=False)
    assert proc.returncode == 1
    assert "ปี 2567 กรมควบคุมมลพิษ: น้ำหนักรวมของตัวชี้วัดที่ประเมินผลเท่ากับ 115" in proc.stdout


def test_init_creates_year(tmp_path):
    """init says what it made; a ministry's code without its name (or the reverse) is refused before any file is
    made, not silently skipped until the first unit is refused."""
    db = tmp_path / "n.sqlite3"
    half = run("init", "--db", str(db), "--ministry-code", "MOI", check=False)
    assert half.returncode == 2 and "ต้องระบุทั้ง --ministry-code และ --ministry-name" in half.stderr and not db.exists()
    made = run("init", "--db", str(db), "--year", "2568", "--ministry-code", "MOI", "--ministry-name", "กระทรวงมหาดไทย")
    assert "บันทึกกระทรวง MOI กระทรวงมหาดไทย แล้ว" in made.stdout and "เพิ่มปีงบประมาณ พ.ศ. 2568 แล้ว" in made.stdout
    proc = run("score", "--db", str(db), "--year", "2568", "--round", "12", "--json")
    assert json.loads(proc.stdout)["units"] == []
    bare = tmp_path / "bare.sqlite3"
    assert "ยังไม่มีข้อมูลกระทรวง: ระบุ --ministry-code และ --ministry-name" in run("init", "--db", bare).stdout
    refused = run("unit", "add", "--db", bare, "--code", "A", "--name", "กรมทดสอบ", check=False)
    assert refused.returncode == 2 and "kpi-desk init --ministry-code" in refused.stderr


def test_readme_and_ci_run_the_same_test_command():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    ci = open(os.path.join(root, ".ci", "run"), encoding="utf-8").read()
    command = 'python -m pip install -e ".[test]" && python -m pytest'
    assert f"\n{command}\n" in readme and f"\n{command}\n" in ci


def test_a_memo_with_misplaced_marks_is_written_and_the_command_says_where(demo_path, tmp_path):
    body = tmp_path / "typo.txt"
    body.write_text("ที่ประชุมรับทราบ ทีี่ ดูู นี้้\n", encoding="utf-8")
    proc = run("report", "memo", "--db", str(demo_path), "--subject", "ทดสอบ", "--to", "ปลัด", "--body", str(body),
               "--out", str(tmp_path / "m.pdf"))
    assert "คำเตือน" in proc.stderr and "ทีี่" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "m.pdf").stat().st_size > 1000


def test_db_before_the_command_is_kept(demo_path, tmp_path):
    """`kpi-desk --db X report …` as the usage line shows it: the subcommand must not reset --db."""
    out = tmp_path / "a.pdf"
    proc = run("--db", str(demo_path), "report", "annex", "--year", "2567", "--unit", "DGR", "--out", str(out))
    assert out.exists() and str(out) in proc.stdout
    doc = json.loads(run("--db", str(demo_path), "score", "--year", "2567", "--round", "12", "--json").stdout)
    assert len(doc["units"]) == 10


@pytest.mark.parametrize("args, says", [
    (["score", "--year", "2567", "--round", "7"], "--round: ไม่มี “7” ให้เลือก (เลือกได้: 6 หรือ 12)"),
    (["score", "--year", "2567", "--round", "หก"], "--round: “หก” ไม่ใช่จำนวนเต็ม"),
    (["score", "--round", "6"], "ยังไม่ได้ระบุ --year"),
    (["round", "--year", "2567", "--round", "6"], "ยังไม่ได้ระบุ สิ่งที่จะทำ (approve, lock หรือ reopen)"),
    (["round", "aprove", "--year", "2567", "--round", "6"], "สิ่งที่จะทำ: ไม่มี “aprove” ให้เลือก (หมายถึง approve หรือไม่)"),
    (["report", "anex", "--out", "a.pdf"], "รายงาน: ไม่มี “anex” ให้เลือก (หมายถึง annex หรือไม่)"),
    (["import"], "ยังไม่ได้ระบุ ไฟล์ (FILE.xlsx)"),
    (["scor", "--year", "2567"], "ไม่มีคำสั่ง “scor” (หมายถึง score หรือไม่)"),
    (["unit", "add", "--code", "X1", "--name-th", "กรมทดสอบ"], "ไม่มีตัวเลือก --name-th (หมายถึง --name หรือไม่)"),
    (["year", "--year", "2567", "show"], "ไม่รับข้อความ “show”"),
    (["report", "annex", "--out", "a.pdf", "--year"], "--year ต้องตามด้วยค่า ๑ ค่า"),
    (["score", "--year", "2567", "--round", "6", "--json=yes"], "--json ไม่รับค่า (“yes”)"),
    (["round", "--yaer", "2567", "approve", "--round", "6"], "ไม่มีตัวเลือก --yaer (หมายถึง --year หรือไม่)"),
    (["--dbb", "x.sqlite3", "score"], "ไม่มีตัวเลือก --dbb (หมายถึง --db หรือไม่)"),
], ids=["choice", "number", "missing-option", "missing-action", "action-typo", "report-typo", "missing-file",
        "command-typo", "unknown-option", "extra-word", "no-value", "flag-with-value", "unknown-option-first",
        "unknown-program-option"])
def test_a_mistyped_command_line_is_refused_in_thai(demo_path, args, says):
    """A slip of the keyboard gets argparse's usage line, then in Thai which argument, why, what the command
    accepts and the nearest thing it has; exit 2, and nothing in English."""
    proc = run_cli("--db", demo_path, *args)
    assert proc.returncode == 2
    assert says in proc.stderr, proc.stderr
    message = proc.stderr.split("ข้อผิดพลาด:", 1)[1]
    for english in ("error:", "invalid", "required", "unrecognized", "expected", "argument"):
        assert english not in message, message
    assert "--help" in message and proc.stderr.startswith("วิธีใช้: kpi-desk")


def test_a_memo_date_is_typed_as_every_other_date(demo_path, tmp_path):
    """The memo's --date takes what meeting create takes (B.E. or C.E., Thai or Arabic digits, the Thai month's
    short name); an impossible date is refused in Thai, naming the option, and nothing is written."""
    body = tmp_path / "body.txt"
    body.write_text("ทดสอบ\n", encoding="utf-8")
    for typed in ("2567-02-07", "7/2/2567", "๗ ก.พ. ๒๕๖๗", "2024-02-07"):
        out = tmp_path / f"memo-{len(typed)}.pdf"
        run("report", "memo", "--db", demo_path, "--subject", "ทดสอบ", "--to", "ปลัด", "--body", body, "--date", typed,
            "--out", out)
        assert "วันที่๗กุมภาพันธ์๒๕๖๗" in "".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                                                   text=True).stdout.split()), typed
    refused = run("report", "memo", "--db", demo_path, "--subject", "ทดสอบ", "--to", "ปลัด", "--body", body,
                  "--date", "31/2/2567", "--out", tmp_path / "bad.pdf", check=False)
    assert refused.returncode == 2 and "--date: วันที่ “31/2/2567” ไม่ถูกต้อง" in refused.stderr
    assert not (tmp_path / "bad.pdf").exists()


def test_a_department_with_no_indicator_is_named_where_scores_are_shown(demo_path, tmp_path):
    """A department added to the demo has no indicator in 2568: the scores, their JSON, the results report and
    check name it (it is in no ranking), instead of leaving it out without a word; and no empty form is made
    for it."""
    run("unit", "add", "--db", demo_path, "--code", "NEWD", "--name", "กรมทดสอบใหม่")
    assert "ยังไม่มีตัวชี้วัด จึงไม่มีคะแนน: กรมทดสอบใหม่" in run("score", "--db", demo_path, "--year", 2568,
                                                                   "--round", 12).stdout
    doc = json.loads(run("score", "--db", demo_path, "--year", 2568, "--round", 12, "--json").stdout)
    assert doc["without_indicators"] == ["กรมทดสอบใหม่"]
    run("report", "results", "--db", demo_path, "--year", 2568, "--round", 12, "--out", tmp_path / "r.pdf")
    text = "".join(subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout.split())
    assert "หน่วยงานที่ยังไม่มีตัวชี้วัดในปีนี้จึงไม่มีผลการประเมิน:กรมทดสอบใหม่" in text
    assert "  - ปี 2568 กรมทดสอบใหม่" in run("check", "--db", demo_path, check=False).stdout
    for months in ((), ("--round", 6)):                   # no form with no row to fill is sent to the unit
        refused = run("template", "--db", demo_path, "--year", 2568, "--unit", "NEWD", *months, "--out",
                      tmp_path / "form.xlsx", check=False)
        assert refused.returncode == 2 and "แบบฟอร์มจึงไม่มีแถวให้กรอก" in refused.stderr
        assert not (tmp_path / "form.xlsx").exists()


def test_help_explains_every_command_and_option_in_thai():
    """`--help` was English while every refusal was Thai. Each command and each option (the program's own and
    every command's) now carries a Thai explanation, and argparse's own words are Thai."""
    import argparse
    from app.cli import build_parser
    thai = re.compile("[\u0e01-\u0e4f]")
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in sub._choices_actions}
    assert all(thai.search(h or "") for h in helps.values()), helps
    for name, command in [("kpi-desk", parser), *sub.choices.items()]:
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and thai.search(action.help), (name, action.option_strings or action.dest)
        text = command.format_help()
        assert text.startswith("วิธีใช้: ") and "ตัวเลือก:" in text
        assert not re.search(r"\b(usage|options|positional arguments|show this help)\b", text), (name, text)
    shown = run_cli("report", "--help")
    assert shown.returncode == 0 and "ชนิดของรายงาน" in shown.stdout and "ไฟล์ PDF ที่จะบันทึก" in shown.stdout
