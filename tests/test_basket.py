"""OPDC's KPI Basket per fiscal year (issue 16, point 4): imported all-or-nothing from its Excel list,
searched, drawn from in the window and on the command line, and counted in the annex."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from app.io.importer import ImportRefused
from app.io.imports import run_import
from app.io.workbook_format import BASKET_COLUMNS, BASKET_SHEET
from app.models import Assignment, Indicator
from app.services import basket, lookup
from app.services.changes import perform
from tests.clirun import run_cli

ROWS = [
    ("BK-101", "ร้อยละของผู้รับบริการที่พึงพอใจต่อการให้บริการ", "ผู้รับบริการที่ตอบแบบสำรวจ", "ร้อยละ", "ยิ่งมากยิ่งดี",
     "จำนวนผู้พึงพอใจ × ๑๐๐ ÷ ผู้ตอบทั้งหมด", "แบบสำรวจ", "ตัวชี้วัดตามภารกิจพื้นฐาน"),
    ("BK-102", "ระยะเวลาเฉลี่ยในการออกใบอนุญาต", "นับจากวันที่ยื่นคำขอครบถ้วน", "วัน", "ยิ่งน้อยยิ่งดี", "", "ระบบงานอนุญาต", ""),
    ("BK-103", "ร้อยละของข้อมูลที่เปิดเผยในรูปแบบ Open Data", "", "ร้อยละ", "higher", "", "data.go.th", "digital"),
]


def basket_xlsx(path: Path, rows=ROWS) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = BASKET_SHEET
    ws.append([c.header for c in BASKET_COLUMNS])
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def test_the_list_replaces_the_years_basket_all_or_nothing(demo_store, tmp_path):
    plan = run_import(demo_store, basket_xlsx(tmp_path / "basket.xlsx"), {"year": 2568})
    assert plan.kind == "basket" and plan.counts()["added"] == 3
    assert plan.record.touches("basketentry")
    with demo_store.reading() as s:
        rows = basket.search_basket(s, 2568)
        assert [r.code for r in rows] == ["BK-101", "BK-102", "BK-103"]
        assert rows[1].direction == "lower" and rows[2].kind == "digital" and rows[0].kind == "functional"
        assert [r.code for r in basket.search_basket(s, 2568, "ใบอนุญาต")] == ["BK-102"]
        assert [r.code for r in basket.search_basket(s, 2568, "bk-103")] == ["BK-103"]
        assert [r.code for r in basket.search_basket(s, 2568, "open  data")] == ["BK-103"]
        assert basket.search_basket(s, 2567) == []                 # a year of its own
    # a new edition: one renamed, one gone, one new
    edition = [(ROWS[0][0], "ร้อยละความพึงพอใจของผู้รับบริการ", *ROWS[0][2:]), ROWS[2],
               ("BK-104", "จำนวนนวัตกรรมที่นำไปใช้จริง", "", "เรื่อง", "higher", "", "", "functional")]
    plan = run_import(demo_store, basket_xlsx(tmp_path / "edition2.xlsx", edition), {"year": 2568})
    with demo_store.reading() as s:
        rows = {r.code: r for r in basket.search_basket(s, 2568)}
    assert sorted(rows) == ["BK-101", "BK-103", "BK-104"] and rows["BK-101"].name_th.startswith("ร้อยละความพึงพอใจ")
    assert any("ไม่อยู่ในรายการใหม่" in c.subject for c in plan.changes)
    # a bad row refuses the whole list: nothing written
    bad = [ROWS[0], ("BK-201", "", "", "", "higher", "", "", ""), ("BK-202", "ชื่อ", "", "", "ขึ้นลง", "", "", ""),
           ROWS[0], ("BK-203", "ตัวชี้วัดยุทธศาสตร์", "", "", "higher", "", "", "strategic")]
    with pytest.raises(ImportRefused) as refused:
        run_import(demo_store, basket_xlsx(tmp_path / "bad.xlsx", bad), {"year": 2568})
    said = " | ".join(p.th for p in refused.value.plan.problems)
    assert "ไม่มีชื่อ" in said and "ขึ้นลง" in said and "ซ้ำ" in said and "Strategic" in said
    assert "แถว 3" in said or "แถว ๓" in said
    with demo_store.reading() as s:
        assert sorted(r.code for r in basket.search_basket(s, 2568)) == ["BK-101", "BK-103", "BK-104"]


def test_an_indicator_drawn_from_the_basket_knows_it_and_the_annex_counts_it(demo_store, demo_path, tmp_path):
    run_import(demo_store, basket_xlsx(tmp_path / "basket.xlsx"), {"year": 2568})
    with demo_store.reading() as s:
        entry = next(r for r in basket.search_basket(s, 2568) if r.code == "BK-102")
        pcd = lookup.unit(s, "PCD").id
    done = perform(demo_store, "add from basket", basket.add_from_basket, entry_id=entry.id, unit_id=pcd)
    assert done.changes.touches("assignment", "indicator")
    with demo_store.reading() as s:
        ind = s.exec(select(Indicator).where(Indicator.code == "BK-102")).one()
        assert ind.from_basket and ind.direction == "lower" and ind.definition.startswith("นับจาก")
        assert s.exec(select(Assignment).where(Assignment.indicator_id == ind.id)).one().unit_id == pcd
        assert basket.search_basket(s, 2568, "BK-102")[0].in_catalogue
    with pytest.raises(Exception, match="แล้ว"):          # the unit has it already
        perform(demo_store, "again", basket.add_from_basket, entry_id=entry.id, unit_id=pcd)
    demo_store.close()
    out = tmp_path / "annex.pdf"
    proc = run_cli("report", "annex", "--year", "2568", "--out", str(out), "--db", str(demo_path))
    assert proc.returncode == 0, proc.stderr
    from pdftext import text
    words = "".join(text(out).split())
    assert "จากKPIBasket" in words and "หน่วยงานเสนอ" in words


def test_the_command_line_imports_lists_and_adds(demo_path, tmp_path):
    path = basket_xlsx(tmp_path / "basket.xlsx")
    proc = run_cli("import", str(path), "--year", "2568", "--db", str(demo_path))
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("basket", "--year", "2568", "--search", "พึงพอใจ", "--db", str(demo_path))
    assert proc.returncode == 0 and "BK-101" in proc.stdout and "BK-102" not in proc.stdout
    proc = run_cli("basket", "--year", "2568", "--add", "BK-101", "--unit", "DGR", "--db", str(demo_path))
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("basket", "--year", "2568", "--add", "BK-999", "--unit", "DGR", "--db", str(demo_path))
    assert proc.returncode == 2 and "ไม่พบรหัส BK-999" in proc.stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    proc = run_cli("import", str(broken), "--year", "2568", "--db", str(demo_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_the_window_searches_the_basket_and_adds_the_choice(qtbot, demo_store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog
    from app.ui.basket_dialog import BasketDialog
    from tests.test_gui import go, open_window, pick_unit, set_year

    run_import(demo_store, basket_xlsx(tmp_path / "basket.xlsx"), {"year": 2568})
    window = open_window(qtbot, demo_store)
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "DMR")
    seen = {}

    def user_searches(dialog):
        seen["all"] = dialog.model.rowCount()
        dialog.search.insert("ใบอนุญาต")        # as a Thai input method commits a word (QTest types only ASCII)
        seen["found"] = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
        seen["detail"] = dialog.detail.text()
        return QDialog.Accepted
    monkeypatch.setattr(BasketDialog, "exec", user_searches)
    qtbot.mouseClick(page.basket_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.LeftButton)
    assert seen["all"] == 3 and seen["found"] == ["BK-102"] and "นับจากวันที่ยื่นคำขอ" in seen["detail"]
    qtbot.waitUntil(lambda: any(r.indicator_code == "BK-102" for r in page.model.rows))
    row = next(r for r in page.model.rows if r.indicator_code == "BK-102")
    assert row.from_basket
    column = next(c for c in range(page.model.columnCount()) if page.model.field(c) == "origin")
    assert page.model.index(page.model.rows.index(row), column).data() == "KPI Basket"
    window.close()
