"""Results: a unit's actuals for the round, points and grade updating at once; approve and lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton, QVBoxLayout

from app.domain.thai_text import format_number
from app.errors import KpiDeskError
from app.models import RoundStatus, Unit
from app.models.enums import ROUND_STATUS_EN, ROUND_STATUS_TH
from app.ui.frozen import FrozenFirstColumn
from app.ui.i18n import pick
from app.services import framework, lookup, replica
from app.services.framework import ensure_results_editable
from app.services.grid import result_rows, set_result_field
from app.services.scoring import score_round
from app.ui.models.results import EDITABLE, ResultsTableModel
from app.ui.pages.common import (LivePage, MessageLine, UnitPicker, ask, fit_rows, measured_once, offer_history,
                                 reason_despite, table_view, with_find)


class ResultsPage(LivePage):
    WATCHES = frozenset({"result", "assignment", "round", "roundsnapshot", "unit", "indicator", "evidencefile",
                         "frameworkcomponent"})

    def __init__(self, state) -> None:
        super().__init__(state)
        self.model = ResultsTableModel(self)
        self.model.edit_requested.connect(self.on_edit, Qt.QueuedConnection)  # never reset a model inside its commit
        self.unit = UnitPicker()
        self.unit.currentIndexChanged.connect(self.refresh)
        self.score_label = QLabel()
        self.score_label.setStyleSheet("font-size: 15pt;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("เห็นชอบผลรอบนี้"))
        self.lock_button = QPushButton(self.tr("ปิดรอบ"))
        self.reopen_button = QPushButton(self.tr("เปิดรอบกลับมาแก้ไข"))
        self.approve_button.clicked.connect(lambda: self.change_status("approve"))
        self.lock_button.clicked.connect(lambda: self.change_status("lock"))
        self.reopen_button.clicked.connect(lambda: self.change_status("reopen"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("หน่วยงาน")))
        top.addWidget(self.unit, 1)
        top.addWidget(self.score_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for b in (self.approve_button, self.lock_button, self.reopen_button):
            buttons.addWidget(b)
        self.view = table_view(self.model, stretch_column=None)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
        self.view.setColumnWidth(0, 380)
        measured_once(self.view)
        offer_history(self.view, self.show_history)
        self.frozen_column = FrozenFirstColumn(self.view)      # the indicator's name stays while columns scroll
        self.view.doubleClicked.connect(self.open_evidence)
        self.evidence_button = QPushButton(self.tr("ผลที่ตรวจสอบและหลักฐาน…"))
        self.evidence_button.clicked.connect(self.open_evidence)
        buttons.insertWidget(1, self.evidence_button)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(with_find(self.view), 1)
        layout.addWidget(self.message)
        self.watch()

    def showEvent(self, event):  # noqa: N802
        if self.unit.count() == 0:
            self.unit.load(self.state.store)
        super().showEvent(event)

    def affected_by(self, changes) -> bool:
        """Results of the other round do not show here."""
        if changes.tables == {"result"}:
            return (self.state.year_be, self.state.months) in changes.rounds
        return super().affected_by(changes)

    def on_changed(self, changes) -> None:
        if changes.touches("unit") and self.unit.count():
            self.unit.load(self.state.store)
        super().on_changed(changes)

    def refresh(self) -> None:
        unit_id = self.unit.currentData()
        if self.state.year_be is None or unit_id is None:
            return
        with self.state.store.reading() as s:
            rnd = self.state.round(s)
            rows = result_rows(s, rnd, unit_id)
            code = lookup.get(s, Unit, unit_id).code
            scores = score_round(s, year_be=self.state.year_be, months=self.state.months, unit_code=code).units
            try:
                ensure_results_editable(s, rnd)
                why = pick(*replica.refusal(s, "result", "actual", unit_id))   # a copy's account may not
            except KpiDeskError as exc:
                why = pick(exc.th, exc.en or exc.th)
            round_why = pick(*replica.refusal(s, "round", "status", None))
            closed = frozenset(f for f in EDITABLE if replica.refusal(s, "result", f, unit_id)[0])
            status = self.status = RoundStatus(rnd.status)
        score = scores[0] if scores else None
        changed = self.model.set_rows(rows, score, read_only=bool(why), closed=closed)
        if score:
            note = self.tr(" (จาก {0} ของ {1})").format(format_number(score.points), format_number(score.out_of)) \
                if self.state.months == 6 else ""
            missing = self.tr("  ไม่มีผล {0} ตัวชี้วัด").format(len(score.missing)) if score.missing else ""
            self.score_label.setText(f"<b>{format_number(score.shown_score)}</b>{note} "
                                     f"<span style='color:{score.verdict[2]}'><b>{pick(*score.verdict[:2])}</b></span>{missing}"
                                     + "".join(f"<br><span style='color:#b3261e'>{pick(i.th, i.en)}</span>"
                                               for i in score.issues if i.blocking))
        self.status_label.setText(self.tr("สถานะรอบ: {0}").format(pick(ROUND_STATUS_TH[status], ROUND_STATUS_EN[status])) + (f" — {why}" if why else ""))
        self.status_label.setStyleSheet("color: #8a5a00;" if why else "")
        self.approve_button.setEnabled(status == RoundStatus.OPEN and not round_why)
        self.lock_button.setEnabled(status == RoundStatus.APPROVED and not round_why)
        self.reopen_button.setEnabled(status in (RoundStatus.APPROVED, RoundStatus.LOCKED) and not round_why)
        for button in (self.approve_button, self.lock_button, self.reopen_button):
            button.setToolTip(round_why)
        fit_rows(self.view, changed)

    def on_edit(self, assignment_id, field: str, old: str, new: str) -> None:
        try:
            self.state.perform("results", lambda s: set_result_field(s, self.state.round(s), assignment_id, field, new))
        except KpiDeskError as exc:
            self.message.error(self.tr("ไม่ได้บันทึก: ") + exc.th)
            self.refresh()
            return
        self.message.info(self.tr("บันทึกแล้ว"))

    def open_evidence(self, index=None) -> None:
        """The selected indicator's verified result and evidence files (double-click the files column)."""
        from app.ui.evidence_dialog import EvidenceDialog
        if index is None or isinstance(index, bool):
            index = self.view.currentIndex()
        elif self.model.field(index.column()) != "evidence_files":
            return                          # a double-click elsewhere edits the cell
        if not index.isValid():
            self.message.error(self.tr("เลือกตัวชี้วัดในตารางก่อน"))
            return
        with self.state.store.reading() as s:
            try:
                ensure_results_editable(s, self.state.round(s))
                why = ""
            except KpiDeskError as exc:
                why = pick(exc.th, exc.en or exc.th)
        EvidenceDialog(self, self.model.rows[index.row()], self.unit.currentData(), why).exec()

    def _change(self, action: str, reason: str) -> None:
        def change(s):
            rnd = self.state.round(s)
            if action == "reopen":
                return framework.reopen_round(s, rnd, reason)
            if action == "approve":
                return framework.approve_round(s, rnd, reason)
            return framework.lock_round(s, rnd)
        self.state.perform(action, change)

    def show_history(self, index) -> None:
        """The history of the cell (the indicator's actual, note or evidence in this round)."""
        from app.services.history import result_history
        from app.ui.history_dialog import HistoryDialog
        row, field = self.model.rows[index.row()], self.model.field(index.column())
        with self.state.store.reading() as s:
            entries = result_history(s, row.assignment_id, self.state.round(s).id,
                                     field if field in ("actual", "note", "evidence_ref", "verified_actual") else None)
        names = {"actual": self.tr("ผลการดำเนินงาน"), "note": self.tr("หมายเหตุ"),
                 "evidence_ref": self.tr("หลักฐานอ้างอิง"), "recorded_by": self.tr("ผู้บันทึก"),
                 "verified_actual": self.tr("ผลที่ตรวจสอบแล้ว"), "verified_by": self.tr("ผู้ตรวจสอบ"),
                 "verified_source": self.tr("ตรวจสอบโดย"), "source_ref": self.tr("อ้างอิงหนังสือ/เอกสาร"),
                 "source_date": self.tr("ลงวันที่")}
        HistoryDialog(self, row.name, entries, names).exec()

    def change_status(self, action: str) -> None:
        questions = {"approve": self.tr("ยืนยันว่าคณะกรรมการเห็นชอบผลรอบนี้แล้ว? ผลจะแก้ไขไม่ได้จนกว่าจะเปิดรอบกลับ"),
                     "lock": self.tr("ปิดรอบแล้วจะแก้ไขผลและค่าเป้าหมายของรอบนี้ไม่ได้อีก ยืนยันหรือไม่?"),
                     "reopen": self.tr("เปิดรอบกลับมาแก้ไขผล?")}
        reason = ""
        if action == "reopen" and self.status == RoundStatus.LOCKED:
            reason, ok = QInputDialog.getText(self, "KPI Desk", self.tr(
                "รอบนี้ปิดแล้ว การเปิดรอบกลับต้องระบุเหตุผล (บันทึกไว้ในประวัติ) และเมื่อปิดรอบอีกครั้งจะเก็บผลเป็นฉบับใหม่"))
            if not ok or not reason.strip():
                return
        elif not ask(self, questions[action]):
            return
        try:
            self._change(action, reason)
        except framework.RoundNotReady as exc:
            reason = reason_despite(self, self.tr("รอบนี้ยังมีปัญหาตามรายการด้านล่าง หากคณะกรรมการเห็นชอบทั้งที่มีปัญหา "
                                                  "ให้ระบุเหตุผล (บันทึกไว้กับรอบและในประวัติ)"), exc.problems)
            if reason is None:
                self.message.error(self.tr("ยังไม่เห็นชอบ: พบปัญหา {0} รายการ").format(len(exc.problems)))
                return
            try:
                self._change(action, reason)
            except KpiDeskError as again:
                self.message.error(again.th)
                return
        except KpiDeskError as exc:
            self.message.error(exc.th)
            return
