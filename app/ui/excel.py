"""Excel from the window: a template for the current unit, an import previewed before it is applied,
an export of the year. The work runs in the background; the preview is the import's own dry run.
The Excel modules (and openpyxl) are imported when a command runs, not when the window opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QLabel, QMessageBox, QVBoxLayout)

from app.services.grid import FIELD_TH
from app.ui.errors import show_error
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import table_view
from app.ui.save_as import completed
from app.ui.worker import run_in_background

ACTION_TH = {"added": "เพิ่ม", "changed": "แก้ไข", "unchanged": "ไม่เปลี่ยนแปลง"}


class PreviewDialog(QDialog):
    """What an import would do (or why it cannot), with the button to apply it."""

    def __init__(self, parent, plan, refused: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ตรวจสอบก่อนนำเข้า"))
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        counts = plan.counts()
        head = QLabel()
        head.setWordWrap(True)
        if refused:
            head.setText(self.tr("<b>นำเข้าไม่ได้</b>: {0}<br>พบปัญหา {1} รายการ ฐานข้อมูลจะไม่มีการเปลี่ยนแปลง")
                         .format(plan.description, len(plan.problems)))
            head.setStyleSheet("color: #b3261e;")
            self.model = RowsTableModel([self.tr("ปัญหา")], self)
            self.model.set_rows([[p.th] for p in plan.problems])
        else:
            head.setText(self.tr("<b>{0}</b><br>เพิ่ม {1} · แก้ไข {2} · ไม่เปลี่ยนแปลง {3}").format(
                plan.description, counts["added"], counts["changed"], counts["unchanged"]))
            self.model = RowsTableModel([self.tr("การเปลี่ยนแปลง"), self.tr("ตำแหน่งในไฟล์"), self.tr("รายการ"),
                                         self.tr("ช่อง"), self.tr("เดิม"), self.tr("ใหม่")], self)
            self.model.set_rows([[ACTION_TH[c.action], c.where, c.subject, FIELD_TH.get(c.field, c.field), c.old, c.new]
                                 for c in plan.changes if c.action != "unchanged"])
        layout.addWidget(head)
        layout.addWidget(table_view(self.model, stretch_column=0 if refused else 2), 1)
        buttons = QDialogButtonBox()
        if not refused:
            self.apply_button = buttons.addButton(self.tr("นำเข้า"), QDialogButtonBox.AcceptRole)
        buttons.addButton(self.tr("ยกเลิก"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def import_workbook(window, path: str | None = None) -> None:
    state = window.state
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, window.tr("นำเข้าจาก Excel"), "", "Excel (*.xlsx)")
    if not path:
        return
    expect = {"year": state.year_be} if state.year_be else {}

    from app.io.importer import ImportRefused
    from app.io.imports import run_import

    def preview(progress):
        try:
            return run_import(state.store, Path(path), expect, dry_run=True), False
        except ImportRefused as exc:
            return exc.plan, True

    def show(result):
        plan, refused = result
        dialog = PreviewDialog(window, plan, refused)
        window.last_import_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return

        # apply exactly what the preview showed: the year, unit and round the file claimed then (the
        # hidden sheet is editable, so a file swapped or edited since is refused, not applied elsewhere)
        pinned = {**expect, **plan.place}

        def apply(progress):
            return run_import(state.store, Path(path), pinned)

        def applied(plan_):
            counts = plan_.counts()
            state.saved(plan_.record)
            window.statusBar().showMessage(window.tr("นำเข้าแล้ว: เพิ่ม {0} แก้ไข {1}").format(
                counts["added"], counts["changed"]), 10000)
        run_in_background(window, window.tr("กำลังนำเข้า…"), apply, applied, lambda e, tb: show_error(window, e, tb))

    run_in_background(window, window.tr("กำลังตรวจสอบไฟล์…"), preview, show, lambda e, tb: show_error(window, e, tb))


def export_workbook(window) -> None:
    state = window.state
    target, _ = QFileDialog.getSaveFileName(window, window.tr("ส่งออกเป็น Excel"), f"kpi-desk-{state.year_be}.xlsx",
                                            "Excel (*.xlsx)")
    if not target:
        return

    from app.io.atomic import write_atomically
    from app.io.export import write_export
    out = completed(target, ".xlsx")

    def job(progress):
        with state.store.reading() as s:
            return write_atomically(out, lambda tmp: write_export(s, year_be=state.year_be, out=tmp), ".xlsx")

    run_in_background(window, window.tr("กำลังส่งออก…"), job,
                      lambda out: window.statusBar().showMessage(window.tr("ส่งออกที่ {0}").format(out), 10000),
                      lambda e, tb: show_error(window, e, tb))


def template_for_unit(window) -> None:
    state = window.state
    page = window.pages["TargetsPage"]
    unit_text = page.unit.currentText()
    if not unit_text:
        page.unit.load(state.store)
        unit_text = page.unit.currentText()
    code = unit_text.split(" — ")[0]
    choice, ok = QInputDialog.getItem(window, window.tr("แบบฟอร์ม Excel"), window.tr("แบบฟอร์มของ {0}").format(unit_text),
                                      [window.tr("ตัวชี้วัดและค่าเป้าหมาย"), window.tr("ผลการดำเนินงานรอบ ๖ เดือน"),
                                       window.tr("ผลการดำเนินงานรอบ ๑๒ เดือน")], 0, False)
    if not ok:
        return
    months = {0: None, 1: 6, 2: 12}[[window.tr("ตัวชี้วัดและค่าเป้าหมาย"), window.tr("ผลการดำเนินงานรอบ ๖ เดือน"),
                                    window.tr("ผลการดำเนินงานรอบ ๑๒ เดือน")].index(choice)]
    target, _ = QFileDialog.getSaveFileName(window, window.tr("บันทึกแบบฟอร์ม"), f"{code}-{state.year_be}.xlsx",
                                            "Excel (*.xlsx)")
    if not target:
        return
    from app.io.atomic import write_atomically
    from app.io.template import write_template
    target = completed(target, ".xlsx")
    try:
        with state.store.reading() as s:
            write_atomically(target, lambda tmp: write_template(s, year_be=state.year_be, unit_code=code,
                                                                months=months, out=tmp), ".xlsx")
    except Exception as exc:  # noqa: BLE001 - shown to the user, logged when unexpected
        show_error(window, exc)
        return
    QMessageBox.information(window, "KPI Desk", window.tr("บันทึกแบบฟอร์มที่ {0}").format(target))
