"""Change requests: record one, decide it, and see which approved ones are due at OPDC and when."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget)
from sqlmodel import select

from app.domain.calendar import thai_date, thai_date_short
from app.domain.thai_text import parse_decimal
from app.errors import ValidationError
from app.models import Assignment, ChangeRequest, Indicator, Round, Unit
from app.models.enums import CHANGE_REASON_TH, DECISION_TH, ChangeReason, Decision
from app.services import change_requests
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import MessageLine, dialog_buttons, save, table_view


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class RequestDialog(QDialog):
    def __init__(self, parent, assignments: list[tuple[str, object]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("บันทึกคำขอปรับเปลี่ยนรายละเอียดตัวชี้วัด"))
        self.resize(640, 420)
        form = QFormLayout(self)
        self.assignment = QComboBox()
        for label, key in assignments:
            self.assignment.addItem(label, key)
        self.months = QComboBox()
        self.months.addItem(self.tr("รอบ ๑๒ เดือน"), 12)
        self.months.addItem(self.tr("รอบ ๖ เดือน"), 6)
        self.reason = QComboBox()
        for reason, th in CHANGE_REASON_TH.items():
            self.reason.addItem(th, reason)
        self.reason_text = QLineEdit()
        self.proposal = QTextEdit()
        self.targets = [QLineEdit() for _ in range(3)]
        row = QHBoxLayout()
        for label, edit in zip((self.tr("ขั้นต้น"), self.tr("มาตรฐาน"), self.tr("ขั้นสูง")), self.targets):
            row.addWidget(QLabel(label))
            row.addWidget(edit)
        self.submitted = QDateEdit(_qdate(date.today()))
        self.submitted.setCalendarPopup(True)
        form.addRow(self.tr("ตัวชี้วัด"), self.assignment)
        form.addRow(self.tr("รอบการประเมิน"), self.months)
        form.addRow(self.tr("เหตุ (ปัจจัยภายนอก)"), self.reason)
        form.addRow(self.tr("รายละเอียดเหตุ"), self.reason_text)
        form.addRow(self.tr("ข้อเสนอ"), self.proposal)
        form.addRow(self.tr("ค่าเป้าหมายที่เสนอ"), row)
        form.addRow(self.tr("วันที่ยื่น"), self.submitted)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def proposed(self):
        try:
            values = [parse_decimal(e.text()) for e in self.targets]
        except ValueError as exc:
            raise ValidationError([self.tr("ค่าเป้าหมายที่เสนอ: ") + str(exc)]) from None
        return values


class ChangesPage(QWidget):
    def __init__(self, state) -> None:
        super().__init__()
        self.state = state
        self.model = RowsTableModel([self.tr("หน่วยงาน"), self.tr("ตัวชี้วัด"), self.tr("รอบ"), self.tr("เหตุ"),
                                     self.tr("ข้อเสนอ"), self.tr("ผลการพิจารณา"), self.tr("ส่ง ก.พ.ร.")], self)
        self.view = table_view(self.model, stretch_column=1)
        new = QPushButton(self.tr("บันทึกคำขอใหม่…"))
        approve = QPushButton(self.tr("คณะกรรมการเห็นชอบ"))
        reject = QPushButton(self.tr("ไม่เห็นชอบ"))
        sent = QPushButton(self.tr("ส่ง ก.พ.ร. แล้ว"))
        new.clicked.connect(self.new_request)
        approve.clicked.connect(lambda: self.decide(True))
        reject.clicked.connect(lambda: self.decide(False))
        sent.clicked.connect(self.mark_sent)
        bar = QHBoxLayout()
        for b in (new, approve, reject, sent):
            bar.addWidget(b)
        bar.addStretch(1)
        self.due = QLabel()
        self.due.setWordWrap(True)
        due_box = QGroupBox(self.tr("กำหนดส่งสำนักงาน ก.พ.ร. (รอบ ๖ เดือน: สิ้นเดือนกุมภาพันธ์ · รอบ ๑๒ เดือน: สิ้นเดือนกรกฎาคม)"))
        QVBoxLayout(due_box).addWidget(self.due)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(due_box)
        layout.addWidget(self.message)
        state.period_changed.connect(self.refresh)
        state.data_changed.connect(lambda _w: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        with self.state.store.reading() as s:
            rows = s.execute(select(ChangeRequest, Assignment, Indicator, Unit, Round)
                             .join(Assignment, Assignment.id == ChangeRequest.assignment_id)
                             .join(Indicator, Indicator.id == Assignment.indicator_id)
                             .join(Unit, Unit.id == Assignment.unit_id)
                             .join(Round, Round.id == ChangeRequest.round_id)
                             .order_by(ChangeRequest.created_at)).all()
            due = change_requests.due_for_opdc(s, date.today())
            due_text = [f"{s.get(Indicator, s.get(Assignment, cr.assignment_id).indicator_id).name_th}: "
                        f"{thai_date(rnd.opdc_due_on)} ({self._days(days)})" for cr, rnd, days in due]
        colours = {}
        for i, (cr, *_rest) in enumerate(rows):
            colours[(i, 5)] = {"approved": "#1b7f3b", "rejected": "#b3261e"}.get(cr.decision, "#8a5a00")
        self.model.set_rows([[u.name_th, ind.name_th, f"{rnd.months} เดือน", CHANGE_REASON_TH[ChangeReason(cr.reason)],
                              cr.proposal, DECISION_TH[Decision(cr.decision)],
                              thai_date_short(cr.sent_to_opdc_on) if cr.sent_to_opdc_on else ""]
                             for cr, _a, ind, u, rnd in rows], keys=[cr.id for cr, *_ in rows], colours=colours)
        self.view.resizeRowsToContents()
        self.due.setText("\n".join(due_text) if due_text else self.tr("ไม่มีคำขอที่รอส่งสำนักงาน ก.พ.ร."))

    def _days(self, days: int) -> str:
        return self.tr("เลยกำหนด {0} วัน").format(-days) if days < 0 else self.tr("อีก {0} วัน").format(days)

    def selected(self):
        index = self.view.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None

    def _run(self, fn, done: str) -> None:
        save(self.state, self.message, fn, done, "changes")

    def new_request(self) -> None:
        with self.state.store.reading() as s:
            fy = self.state.fiscal_year(s)
            items = [(f"{u.name_th} — {i.name_th}", a.id) for a, i, u in s.execute(
                select(Assignment, Indicator, Unit).join(Indicator, Indicator.id == Assignment.indicator_id)
                .join(Unit, Unit.id == Assignment.unit_id).where(Assignment.fiscal_year_id == fy.id)
                .order_by(Unit.sort_order, Assignment.sort_order)).all()]
        dialog = RequestDialog(self, items)
        if dialog.exec() != QDialog.Accepted:
            return

        def submit(s):
            base, standard, advanced = dialog.proposed()
            rnd = s.exec(select(Round).where(Round.fiscal_year_id == self.state.fiscal_year(s).id,
                                             Round.months == dialog.months.currentData())).one()
            q = dialog.submitted.date()
            change_requests.submit_change_request(
                s, assignment=s.get(Assignment, dialog.assignment.currentData()), rnd=rnd,
                reason=dialog.reason.currentData(), reason_text=dialog.reason_text.text(),
                proposal=dialog.proposal.toPlainText(), submitted_on=date(q.year(), q.month(), q.day()),
                proposed_base=base, proposed_standard=standard, proposed_advanced=advanced)
        self._run(submit, self.tr("บันทึกคำขอแล้ว"))

    def decide(self, approve: bool) -> None:
        key = self.selected()
        if key is None:
            self.message.error(self.tr("เลือกคำขอในตารางก่อน"))
            return
        self._run(lambda s: change_requests.decide_change_request(s, s.get(ChangeRequest, key), approve=approve,
                                                                   decided_on=date.today()),
                  self.tr("บันทึกผลการพิจารณาแล้ว"))

    def mark_sent(self) -> None:
        key = self.selected()
        if key is None:
            self.message.error(self.tr("เลือกคำขอในตารางก่อน"))
            return
        self._run(lambda s: change_requests.mark_sent_to_opdc(s, s.get(ChangeRequest, key), date.today()),
                  self.tr("บันทึกวันที่ส่งแล้ว"))
