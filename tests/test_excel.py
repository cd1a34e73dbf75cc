"""Excel exchange: templates, imports (clean, sloppy and hostile), export round trip, fuzzing."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from app.errors import KpiDeskError
from app.io.export import write_export
from app.io.importer import ImportRefused
from app.io.imports import run_import
from app.io.template import write_template
from app.io.workbook_format import META_SHEET, put_text, MINISTRY_COLUMNS, MINISTRY_SHEET, RESULTS_SHEET, TARGETS_SHEET
from app.models import Assignment, Result
from app.services import lookup
from app.store import open_store


FUZZ_BASE = Path(__file__).parent / "data" / "fuzz-base-targets-PCD-2568.xlsx"


def db_digest(store) -> str:
    """Everything in the database, audit trail included."""
    conn = sqlite3.connect(store.path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def template(store, tmp_path, unit="PCD", year=2568, months=None) -> Path:
    out = tmp_path / f"{unit}-{year}-{months}.xlsx"
    with store.reading() as s:
        write_template(s, year_be=year, unit_code=unit, months=months, out=out)
    return out


def edit(path: Path, sheet: str, changes: dict[str, object]) -> Path:
    wb = load_workbook(path)
    for ref, value in changes.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


def targets(store, unit: str, code: str, year: int = 2568):
    with store.reading() as s:
        a = s.exec(select(Assignment).where(Assignment.unit_id == lookup.unit(s, unit).id,
                                            Assignment.indicator_id == lookup.indicator(s, code).id,
                                            Assignment.fiscal_year_id == lookup.year(s, year).id)).one()
        return a.weight, a.base, a.standard, a.advanced


def refused(store, path, **expect) -> list[str]:
    before = db_digest(store)
    with pytest.raises(KpiDeskError) as info:
        run_import(store, path, expect)
    assert db_digest(store) == before, "a refused import must leave the database unchanged"
    return info.value.problems if isinstance(info.value, ImportRefused) else [info.value.th]


def test_targets_template_is_protected_and_says_where_it_belongs(demo_store, tmp_path):
    path = template(demo_store, tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "คำอธิบาย" and wb[META_SHEET].sheet_state == "veryHidden"
    meta = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(values_only=True)}
    assert (meta["kind"], meta["unit"], meta["year"]) == ("targets", "PCD", "2568")
    ws = wb[TARGETS_SHEET]
    assert ws.protection.sheet
    assert ws["A1"].font.name == "Sarabun" and ws["A1"].value == "รหัสตัวชี้วัด"
    assert ws["A2"].protection.locked and not ws["G2"].protection.locked       # code locked, weight editable
    assert any("F2" in str(dv.sqref) for dv in ws.data_validations.dataValidation)


def test_sloppy_numbers_are_understood_and_dry_run_changes_nothing(demo_store, tmp_path):
    path = edit(template(demo_store, tmp_path), TARGETS_SHEET,
                {"H3": "๗๑", "I3": "76.0", "J3": "1,081", "H4": "36%", "G3": " 15 "})
    before = db_digest(demo_store)
    plan = run_import(demo_store, path, dry_run=True)
    assert db_digest(demo_store) == before
    changed = {(c.subject, c.field): (c.old, c.new) for c in plan.changes if c.action == "changed"}
    assert changed[("PCD / PCD-02", "base")] == ("74", "71")
    assert changed[("PCD / PCD-02", "advanced")] == ("84", "1081")
    assert plan.counts()["unchanged"] >= 4
    run_import(demo_store, path)
    assert targets(demo_store, "PCD", "PCD-02") == (D(15), D(71), D("76.0"), D(1081))
    assert targets(demo_store, "PCD", "PCD-03")[1] == D(36)


def test_text_in_a_number_cell_names_sheet_row_and_column(demo_store, tmp_path):
    path = edit(template(demo_store, tmp_path), TARGETS_SHEET, {"G3": "สิบห้า"})
    problems = refused(demo_store, path)
    assert any("แผ่นงาน “ตัวชี้วัดและค่าเป้าหมาย” แถว 3 คอลัมน์ “น้ำหนัก”" in p and "ไม่ใช่ตัวเลข" in p for p in problems)


def test_weights_that_do_not_add_up_roll_back_everything(demo_store, tmp_path):
    path = edit(template(demo_store, tmp_path), TARGETS_SHEET, {"G2": 30, "H3": 71})
    problems = refused(demo_store, path)
    assert any("น้ำหนักรวม" in p and "110" in p for p in problems)
    assert targets(demo_store, "PCD", "PCD-02")[1] == D(74)            # the valid edit was not kept either


def test_blank_rows_merged_cells_and_extra_sheets_are_tolerated(demo_store, tmp_path):
    path = template(demo_store, tmp_path)
    wb = load_workbook(path)
    ws = wb[TARGETS_SHEET]
    ws.insert_rows(4, amount=2)
    ws.merge_cells("B2:C2")
    wb.create_sheet("บันทึกของกรม")["A1"] = "หมายเหตุภายใน"
    wb.save(path)
    plan = run_import(demo_store, path, dry_run=True)
    assert not plan.problems and plan.counts()["changed"] == 0


def test_duplicated_indicator_is_refused(demo_store, tmp_path):
    path = template(demo_store, tmp_path)
    wb = load_workbook(path)
    ws = wb[TARGETS_SHEET]
    for col in range(1, 14):
        ws.cell(row=9, column=col, value=ws.cell(row=2, column=col).value)
    wb.save(path)
    assert any("ซ้ำ" in p for p in refused(demo_store, path))


def test_template_for_another_unit_year_or_round(demo_store, tmp_path):
    path = template(demo_store, tmp_path)
    assert any("หน่วยงาน PCD" in p and "DMR" in p for p in refused(demo_store, path, unit="DMR"))
    assert any("ปีงบประมาณ 2568" in p for p in refused(demo_store, path, year=2567))
    results = template(demo_store, tmp_path, unit="DMCR", year=2567, months=12)
    assert any("รอบการประเมิน 12" in p for p in refused(demo_store, results, round=6))


def test_results_into_a_locked_round_are_refused(demo_store, tmp_path):
    path = edit(template(demo_store, tmp_path, unit="PCD", year=2567, months=6), RESULTS_SHEET, {"H2": 30})
    assert any("ปิดรอบแล้ว" in p for p in refused(demo_store, path))


def test_results_template_fills_a_missing_result(demo_store, tmp_path):
    path = template(demo_store, tmp_path, unit="DMCR", year=2567, months=12)
    wb = load_workbook(path)
    ws = wb[RESULTS_SHEET]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "DMCR-02")
    ws.cell(row, 8, "๕๗.๕")
    put_text(ws.cell(row, 9), '=HYPERLINK("http://x")')   # typed as text in Excel: stays text, never runs
    wb.save(path)
    plan = run_import(demo_store, path)
    assert plan.counts()["changed"] == 1      # the demo holds an empty result with a note for this one
    with demo_store.reading() as s:
        a = s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, "DMCR-02").id)).first()
        r = s.exec(select(Result).where(Result.assignment_id == a.id, Result.round_id == lookup.round_of(s, 2567, 12).id)).one()
        assert r.actual == D("57.5") and r.note == '=HYPERLINK("http://x")' and r.evidence_ref == ""


def test_a_formula_never_computed_is_refused_not_read_as_blank(demo_store, tmp_path):
    path = template(demo_store, tmp_path, unit="DMCR", year=2567, months=12)
    wb = load_workbook(path)
    ws = wb[RESULTS_SHEET]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "DMCR-01")
    ws.cell(row, 8, "=1+1")           # openpyxl writes no cached value, as a file never opened in Excel has
    wb.save(path)
    before = db_digest(demo_store)
    problems = refused(demo_store, path)
    assert any(f"แถว {row}" in p and "สูตรที่ยังไม่มีผลลัพธ์" in p for p in problems)
    assert db_digest(demo_store) == before


def test_ministry_wide_list_adds_indicators_and_refuses_unknown_units(demo_store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = MINISTRY_SHEET
    ws.append([c.header for c in MINISTRY_COLUMNS])
    ws.append(["PCD", "PCD-09", "ร้อยละของโรงงานที่ผ่านเกณฑ์การระบายน้ำทิ้ง", "functional", "1.1", "ร้อยละ", "ยิ่งมากยิ่งดี",
               "ไม่ใช่", "5", "80", "85", "90"])
    ws.append(["PCD", "PCD-02", None, None, None, None, None, "ไม่ใช่", "10", "74", "79", "84"])
    path = tmp_path / "ministry.xlsx"
    wb.save(path)
    with pytest.raises(KpiDeskError) as info:
        run_import(demo_store, path)
    assert "--year" in info.value.th
    plan = run_import(demo_store, path, {"year": 2568})
    assert plan.counts()["added"] == 1 and plan.counts()["changed"] == 1
    assert targets(demo_store, "PCD", "PCD-09") == (D(5), D(80), D(85), D(90))
    ws.append(["XYZ", "PCD-02", None, None, None, None, None, "ไม่ใช่", "10", "1", "2", "3"])
    wb.save(path)
    assert any("ไม่พบหน่วยงานรหัส “XYZ”" in p for p in refused(demo_store, path, year=2568))


@pytest.mark.parametrize("name,content", [
    ("random.xlsx", bytes(random.Random(1).randrange(256) for _ in range(4000))),
    ("text.xlsx", "ตัวชี้วัด,น้ำหนัก\nA,10\n".encode("utf-8")),
    ("empty.xlsx", b""),
])
def test_corrupt_or_not_excel(demo_store, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    problems = refused(demo_store, path)
    assert "ไม่ใช่ไฟล์ Excel" in problems[0] or "เสียหาย" in problems[0]


def test_macros_are_refused(demo_store, tmp_path):
    xlsm = tmp_path / "m.xlsm"
    xlsm.write_bytes(template(demo_store, tmp_path).read_bytes())
    assert "แมโคร" in refused(demo_store, xlsm)[0]
    disguised = tmp_path / "disguised.xlsx"
    with zipfile.ZipFile(template(demo_store, tmp_path)) as src, zipfile.ZipFile(disguised, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\x00" * 64)
    assert "แมโคร" in refused(demo_store, disguised)[0]


def test_xml_entity_tricks_are_refused(demo_store, tmp_path):
    src = template(demo_store, tmp_path)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/workbook.xml":
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                data = data.replace(b"?>", b"?>" + dtd, 1) if data.startswith(b"<?xml") else dtd + data
            zout.writestr(item, data)
    assert "ไม่ปลอดภัย" in refused(demo_store, bomb)[0]


def test_export_reimports_into_an_empty_database_exactly(demo_store, tmp_path):
    first = tmp_path / "export.xlsx"
    with demo_store.reading() as s:
        write_export(s, year_be=2567, out=first)
    empty = open_store(tmp_path / "empty.sqlite3", create=True)
    plan = run_import(empty, first)
    assert plan.counts()["added"] > 100
    second = tmp_path / "again.xlsx"
    with empty.reading() as s:
        write_export(s, year_be=2567, out=second)
    empty.close()
    a, b = load_workbook(first), load_workbook(second)
    assert a.sheetnames == b.sheetnames
    for name in a.sheetnames:
        rows_a = [r for r in a[name].iter_rows(values_only=True) if r[0] != "created"]
        rows_b = [r for r in b[name].iter_rows(values_only=True) if r[0] != "created"]
        assert rows_a == rows_b, name
    assert any(r[4] == "ระดับคุณภาพ" for r in a["คะแนน"].iter_rows(values_only=True))


def test_export_writes_text_as_text(demo_store, tmp_path):
    from app.services.grid import set_result_field
    with demo_store.transaction() as s:
        a = s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, "PCD-02").id,
                                            Assignment.fiscal_year_id == lookup.year(s, 2567).id)).one()
        set_result_field(s, lookup.round_of(s, 2567, 12), a.id, "note", "=cmd|' /C calc'!A0")
        set_result_field(s, lookup.round_of(s, 2567, 12), a.id, "evidence_ref", "@SUM(1)")
    out = tmp_path / "e.xlsx"
    with demo_store.reading() as s:
        write_export(s, year_be=2567, out=out)
    ws = load_workbook(out)["ผล"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=@"]
    assert len(cells) == 2 and all(c.data_type == "s" for c in cells)
    xml = zipfile.ZipFile(out).read("xl/worksheets/sheet9.xml")
    assert b"<f>" not in xml


@pytest.mark.slow
def test_fuzzed_templates_never_crash_and_never_half_write(demo_store, tmp_path):
    rng = random.Random(2568)
    good = FUZZ_BASE.read_bytes()          # fixed bytes: a fresh template differs run to run (timestamps)
    values = ["", "๕๐", "1,250.5", "62.5%", "abc", "-1", "1e400", "NaN", "∞", "=1+1", None, 0, 10 ** 30, "100.",
              "๑,๐๐๐.๕", "  ", "ใช่", "ไม่ใช่", "maybe", 3.14159]
    crashes = []
    for i in range(120):
        path = tmp_path / f"fuzz{i}.xlsx"
        if i % 2:
            data = bytearray(good)
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            path.write_bytes(bytes(data))
        else:
            path.write_bytes(good)
            edit(path, TARGETS_SHEET, {f"{rng.choice('FGHIJKLM')}{rng.randint(2, 9)}": rng.choice(values)
                                       for _ in range(rng.randint(1, 6))})
        before = db_digest(demo_store)
        try:
            run_import(demo_store, path)
        except KpiDeskError:
            assert db_digest(demo_store) == before, f"fuzz case {i} changed the database and then failed"
        except Exception as exc:  # noqa: BLE001 - the point of the test
            crashes.append(f"case {i}: {type(exc).__name__}: {exc}")
    assert crashes == []


def test_a_number_excel_shows_as_a_percentage_is_read_as_shown(demo_store, tmp_path):
    """Typing "27%" into a cell makes Excel store 0.27 and show 27%. The import read 0.27: กรมทรัพยากรน้ำ's
    result against targets 23.62 / 26 / 28.88 (per cent) would have scored 0, in silence. A number formatted
    as a percentage is now read as Excel shows it, in every sheet (targets too)."""
    path = template(demo_store, tmp_path, unit="DWR", year=2568, months=12)
    wb = load_workbook(path)
    ws = wb[RESULTS_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    for code, value, shown in (("DWR-01", 0.27, "0%"), ("DWR-02", 1, "0%"), ("DWR-03", 0.2362, "0.00%")):
        ws.cell(rows[code], 8, value).number_format = shown
    ws.cell(rows["DIG-01"], 8, 0.5).number_format = "0.0"           # not a percentage: read as it is
    wb.save(path)
    plan = run_import(demo_store, path, dry_run=True)
    added = {c.subject.split(" / ")[1]: c.new for c in plan.changes if c.field == "actual"}
    assert added == {"DWR-01": "27", "DWR-02": "100", "DWR-03": "23.62", "DIG-01": "0.5"}
    run_import(demo_store, path)
    with demo_store.reading() as s:
        a = s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, "DWR-01").id,
                                            Assignment.fiscal_year_id == lookup.year(s, 2568).id)).one()
        r = s.exec(select(Result).where(Result.assignment_id == a.id,
                                        Result.round_id == lookup.round_of(s, 2568, 12).id)).one()
        assert r.actual == D(27)

    path = edit(template(demo_store, tmp_path, unit="PCD"), TARGETS_SHEET, {"H3": 0.71})
    wb = load_workbook(path)
    wb[TARGETS_SHEET]["H3"].number_format = "0%"
    wb.save(path)
    run_import(demo_store, path)
    assert targets(demo_store, "PCD", "PCD-02")[1] == D(71)
