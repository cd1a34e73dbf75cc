"""The desktop window driven as a secretary uses it: typing, pasting, undoing, locked rounds, language,
reports. Each check reads the database back through the services, not the widgets."""

from __future__ import annotations

from decimal import Decimal as D

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLineEdit, QMessageBox
from sqlmodel import select

from app.models import Assignment, Result
from app.services import lookup
from app.ui import i18n
from app.ui.launch import lock_database, make_app
from app.ui.main_window import MainWindow


def open_window(qtbot, store) -> MainWindow:
    """The window on ``store``, in Thai, shown (closed with the test)."""
    make_app()
    i18n.apply_language("th")
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def window(qtbot, demo_store):
    yield open_window(qtbot, demo_store)
    i18n.apply_language("th")


def go(window, page: str):
    window.go(page)
    return window.pages[page]


def set_year(window, year: int, months: int = 12):
    window.year_box.setCurrentIndex(window.year_box.findData(year))
    window.round_box.setCurrentIndex(window.round_box.findData(months))


def pick_unit(page, code: str):
    page.unit.setCurrentIndex(next(i for i in range(page.unit.count()) if page.unit.itemText(i).startswith(code)))


def cell(page, field: str, indicator_code: str | None = None, row: int = 0):
    model = page.model
    if indicator_code is not None:
        row = next(i for i, r in enumerate(model.rows) if getattr(r, "indicator_code", None) == indicator_code)
    column = next(c for c in range(model.columnCount()) if model.field(c) == field)
    return model.index(row, column)


def type_into(qtbot, view, index, text: str):
    """Click the cell, press F2, replace its text, press Enter — as a user edits a grid cell."""
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    assert view.currentIndex() == index
    qtbot.keyClick(view, Qt.Key_F2)
    editors = view.viewport().findChildren(QLineEdit)
    assert editors, "the cell did not open an editor"
    editor = editors[-1]
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)   # Thai arrives from the input method as committed text, not as key codes
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)   # Qt commits on the next turn
    qtbot.wait(20)                                                            # and the page saves on the one after


def weight_of(store, code: str, year: int) -> D:
    with store.reading() as s:
        ind = lookup.indicator(s, code)
        return s.exec(select(Assignment).where(Assignment.indicator_id == ind.id,
                                               Assignment.fiscal_year_id == lookup.year(s, year).id)).one().weight


def test_opens_on_the_latest_year_with_results(window):
    assert window.year_box.currentData() == 2567
    dash = window.pages["DashboardPage"]
    assert dash.model.rowCount() == 10
    assert dash.model.index(0, 0).data() == "DNP"        # sorted by score: ระดับคุณภาพ first


def test_typing_a_weight_updates_the_sum_and_the_problems(qtbot, window, demo_store):
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "DMR")
    assert "รวม 95.00 / 100.00" in page.sums.text()
    problems = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert any("น้ำหนักรวม" in p and "95" in p for p in problems)
    assert any("ค่าเป้าหมายต้องเรียงลำดับ" in p for p in problems)
    type_into(qtbot, page.view, cell(page, "weight", "DMR-01"), "20")
    assert weight_of(demo_store, "DMR-01", 2568) == D(20)
    assert "รวม 100.00 / 100.00" in page.sums.text()
    assert page.message.text() == "บันทึกแล้ว"


def test_text_in_a_number_cell_is_refused_in_thai(qtbot, window, demo_store):
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "PCD")
    type_into(qtbot, page.view, cell(page, "weight", "PCD-02"), "สิบห้า")
    assert "ไม่ได้บันทึก" in page.message.text() and "ไม่ใช่ตัวเลข" in page.message.text()
    assert weight_of(demo_store, "PCD-02", 2568) == D(15)


def test_paste_a_block_from_excel_then_undo_and_redo(qtbot, window, demo_store):
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "PCD")
    def targets(code):
        with demo_store.reading() as s:
            a = s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, code).id,
                                                Assignment.fiscal_year_id == lookup.year(s, 2568).id)).one()
            return a.base, a.standard, a.advanced
    before = targets("PCD-02"), targets("PCD-03")
    assert before[0] == (D(74), D(79), D(84))
    page.view.setCurrentIndex(cell(page, "base", "PCD-02"))
    QGuiApplication.clipboard().setText("71\t76\t81\r\n๓๖\t41\t46\r\n")   # two rows copied from Excel
    page.view.setFocus()
    qtbot.keySequence(page.view, QKeySequence.Paste)
    assert targets("PCD-02") == (D(71), D(76), D(81))
    assert targets("PCD-03") == (D(36), D(41), D(46))     # Thai digits accepted
    assert "รวม 100.00 / 100.00" in page.sums.text()
    qtbot.mouseClick(page.undo_button, Qt.LeftButton)
    assert (targets("PCD-02"), targets("PCD-03")) == before
    qtbot.mouseClick(page.redo_button, Qt.LeftButton)
    assert targets("PCD-02") == (D(71), D(76), D(81))


def test_locked_round_is_read_only_and_says_why(qtbot, window, demo_store):
    page = go(window, "ResultsPage")
    set_year(window, 2567, 6)
    pick_unit(page, "PCD")
    assert "ปิดรอบแล้ว" in page.status_label.text()
    index = page.model.index(0, next(c for c in range(page.model.columnCount()) if page.model.field(c) == "actual"))
    assert not page.model.flags(index) & Qt.ItemIsEditable
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    qtbot.keyClicks(page.view, "99")
    with demo_store.reading() as s:
        actuals = [r.actual for r in s.exec(select(Result).where(Result.round_id == lookup.round_of(s, 2567, 6).id))]
    assert D(99) not in actuals
    targets = go(window, "TargetsPage")
    set_year(window, 2567, 12)
    assert "คำขอปรับเปลี่ยน" in targets.lock_label.text() and targets.model.read_only


