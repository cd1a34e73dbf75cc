"""One result's verification and evidence: the verified actual (by the secretariat or OPDC's figure with
its letter and date) and the evidence files (attach, open, remove). Every change goes through the
services as its own use case, so the results page and the history follow it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout)

from app.domain.thai_text import format_number, plain
from app.errors import KpiDeskError
from app.services import evidence
from app.services.grid import ResultRow, result_rows
from app.services.results import SOURCES_EN, SOURCES_TH, set_verified
from app.ui.dates import ThaiDateEdit, show_date
from app.ui.i18n import pick
from app.ui.pages.common import MessageLine, ask


class EvidenceDialog(QDialog):
    def __init__(self, page, row: ResultRow, unit_id, read_only: str = "") -> None:
        super().__init__(page)
        self.page, self.state, self.unit_id, self.row = page, page.state, unit_id, row
        self.setWindowTitle(self.tr("ผลที่ตรวจสอบและหลักฐาน"))
        self.resize(760, 560)
        title = QLabel(f"<b>{row.code} {row.name}</b>")
        title.setWordWrap(True)
        self.reported = QLabel()

        box = QGroupBox(self.tr("ผลที่ตรวจสอบแล้ว (ใช้คิดคะแนนแทนผลที่หน่วยงานรายงาน)"))
        self.value = QLineEdit()
        self.source = QComboBox()
        for key in SOURCES_TH:
            self.source.addItem(pick(SOURCES_TH[key], SOURCES_EN[key]), key)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("เช่น หนังสือ สำนักงาน ก.พ.ร. ที่ นร ๑๒๐๐/…"))
        self.day = ThaiDateEdit()
        self.verified_line = QLabel()
        self.verified_line.setWordWrap(True)
        self.save_button = QPushButton(self.tr("บันทึกผลที่ตรวจสอบ"))
        self.save_button.clicked.connect(self.save_verified)
        self.clear_button = QPushButton(self.tr("ยกเลิกผลที่ตรวจสอบ"))
        self.clear_button.clicked.connect(self.clear_verified)
        form = QFormLayout(box)
        form.addRow(self.tr("ผลที่ตรวจสอบแล้ว"), self.value)
        form.addRow(self.tr("ผู้ตรวจสอบ"), self.source)
        form.addRow(self.tr("อ้างอิงหนังสือ/เอกสาร"), self.reference)
        form.addRow(self.tr("ลงวันที่"), self.day)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        form.addRow(self.verified_line)
        form.addRow(buttons)

        files = QGroupBox(self.tr("ไฟล์หลักฐาน (ไม่เกิน {0} ต่อไฟล์ เก็บในฐานข้อมูลพร้อมรหัส SHA-256)").format(
            evidence.MAX_EVIDENCE_TH))
        self.files = QStandardItemModel(0, 4, self)
        self.files.setHorizontalHeaderLabels([self.tr("ชื่อไฟล์"), self.tr("ขนาด"), self.tr("ผู้แนบ"), self.tr("เมื่อ")])
        self.table = QTableView()
        self.table.setModel(self.files)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.doubleClicked.connect(self.open_file)
        self.attach_button = QPushButton(self.tr("แนบไฟล์…"))
        self.attach_button.clicked.connect(self.attach)
        self.open_button = QPushButton(self.tr("เปิด"))
        self.open_button.clicked.connect(self.open_file)
        self.remove_button = QPushButton(self.tr("ลบ"))
        self.remove_button.clicked.connect(self.remove)
        file_buttons = QHBoxLayout()
        file_buttons.addStretch(1)
        for b in (self.attach_button, self.open_button, self.remove_button):
            file_buttons.addWidget(b)
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.table, 1)
        files_layout.addLayout(file_buttons)

        self.message = MessageLine()
        if read_only:
            self.message.error(read_only)
        for w in (self.value, self.source, self.reference, self.day, self.save_button, self.clear_button,
                  self.attach_button, self.remove_button):
            w.setEnabled(not read_only)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reported)
        layout.addWidget(box)
        layout.addWidget(files, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.opened: list[Path] = []        # files written for opening (kept until the dialog closes)
        self.show_row(row)

    # --- reading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        with self.state.store.reading() as s:
            rows = result_rows(s, self.state.round(s), self.unit_id)
        row = next((r for r in rows if r.assignment_id == self.row.assignment_id), None)
        if row is not None:
            self.show_row(row)

    def show_row(self, row: ResultRow) -> None:
        self.row = row
        reported = format_number(row.actual, places=None) if row.actual is not None else self.tr("ยังไม่รายงาน")
        self.reported.setText(self.tr("ผลที่หน่วยงานรายงาน (ประเมินตนเอง): {0} {1}").format(reported, row.unit_of_measure)
                              + (self.tr("  — คะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐)") if row.by_points else ""))
        self.value.setText(plain(row.verified_actual) if row.verified_actual is not None else "")
        self.source.setCurrentIndex(max(0, self.source.findData(row.verified_source or "secretariat")))
        self.reference.setText(row.source_ref)
        if row.source_date:
            self.day.setValue(row.source_date)
        if row.verified_actual is None:
            self.verified_line.setText(self.tr("ยังไม่ได้ตรวจสอบ: คะแนนคิดจากผลที่หน่วยงานรายงาน"))
        else:
            line = self.tr("ตรวจสอบโดย {0} เมื่อ {1}").format(row.verified_by or "–", show_date(
                row.verified_at.date()) if row.verified_at else "–")
            if row.differs:
                line += self.tr(" — ต่างจากที่หน่วยงานรายงาน")
            self.verified_line.setText(line)
        with self.state.store.reading() as s:
            infos = evidence.evidence_files(s, self.state.round(s).id, row.assignment_id)
        self.files.removeRows(0, self.files.rowCount())
        for info in infos:
            items = [QStandardItem(info.name), QStandardItem(_size(info.size)), QStandardItem(info.added_by),
                     QStandardItem(show_date(info.added_at.date()))]
            items[0].setData(info.id)
            items[0].setToolTip(f"SHA-256 {info.sha256}")
            self.files.appendRow(items)

    def selected_id(self):
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        return self.files.item(index.row(), 0).data() if index.isValid() else None

    # --- writing -----------------------------------------------------------------------------------
    def run(self, command: str, fn, *args, **kwargs) -> bool:
        try:
            self.state.perform(command, fn, *args, **kwargs)
        except KpiDeskError as exc:
            self.message.error(self.tr("ไม่ได้บันทึก: ") + exc.th)
            return False
        self.message.info(self.tr("บันทึกแล้ว"))
        self.reload()
        return True

    def save_verified(self) -> None:
        self._verify(self.value.text(), self.source.currentData(), self.reference.text(), self.day.value())

    def clear_verified(self) -> None:
        self._verify(None, "secretariat", "", None)

    def _verify(self, value, source, ref, day) -> None:
        aid = self.row.assignment_id
        self.run("verify", lambda s: set_verified(s, assignment_id=aid, rnd=self.state.round(s), value=value,
                                                  source=source, source_ref=ref, source_date=day))

    def attach(self) -> None:
        from app.io.evidence import read_evidence
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("แนบไฟล์หลักฐาน"))
        for path in paths:
            try:
                name, content = read_evidence(Path(path))
            except KpiDeskError as exc:
                self.message.error(exc.th)
                return
            aid = self.row.assignment_id
            if not self.run("attach evidence", lambda s: evidence.attach_evidence(
                    s, self.state.round(s), aid, name, content)):
                return

    def open_file(self, *_args) -> None:
        eid = self.selected_id()
        if eid is None:
            return
        try:
            with self.state.store.reading() as s:
                name, content = evidence.evidence_content(s, eid)
        except KpiDeskError as exc:
            self.message.error(exc.th)
            return
        folder = Path(tempfile.mkdtemp(prefix="kpi-desk-evidence-"))
        path = folder / name
        path.write_bytes(content)
        path.chmod(0o400)
        self.opened.append(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove(self) -> None:
        eid = self.selected_id()
        if eid is None or not ask(self, self.tr("ลบไฟล์หลักฐานนี้? (ยังดูได้ในประวัติการแก้ไขว่าเคยแนบ)")):
            return
        self.run("remove evidence", evidence.remove_evidence, eid)


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{max(1, round(n / 1024))} KB"
