"""One whole committee cycle through the window, as a secretary works it: an empty database set up for a
new ministry (units, committee), a fiscal year, targets for two units typed and pasted, a change request
that changes a weight, results of both rounds, an approval refused by its checks and then given, a lock,
a reprint identical to the first print, a reopening with a reason, a meeting with an absent member, a
substitute and a guest, resolutions, and the minutes and the pack checked by the shared Thai line checker.

Dialogs are answered as a person answers them: the test waits for the modal dialog, fills its fields and
presses its button. Everything is read back through the services, never through private helpers."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit

from app.domain.calendar import fiscal_year_of
from app.models import RoundStatus
from app.services import lookup, meetings, organisation
from app.services.scoring import score_round
from app.store import open_store
from app.ui.first_run import FirstRunDialog, prepare
from app.ui.launch import make_app
from app.ui.main_window import MainWindow
from pdftext import shared_checker

YEAR = fiscal_year_of(date.today())


def click(qtbot, button, *handlers):
    """Click a button; each handler answers, in turn, one modal dialog the click opens."""
    queue, answered = list(handlers), []

    def poll():
        if not queue:
            return
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible() or any(w is x for x in answered):
            QTimer.singleShot(20, poll)
            return
        answered.append(w)
        queue.pop(0)(w)
        if queue:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not queue, timeout=10000)
    button.window().activateWindow()      # the offscreen platform has no window manager to hand focus back


def press(dialog, text: str) -> None:
    from PySide6.QtWidgets import QPushButton
    next(b for b in dialog.findChildren(QPushButton) if b.text() == text).click()


def ok(dialog) -> None:
    if isinstance(dialog, QMessageBox):
        press(dialog, "ตกลง")
    else:
        dialog.accept()


def open_tab(qtbot, tabs, label: str) -> None:
    """Click a tab by its label, as a user does."""
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == label)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def button(page, text: str):
    from PySide6.QtWidgets import QPushButton
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def fill(**fields):
    """A handler that types into the dialog's line edits (by attribute name) and presses OK."""
    def handler(dialog):
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value) if widget.findData(value) >= 0 else widget.findText(value))
            elif hasattr(widget, "setChecked"):
                widget.setChecked(value)
            elif hasattr(widget, "setPlainText"):
                widget.setPlainText(value)
            elif hasattr(widget, "setValue"):
                widget.setValue(value)
        ok(dialog)
    return handler


def cell(page, field: str, code: str):
    model = page.model
    row = next(i for i, r in enumerate(model.rows) if getattr(r, "indicator_code", None) == code
               or getattr(r, "name", None) == code)
    column = next(c for c in range(model.columnCount()) if model.field(c) == field)
    return model.index(row, column)


def type_into(qtbot, view, index, text: str):
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key_F2)
    editor = view.viewport().findChildren(QLineEdit)[-1]
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)
    qtbot.wait(30)


def choose_in_cell(qtbot, view, index, text: str):
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key_F2)
    box = view.viewport().findChildren(QComboBox)[-1]
    box.setCurrentIndex(box.findText(text))
    qtbot.keyClick(box, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)
    qtbot.wait(30)


def pick(combo, prefix: str):
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith(prefix)))


def attendance_index(page, member: str, field: str):
    model = page.attendance
    row = next(i for i, r in enumerate(model.rows) if r.name == member)
    column = next(c for c, (_h, f) in enumerate(type(model).COLUMNS) if f == field)
    return model.index(row, column)


def build_report(qtbot, window, kind: str, meeting: str | None = None) -> bytes:
    reports = window.pages["ReportsPage"]
    window.go("ReportsPage")
    reports.choose(kind, meeting)
    reports.pdf_path = None
    reports.build()
    qtbot.waitUntil(lambda: reports.pdf_path is not None and reports.build_button.isEnabled(), timeout=60000)
    return reports.pdf_path.read_bytes()


def pdf_text(path) -> str:
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


@pytest.fixture
def window(qtbot, tmp_path):
    make_app()
    store = open_store(tmp_path / "new-ministry.sqlite3", create=True)
    first = FirstRunDialog(tmp_path / "new-ministry.sqlite3")
    first.code.setText("MOTEST")
    first.name.setText("กระทรวงทดสอบระบบ")
    qtbot.mouseClick(first.empty_button, Qt.LeftButton)
    prepare(store, first)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    yield w
    store.close()


