"""Reports: choose one, build it in the background, preview it (QtPdf), save it or print it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from app.errors import KpiDeskError
from app.io.atomic import copy_atomically
from app.services import meetings
from app.reports.kinds import KINDS
from app.ui.errors import show_error
from app.ui.pdf_preview import PdfPreview
from app.ui.save_as import completed
from app.ui.pages.common import MessageLine, UnitPicker
from app.ui.worker import run_in_background



class ReportsPage(QWidget):
    def __init__(self, state) -> None:
        super().__init__()
        self.state = state
        self.pdf_path: Path | None = None
        self.kind = QComboBox()
        for kind in KINDS.values():
            if kind.in_window:
                self.kind.addItem(self.tr(kind.title), kind.code)
        self.unit = UnitPicker()
        self.meeting = QComboBox()
        self.kind.currentIndexChanged.connect(self._update_fields)
        self.build_button = QPushButton(self.tr("สร้างรายงาน"))
        self.save_button = QPushButton(self.tr("บันทึกเป็นไฟล์…"))
        self.print_button = QPushButton(self.tr("พิมพ์…"))
        self.build_button.clicked.connect(self.build)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("รายงาน"), self.kind)
        self.unit_label, self.meeting_label = QLabel(self.tr("หน่วยงาน")), QLabel(self.tr("การประชุม"))
        form.addRow(self.unit_label, self.unit)
        form.addRow(self.meeting_label, self.meeting)
        buttons = QHBoxLayout()
        for b in (self.build_button, self.save_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.preview = PdfPreview()
        self.document, self.view = self.preview.document, self.preview.view
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        self._tmp = tempfile.TemporaryDirectory(prefix="kpi-desk-reports-")
        self._update_fields()

    def showEvent(self, event):  # noqa: N802
        self.load_choices()
        super().showEvent(event)

    def load_choices(self) -> None:
        self.unit.load(self.state.store)
        self.unit.insertItem(0, self.tr("ทุกหน่วยงาน"), None)
        self.unit.setCurrentIndex(0)
        current = self.meeting.currentData()
        self.meeting.clear()
        with self.state.store.reading() as s:
            for m in meetings.all_meetings(s):
                self.meeting.addItem(self.tr("ครั้งที่ {0}").format(f"{m.number}/{m.year_be}"), f"{m.number}/{m.year_be}")
        i = self.meeting.findData(current)
        if i >= 0:
            self.meeting.setCurrentIndex(i)

    def _update_fields(self) -> None:
        kind = KINDS.get(self.kind.currentData())
        needs = kind.needs if kind else frozenset()
        self.unit.setVisible(bool(kind and kind.unit_option))
        self.unit_label.setVisible(bool(kind and kind.unit_option))
        self.meeting.setVisible("meeting" in needs)
        self.meeting_label.setVisible("meeting" in needs)

    def choose(self, kind: str, meeting: str | None = None) -> None:
        """Preselect a report (the Meetings page asks for minutes this way)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.load_choices()
        if meeting:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(meeting)))

    def request(self):
        from app.reports.render import ReportRequest
        kind = self.kind.currentData()
        unit_code = None
        if KINDS[kind].unit_option and self.unit.currentData() is not None:
            unit_code = self.unit.currentText().split(" — ")[0]
        return ReportRequest(kind, year=self.state.year_be, months=self.state.months, unit=unit_code,
                             meeting=self.meeting.currentData())

    def build(self) -> None:
        request = self.request()
        out = Path(self._tmp.name) / f"{request.kind}-{id(request)}.pdf"
        store = self.state.store
        self.build_button.setEnabled(False)
        self.message.info(self.tr("กำลังสร้างรายงาน…"))

        def job(progress):
            from app.reports import notices
            from app.reports.render import render
            with store.reading() as s:
                return render(s, request, out, on_progress=progress.report), notices.collected()

        def done(result):
            path, warnings = result
            self.build_button.setEnabled(True)
            self.pdf_path = Path(path)
            self.document.load(str(path))
            self.save_button.setEnabled(True)
            self.print_button.setEnabled(True)
            self.message.info(self.tr("สร้างรายงานแล้ว {0} หน้า").format(self.document.pageCount()))
            if warnings:
                self.message.error(self.tr("สร้างรายงานแล้ว แต่มีข้อความที่ต้องแก้: ") + "; ".join(warnings[:5]))

        def failed(exc, tb):
            self.build_button.setEnabled(True)
            self.message.error(self.tr("สร้างรายงานไม่สำเร็จ"))
            show_error(self, exc, tb)

        def cancelled():
            self.build_button.setEnabled(True)
            self.message.error(self.tr("ยกเลิกการสร้างรายงานแล้ว"))

        self.job = run_in_background(self, self.tr("กำลังสร้างรายงาน…"), job, done, failed, cancelled)

    def save(self) -> None:
        if not self.pdf_path:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("บันทึกรายงาน"), self.pdf_path.name, "PDF (*.pdf)")
        if target:
            try:
                target = completed(target, ".pdf")
                copy_atomically(self.pdf_path, target)
            except KpiDeskError as exc:
                self.message.error(exc.th)
                return
            self.message.info(self.tr("บันทึกที่ {0}").format(target))

    def print_(self) -> None:
        if not self.pdf_path:
            return
        printer = QPrinter(QPrinter.HighResolution)
        from PySide6.QtGui import QPageSize

        from app.services.settings import get_setting
        with self.state.store.reading() as s:
            paper, name = get_setting(s, "paper"), get_setting(s, "printer")
        if name:
            printer.setPrinterName(name)
        printer.setPageSize(QPageSize(QPageSize.Letter if paper == "Letter" else QPageSize.A4))
        if QPrintDialog(printer, self).exec() != QPrintDialog.Accepted:
            return
        painter = QPainter(printer)
        for page in range(self.document.pageCount()):
            if page:
                printer.newPage()
            rect = painter.viewport()
            size = self.document.pagePointSize(page)
            scale = min(rect.width() / size.width(), rect.height() / size.height())
            image = self.document.render(page, QSize(int(size.width() * scale), int(size.height() * scale)))
            painter.drawImage(QPointF(0, 0), image)
        painter.end()
