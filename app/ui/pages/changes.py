"""Change requests: record one, decide it, and see which approved ones are due at OPDC and when."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget)

from app.models import Assignment, ChangeRequest, Indicator, Unit
from app.models.enums import CHANGE_KIND_EN, CHANGE_KIND_TH, CHANGE_REASON_EN, CHANGE_REASON_TH, DECISION_EN, DECISION_TH, ChangeKind
from app.services import change_requests, lookup
from app.ui.dates import ThaiDateEdit, show_date
from app.domain.thai_text import to_thai_digits
from app.ui.i18n import english, pick
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import LivePage, MessageLine, ok_cancel, save, table_view, with_find


class RequestDialog(QDialog):
    """A request of any kind: change details of an indicator (weight, targets, 6-month targets, Monitor,
    name, definition), add an indicator to a unit, or withdraw one. Fields follow the kind chosen."""

    def __init__(self, parent, assignments: list[tuple[str, object]], units: list[tuple[str, object]],
                 catalogue: list[tuple[str, object]], components: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("บันทึกคำขอปรับเปลี่ยนรายละเอียดตัวชี้วัด"))
        self.resize(720, 560)
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in ChangeKind:
            self.kind.addItem(pick(CHANGE_KIND_TH[kind], CHANGE_KIND_EN[kind]), kind.value)
        self.assignment = QComboBox()
        for label, key in assignments:
            self.assignment.addItem(label, key)
        self.unit, self.indicator, self.component = QComboBox(), QComboBox(), QComboBox()
        for label, key in units:
            self.unit.addItem(label, key)
        for label, key in catalogue:
            self.indicator.addItem(label, key)
        self.component.addItem(self.tr("ตามประเภทตัวชี้วัด"), "")
        for code in components:
            self.component.addItem(code, code)
        self.months = QComboBox()
        self.months.addItem(self.tr("รอบ ๑๒ เดือน"), 12)
        self.months.addItem(self.tr("รอบ ๖ เดือน"), 6)
        self.reason = QComboBox()
        for reason, th in CHANGE_REASON_TH.items():
            self.reason.addItem(pick(th, CHANGE_REASON_EN[reason]), reason)
        self.reason_text = QLineEdit()
        self.proposal = QTextEdit()
        self.proposal.setMaximumHeight(70)
        self.weight = QLineEdit()
        self.targets, targets_row = self._triple()
        self.targets_6, targets_6_row = self._triple()
        self.monitor = QComboBox()
        self.monitor.addItem(self.tr("ไม่เปลี่ยน"), None)
        self.monitor.addItem(self.tr("เป็นตัวชี้วัด Monitor"), True)
        self.monitor.addItem(self.tr("เป็นตัวชี้วัดที่ประเมินผล"), False)
        self.name, self.definition = QLineEdit(), QLineEdit()
        self.submitted = ThaiDateEdit(date.today())
        self.rows = {}
        for key, label, widget in (("kind", self.tr("คำขอ"), self.kind),
                                   ("assignment", self.tr("ตัวชี้วัด"), self.assignment),
                                   ("unit", self.tr("หน่วยงาน"), self.unit),
                                   ("indicator", self.tr("ตัวชี้วัดจากบัญชี"), self.indicator),
                                   ("component", self.tr("องค์ประกอบ"), self.component),
                                   ("months", self.tr("รอบการประเมิน"), self.months),
                                   ("reason", self.tr("เหตุ (ปัจจัยภายนอก)"), self.reason),
                                   ("reason_text", self.tr("รายละเอียดเหตุ"), self.reason_text),
                                   ("weight", self.tr("น้ำหนักที่เสนอ"), self.weight),
                                   ("targets", self.tr("ค่าเป้าหมายที่เสนอ"), targets_row),
                                   ("targets_6", self.tr("ค่าเป้าหมายรอบ ๖ เดือนที่เสนอ"), targets_6_row),
                                   ("monitor", "Monitor", self.monitor),
                                   ("name", self.tr("ชื่อตัวชี้วัดใหม่"), self.name),
                                   ("definition", self.tr("นิยามใหม่"), self.definition),
                                   ("proposal", self.tr("ข้อเสนอ (ข้อความ)"), self.proposal),
                                   ("submitted", self.tr("วันที่ยื่น"), self.submitted)):
            form.addRow(label, widget)
            self.rows[key] = (form.labelForField(widget), widget)
        self.kind.currentIndexChanged.connect(self._follow_kind)
        form.addRow(ok_cancel(self))
        self._follow_kind()

    def _triple(self):
        edits, box = [QLineEdit() for _ in range(3)], QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for label, edit in zip((self.tr("ขั้นต้น"), self.tr("มาตรฐาน"), self.tr("ขั้นสูง")), edits):
            row.addWidget(QLabel(label))
            row.addWidget(edit)
        return edits, box

    def _follow_kind(self) -> None:
        kind = ChangeKind(self.kind.currentData())
        hidden = {ChangeKind.MODIFY: {"unit", "indicator", "component"},
                  ChangeKind.ADD: {"assignment", "name", "definition"},
                  ChangeKind.WITHDRAW: {"unit", "indicator", "component", "weight", "targets", "targets_6", "monitor",
                                        "name", "definition"}}[kind]
        for key, (label, widget) in self.rows.items():
            label.setVisible(key not in hidden)
            widget.setVisible(key not in hidden)

    def values(self) -> dict:
        """What the dialog proposes, as the service takes it; numbers are checked there, with its words."""
        text = lambda edits: tuple(e.text().strip() or None for e in edits)  # noqa: E731
        q = self.submitted.value()
        return dict(kind=ChangeKind(self.kind.currentData()), reason=self.reason.currentData(),
                    reason_text=self.reason_text.text(), proposal=self.proposal.toPlainText(), submitted_on=q,
                    proposed_weight=self.weight.text().strip() or None, proposed_targets=text(self.targets),
                    proposed_targets_6=text(self.targets_6), proposed_monitor=self.monitor.currentData(),
                    proposed_name=self.name.text(), proposed_definition=self.definition.text(),
                    component_code=self.component.currentData() or "")


class ChangesPage(LivePage):
    WATCHES = frozenset({"changerequest", "assignment", "round", "unit", "indicator", "meeting"})

    def __init__(self, state) -> None:
        super().__init__(state)
        self.model = RowsTableModel([self.tr("คำขอ"), self.tr("หน่วยงาน"), self.tr("ตัวชี้วัด"), self.tr("รอบ"),
                                     self.tr("ผลการพิจารณา"), self.tr("ส่ง ก.พ.ร."), self.tr("เหตุ"), self.tr("ข้อเสนอ")], self)
        self.view = table_view(self.model, stretch_column=7)
        header = self.view.horizontalHeader()
        # fixed widths for the short columns; the indicator, the reason and the proposal share the rest
        for column, width in ((0, 100), (1, 150), (3, 70), (4, 95), (5, 95)):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            header.resizeSection(column, width)
        for column in (2, 6, 7):
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
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
        layout.addWidget(with_find(self.view), 1)
        layout.addWidget(due_box)
        layout.addWidget(self.message)
        self.watch()

    def refresh(self) -> None:
        selected = self.selected()
        with self.state.store.reading() as s:
            fy = self.state.fiscal_year(s)
            rows = change_requests.requests_of_year(s, fy.id)
            due = [(cr, rnd, days) for cr, rnd, days in change_requests.due_for_opdc(s, date.today())
                   if rnd.fiscal_year_id == fy.id]
            names = {r.id: r.indicator for r in rows}
        due_text = [f"{names.get(cr.id, '')}: {show_date(rnd.opdc_due_on)} ({self._days(days)})" for cr, rnd, days in due]
        colours = {(i, 4): {"approved": "#1b7f3b", "rejected": "#b3261e"}.get(r.decision, "#8a5a00")
                   for i, r in enumerate(rows)}
        self.model.set_rows([[pick(CHANGE_KIND_TH[r.kind], CHANGE_KIND_EN[r.kind]), r.unit, r.indicator,
                              self.tr("{0} เดือน").format(r.months if english() else to_thai_digits(str(r.months))),
                              pick(DECISION_TH[r.decision], DECISION_EN[r.decision]), show_date(r.sent_to_opdc_on),
                              pick(CHANGE_REASON_TH[r.reason], CHANGE_REASON_EN[r.reason]), r.proposal] for r in rows],
                            keys=[r.id for r in rows], colours=colours)
        if selected in self.model.keys:                 # the selection survives every action
            self.view.setCurrentIndex(self.model.index(self.model.keys.index(selected), 0))
        self.due.setText("\n".join(due_text) if due_text else self.tr("ไม่มีคำขอที่รอส่งสำนักงาน ก.พ.ร."))

    def _days(self, days: int) -> str:
        return self.tr("เลยกำหนด {0} วัน").format(-days) if days < 0 else self.tr("อีก {0} วัน").format(days)

    def selected(self):
        index = self.view.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None

    def _run(self, fn, done: str) -> bool:
        return save(self.state, self.message, fn, done, "changes")

    def new_request(self) -> None:
        with self.state.store.reading() as s:
            fy = self.state.fiscal_year(s)
            choices = change_requests.request_choices(s, fy.id)
        dialog = RequestDialog(self, *choices)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        values = dialog.values()
        targets = values.pop("proposed_targets")

        def submit(s):
            rnd = lookup.round_of(s, self.state.year_be, dialog.months.currentData())
            kind = values["kind"]
            extra = {}
            if kind == ChangeKind.ADD:
                extra = dict(unit=lookup.get(s, Unit, dialog.unit.currentData()), indicator=lookup.get(s, Indicator, dialog.indicator.currentData()))
            else:
                extra = dict(assignment=lookup.get(s, Assignment, dialog.assignment.currentData()))
            change_requests.submit_change_request(s, rnd=rnd, proposed_base=targets[0], proposed_standard=targets[1],
                                                  proposed_advanced=targets[2], **values, **extra)
        self._run(submit, self.tr("บันทึกคำขอแล้ว"))

    def decide(self, approve: bool) -> None:
        key = self.selected()
        if key is None:
            self.message.error(self.tr("เลือกคำขอในตารางก่อน"))
            return
        self._run(lambda s: change_requests.decide_change_request(s, lookup.get(s, ChangeRequest, key), approve=approve,
                                                                   decided_on=date.today()),
                  self.tr("บันทึกผลการพิจารณาแล้ว"))

    def mark_sent(self) -> None:
        key = self.selected()
        if key is None:
            self.message.error(self.tr("เลือกคำขอในตารางก่อน"))
            return
        self._run(lambda s: change_requests.mark_sent_to_opdc(s, lookup.get(s, ChangeRequest, key), date.today()),
                  self.tr("บันทึกวันที่ส่งแล้ว"))
