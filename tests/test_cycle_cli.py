"""The same committee cycle through the command line, as a secretariat scripts it: a new database,
units and committee, targets from the ministry-wide Excel list, change requests that move weights,
results from the departments' templates, an approval refused then given, lock, identical reprint,
reopen with a reason, a meeting, the minutes and the pack (0 bad breaks by the shared checker)."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from tests.clirun import run_cli
from app.domain.calendar import fiscal_year_of
from app.io.workbook_format import MINISTRY_COLUMNS, MINISTRY_SHEET, RESULTS_SHEET
from pdftext import shared_checker

YEAR = fiscal_year_of(date.today())
MEETING_YEAR = date.today().year + 543


def kpi(db, *args, code: int = 0) -> str:
    proc = run_cli(*args, "--db", db)
    assert proc.returncode == code, (args, proc.returncode, proc.stdout[-1500:], proc.stderr[-1500:])
    assert "Traceback" not in proc.stderr
    return proc.stdout + proc.stderr


def pdf_words(path) -> str:
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


TARGETS = [  # unit, code, name, kind, component, weight, base, standard, advanced
    ("DEPA", "A-01", "ร้อยละของงานบริการที่แล้วเสร็จตามมาตรฐานเวลา", "functional", "1.1", 70, 80, 85, 90),
    ("DEPA", "A-02", "ระดับความสำเร็จของการพัฒนาองค์การสู่ดิจิทัล", "digital", "2.1", 20, 3, 4, 5),
    ("DEPA", "A-03", "คะแนนสถานะการพัฒนาระบบราชการ ๔.๐", "pmqa", "2.2", 10, 300, 350, 400),
    ("DEPB", "B-01", "จำนวนเครือข่ายเฝ้าระวังที่จัดตั้งแล้ว", "functional", "1.1", 50, 40, 50, 60),
    ("DEPB", "B-04", "ร้อยละของเรื่องร้องเรียนที่แก้ไขแล้วเสร็จ", "functional", "1.1", 20, 70, 80, 90),
    ("DEPB", "B-02", "ร้อยละของข้อมูลที่เปิดเผยผ่านระบบดิจิทัล", "digital", "2.1", 20, 60, 70, 80),
    ("DEPB", "B-03", "คะแนนสถานะการพัฒนาระบบราชการ ๔.๐ ของกรม", "pmqa", "2.2", 10, 300, 350, 400),
]


def ministry_list(path):
    wb = Workbook()
    ws = wb.active
    ws.title = MINISTRY_SHEET
    keys = ["unit", "indicator", "name", "kind", "component", "weight", "base", "standard", "advanced"]
    headers = {c.key: c.header for c in MINISTRY_COLUMNS}
    ws.append([headers[k] for k in keys])
    for row in TARGETS:
        ws.append(list(row))
    wb.save(path)
    return path


def results(db, tmp_path, unit: str, months: int, actuals: dict) -> None:
    path = tmp_path / f"{unit}-{months}.xlsx"
    kpi(db, "template", "--year", YEAR, "--unit", unit, "--round", months, "--out", path)
    wb = load_workbook(path)
    ws = wb[RESULTS_SHEET]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value in actuals:
            ws.cell(r, 8).value = actuals[ws.cell(r, 1).value]
    wb.save(path)
    kpi(db, "import", path)


@pytest.mark.slow
def test_a_whole_committee_cycle_through_the_command_line(tmp_path):
    db = tmp_path / "cycle.sqlite3"
    kpi(db, "init", "--ministry-code", "MOTEST", "--ministry-name", "กระทรวงทดสอบระบบ", "--year", YEAR)
    kpi(db, "unit", "add", "--code", "DEPA", "--name", "กรมทดสอบงานหนึ่ง")
    kpi(db, "unit", "add", "--code", "DEPB", "--name", "กรมทดสอบงานสอง")
    kpi(db, "unit", "add", "--code", "=1+1", "--name", "สูตร", code=2)
    kpi(db, "committee", "set", "--order-ref", "คำสั่งกระทรวงทดสอบระบบ ที่ ๑/๒๕๖๙")
    for args in (("นายประธาน ทดสอบ", "ปลัดกระทรวงทดสอบระบบ", "chair"),
                 ("นางสาวรองประธาน ทดสอบ", "รองปลัดกระทรวงทดสอบระบบ", "vice_chair", "--cco"),
                 ("นายกรรมการ หนึ่ง", "อธิบดีกรมทดสอบงานหนึ่ง", "member", "--unit", "DEPA"),
                 ("นางกรรมการ สอง", "อธิบดีกรมทดสอบงานสอง", "member", "--unit", "DEPB"),
                 ("นายเลขานุการ ทดสอบ", "ผู้อำนวยการกองพัฒนาระบบบริหาร", "secretary")):
        kpi(db, "committee", "add-member", "--name", args[0], "--position", args[1], "--role", args[2], *args[3:])
    assert "(CCO)" in kpi(db, "committee", "list")

    kpi(db, "import", ministry_list(tmp_path / "list.xlsx"), "--year", YEAR)
    kpi(db, "check", code=0)

    # weights moved by two approved change requests (B-01 50 → 40, B-04 20 → 30)
    for code, weight in (("B-01", 40), ("B-04", 30)):
        kpi(db, "change-request", "submit", "--year", YEAR, "--unit", "DEPB", "--indicator", code,
            "--reason", "budget", "--weight", weight)
    kpi(db, "change-request", "submit", "--year", YEAR, "--unit", "DEPB", "--indicator", "B-01", "--reason", "budget",
        "--weight", "150", code=2)
    for number in (1, 2):
        kpi(db, "change-request", "approve", "--year", YEAR, "--number", number)
    listing = kpi(db, "change-request", "list", "--year", YEAR)
    assert listing.count("\tเห็นชอบ\t") == 2 and "approved" not in listing

    # 6-month results: DEPB's missing, so approval is refused with the reason listed
    results(db, tmp_path, "DEPA", 6, {"A-01": 87.5})
    refused = kpi(db, "round", "approve", "--year", YEAR, "--round", 6, code=2)
    assert "ยังเห็นชอบไม่ได้" in refused and "จำนวนเครือข่ายเฝ้าระวังที่จัดตั้งแล้ว" in refused
    results(db, tmp_path, "DEPB", 6, {"B-01": "๕๕", "B-04": 85})
    kpi(db, "round", "approve", "--year", YEAR, "--round", 6)
    kpi(db, "round", "lock", "--year", YEAR, "--round", 6)
    first, again = tmp_path / "r6-a.pdf", tmp_path / "r6-b.pdf"
    kpi(db, "report", "results", "--year", YEAR, "--round", 6, "--out", first)
    kpi(db, "report", "results", "--year", YEAR, "--round", 6, "--out", again)
    assert first.read_bytes() == again.read_bytes()
    kpi(db, "round", "reopen", "--year", YEAR, "--round", 6, code=2)                 # no reason: refused
    kpi(db, "round", "reopen", "--year", YEAR, "--round", 6, "--reason", "แก้ไขผลตามหลักฐานที่กรมส่งเพิ่ม")
    results(db, tmp_path, "DEPB", 6, {"B-01": 58})
    kpi(db, "round", "approve", "--year", YEAR, "--round", 6)
    kpi(db, "round", "lock", "--year", YEAR, "--round", 6)
    revised = tmp_path / "r6-c.pdf"
    kpi(db, "report", "results", "--year", YEAR, "--round", 6, "--out", revised)
    assert "ฉบับที่2" in pdf_words(revised)           # a table report: Arabic digits throughout by default
    assert "(ปิดรอบแล้ว: คะแนนจากข้อมูลที่เก็บไว้เมื่อปิดรอบ ฉบับที่ 2)" in kpi(db, "score", "--year", YEAR, "--round", 6)

    results(db, tmp_path, "DEPA", 12, {"A-01": 89, "A-02": 4, "A-03": 360})
    results(db, tmp_path, "DEPB", 12, {"B-01": 60, "B-04": 88, "B-02": 75, "B-03": 340})
    kpi(db, "round", "approve", "--year", YEAR, "--round", 12)

    # the meeting: reason typed before the status, a substitute, a guest, resolutions
    ref = f"1/{MEETING_YEAR}"
    kpi(db, "meeting", "create", "--number", 1, "--date", date.today().isoformat(), "--start", "09.30", "--end", "12.00",
        "--place", "ห้องประชุมชั้นห้า กระทรวงทดสอบระบบ", "--minute-taker", "นางสาวผู้จด รายงาน",
        "--minute-taker-position", "นักพัฒนาระบบราชการชำนาญการ", "--checker", "นายผู้ตรวจ รายงาน",
        "--checker-position", "ผู้อำนวยการกองพัฒนาระบบบริหาร")
    kpi(db, "meeting", "attend", "--meeting", ref, "--member", "นายกรรมการ หนึ่ง", "--reason", "ติดราชการต่างประเทศ")
    kpi(db, "meeting", "attend", "--meeting", ref, "--member", "นายกรรมการ หนึ่ง", "--status", "absent")
    kpi(db, "meeting", "attend", "--meeting", ref, "--member", "นางกรรมการ สอง", "--substitute", "นายผู้แทน มาแทน",
        "--substitute-position", "รองอธิบดีกรมทดสอบงานสอง", "--status", "substitute")
    for name in ("นายประธาน ทดสอบ", "นางสาวรองประธาน ทดสอบ"):
        kpi(db, "meeting", "attend", "--meeting", ref, "--member", name, "--status", "present")
    kpi(db, "meeting", "guest", "--meeting", ref, "--name", "นายแขก รับเชิญ", "--position", "ผู้แทนสำนักงาน ก.พ.ร.")
    kpi(db, "meeting", "item", "--meeting", ref, "--number", "๑", "--title", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        "--resolution", "ที่ประชุมรับทราบ")
    kpi(db, "meeting", "item", "--meeting", ref, "--number", "๓.๑", "--title", "ผลการดำเนินงานตามตัวชี้วัด รอบ ๖ เดือน",
        "--resolution", "ที่ประชุมเห็นชอบผลการดำเนินงานและมอบหมายให้ติดตามต่อเนื่อง")
    assert "นายเลขานุการ ทดสอบ" in kpi(db, "meeting", "check", "--meeting", ref, code=1)
    kpi(db, "meeting", "attend", "--meeting", ref, "--member", "นายเลขานุการ ทดสอบ", "--status", "present")
    kpi(db, "meeting", "check", "--meeting", ref)

    minutes, pack = tmp_path / "minutes.pdf", tmp_path / "pack.pdf"
    kpi(db, "report", "minutes", "--meeting", ref, "--out", minutes)
    kpi(db, "report", "pack", "--meeting", ref, "--out", pack)
    words = pdf_words(minutes)
    for phrase in ("ผู้ไม่มาประชุม", "นายกรรมการหนึ่ง", "ติดราชการต่างประเทศ", "นายผู้แทนมาแทน",
                   "มาประชุมแทนนางกรรมการสอง", "นายแขกรับเชิญ", "ระเบียบวาระที่๓", "ผู้จดรายงานการประชุม",
                   "ที่ประชุมเห็นชอบผลการดำเนินงาน"):
        assert phrase in words, phrase
    for pdf in (minutes, pack):
        assert shared_checker(pdf)[0] == 0


def test_an_empty_list_says_so_and_a_listing_speaks_thai(tmp_path):
    """A new ministry's lists say there is nothing yet (and how to add), not an empty screen, and its annex and
    results are refused, not printed empty; a listing shows the Thai name of a kind, role or decision, with the
    code the commands take beside it."""
    db = tmp_path / "new.sqlite3"
    kpi(db, "init", "--ministry-code", "MOTEST", "--ministry-name", "กระทรวงทดสอบระบบ", "--year", YEAR)
    assert "ยังไม่มีหน่วยงาน (เพิ่มด้วย: kpi-desk unit add" in kpi(db, "unit", "list")
    assert f"ปีงบประมาณ พ.ศ. {YEAR} ยังไม่มีคำขอปรับตัวชี้วัด" in kpi(db, "change-request", "list", "--year", YEAR)
    assert "ยังไม่มีหน่วยงานที่มีตัวชี้วัด" in kpi(db, "score", "--year", YEAR, "--round", 6)
    for kind, rnd, why in (("annex", (), f"ยังไม่มีหน่วยงานใดมีตัวชี้วัดในปีงบประมาณ พ.ศ. {YEAR}"),
                           ("results", ("--round", 6), f"ยังไม่มีหน่วยงานใดมีตัวชี้วัดในปีงบประมาณ พ.ศ. {YEAR}"),
                           ("joint", (), f"ยังไม่ได้บันทึกประเด็น Joint KPIs ของปีงบประมาณ พ.ศ. {YEAR}")):
        said = kpi(db, "report", kind, "--year", YEAR, *rnd, "--out", tmp_path / f"{kind}.pdf", code=2)
        assert f"ให้พิมพ์: {why}" in said, said                      # not an official page with an empty table
        assert not (tmp_path / f"{kind}.pdf").exists()
    kpi(db, "unit", "add", "--code", "PROV", "--name", "จังหวัดทดสอบ", "--kind", "province")
    kpi(db, "committee", "set", "--order-ref", "คำสั่งกระทรวงทดสอบระบบ ที่ ๑/๒๕๖๙")
    kpi(db, "committee", "add-member", "--name", "นายประธาน ทดสอบ", "--position", "ปลัดกระทรวง", "--role", "chair")
    assert "PROV\tจังหวัดทดสอบ\tจังหวัด (province)" in kpi(db, "unit", "list")
    kpi(db, "unit", "add", "--code", "PUB", "--name", "องค์การทดสอบ", "--kind", "public_org")   # not evaluated
    checked = kpi(db, "check")                          # a notice: the data there is is right, exit 0
    assert f"หน่วยงานที่ยังไม่มีตัวชี้วัด (ไม่อยู่ในภาคผนวกและผลการประเมินของปีนั้น): 1 รายการ\n  - ปี {YEAR} จังหวัดทดสอบ" \
        in checked and "องค์การทดสอบ" not in checked
    assert "ผลการตรวจ: ข้อมูลที่มีถูกต้อง แต่มีหน่วยงานที่ยังไม่มีตัวชี้วัด 1 รายการ" in checked
    assert "หน่วยงาน PROV ยังไม่มีตัวชี้วัด" in kpi(db, "report", "annex", "--year", YEAR, "--unit", "PROV", "--out",
                                                 tmp_path / "prov.pdf", code=2)
    kpi(db, "meeting", "create", "--number", 1, "--date", f"{YEAR}-01-15")
    kpi(db, "report", "pack", "--meeting", f"1/{YEAR}", "--out", tmp_path / "pack.pdf")    # invitation and agenda only
    words = pdf_words(tmp_path / "pack.pdf")
    assert "ระเบียบวาระการประชุม" in words and "JointKPIs" not in words and "ค่าเป้าหมาย" not in words
    assert "นายประธาน ทดสอบ\tปลัดกระทรวง\tประธานกรรมการ (chair)" in kpi(db, "committee", "list")


def test_a_member_added_after_the_committee_has_met_joins_that_day(demo_path):
    """The demo committee has met: a member added today is not among the absent of its earlier meetings
    (their minutes keep the committee they had); --since sets the real start and --until the end of the term,
    and a bad date or a term that ends before it starts is refused."""
    added = kpi(demo_path, "committee", "add-member", "--name", "นายใหม่ ล่าสุด", "--position", "อธิบดีกรมใหม่")
    assert "เป็นกรรมการตั้งแต่" in added and "--since" in added
    assert "การมาประชุมบันทึกครบแล้ว" in kpi(demo_path, "meeting", "check", "--meeting", "1/2567")
    assert "ตั้งแต่" in kpi(demo_path, "committee", "list").splitlines()[-1]
    kpi(demo_path, "committee", "edit-member", "--name", "นายใหม่ ล่าสุด", "--since", "1 ต.ค. 2566")
    assert "ยังไม่ได้บันทึกการมาประชุมของ นายใหม่ ล่าสุด" in kpi(demo_path, "meeting", "check", "--meeting", "1/2567",
                                                                  code=1)
    checked = kpi(demo_path, "check", code=1)                  # (the demo has a missing result: exit 1)
    assert "  - ครั้งที่ 1/2567: ยังไม่ได้บันทึกการมาประชุมของ นายใหม่ ล่าสุด" in checked
    said = kpi(demo_path, "report", "minutes", "--meeting", "1/2567", "--out", demo_path.with_name("minutes.pdf"))
    assert "คำเตือน: ยังไม่ได้บันทึกการมาประชุมของ นายใหม่ ล่าสุด รายงานการประชุมจึงพิมพ์ชื่อไว้ในผู้ไม่มาประชุม" in said
    refused = kpi(demo_path, "committee", "edit-member", "--name", "นายใหม่ ล่าสุด", "--since", "45/10/2566", code=2)
    assert "--since: วันที่ “45/10/2566” ไม่ถูกต้อง" in refused
    kpi(demo_path, "committee", "edit-member", "--name", "นายใหม่ ล่าสุด", "--until", "30/11/2566")  # left before 1/2567
    assert "การมาประชุมบันทึกครบแล้ว" in kpi(demo_path, "meeting", "check", "--meeting", "1/2567")
    assert "บันทึกการมาประชุมยังไม่ครบ" not in kpi(demo_path, "check", code=1)
    assert "คำเตือน" not in kpi(demo_path, "report", "minutes", "--meeting", "1/2567", "--out",
                                demo_path.with_name("minutes.pdf"))
    assert "ถึง ๓๐ พฤศจิกายน ๒๕๖๖" in kpi(demo_path, "committee", "list")
    assert "สิ้นสุดก่อนวันเริ่ม" in kpi(demo_path, "committee", "edit-member", "--name", "นายใหม่ ล่าสุด", "--until",
                                        "1/1/2566", code=2)


def test_a_memo_is_signed_by_the_secretary_of_its_day(demo_path, tmp_path):
    """The secretary leaves and another is appointed: a memo of today is signed by the new secretary (it was
    still signed by the one who had left), a memo dated before the change by the one then in office, and the
    invitation of an earlier meeting keeps its own signer."""
    kpi(demo_path, "committee", "retire-member", "--name", "นางสาวศิริพร ใจงาม")
    kpi(demo_path, "committee", "add-member", "--name", "นายเลขา คนใหม่", "--position", "ผู้อำนวยการกองพัฒนาระบบบริหาร",
        "--role", "secretary", "--unit", "OPS")
    body = tmp_path / "body.txt"
    body.write_text("ทดสอบ\n", encoding="utf-8")
    for dated, signer in ((None, "(นายเลขาคนใหม่)"), ("2567-02-07", "(นางสาวศิริพรใจงาม)")):
        out = tmp_path / f"memo-{dated}.pdf"
        kpi(demo_path, "report", "memo", "--subject", "ทดสอบ", "--to", "ปลัด", "--body", body, "--out", out,
            *(("--date", dated) if dated else ()))
        assert signer in pdf_words(out), dated
    kpi(demo_path, "report", "invitation", "--meeting", "2/2567", "--out", tmp_path / "inv.pdf")
    assert "(นางสาวศิริพรใจงาม)" in pdf_words(tmp_path / "inv.pdf")


def test_approving_a_round_never_passes_over_what_it_leaves_out(tmp_path):
    """A round with nothing evaluated in it (a new ministry, no indicator) used to be approved and locked in
    silence; so was a round whose ministry has a department with no indicator. The first is refused even
    with a reason; the second is named, and needs the committee's reason, like a missing result."""
    db = tmp_path / "m.sqlite3"
    kpi(db, "init", "--ministry-code", "MOTEST", "--ministry-name", "กระทรวงทดสอบระบบ", "--year", YEAR)
    for reason in ((), ("--reason", "ทดสอบ")):
        refused = kpi(db, "round", "approve", "--year", YEAR, "--round", 12, *reason, code=2)
        assert "ยังไม่มีตัวชี้วัดที่ประเมินในรอบนี้ จึงไม่มีผลให้เห็นชอบ" in refused
    kpi(db, "round", "lock", "--year", YEAR, "--round", 12, code=2)          # never approved: still open
    for code, name in (("DEPA", "กรมทดสอบงานหนึ่ง"), ("DEPB", "กรมทดสอบงานสอง"), ("DEPC", "กรมทดสอบงานสาม")):
        kpi(db, "unit", "add", "--code", code, "--name", name)
    kpi(db, "import", ministry_list(tmp_path / "list.xlsx"), "--year", YEAR)
    results(db, tmp_path, "DEPA", 12, {"A-01": 89, "A-02": 4, "A-03": 360})
    results(db, tmp_path, "DEPB", 12, {"B-01": 60, "B-04": 88, "B-02": 75, "B-03": 340})
    refused = kpi(db, "round", "approve", "--year", YEAR, "--round", 12, code=2)
    assert "ยังมีปัญหา 1 รายการ" in refused and "ยังไม่มีตัวชี้วัด จึงไม่มีผลการประเมินในรอบนี้: กรมทดสอบงานสาม" in refused
    kpi(db, "round", "approve", "--year", YEAR, "--round", 12, "--reason", "กรมทดสอบงานสามตั้งขึ้นใหม่ เริ่มประเมินปีหน้า")