def test_typing_an_actual_updates_points_and_grade(qtbot, window, demo_store):
    page = go(window, "ResultsPage")
    set_year(window, 2567, 12)
    pick_unit(page, "DMCR")
    assert "64.83" in page.score_label.text() and "ไม่มีผล 1" in page.score_label.text()
    row = next(i for i, r in enumerate(page.model.rows) if r.name.startswith("ร้อยละของแนวปะการัง"))
    index = page.model.index(row, next(c for c in range(page.model.columnCount()) if page.model.field(c) == "actual"))
    type_into(qtbot, page.view, index, "๖๐")
    assert "79.83" in page.score_label.text() and "ระดับมาตรฐานขั้นสูง" in page.score_label.text()
    assert page.model.index(row, cell(page, "points").column()).data() == "100.00"


def test_switching_language(qtbot, window):
    window.language_actions["en"].trigger()
    assert window.nav.item(0).text() == "Dashboard"
    assert window.nav.item(2).text() == "Indicators & targets"
    assert window.pages["TargetsPage"].undo_button.text() == "Undo"
    targets = window.pages["TargetsPage"]
    headers = [targets.model.headerData(c, Qt.Horizontal) for c in range(targets.model.columnCount())]
    assert "Weight" in headers and "Base (50)" in headers
    window.language_actions["th"].trigger()
    assert window.nav.item(0).text() == "แดชบอร์ด"


def test_a_report_from_the_reports_page(qtbot, window, tmp_path, monkeypatch):
    page = go(window, "ReportsPage")
    page.kind.setCurrentIndex(page.kind.findData("joint"))
    qtbot.mouseClick(page.build_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.document.pageCount() > 0, timeout=60000)
    assert "หน้า" in page.message.text()
    assert page.save_button.isEnabled() and page.print_button.isEnabled()
    # saved under a name typed without its type, then over the secretary's workbook by mistake
    typed = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (typed.pop(0), "PDF (*.pdf)"))
    typed.append(str(tmp_path / "joint"))
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert (tmp_path / "joint.pdf").read_bytes().startswith(b"%PDF") and not (tmp_path / "joint").exists()
    workbook = tmp_path / "targets.xlsx"
    workbook.write_bytes(b"PK the secretary's workbook")
    typed.append(str(workbook))
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert workbook.read_bytes() == b"PK the secretary's workbook"
    assert ".pdf" in page.message.text() and "ไม่ได้บันทึก" in page.message.text()


def test_unexpected_error_is_logged_and_shown(qtbot, window, monkeypatch):
    from app.paths import log_path
    from app.ui import errors
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    errors.setup_logging()
    errors.show_error(window, ZeroDivisionError("boom"))
    assert shown and "เกิดข้อผิดพลาดที่ไม่คาดคิด" in shown[0]
    assert "boom" in log_path().read_text(encoding="utf-8")
    assert window.isVisible()


def test_second_instance_is_warned(qtbot, window, demo_store, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.Cancel)
    first = lock_database(window, demo_store.path)
    assert first is not None and asked == []
    second = lock_database(window, demo_store.path)
    assert second is None and "เปิดอยู่" in asked[0]
    first.unlock()


def test_import_from_excel_with_a_preview(qtbot, window, demo_store, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtCore import QTimer

    from app.io.template import write_template
    from app.io.workbook_format import TARGETS_SHEET
    from app.ui import excel
    path = tmp_path / "pcd.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2568, unit_code="PCD", months=None, out=path)
    wb = load_workbook(path)
    wb[TARGETS_SHEET]["H3"] = "๗๒"
    wb.save(path)
    set_year(window, 2568)
    seen = []

    def click_import_when_shown():
        dialog = getattr(window, "last_import_dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(100, click_import_when_shown)
            return
        seen.append([dialog.model.index(r, c).data() for r in range(dialog.model.rowCount()) for c in range(6)])
        qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)

    QTimer.singleShot(100, click_import_when_shown)
    excel.import_workbook(window, str(path))
    qtbot.waitUntil(lambda: "นำเข้าแล้ว" in window.statusBar().currentMessage(), timeout=30000)
    assert "แก้ไข" in seen[0] and "72" in seen[0] and "74" in seen[0]
    with demo_store.reading() as s:
        a = s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, "PCD-02").id,
                                            Assignment.fiscal_year_id == lookup.year(s, 2568).id)).one()
    assert a.base == D(72)


def test_first_run_offers_an_empty_database(qtbot, tmp_path):
    from app.store import open_store
    from app.ui.first_run import FirstRunDialog, prepare
    make_app()
    dialog = FirstRunDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.empty_button, Qt.LeftButton)
    assert dialog.choice is None                      # a ministry name is needed first
    qtbot.keyClicks(dialog.code, "MOI")
    dialog.name.setText("กระทรวงมหาดไทย")
    qtbot.mouseClick(dialog.empty_button, Qt.LeftButton)
    assert dialog.choice == "empty"
    store = open_store(tmp_path / "new.sqlite3", create=True)
    prepare(store, dialog)
    with store.reading() as s:
        assert lookup.ministry(s).name_th == "กระทรวงมหาดไทย"
        from app.models import FiscalYear
        assert len(s.exec(select(FiscalYear)).all()) == 1
    store.close()