@pytest.mark.slow
def test_a_whole_committee_cycle_through_the_window(qtbot, window, tmp_path):
    store = window.store
    assert window.year_box.currentData() == YEAR

    # --- the ministry's units and its committee, from nothing ----------------------------------------
    units = window.pages["UnitsPage"]
    window.go("UnitsPage")
    for code, name in (("DEPA", "กรมทดสอบงานหนึ่ง"), ("DEPB", "กรมทดสอบงานสอง")):
        click(qtbot, button(units, "เพิ่มหน่วยงาน…"), fill(code=code, name=name))
    click(qtbot, button(units, "คณะกรรมการ…"), fill(ref="คำสั่งกระทรวงทดสอบระบบ ที่ ๑/๒๕๖๙"))
    people = [("นายประธาน ทดสอบ", "ปลัดกระทรวงทดสอบระบบ", "chair", None, False),
              ("นางสาวรองประธาน ทดสอบ", "รองปลัดกระทรวงทดสอบระบบ", "vice_chair", None, True),
              ("นายกรรมการ หนึ่ง", "อธิบดีกรมทดสอบงานหนึ่ง", "member", "DEPA", False),
              ("นางกรรมการ สอง", "อธิบดีกรมทดสอบงานสอง", "member", "DEPB", False),
              ("นายเลขานุการ ทดสอบ", "ผู้อำนวยการกองพัฒนาระบบบริหาร", "secretary", None, False)]
    for order, (name, position, role, unit, cco) in enumerate(people):
        def member(dialog, name=name, position=position, role=role, unit=unit, cco=cco, order=order):
            dialog.name.setText(name)
            dialog.position.setText(position)
            dialog.role.setCurrentIndex(dialog.role.findData(role))
            dialog.cco.setChecked(cco)
            if unit:
                pick(dialog.unit, unit)
            dialog.order.setValue(order)
            dialog.accept()
        click(qtbot, button(units, "เพิ่มกรรมการ…"), member)
    with store.reading() as s:
        _u, committee, members = organisation.organisation_lists(s)
    assert committee is not None and [m.person_name for m in members] == [p[0] for p in people]
    assert [m.is_cco for m in members] == [False, True, False, False, False]

    # --- targets: two units, typed and pasted ----------------------------------------------------------
    targets = window.pages["TargetsPage"]
    window.go("TargetsPage")
    targets.unit.load(store)
    plan = {"DEPA": [("A-01", "ร้อยละของงานบริการที่แล้วเสร็จตามมาตรฐานเวลา", "functional", "70", "80\t85\t90"),
                     ("A-02", "ระดับความสำเร็จของการพัฒนาองค์การสู่ดิจิทัล", "digital", "20", "3\t4\t5"),
                     ("A-03", "คะแนนสถานะการพัฒนาระบบราชการ ๔.๐", "pmqa", "10", "300\t350\t400")],
            "DEPB": [("B-01", "จำนวนเครือข่ายเฝ้าระวังที่จัดตั้งแล้ว", "functional", "60", "40\t50\t60"),
                     ("B-02", "ร้อยละของข้อมูลที่เปิดเผยผ่านระบบดิจิทัล", "digital", "20", "60\t70\t80"),
                     ("B-03", "คะแนนสถานะการพัฒนาระบบราชการ ๔.๐ ของกรม", "pmqa", "10", "300\t350\t400")]}
    for unit, rows in plan.items():
        pick(targets.unit, unit)
        for code, name, kind, _w, _t in rows:
            click(qtbot, button(targets, "ตัวชี้วัดใหม่…"), fill(code=code, name=name, kind=kind, uom="ร้อยละ"))
        for code, _n, _k, weight, triple in rows:
            type_into(qtbot, targets.view, cell(targets, "weight", code), weight)
            targets.view.setCurrentIndex(cell(targets, "base", code))
            QGuiApplication.clipboard().setText(triple + "\r\n")          # copied from the department's Excel
            targets.view.setFocus()
            targets.message.clear()
            qtbot.keySequence(targets.view, QKeySequence.Paste)
            qtbot.waitUntil(lambda: targets.message.text() != "")
            assert targets.message.text() == "บันทึกแล้ว", (code, targets.message.text())
    pick(targets.unit, "DEPB")
    assert "รวม 90.00 / 100.00" in targets.sums.text()                    # B's weights are 10 short
    problems = [targets.problems.item(i).text() for i in range(targets.problems.count())]
    assert any("น้ำหนักรวม" in p and "90" in p for p in problems)

    # --- a change request that changes a weight, approved ----------------------------------------------
    changes = window.pages["ChangesPage"]
    window.go("ChangesPage")

    def request(dialog):
        pick(dialog.assignment, "DEPB — จำนวนเครือข่าย")
        dialog.reason.setCurrentIndex(dialog.reason.findData("budget"))
        dialog.reason_text.setText("ได้รับจัดสรรงบประมาณเพิ่มเติมกลางปี")
        dialog.weight.setText("70")
        dialog.accept()
    click(qtbot, button(changes, "บันทึกคำขอใหม่…"), request)
    assert changes.model.rowCount() == 1
    changes.view.setCurrentIndex(changes.model.index(0, 0))
    click(qtbot, button(changes, "คณะกรรมการเห็นชอบ"))
    assert changes.selected() == changes.model.keys[0]                  # the selection survives the action
    click(qtbot, button(changes, "ส่ง ก.พ.ร. แล้ว"))
    assert "บันทึกวันที่ส่งแล้ว" in changes.message.text()
    with store.reading() as s:
        b01 = next(r for r in organisation_rows(s, "DEPB") if r.indicator_code == "B-01")
    assert b01.weight == D(70)

    # --- 6-month results; an approval refused by its checks, fixed, approved, locked -----------------
    set_period(window, YEAR, 6)
    results = window.pages["ResultsPage"]
    window.go("ResultsPage")
    results.unit.load(store)
    pick(results.unit, "DEPA")
    type_into(qtbot, results.view, cell(results, "actual", "ร้อยละของงานบริการที่แล้วเสร็จตามมาตรฐานเวลา"), "87.5")
    refused = {}

    def decline(dialog):                       # the checks list what is missing: not approved yet
        refused["problems"] = dialog.findChildren(QPlainTextEdit)[0].toPlainText()
        dialog.reject()
    click(qtbot, results.approve_button, ok, decline)
    assert "จำนวนเครือข่ายเฝ้าระวังที่จัดตั้งแล้ว" in refused["problems"]
    with store.reading() as s:
        assert lookup.round_of(s, YEAR, 6).status == RoundStatus.OPEN
    pick(results.unit, "DEPB")
    type_into(qtbot, results.view, cell(results, "actual", "จำนวนเครือข่ายเฝ้าระวังที่จัดตั้งแล้ว"), "๕๕")
    with store.reading() as s:
        from app.services.check import check_round
        report = check_round(s, lookup.round_of(s, YEAR, 6))
    assert [p.th for p in report.problems] + report.missing == []
    click(qtbot, results.approve_button, ok)
    click(qtbot, results.lock_button, ok)
    with store.reading() as s:
        six = score_round(s, year_be=YEAR, months=6)
    assert six.snapshot_revision == 1
    assert {u.unit_code: u.score for u in six.units} == {"DEPA": D("87.5"), "DEPB": D("87.5")}

    first = build_report(qtbot, window, "results")
    again = build_report(qtbot, window, "results")
    assert first == again                                                # a reprint is the same print

    # --- reopened with a reason, locked again as revision 2 ------------------------------------------
    window.go("ResultsPage")
    click(qtbot, results.reopen_button, lambda d: (d.setTextValue("แก้ไขผลตามหลักฐานที่กรมส่งเพิ่ม"), d.accept()))
    pick(results.unit, "DEPB")
    type_into(qtbot, results.view, cell(results, "actual", "จำนวนเครือข่ายเฝ้าระวังที่จัดตั้งแล้ว"), "58")
    click(qtbot, results.approve_button, ok)
    click(qtbot, results.lock_button, ok)
    revised = build_report(qtbot, window, "results")
    assert revised != first and "ฉบับที่2" in pdf_text(window.pages["ReportsPage"].pdf_path)

    # --- 12-month results for every indicator ---------------------------------------------------------
    set_period(window, YEAR, 12)
    window.go("ResultsPage")
    for unit, values in (("DEPA", ("89", "4", "360")), ("DEPB", ("60", "75", "340"))):
        pick(results.unit, unit)
        for (_code, name, *_rest), value in zip(plan[unit], values):
            type_into(qtbot, results.view, cell(results, "actual", name), value)
    click(qtbot, results.approve_button, ok)
    with store.reading() as s:
        twelve = score_round(s, year_be=YEAR, months=12)
        assert lookup.round_of(s, YEAR, 12).status == RoundStatus.APPROVED
    assert all(u.gradable for u in twelve.units)

    # --- a meeting: absent member with a reason typed first, a substitute, a guest, resolutions -------
    meetings_page = window.pages["MeetingsPage"]
    window.go("MeetingsPage")
    click(qtbot, button(meetings_page, "สร้างการประชุม…"),
          fill(place="ห้องประชุมชั้นห้า กระทรวงทดสอบระบบ", taker="นางสาวผู้จด รายงาน",
               taker_position="นักพัฒนาระบบราชการชำนาญการ", checker="นายผู้ตรวจ รายงาน",
               checker_position="ผู้อำนวยการกองพัฒนาระบบบริหาร"))
    assert meetings_page.meetings.rowCount() == 1 and meetings_page.selected_id is not None
    view = meetings_page.attendance_view
    type_into(qtbot, view, attendance_index(meetings_page, "นายกรรมการ หนึ่ง", "reason"), "ติดราชการต่างประเทศ")
    choose_in_cell(qtbot, view, attendance_index(meetings_page, "นายกรรมการ หนึ่ง", "status"), "ไม่มาประชุม")
    type_into(qtbot, view, attendance_index(meetings_page, "นางกรรมการ สอง", "substitute"), "นายผู้แทน มาแทน")
    choose_in_cell(qtbot, view, attendance_index(meetings_page, "นางกรรมการ สอง", "status"), "มาประชุมแทน")
    type_into(qtbot, view, attendance_index(meetings_page, "นางกรรมการ สอง", "substitute_position"), "รองอธิบดีกรมทดสอบงานสอง")
    for name in ("นายประธาน ทดสอบ", "นางสาวรองประธาน ทดสอบ"):
        choose_in_cell(qtbot, view, attendance_index(meetings_page, name, "status"), "มาประชุม")
    open_tab(qtbot, meetings_page.sections, "ผู้เข้าร่วมประชุม")
    meetings_page.participant_name.setText("นายแขก รับเชิญ")
    meetings_page.participant_position.setText("ผู้แทนสำนักงาน ก.พ.ร.")
    qtbot.mouseClick(button(meetings_page, "เพิ่ม"), Qt.LeftButton)
    open_tab(qtbot, meetings_page.sections, "ระเบียบวาระและมติ")
    for number, title, resolution in (("๑", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "ที่ประชุมรับทราบ"),
                                      ("๓.๑", "ผลการดำเนินงานตามตัวชี้วัด รอบ ๖ เดือน",
                                       "ที่ประชุมเห็นชอบผลการดำเนินงานและมอบหมายให้ติดตามต่อเนื่อง")):
        click(qtbot, button(meetings_page, "เพิ่มระเบียบวาระ…"), fill(number=number, title=title, resolution=resolution))
    with store.reading() as s:
        m = meetings.all_meetings(s)[0]
        assert meetings.attendance_problems(s, m) == ["ยังไม่ได้บันทึกการมาประชุมของ นายเลขานุการ ทดสอบ"]

    # minutes with a member not yet recorded: asked first, then every member appears
    click(qtbot, button(meetings_page, "จัดทำรายงานการประชุม"), ok)
    reports = window.pages["ReportsPage"]
    qtbot.waitUntil(lambda: reports.pdf_path is not None and reports.build_button.isEnabled(), timeout=60000)
    minutes = reports.pdf_path
    words = pdf_text(minutes)
    for phrase in ("นายกรรมการหนึ่ง", "ติดราชการต่างประเทศ", "นายผู้แทนมาแทน", "มาประชุมแทนนางกรรมการสอง",
                   "นายแขกรับเชิญ", "ระเบียบวาระที่๓", "ที่ประชุมเห็นชอบผลการดำเนินงาน", "นายเลขานุการทดสอบ",
                   "ไม่ได้บันทึกการมาประชุม", "ผู้จดรายงานการประชุม", "นางสาวผู้จดรายงาน", "ผู้ตรวจรายงานการประชุม"):
        assert phrase in words, phrase
    assert shared_checker(minutes)[0] == 0

    pack = build_report(qtbot, window, "pack", f"1/{be_year_today()}")
    assert pack[:4] == b"%PDF"
    words = pdf_text(reports.pdf_path)
    assert "ขอเชิญประชุม" in words and "ระเบียบวาระที่๓" in words
    assert shared_checker(reports.pdf_path)[0] == 0


def be_year_today() -> int:
    return date.today().year + 543


def set_period(window, year: int, months: int) -> None:
    window.year_box.setCurrentIndex(window.year_box.findData(year))
    window.round_box.setCurrentIndex(window.round_box.findData(months))


def organisation_rows(s, unit_code: str):
    from app.services.grid import assignment_rows
    return assignment_rows(s, lookup.year(s, YEAR).id, lookup.unit(s, unit_code).id)
