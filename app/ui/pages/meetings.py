"""Meetings: create one, take attendance from the committee roster, record agenda items and resolutions."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, QDate, QTime, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QPushButton, QSpinBox, QSplitter, QTextEdit, QTimeEdit, QVBoxLayout, QWidget)
from sqlmodel import select

from app.domain.calendar import be_year, thai_date_short
from app.models import AgendaItem, Attendance, Committee, CommitteeMember, Meeting, MeetingAttendance
from app.models.enums import COMMITTEE_ROLE_TH, CommitteeRole
from app.services import meetings
from app.ui.models.attendance import AttendanceRow, AttendanceTableModel, StatusDelegate
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import MessageLine, dialog_buttons, save, table_view


class MeetingDialog(QDialog):
    def __init__(self, parent, next_number: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("สร้างการประชุม"))
        form = QFormLayout(self)
        today = date.today()
        self.number = QSpinBox()
        self.number.setRange(1, 99)
        self.number.setValue(next_number)
        self.held_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.held_on.setCalendarPopup(True)
        self.start, self.end = QTimeEdit(QTime(9, 30)), QTimeEdit(QTime(12, 0))
        self.place = QLineEdit()
        form.addRow(self.tr("ครั้งที่"), self.number)
        form.addRow(self.tr("วันที่ประชุม"), self.held_on)
        form.addRow(self.tr("เริ่มประชุมเวลา"), self.start)
        form.addRow(self.tr("เลิกประชุมเวลา"), self.end)
        form.addRow(self.tr("สถานที่"), self.place)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ItemDialog(QDialog):
    def __init__(self, parent, item: AgendaItem | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ระเบียบวาระ"))
        self.resize(640, 480)
        form = QFormLayout(self)
        self.number, self.title = QLineEdit(item.number if item else ""), QLineEdit(item.title if item else "")
        self.report, self.discussion, self.resolution = (QTextEdit(getattr(item, f, "") if item else "")
                                                         for f in ("report", "discussion", "resolution"))
        for label, w in ((self.tr("ระเบียบวาระที่"), self.number), (self.tr("เรื่อง"), self.title),
                         (self.tr("รายงาน"), self.report), (self.tr("การอภิปราย"), self.discussion),
                         (self.tr("มติ"), self.resolution)):
            form.addRow(label, w)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MeetingsPage(QWidget):
    minutes_requested = Signal(str)      # "number/year"

    def __init__(self, state) -> None:
        super().__init__()
        self.state = state
        self.meetings = RowsTableModel([self.tr("ครั้งที่"), self.tr("วันที่"), self.tr("สถานที่")], self)
        self.meeting_view = table_view(self.meetings, stretch_column=2)
        self.meeting_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_meeting())
        self.attendance = AttendanceTableModel(self)
        self.attendance.edit_requested.connect(self.save_attendance, Qt.QueuedConnection)
        self.attendance_view = table_view(self.attendance, stretch_column=0)
        self.attendance_view.setItemDelegateForColumn(2, StatusDelegate(self.attendance_view))
        self.participants = RowsTableModel([self.tr("ผู้เข้าร่วมประชุม"), self.tr("ตำแหน่ง")], self)
        self.items = RowsTableModel([self.tr("วาระ"), self.tr("เรื่อง"), self.tr("มติ")], self)
        self.items_view = table_view(self.items, stretch_column=1)
        self.items_view.doubleClicked.connect(self.edit_item)
        self.message = MessageLine()

        new = QPushButton(self.tr("สร้างการประชุม…"))
        new.clicked.connect(self.new_meeting)
        add_item = QPushButton(self.tr("เพิ่มระเบียบวาระ…"))
        add_item.clicked.connect(lambda: self.edit_item(None))
        minutes = QPushButton(self.tr("จัดทำรายงานการประชุม"))
        minutes.clicked.connect(self.request_minutes)
        self.participant_name, self.participant_position = QLineEdit(), QLineEdit()
        self.participant_name.setPlaceholderText(self.tr("ชื่อผู้เข้าร่วมประชุม"))
        self.participant_position.setPlaceholderText(self.tr("ตำแหน่ง"))
        add_participant = QPushButton(self.tr("เพิ่ม"))
        add_participant.clicked.connect(self.add_participant)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(new)
        ll.addWidget(self.meeting_view)
        right = QWidget()
        rl = QVBoxLayout(right)
        att_box = QGroupBox(self.tr("ผู้มาประชุม / ผู้ไม่มาประชุม (จากรายชื่อคณะกรรมการ)"))
        QVBoxLayout(att_box).addWidget(self.attendance_view)
        part_box = QGroupBox(self.tr("ผู้เข้าร่วมประชุม"))
        pl = QVBoxLayout(part_box)
        pl.addWidget(table_view(self.participants, stretch_column=1))
        prow = QHBoxLayout()
        prow.addWidget(self.participant_name)
        prow.addWidget(self.participant_position)
        prow.addWidget(add_participant)
        pl.addLayout(prow)
        items_box = QGroupBox(self.tr("ระเบียบวาระและมติ (ดับเบิลคลิกเพื่อแก้ไข)"))
        il = QVBoxLayout(items_box)
        il.addWidget(self.items_view)
        irow = QHBoxLayout()
        irow.addWidget(add_item)
        irow.addStretch(1)
        irow.addWidget(minutes)
        il.addLayout(irow)
        rl.addWidget(att_box, 3)
        rl.addWidget(part_box, 1)
        rl.addWidget(items_box, 2)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        state.data_changed.connect(lambda what: what != "meeting" and self.refresh())
        self.refresh()

    def _committee(self, s) -> Committee | None:
        return s.exec(select(Committee)).first()

    def refresh(self) -> None:
        current = self.current_meeting_id()
        with self.state.store.reading() as s:
            rows = s.exec(select(Meeting).order_by(Meeting.year_be.desc(), Meeting.number.desc())).all()
        self.meetings.set_rows([[f"{m.number}/{m.year_be}", thai_date_short(m.held_on), m.place] for m in rows],
                               keys=[m.id for m in rows])
        row = self.meetings.keys.index(current) if current in self.meetings.keys else 0
        if self.meetings.rowCount():
            self.meeting_view.setCurrentIndex(self.meetings.index(row, 0))
        self.show_meeting()

    def current_meeting_id(self):
        index = self.meeting_view.currentIndex()
        return self.meetings.key(index.row()) if index.isValid() else None

    def show_meeting(self) -> None:
        mid = self.current_meeting_id()
        if mid is None:
            self.attendance.set_rows([])
            self.items.set_rows([])
            self.participants.set_rows([])
            return
        with self.state.store.reading() as s:
            meeting = s.get(Meeting, mid)
            members = s.exec(select(CommitteeMember).where(CommitteeMember.committee_id == meeting.committee_id)
                             .order_by(CommitteeMember.sort_order)).all()
            lines = s.exec(select(MeetingAttendance).where(MeetingAttendance.meeting_id == mid)
                           .order_by(MeetingAttendance.sort_order)).all()
            items = s.exec(select(AgendaItem).where(AgendaItem.meeting_id == mid).order_by(AgendaItem.sort_order)).all()
        by_member = {ln.member_id: ln for ln in lines if ln.member_id}
        rows = []
        for m in members:
            ln = by_member.get(m.id)
            status = Attendance(ln.status) if ln else None
            rows.append(AttendanceRow(m.id, m.person_name, COMMITTEE_ROLE_TH[CommitteeRole(m.role)], status,
                                      ln.person_name if status == Attendance.SUBSTITUTE else "",
                                      ln.position if status == Attendance.SUBSTITUTE else "",
                                      ln.absence_reason if ln else ""))
        self.attendance.set_rows(rows)
        self.participants.set_rows([[ln.person_name, ln.position] for ln in lines if ln.status == Attendance.PARTICIPANT])
        self.items.set_rows([[i.number, i.title, i.resolution] for i in items], keys=[i.id for i in items])
        self.items_view.resizeRowsToContents()

    def _run(self, fn, done: str) -> bool:
        ok = save(self.state, self.message, fn, done, "meeting")
        self.show_meeting()
        return ok

    def save_attendance(self, member_id, values: dict) -> None:
        mid = self.current_meeting_id()

        def record(s):
            member = s.get(CommitteeMember, member_id)
            status = values["status"] or Attendance.PRESENT
            meetings.record_attendance(s, meeting=s.get(Meeting, mid), member=member, status=status,
                                       person_name=values["substitute"] if status == Attendance.SUBSTITUTE else "",
                                       position=values["substitute_position"] if status == Attendance.SUBSTITUTE else "",
                                       role_label=COMMITTEE_ROLE_TH[CommitteeRole(member.role)],
                                       absence_reason=values["reason"] if status == Attendance.ABSENT else "")
        self._run(record, self.tr("บันทึกการมาประชุมแล้ว"))

    def add_participant(self) -> None:
        mid = self.current_meeting_id()
        if mid is None:
            return
        ok = self._run(lambda s: meetings.record_attendance(
            s, meeting=s.get(Meeting, mid), status=Attendance.PARTICIPANT, person_name=self.participant_name.text(),
            position=self.participant_position.text()), self.tr("เพิ่มผู้เข้าร่วมประชุมแล้ว"))
        if ok:
            self.participant_name.clear()
            self.participant_position.clear()

    def new_meeting(self) -> None:
        today = date.today()
        with self.state.store.reading() as s:
            committee = self._committee(s)
            count = len(s.exec(select(Meeting.id).where(Meeting.year_be == be_year(today))).all())
        if committee is None:
            self.message.error(self.tr("ยังไม่มีคณะกรรมการในฐานข้อมูล"))
            return
        dialog = MeetingDialog(self, count + 1)
        if dialog.exec() != QDialog.Accepted:
            return
        d, t0, t1 = dialog.held_on.date(), dialog.start.time(), dialog.end.time()
        held = date(d.year(), d.month(), d.day())
        self._run(lambda s: meetings.create_meeting(
            s, committee=self._committee(s), number=dialog.number.value(), year_be=be_year(held), held_on=held,
            place=dialog.place.text(), start_time=time(t0.hour(), t0.minute()), end_time=time(t1.hour(), t1.minute()),
            fiscal_year_id=self.state.fiscal_year(s).id), self.tr("สร้างการประชุมแล้ว"))
        self.refresh()

    def edit_item(self, index=None) -> None:
        mid = self.current_meeting_id()
        if mid is None:
            return
        key = self.items.key(index.row()) if index is not None and index.isValid() else None
        with self.state.store.reading() as s:
            item = s.get(AgendaItem, key) if key else None
        dialog = ItemDialog(self, item)
        if dialog.exec() != QDialog.Accepted:
            return
        values = dict(number=dialog.number.text(), title=dialog.title.text(), report=dialog.report.toPlainText(),
                      discussion=dialog.discussion.toPlainText(), resolution=dialog.resolution.toPlainText())

        def save(s):
            if key is None:
                meetings.add_agenda_item(s, meeting=s.get(Meeting, mid), **values)
            else:
                meetings.update_agenda_item(s, s.get(AgendaItem, key), **values)
        self._run(save, self.tr("บันทึกระเบียบวาระแล้ว"))

    def request_minutes(self) -> None:
        mid = self.current_meeting_id()
        if mid is None:
            return
        with self.state.store.reading() as s:
            m = s.get(Meeting, mid)
            self.minutes_requested.emit(f"{m.number}/{m.year_be}")