def test_reopening_a_locked_round_asks_for_a_reason(qtbot, window, demo_store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.models import AuditEntry, RoundStatus
    set_year(window, 2567, 6)
    page = go(window, "ResultsPage")
    assert page.reopen_button.isEnabled()
    answers = iter([("", True), ("ผลของกรมควบคุมมลพิษต้องแก้ตามหลักฐานใหม่", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    qtbot.mouseClick(page.reopen_button, Qt.LeftButton)          # an empty reason: nothing happens
    with demo_store.reading() as s:
        assert lookup.round_of(s, 2567, 6).status == RoundStatus.LOCKED
    qtbot.mouseClick(page.reopen_button, Qt.LeftButton)
    with demo_store.reading() as s:
        assert lookup.round_of(s, 2567, 6).status == RoundStatus.OPEN
        note = s.exec(select(AuditEntry).where(AuditEntry.field == "status_note")
                      .order_by(AuditEntry.at.desc())).first()
        assert note.new_value == "ผลของกรมควบคุมมลพิษต้องแก้ตามหลักฐานใหม่" and note.user == "tester"
    assert page.approve_button.isEnabled()


def test_switching_language_then_saving_reaches_only_live_pages(qtbot, window, demo_store):
    """Pages are rebuilt by a language switch; the old ones must not be called on the next save."""
    window.switch_language("en")
    window.switch_language("th")
    qtbot.wait(50)
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "DMR")
    type_into(qtbot, page.view, cell(page, "weight", "DMR-01"), "20")
    assert weight_of(demo_store, "DMR-01", 2568) == D(20)
    assert page.message.text() == "บันทึกแล้ว"


def _count_refreshes(page, monkeypatch) -> list:
    calls = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (calls.append(1), original())[1])
    return calls


def test_a_save_refreshes_only_visible_affected_pages_and_marks_hidden_ones_stale(qtbot, window, demo_store,
                                                                                    monkeypatch):
    """One change record per save: the visible page that shows it refreshes at once; a hidden page only
    marks itself stale and refreshes when it is shown; a page the change does not concern does nothing."""
    results = go(window, "ResultsPage")
    set_year(window, 2568)
    pick_unit(results, "PCD")
    qtbot.wait(20)
    pages = window.pages
    counts = {name: _count_refreshes(pages[name], monkeypatch) for name in
              ("ResultsPage", "DashboardPage", "UnitsPage", "MeetingsPage", "TargetsPage")}
    type_into(qtbot, results.view, cell(results, "actual", row=0), "88")
    assert results.message.text() == "บันทึกแล้ว"
    assert len(counts["ResultsPage"]) == 1                       # visible and affected: at once, once
    assert counts["DashboardPage"] == [] and pages["DashboardPage"].stale     # hidden and affected
    assert counts["UnitsPage"] == [] and counts["MeetingsPage"] == []         # not concerned
    assert counts["TargetsPage"] == []               # a result is not a target
    dashboard = go(window, "DashboardPage")
    qtbot.waitUntil(lambda: len(counts["DashboardPage"]) == 1)
    assert not dashboard.stale
    go(window, "ResultsPage")
    go(window, "DashboardPage")
    assert len(counts["DashboardPage"]) == 1         # shown again with nothing new: no reload


def test_the_conftest_check_catches_a_lambda_left_on_a_deleted_widget(qtbot, demo_store):
    """The check every window test runs at its end, shown to fail on the very mistake it guards."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    from app.ui.state import DeskState
    from conftest import calls_into_deleted_objects
    state = DeskState(demo_store)
    label = QLabel()
    state.changed.connect(lambda _changes: label.setText("saved"))
    assert calls_into_deleted_objects(state) == []
    shiboken6.delete(label)
    errors = calls_into_deleted_objects(state)
    assert errors and "already deleted" in errors[0]


def test_the_dashboard_shows_the_years_own_bands(qtbot, window, demo_store):
    from app.services import framework
    window.state.perform("bands", lambda s: framework.set_grade_floors(s, lookup.year(s, 2568), "85,70,55"))
    dashboard = go(window, "DashboardPage")
    set_year(window, 2568)
    qtbot.waitUntil(lambda: "๕๕ / ๗๐ / ๘๕" in dashboard.chart_box.title())
    assert "ต่ำกว่า ๕๕ คะแนน" in dashboard.warn_summary.text()
    set_year(window, 2567)
    qtbot.waitUntil(lambda: "๖๐ / ๗๕ / ๙๐" in dashboard.chart_box.title())


def test_edit_menu_keys_undo_and_redo_including_ctrl_y_and_pages_have_ctrl_numbers(qtbot, window, demo_store):
    """Ctrl+Z undoes the last edit of the page in view, Ctrl+Y redoes it (as on Windows, also on Linux),
    Ctrl+1 … Ctrl+8 open the pages."""
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "DMR")
    before = weight_of(demo_store, "DMR-01", 2568)
    type_into(qtbot, page.view, cell(page, "weight", "DMR-01"), "21")
    assert weight_of(demo_store, "DMR-01", 2568) == D(21)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert weight_of(demo_store, "DMR-01", 2568) == before
    qtbot.keyClick(window, Qt.Key_Y, Qt.ControlModifier)
    assert weight_of(demo_store, "DMR-01", 2568) == D(21)
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)
    assert window.stack.currentWidget() is window.pages["UnitsPage"]
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)         # another page's history: nothing undone
    assert weight_of(demo_store, "DMR-01", 2568) == D(21)
    qtbot.keyClick(window, Qt.Key_3, Qt.ControlModifier)
    assert window.stack.currentWidget() is page


@pytest.mark.slow
def test_demo_keeps_practice_work_and_rebuilds_on_request(qtbot, monkeypatch, tmp_path):
    """`kpi-desk --demo` opens the existing demo copy (practice work kept); File → เริ่มข้อมูลตัวอย่างใหม่
    starts it again after asking."""
    from app.cli import main
    from app.paths import demo_db_path
    from app.services import framework
    from app.store import open_store
    from app.ui import launch
    from app.ui.pages import common
    opened = []
    monkeypatch.setattr(launch, "run_gui", lambda db, first_run=False, demo=False: opened.append((db, demo)) or 0)
    assert main(["--demo"]) == 0
    path = demo_db_path()
    store = open_store(path)
    with store.transaction() as s:
        framework.set_grade_floors(s, lookup.year(s, 2568), "85,70,55")      # practice work
    store.close()
    assert main(["--demo"]) == 0
    assert opened == [(str(path), True)] * 2
    store = open_store(path)
    with store.reading() as s:
        assert lookup.year(s, 2568).grade_floors == "85,70,55"              # kept
    make_app()
    window = MainWindow(label=str(path))
    window.demo = True
    window.attach(store)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(common, "ask", lambda parent, text: True)
    window.rebuild_demo()
    with window.store.reading() as s:
        assert lookup.year(s, 2568).grade_floors == "90,75,60"              # rebuilt
    assert window.pages["DashboardPage"].state.store is window.store
    window.store.close()


def test_settings_name_the_secretary_and_the_history_shows_who_changed_a_cell(qtbot, window, demo_store,
                                                                             monkeypatch):
    """The secretary named in Settings is the user of every change; right-click → history shows who,
    when, old → new and through which command."""
    from app.ui.history_dialog import HistoryDialog
    from app.ui.settings_dialog import SettingsDialog
    monkeypatch.delenv("KPI_DESK_USER")
    dialog = SettingsDialog(window, window.state)
    dialog.user_name.setText("นางสาวสมศรี ใจดี")
    dialog.user_position.setText("นักวิเคราะห์นโยบายและแผน")
    dialog.ministry_short.setText("ทส.")
    dialog.paper.setCurrentText("Letter")
    dialog.words.setPlainText("ประชารัฐ PM2.5")
    dialog.accept()
    assert "PM2.5" in dialog.message.text() and dialog.result() == 0     # Thai words only: said, nothing saved
    dialog.words.setPlainText("ประชารัฐ\nราชประชาสมาสัย")
    dialog.accept()
    assert dialog.result() == 1
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "DMR")
    before = weight_of(demo_store, "DMR-01", 2568)
    index = cell(page, "weight", "DMR-01")
    type_into(qtbot, page.view, index, "21")
    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    page.show_history(index)
    rows = shown[0].model.rows
    assert rows[0][1] == "นางสาวสมศรี ใจดี" and rows[0][2] == "น้ำหนัก" and rows[0][5] == "targets"
    assert D(rows[0][3]) == before and rows[0][4] == "21"
    from app.services.settings import get_setting
    with demo_store.reading() as s:
        assert lookup.ministry(s).short_name == "ทส."
        assert get_setting(s, "paper") == "Letter" and get_setting(s, "user_position") == "นักวิเคราะห์นโยบายและแผน"
        assert get_setting(s, "words_never_cut") == "ประชารัฐ ราชประชาสมาสัย"


def test_find_filters_as_you_type_and_headers_sort(qtbot, window):
    """Ctrl+F goes to the page's find box; typing keeps only the rows that contain the text (a code or a
    Thai name); a click on a column header sorts the list."""
    page = go(window, "UnitsPage")
    view, model = page.unit_view, page.units
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    box = view.find_box
    assert box.hasFocus()
    qtbot.keyClicks(box, "dgr")
    shown = [model.rows[r][0] for r in range(model.rowCount()) if not view.isRowHidden(r)]
    assert shown == ["DGR"]
    box.clear()
    box.insert("ทรัพยากรน้ำ")                          # Thai arrives as committed text
    shown = {model.rows[r][0] for r in range(model.rowCount()) if not view.isRowHidden(r)}
    assert shown == {"DWR", "DGR"}
    box.clear()
    assert not any(view.isRowHidden(r) for r in range(model.rowCount()))
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, 5))
    codes = [row[0] for row in model.rows]
    assert codes == sorted(codes) or codes == sorted(codes, reverse=True)
    key_of = {model.rows[r][0]: model.key(r) for r in range(model.rowCount())}
    with window.store.reading() as s:
        assert all(key_of[code] == lookup.unit(s, code).id for code in key_of)      # keys moved with their rows


@pytest.mark.parametrize("page_name, fields", [("TargetsPage", ("name", "weight", "base", "standard", "advanced")),
                                               ("ResultsPage", ("name", "actual", "verified_actual", "points"))])
def test_the_columns_a_secretary_edits_are_on_screen_at_1366x768(qtbot, window, page_name, fields):
    window.resize(1366, 768)
    page = go(window, page_name)
    set_year(window, 2568)
    pick_unit(page, "PCD")
    qtbot.wait(50)
    viewport = page.view.viewport().width()
    for field in fields:
        column = next(c for c in range(page.model.columnCount()) if page.model.field(c) == field)
        x = page.view.columnViewportPosition(column)
        assert 0 <= x and x + page.view.columnWidth(column) <= viewport, (field, x, viewport)


def test_double_clicking_a_unit_on_the_dashboard_opens_its_results(qtbot, window):
    dashboard = go(window, "DashboardPage")
    model = dashboard.model
    row = next(r for r in range(model.rowCount()) if model.unit_at(r).unit_code == "DGR")
    index = model.index(row, 1)
    dashboard.table.scrollTo(index)
    where = dashboard.table.visualRect(index).center()
    qtbot.mouseClick(dashboard.table.viewport(), Qt.LeftButton, pos=where)       # a double click is a press,
    qtbot.mouseDClick(dashboard.table.viewport(), Qt.LeftButton, pos=where)      # then a second one
    results = window.pages["ResultsPage"]
    assert window.stack.currentWidget() is results
    assert results.unit.currentText().startswith("DGR ")
    assert "78.25" in results.score_label.text()


def test_a_splitter_keeps_its_sizes_after_a_rebuild(qtbot, window):
    from PySide6.QtWidgets import QSplitter
    page = go(window, "TargetsPage")
    split = page.findChild(QSplitter)
    split.setSizes([900, 300])
    split.splitterMoved.emit(900, 1)          # what dragging the handle sends
    before = split.sizes()
    window.switch_language("th")              # pages are built again
    qtbot.wait(50)
    split = window.pages["TargetsPage"].findChild(QSplitter)
    go(window, "TargetsPage")
    qtbot.wait(50)
    assert split.sizes() == before


def test_open_another_database_recent_list_and_restore_from_a_backup(qtbot, window, demo_store, demo_template,
                                                                      tmp_path, monkeypatch):
    """File → open: the window switches to the other file (its ministry and name in the title, its data on
    the pages, its lock taken, the first one let go); both are in Open Recent; File → restore puts a backup
    back and keeps what it replaces beside it."""
    import shutil

    from app.services import framework
    from app.store.backup import backup_sqlite
    from app.ui import databases
    from app.ui.pages import common
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(demo_template, other)
    first = demo_store.path
    databases.open_database(window, str(other))
    assert window.store.path == other and "other.sqlite3" in window.windowTitle()
    assert "กระทรวงทรัพยากรธรรมชาติ" in window.windowTitle()
    assert window.lock is not None and window.lock.isLocked()
    databases.open_database(window, str(first))
    assert databases.recent()[:2] == [str(first), str(other)]
    saved = tmp_path / "saved.sqlite3"
    backup_sqlite(window.store.path, saved)
    window.state.perform("bands", lambda s: framework.set_grade_floors(s, lookup.year(s, 2568), "85,70,55"))
    monkeypatch.setattr(common, "ask", lambda parent, text: True)
    databases.restore_backup(window, str(saved))
    with window.store.reading() as s:
        assert lookup.year(s, 2568).grade_floors == "90,75,60"
    kept = list(first.parent.glob(f"{first.stem}.before-restore-*"))
    assert len(kept) == 1
    from app.store import open_store
    before = open_store(kept[0])
    with before.reading() as s:
        assert lookup.year(s, 2568).grade_floors == "85,70,55"
    before.close()
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("not a database")
    monkeypatch.setattr("app.ui.databases.QMessageBox.warning", lambda *a, **k: None)
    databases.restore_backup(window, str(not_a_db))
    with window.store.reading() as s:                            # refused: nothing replaced
        assert lookup.year(s, 2568).grade_floors == "90,75,60"
    window.store.close()


@pytest.mark.slow
def test_the_preview_zooms_turns_pages_and_finds_thai_words(qtbot, window):
    from PySide6.QtPdfWidgets import QPdfView
    page = go(window, "ReportsPage")
    page.choose("annex")
    page.build()
    qtbot.waitUntil(lambda: page.document.pageCount() > 2, timeout=60_000)
    preview = page.preview
    assert preview.pages.text() == f"/ {page.document.pageCount()}"
    preview.zoom_in_once()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom and preview.view.zoomFactor() > 1.0
    preview.fit_to_page()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    preview.go_to(2)
    qtbot.waitUntil(lambda: preview.page.value() == 3)
    preview.find.setText("กรมทรัพยากรน้ำบาดาล")          # a Thai name, found through the text layer
    qtbot.waitUntil(lambda: preview.search.count() > 0, timeout=10_000)
    assert preview.matches.text().startswith("พบ")
    preview.next_match()


def test_every_page_has_its_icon(window):
    """The sidebar's icons are vendored SVGs (Phosphor, with its licence) that draw at any size."""
    from app.paths import resources_dir
    assert (resources_dir() / "icons" / "phosphor" / "LICENSE.txt").exists()
    for row in range(window.nav.count()):
        pixmap = window.nav.item(row).icon().pixmap(48, 48)
        image = pixmap.toImage()
        drawn = sum(1 for x in range(0, 48, 2) for y in range(0, 48, 2) if image.pixelColor(x, y).alpha() > 0)
        assert not pixmap.isNull() and drawn > 20, window.nav.item(row).text()


THAI_CHARS = re.compile(r"[\u0e00-\u0e7f]")


def chrome_texts(window) -> list[tuple[str, str]]:
    """What the interface itself says (not the ministry's data): the menus, buttons, box titles, hints,
    check boxes, tabs and column headers of every page, and the notices a page shows about a locked round."""
    from PySide6.QtWidgets import QCheckBox, QGroupBox, QLineEdit, QPushButton, QTabBar, QTableView, QToolButton
    out = []
    for action in window.menuBar().actions():
        out.append(("menu", action.text()))
        for item in (action.menu().actions() if action.menu() else []):
            out.append(("menu", item.text()))
    for name, page in window.pages.items():
        for w in page.findChildren(QPushButton) + page.findChildren(QToolButton):
            out.append((f"{name} button", w.text()))
        for w in page.findChildren(QGroupBox):
            if w.objectName() != "data":
                out.append((f"{name} box", w.title()))
        for w in page.findChildren(QLineEdit):
            out.append((f"{name} hint", w.placeholderText()))
        for w in page.findChildren(QCheckBox):
            out.append((f"{name} check", w.text()))
        for bar in page.findChildren(QTabBar):
            out += [(f"{name} tab", bar.tabText(i)) for i in range(bar.count())]
        for view in page.findChildren(QTableView):
            model = view.model()
            out += [(f"{name} header", str(model.headerData(c, Qt.Horizontal) or ""))
                    for c in range(model.columnCount())]
    out.append(("lock notice", window.pages["TargetsPage"].lock_label.text()))
    out.append(("round status", window.pages["ResultsPage"].status_label.text()))
    return [(where, text) for where, text in out if text]


def test_english_interface_has_no_thai_and_thai_has_thai_buttons(qtbot, window):
    """Every page walked in English: no Thai word in the interface's own texts (the ministry's names are
    data and stay Thai). In Thai, Qt's own dialog buttons are Thai too."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
    window.switch_language("en")
    qtbot.wait(50)
    set_year(window, 2567, 6)                      # a locked round: its notices are shown
    for name in window.pages:
        go(window, name)
        qtbot.wait(20)
    pick_unit(window.pages["TargetsPage"], "PCD")
    names_of_languages = {"ไทย", "ภาษา / Language"}       # each language is named in its own script
    thai = [(where, text) for where, text in chrome_texts(window)
            if THAI_CHARS.search(text) and text not in names_of_languages]
    assert thai == []
    vocabulary = [("UnitsPage", "member_view", 2), ("ChangesPage", "view", 0), ("ChangesPage", "view", 4),
                  ("ChangesPage", "view", 6), ("MeetingsPage", "attendance_view", 1),
                  ("MeetingsPage", "attendance_view", 2)]      # roles, kinds, decisions…
    for page_name, view_name, column in vocabulary:
        model = getattr(window.pages[page_name], view_name).model()
        cells = [str(model.data(model.index(r, column)) or "") for r in range(model.rowCount())]
        assert cells and not any(THAI_CHARS.search(c) for c in cells), (page_name, column, cells[:3])
    window.switch_language("th")
    box = QMessageBox(QMessageBox.Warning, "KPI Desk", "ทดสอบ", QMessageBox.Ok | QMessageBox.Cancel)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"ตกลง", "ยกเลิก"}
    buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Close)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"เปิด", "ปิด"}


@pytest.mark.parametrize("page_name", ["TargetsPage", "ResultsPage"])
def test_the_indicator_name_stays_while_the_grid_scrolls_sideways(qtbot, window, page_name):
    window.resize(1366, 768)
    page = go(window, page_name)
    set_year(window, 2568)
    pick_unit(page, "PCD")
    qtbot.wait(50)
    bar = page.view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    frozen = page.view.frozen
    assert bar.maximum() > 0 and frozen.isVisible()
    assert frozen.geometry().left() <= page.view.verticalHeader().width() + page.view.frameWidth()
    assert frozen.columnWidth(0) == page.view.columnWidth(0) and not frozen.isColumnHidden(0)
    index = frozen.model().index(0, 0)
    assert frozen.visualRect(index).isValid() and frozen.model().data(index) == page.model.rows[0].name


@pytest.mark.parametrize("page_name, view_name, columns", [
    ("DashboardPage", "table", (0, 1, 2, 3)), ("UnitsPage", "unit_view", (0, 1)), ("UnitsPage", "member_view", (0, 2)),
    ("JointPage", "agenda_view", (0, 1)), ("ChangesPage", "view", (2, 4, 6, 7)),
    ("MeetingsPage", "meeting_view", (0, 1)), ("MeetingsPage", "attendance_view", (0, 2))])
def test_identifying_columns_are_on_screen_at_1366x768(qtbot, window, page_name, view_name, columns):
    """At the common government laptop's size the columns that say what a row is, and what is decided
    on it, start and end inside the table's visible area."""
    window.resize(1366, 768)
    page = go(window, page_name)
    qtbot.wait(50)
    view = getattr(page, view_name)
    width = view.viewport().width()
    for column in columns:
        x = view.columnViewportPosition(column)
        assert 0 <= x and x + view.columnWidth(column) <= width, (view_name, column, x, view.columnWidth(column), width)


def test_copy_puts_the_selected_cells_on_the_clipboard_as_excel_takes_them(qtbot, window):
    page = go(window, "UnitsPage")
    view = page.unit_view
    model = view.model()
    view.setFocus()
    view.selectionModel().select(model.index(0, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(0, 1), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(1, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(1, 1), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key_C, Qt.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert text == "\n".join(f"{model.rows[r][0]}\t{model.rows[r][1]}" for r in (0, 1))


def test_every_table_of_every_page_has_a_find_box(window):
    from PySide6.QtWidgets import QTableView
    missing = [(name, view.model().__class__.__name__) for name, page in window.pages.items()
               for view in page.findChildren(QTableView)
               if not isinstance(view.parent(), QTableView) and not hasattr(view, "find_box")]
    assert missing == []


def test_the_targets_grid_sorts_by_a_column_and_edits_stay_on_their_row(qtbot, window, demo_store):
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "PCD")
    column = next(c for c in range(page.model.columnCount()) if page.model.field(c) == "weight")
    page.model.sort(column, Qt.DescendingOrder)
    weights = [row.weight for row in page.model.rows]
    assert weights == sorted(weights, reverse=True)
    codes = [row.indicator_code for row in page.model.rows]
    last = [row.indicator_code for row in page.model.rows if not row.by_points][-1]   # one that takes targets
    type_into(qtbot, page.view, cell(page, "base", last), "1")             # an edit on a lower row
    assert [row.indicator_code for row in page.model.rows] == codes        # rows stay where they are
    with demo_store.reading() as s:
        base = next(r.base for r in grid_rows(s, "PCD") if r.indicator_code == last)
    assert base == D(1)
    points = [row.indicator_code for row in page.model.rows if row.by_points]
    assert points == ["PMQA-01"]                       # FY2568's 2.2 takes OPDC's points: no target to type
    assert not page.model.flags(cell(page, "base", "PMQA-01")) & Qt.ItemIsEditable
    assert cell(page, "base", "PMQA-01").data() == "–"


def grid_rows(s, unit_code):
    from app.services.grid import assignment_rows
    return assignment_rows(s, lookup.year(s, 2568).id, lookup.unit(s, unit_code).id)


@pytest.mark.parametrize("page_name", ["TargetsPage", "ResultsPage"])
def test_the_frozen_name_column_lies_exactly_over_the_grids_own(qtbot, demo_store, page_name):
    """Row numbers widen once rows arrive; the frozen column moves with them, so no sliver of the grid's own
    first column shows beside it (seen in a screenshot: a tone mark peeking out at its right edge)."""
    make_app()
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    page = go(w, page_name)
    set_year(w, 2567)
    QGuiApplication.processEvents()
    view, frozen = page.view, page.frozen_column.frozen
    left = view.verticalHeader().width() + view.frameWidth()
    assert view.verticalHeader().width() > 0
    assert frozen.geometry().left() == left
    assert frozen.geometry().right() + 1 >= left + view.columnWidth(0)


def test_an_empty_report_is_refused_on_the_reports_page(qtbot, tmp_path, monkeypatch):
    """A new ministry's annex: the page says in Thai why there is nothing to print; no empty PDF is shown."""
    from app.store import open_store
    from tests.clirun import run_cli
    db = tmp_path / "new.sqlite3"
    assert run_cli("init", "--db", db, "--year", 2569, "--ministry-code", "MOTEST",
                   "--ministry-name", "กระทรวงทดสอบระบบ").returncode == 0
    store = open_store(db)
    try:
        window = open_window(qtbot, store)
        warned = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
        page = go(window, "ReportsPage")
        page.kind.setCurrentIndex(page.kind.findData("annex"))
        qtbot.mouseClick(page.build_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: bool(warned), timeout=60000)
        assert "ไม่มีภาคผนวกตัวชี้วัดให้พิมพ์: ยังไม่มีหน่วยงานใดมีตัวชี้วัดในปีงบประมาณ พ.ศ. 2569" in warned[0]
        assert page.document.pageCount() <= 0 and not page.save_button.isEnabled()
        qtbot.waitUntil(page.build_button.isEnabled)
        window.close()
    finally:
        store.close()


def test_a_member_added_after_meetings_is_not_absent_from_their_minutes(qtbot, window):
    """Adding a member once the committee has met: the dialog offers today as the start of the term, and the
    minutes of a meeting held before do not name the new member among the absent (they were not on the
    committee then)."""
    from datetime import date

    from app.models import CommitteeMember
    from app.services import meetings
    from app.services.report_data import meeting_by_ref, minutes_data
    from tests.test_cycle_window import button, click
    units = go(window, "UnitsPage")
    seen = {}

    def member(dialog):
        seen["start"] = dialog.has_start.isChecked(), dialog.start.value()
        dialog.name.setText("นายกรรมการ ใหม่ล่าสุด")
        dialog.position.setText("อธิบดีกรมทดสอบ")
        dialog.accept()
    click(qtbot, button(units, "เพิ่มกรรมการ…"), member)
    assert seen["start"] == (True, date.today())
    with window.store.reading() as s:
        new = s.exec(select(CommitteeMember).where(CommitteeMember.person_name == "นายกรรมการ ใหม่ล่าสุด")).one()
        assert new.term_start == date.today()
        past = meeting_by_ref(s, "1/2567")
        assert new not in meetings.roster(s, past) and meetings.attendance_problems(s, past) == []
        assert "นายกรรมการ ใหม่ล่าสุด" not in [line.name for line in minutes_data(s, past).absent]


def test_the_dashboard_names_a_department_with_no_indicator(qtbot, window):
    """A department added this year has no indicator yet: it is not ranked, and the dashboard says so under
    the table instead of leaving it out without a word."""
    from tests.test_cycle_window import button, click, fill
    dashboard = go(window, "DashboardPage")
    assert dashboard.left_out.isHidden()
    units = go(window, "UnitsPage")
    click(qtbot, button(units, "เพิ่มหน่วยงาน…"), fill(code="NEWD", name="กรมทดสอบใหม่"))
    dashboard = go(window, "DashboardPage")
    qtbot.waitUntil(lambda: dashboard.left_out.isVisible(), timeout=10000)
    assert dashboard.left_out.text() == "ยังไม่มีตัวชี้วัด จึงไม่อยู่ในตาราง: กรมทดสอบใหม่"
    assert "NEWD" not in [u.unit_code for u in dashboard.scores.units]


def test_targets_typed_out_of_order_leave_no_score_on_the_results_page(qtbot, window):
    """A result typed for กรมทรัพยากรน้ำ, then a base above its standard typed on the targets page: the
    results page used to show the indicator's points as 0.00 and the unit's score as a number. Now the
    points read "–" on a marked cell, the targets are marked, and the unit has no score ("–")."""
    results = go(window, "ResultsPage")
    set_year(window, 2568, 12)
    pick_unit(results, "DWR")
    type_into(qtbot, results.view, cell(results, "actual", row=0), "27")
    assert results.model.rows[0].name.startswith("ร้อยละของพื้นที่ลำน้ำ")
    assert cell(results, "points").data() == "83.68" and re.match(r"<b>\d", results.score_label.text())
    targets = go(window, "TargetsPage")
    pick_unit(targets, "DWR")
    type_into(qtbot, targets.view, cell(targets, "base", "DWR-01"), "30")
    assert targets.model.rows[0].base == D(30)
    results = go(window, "ResultsPage")
    points = cell(results, "points")
    assert points.data() == "–" and cell(results, "weighted").data() == "–"
    assert points.data(Qt.BackgroundRole) is not None and cell(results, "base").data(Qt.BackgroundRole) is not None
    assert cell(results, "actual").data(Qt.BackgroundRole) is None          # the result itself is fine
    assert "ค่าเป้าหมาย" in points.data(Qt.ToolTipRole)
    assert results.score_label.text().startswith("<b>–</b>") and "ยังให้ระดับไม่ได้" in results.score_label.text()
    dashboard = go(window, "DashboardPage")
    row = next(r for r in range(dashboard.model.rowCount()) if dashboard.model.index(r, 0).data() == "DWR")
    assert dashboard.model.index(row, 2).data() == "–"


def test_the_early_warning_line_never_says_none_of_units_it_cannot_project(qtbot, window, demo_store):
    """The warning line said "below 60: none" for a year whose units had no 6-month result to project from,
    as if all were safe. It now says they cannot be projected yet, and names such units beside real ones."""
    dashboard = go(window, "DashboardPage")
    set_year(window, 2567)
    qtbot.waitUntil(lambda: "DGR" in dashboard.warn_summary.text())
    assert "คาดการณ์ไม่ได้" not in dashboard.warn_summary.text()         # every unit of 2567 has its 6-month results
    set_year(window, 2568)
    qtbot.waitUntil(lambda: "ยังคาดการณ์ไม่ได้" in dashboard.warn_summary.text())
    assert not dashboard.warn_summary.text().endswith("ไม่มี")
    with demo_store.reading() as s:
        six = lookup.round_of(s, 2567, 6)
        dgr = [r for r in s.exec(select(Result).where(Result.round_id == six.id))
               if s.get(Assignment, r.assignment_id).unit_id == lookup.unit(s, "DGR").id]
    assert dgr     # 2567's six-month round is locked in the demo: remove DGR's results as a fresh copy would lack them
    from app.services import framework
    def clear(s):
        framework.reopen_round(s, lookup.round_of(s, 2567, 6), reason="ทดสอบ")
        for r in s.exec(select(Result).where(Result.round_id == six.id)).all():
            if s.get(Assignment, r.assignment_id).unit_id == lookup.unit(s, "DGR").id:
                s.delete(r)
    window.state.perform("results", clear)
    set_year(window, 2567)
    qtbot.waitUntil(lambda: "ยังคาดการณ์ไม่ได้" in dashboard.warn_summary.text())
    assert dashboard.warn_summary.text().endswith(": DGR") and "PCD" in dashboard.warn_summary.text()


def test_a_new_ministry_says_what_comes_first_instead_of_doing_nothing(qtbot, tmp_path):
    """In a new ministry (no unit, no committee, no meeting) the meeting page's buttons did nothing when
    clicked, and the targets page's add buttons did nothing or opened an empty list. The meeting's actions
    now wait, disabled, for a meeting; the targets page says a unit comes first and where to add it."""
    from app.services import framework, organisation
    from app.store import open_store
    store = open_store(tmp_path / "new.sqlite3", create=True)
    with store.transaction() as s:
        organisation.create_ministry(s, code="MOT", name_th="กระทรวงทดสอบ")
        framework.create_fiscal_year(s, year_be=2569)
    w = open_window(qtbot, store)
    page = go(w, "MeetingsPage")
    assert page.needs_meeting and not any(widget.isEnabled() for widget in page.needs_meeting)
    assert "ยังไม่มีการประชุม" in page.details.text()
    targets = go(w, "TargetsPage")
    for b in (targets.add_button, targets.basket_button, targets.new_button):
        targets.message.clear()
        qtbot.mouseClick(b, Qt.LeftButton)
        assert targets.message.text().startswith("ยังไม่มีหน่วยงานให้เพิ่มตัวชี้วัด"), b.text()
    w.close()
    store.close()


def test_the_program_closes_cleanly(demo_path, tmp_path):
    """Closing the window ended in a segmentation fault (exit 139, during Qt's teardown) once the meeting
    page's buttons were laid out from a list of widgets. The whole program, as a user runs it, opens the demo
    and a new ministry, and closes through the window's own close with exit 0."""
    import os
    import subprocess
    import sys
    from app.ui.launch import PROBE
    from tests.clirun import run_cli
    new = tmp_path / "new.sqlite3"
    assert run_cli("init", "--db", new, "--ministry-code", "MOT", "--ministry-name", "กระทรวงทดสอบ",
                   "--year", 2569).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", PROBE: "close", "KPI_DESK_DATA_DIR": str(tmp_path / "data")}
    for db in (demo_path, new):
        proc = subprocess.run([sys.executable, "-m", "app", "--db", str(db)], env=env, capture_output=True, text=True,
                              timeout=180)
        assert proc.returncode == 0 and "data DashboardPage" in proc.stdout, (db.name, proc.returncode, proc.stderr[-800:])
