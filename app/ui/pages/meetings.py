"""Meetings: create one, edit its details, take attendance from the committee roster (in any order),
add participants and agenda items with resolutions, write the invitation memo and the minutes."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime, Qt, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QTabWidget, QTextEdit, QTimeEdit,
                               QVBoxLayout, QWidget)

from app.domain.calendar import be_year
from app.models import AgendaItem, Attendance, CommitteeMember, Meeting, MeetingAttendance
from app.models.enums import COMMITTEE_ROLE_EN, COMMITTEE_ROLE_TH, CommitteeRole
from app.ui.i18n import pick
from app.services import lookup, meetings, organisation
from app.ui.dates import ThaiDateEdit, show_date
from app.ui.models.attendance import AttendanceRow, AttendanceTableModel, StatusDelegate
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import (LivePage, MessageLine, ask, ok_cancel, remember_sizes, save, table_view,
                                 with_find)


def _qtime(t: time | None, default: QTime) -> QTime:
    return QTime(t.hour, t.minute) if t else default


def _time(q: QTime) -> time:
    return time(q.hour(), q.minute())


class MeetingDialog(QDialog):
    """A meeting's details: number, date, times, place, minute-taker and checker with their positions."""

    def __init__(self, parent, number: int, meeting: Meeting | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("รายละเอียดการประชุม") if meeting else self.tr("สร้างการประชุม"))
        self.resize(680, 380)
        form = QFormLayout(self)
        self.number = QSpinBox()
        self.number.setRange(1, 99)
        self.number.setValue(meeting.number if meeting else number)
        self.held_on = ThaiDateEdit(meeting.held_on if meeting else date.today())
        self.start = QTimeEdit(_qtime(meeting.start_time if meeting else None, QTime(9, 30)))
        self.end = QTimeEdit(_qtime(meeting.end_time if meeting else None, QTime(12, 0)))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH.mm")
        self.place = QLineEdit(meeting.place if meeting else "")
        self.taker, self.taker_position = QLineEdit(meeting.minute_taker_name if meeting else ""), \
            QLineEdit(meeting.minute_taker_position if meeting else "")
        self.checker, self.checker_position = QLineEdit(meeting.checker_name if meeting else ""), \
            QLineEdit(meeting.checker_position if meeting else "")
        for label, widget in ((self.tr("ครั้งที่"), self.number), (self.tr("วันที่ประชุม"), self.held_on),
                              (self.tr("เริ่มประชุมเวลา"), self.start), (self.tr("เลิกประชุมเวลา"), self.end),
                              (self.tr("สถานที่"), self.place), (self.tr("ผู้จดรายงานการประชุม"), self.taker),
                              (self.tr("ตำแหน่งผู้จดรายงาน"), self.taker_position),
                              (self.tr("ผู้ตรวจรายงานการประชุม"), self.checker),
                              (self.tr("ตำแหน่งผู้ตรวจรายงาน"), self.checker_position)):
            form.addRow(label, widget)
        form.addRow(ok_cancel(self))

    def values(self) -> dict:
        return dict(number=self.number.value(), held_on=self.held_on.value(), place=self.place.text(),
                    start_time=_time(self.start.time()), end_time=_time(self.end.time()),
                    minute_taker_name=self.taker.text(), minute_taker_position=self.taker_position.text(),
                    checker_name=self.checker.text(), checker_position=self.checker_position.text())


class ItemDialog(QDialog):
    def __init__(self, parent, item: AgendaItem | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ระเบียบวาระ"))
        self.resize(680, 520)
        form = QFormLayout(self)
        self.number, self.title = QLineEdit(item.number if item else ""), QLineEdit(item.title if item else "")
        self.report, self.discussion, self.resolution = (QTextEdit(getattr(item, f, "") if item else "")
                                                         for f in ("report", "discussion", "resolution"))
        for w in (self.report, self.discussion, self.resolution):
            w.setAcceptRichText(False)
        for label, w in ((self.tr("ระเบียบวาระที่"), self.number), (self.tr("เรื่อง"), self.title),
                         (self.tr("รายงาน"), self.report), (self.tr("การอภิปราย"), self.discussion),
                         (self.tr("มติ"), self.resolution)):
            form.addRow(label, w)
        form.addRow(ok_cancel(self))


class InvitationDialog(QDialog):
    """The invitation memo: its number, the day it is sent, the body (pre-filled from the agenda, editable)
    and who it goes to. "Preview and print" saves it and opens it on the Reports page."""

    def __init__(self, parent, invitation) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("หนังสือเชิญประชุม"))
        self.resize(760, 620)
        form = QFormLayout(self)
        self.number = QLineEdit(invitation.number)
        self.number.setPlaceholderText(self.tr("เช่น ทส ๐๒๐๔/ว ๑๒๓"))
        self.sent_on = ThaiDateEdit(invitation.on)
        self.body = QPlainTextEdit(invitation.body)
        recipients = QPlainTextEdit("\n".join(invitation.recipients))
        recipients.setReadOnly(True)
        recipients.setMaximumHeight(130)
        form.addRow(self.tr("เรื่อง"), QLabel(invitation.subject))
        form.addRow(self.tr("ที่"), self.number)
        form.addRow(self.tr("วันที่ (วันที่ส่งหนังสือ)"), self.sent_on)
        form.addRow(self.tr("เนื้อความ (บรรทัดว่างขึ้นย่อหน้าใหม่)"), self.body)
        form.addRow(self.tr("ผู้รับ (จากรายชื่อคณะกรรมการ)"), recipients)
        self.preview = False
        buttons = ok_cancel(self)
        preview = QPushButton(self.tr("บันทึกและดูตัวอย่าง/พิมพ์"))
        preview.clicked.connect(self._preview)
        buttons.addButton(preview, buttons.ButtonRole.ActionRole)
        form.addRow(buttons)

    def _preview(self) -> None:
        self.preview = True
        self.accept()


class MeetingsPage(LivePage):
    WATCHES = frozenset({"meeting", "meetingattendance", "agendaitem", "committee", "committeemember", "unit", "changerequest"})
    YEARLY = False

    minutes_requested = Signal(str)      # "number/year"
    report_requested = Signal(str, str)  # report kind, "number/year"

    def __init__(self, state) -> None:
        super().__init__(state)
        self.selected_id = None
        self.meetings = RowsTableModel([self.tr("ครั้งที่"), self.tr("วันที่"), self.tr("สถานที่")], self)
        self.meeting_view = table_view(self.meetings, stretch_column=2)
        self.meeting_view.setWordWrap(False)               # one line a meeting; the place is in full on the right
        self.meeting_view.selectionModel().currentRowChanged.connect(self.on_meeting_chosen)
        self.attendance = AttendanceTableModel(self)
        self.attendance.edit_requested.connect(self.save_attendance, Qt.QueuedConnection)
        self.attendance_view = table_view(self.attendance, stretch_column=None)
        header = self.attendance_view.horizontalHeader()
        for column, width in ((0, 230), (1, 150), (2, 120), (3, 190), (4, 200), (5, 170)):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.attendance_view.setItemDelegateForColumn(2, StatusDelegate(self.attendance_view))
        for view in (self.attendance_view, self.meeting_view):
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.participants = RowsTableModel([self.tr("ผู้เข้าร่วมประชุม"), self.tr("ตำแหน่ง")], self)
        self.participant_view = table_view(self.participants, stretch_column=1)
        self.items = RowsTableModel([self.tr("วาระ"), self.tr("เรื่อง"), self.tr("มติ")], self)
        self.items_view = table_view(self.items, stretch_column=1)
        self.items_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.items_view.doubleClicked.connect(self.edit_item)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setStyleSheet("font-size: 10pt;")
        self.message = MessageLine()

        def button(text, handler):
            b = QPushButton(text)
            b.clicked.connect(handler)
            return b
        self.participant_name, self.participant_position = QLineEdit(), QLineEdit()
        self.participant_name.setPlaceholderText(self.tr("ชื่อผู้เข้าร่วมประชุม"))
        self.participant_position.setPlaceholderText(self.tr("ตำแหน่ง"))

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(button(self.tr("สร้างการประชุม…"), self.new_meeting))
        ll.addWidget(with_find(self.meeting_view))
        right = QWidget()
        rl = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.details, 1)
        actions = QWidget()
        al = QHBoxLayout(actions)
        al.setContentsMargins(0, 0, 0, 0)
        for text, handler in ((self.tr("รายละเอียด…"), self.edit_meeting),
                              (self.tr("หนังสือเชิญประชุม…"), self.invitation),
                              (self.tr("จัดทำรายงานการประชุม"), self.request_minutes)):
            al.addWidget(button(text, handler))
        top.addWidget(actions)
        rl.addLayout(top)
        att_box = QGroupBox(self.tr("ผู้มาประชุม / ผู้ไม่มาประชุม (จากรายชื่อคณะกรรมการ)"))
        QVBoxLayout(att_box).addWidget(with_find(self.attendance_view, sortable=False))
        part_box = QGroupBox(self.tr("ผู้เข้าร่วมประชุม"))
        pl = QVBoxLayout(part_box)
        pl.addWidget(with_find(self.participant_view, sortable=False))
        prow = QHBoxLayout()
        prow.addWidget(self.participant_name)
        prow.addWidget(self.participant_position)
        prow.addWidget(button(self.tr("เพิ่ม"), self.add_participant))
        prow.addWidget(button(self.tr("ลบ"), self.remove_participant))
        pl.addLayout(prow)
        items_box = QGroupBox(self.tr("ระเบียบวาระและมติ (ดับเบิลคลิกเพื่อแก้ไข)"))
        il = QVBoxLayout(items_box)
        il.addWidget(with_find(self.items_view, sortable=False))
        irow = QHBoxLayout()
        irow.addWidget(button(self.tr("เพิ่มระเบียบวาระ…"), self.add_item))
        irow.addStretch(1)
        il.addLayout(irow)
        self.needs_meeting = (actions, part_box, items_box)     # act on the chosen meeting: disabled while there is none
        # one section at a time, each with the page's full height: the roster of a committee (15 or more
        # members) is recorded row by row, and stacked three high it showed one row at 1366 × 768
        self.sections = QTabWidget()
        for box, label in ((att_box, self.tr("การมาประชุม")), (part_box, self.tr("ผู้เข้าร่วมประชุม")),
                           (items_box, self.tr("ระเบียบวาระและมติ"))):
            self.sections.addTab(box, label)
        rl.addWidget(self.sections, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 5)
        split.setSizes([340, 980])
        remember_sizes(split, "meetings")
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.watch()

    def on_meeting_chosen(self, *_args) -> None:
        self.selected_id = self.current_meeting_id()
        self.show_meeting()

    def refresh(self) -> None:
        with self.state.store.reading() as s:
            rows = meetings.all_meetings(s)
        self.meetings.set_rows([[f"{m.number}/{m.year_be}", show_date(m.held_on), m.place] for m in rows],
                               keys=[m.id for m in rows])
        if self.meetings.rowCount():
            keys = self.meetings.keys
            row = keys.index(self.selected_id) if self.selected_id in keys else 0
            self.meeting_view.selectionModel().blockSignals(True)
            self.meeting_view.setCurrentIndex(self.meetings.index(row, 0))
            self.meeting_view.selectionModel().blockSignals(False)
            self.selected_id = keys[row]
        else:
            self.selected_id = None
        self.show_meeting()

    def current_meeting_id(self):
        index = self.meeting_view.currentIndex()
        return self.meetings.key(index.row()) if index.isValid() else None

    def show_meeting(self) -> None:
        mid = self.selected_id
        for widget in self.needs_meeting:
            widget.setEnabled(mid is not None)
        if mid is None:
            self.attendance.set_rows([])
            self.items.set_rows([])
            self.participants.set_rows([])
            self.details.setText(self.tr("ยังไม่มีการประชุม กด “สร้างการประชุม…”"))
            return
        with self.state.store.reading() as s:
            view = meetings.meeting_view(s, lookup.get(s, Meeting, mid))
        m = view.meeting
        times = f"{m.start_time:%H.%M}–{m.end_time:%H.%M}" if m.start_time and m.end_time else ""
        missing = sum(1 for x in view.members if x.problem)
        self.details.setText(
            f"<b>{self.tr('ครั้งที่')} {m.number}/{m.year_be}</b> · {show_date(m.held_on)} {times} · {m.place}<br>"
            + self.tr("ผู้จดรายงาน: {0} · ผู้ตรวจรายงาน: {1}").format(m.minute_taker_name or "–", m.checker_name or "–")
            + (f"<br><span style='color:#b3261e'>{self.tr('การมาประชุมยังไม่ครบ {0} คน').format(missing)}</span>"
               if missing else ""))
        rows = []
        for x in view.members:
            ln, mem = x.line, x.member
            status = Attendance(ln.status) if ln else Attendance.UNRECORDED
            rows.append(AttendanceRow(mem.id, mem.person_name,
                                      pick(COMMITTEE_ROLE_TH[CommitteeRole(mem.role)], COMMITTEE_ROLE_EN[CommitteeRole(mem.role)])
                                      + (" (CCO)" if mem.is_cco else ""),
                                      status, ln.substitute_name if ln else "", ln.substitute_position if ln else "",
                                      ln.absence_reason if ln else "", x.problem or ""))
        self.attendance.set_rows(rows)
        self.participants.set_rows([[ln.person_name, ln.position] for ln in view.participants],
                                   keys=[ln.id for ln in view.participants])
        self.items.set_rows([[i.number, i.title, i.resolution] for i in view.items], keys=[i.id for i in view.items])
        self.items_view.resizeRowsToContents()

    def _run(self, fn, done: str) -> bool:
        return save(self.state, self.message, fn, done, "meeting")

    def save_attendance(self, member_id, change: dict) -> None:
        mid = self.selected_id
        field, value = next(iter(change.items()))
        keyword = {"status": "status", "substitute": "substitute_name", "substitute_position": "substitute_position",
                   "reason": "reason"}[field]
        self._run(lambda s: meetings.set_attendance(s, meeting=lookup.get(s, Meeting, mid), member=lookup.get(s, CommitteeMember, member_id),
                                                    **{keyword: value}),
                  self.tr("บันทึกการมาประชุมแล้ว"))

    def add_participant(self) -> None:
        mid = self.selected_id
        if mid is None:
            return
        ok = self._run(lambda s: meetings.record_attendance(
            s, meeting=lookup.get(s, Meeting, mid), status=Attendance.PARTICIPANT, person_name=self.participant_name.text(),
            position=self.participant_position.text()), self.tr("เพิ่มผู้เข้าร่วมประชุมแล้ว"))
        if ok:
            self.participant_name.clear()
            self.participant_position.clear()

    def remove_participant(self) -> None:
        index = self.participant_view.currentIndex()
        key = self.participants.key(index.row()) if index.isValid() else None
        if key is None:
            self.message.error(self.tr("เลือกผู้เข้าร่วมประชุมในตารางก่อน"))
            return
        self._run(lambda s: meetings.remove_participant(s, lookup.get(s, MeetingAttendance, key)), self.tr("ลบแล้ว"))

    def new_meeting(self) -> None:
        with self.state.store.reading() as s:
            _units, committee, _members = organisation.organisation_lists(s)
            number = meetings.next_meeting_number(s, be_year(date.today()))
        if committee is None:
            self.message.error(self.tr("ยังไม่มีคณะกรรมการในฐานข้อมูล (จัดตั้งได้ที่หน้า หน่วยงานและคณะกรรมการ)"))
            return
        dialog = MeetingDialog(self, number)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        values = dialog.values()
        created = {}

        def create(s):
            _u, committee_, _m = organisation.organisation_lists(s)
            created["id"] = meetings.create_meeting(s, committee=committee_, year_be=be_year(values["held_on"]),
                                                    fiscal_year_id=self.state.fiscal_year(s).id, **values).id
        if self._run(create, self.tr("สร้างการประชุมแล้ว")):
            self.selected_id = created["id"]         # the new meeting is the one edited next
            self.refresh()

    def edit_meeting(self) -> None:
        mid = self.selected_id
        if mid is None:
            return
        with self.state.store.reading() as s:
            meeting = lookup.get(s, Meeting, mid)
        dialog = MeetingDialog(self, meeting.number, meeting)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        self._run(lambda s: meetings.update_meeting(s, lookup.get(s, Meeting, mid), **dialog.values()),
                  self.tr("บันทึกรายละเอียดการประชุมแล้ว"))

    def add_item(self) -> None:
        self.edit_item(None)

    def edit_item(self, index=None) -> None:
        mid = self.selected_id
        if mid is None:
            return
        key = self.items.key(index.row()) if index is not None and index.isValid() else None
        with self.state.store.reading() as s:
            item = lookup.get(s, AgendaItem, key) if key else None
        dialog = ItemDialog(self, item)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        values = dict(number=dialog.number.text(), title=dialog.title.text(), report=dialog.report.toPlainText(),
                      discussion=dialog.discussion.toPlainText(), resolution=dialog.resolution.toPlainText())

        def write(s):
            if key is None:
                meetings.add_agenda_item(s, meeting=lookup.get(s, Meeting, mid), **values)
            else:
                meetings.update_agenda_item(s, lookup.get(s, AgendaItem, key), **values)
        self._run(write, self.tr("บันทึกระเบียบวาระแล้ว"))

    def invitation(self) -> None:
        mid = self.selected_id
        if mid is None:
            return
        with self.state.store.reading() as s:
            meeting = lookup.get(s, Meeting, mid)
            inv = meetings.invitation(s, meeting)
            ref = f"{meeting.number}/{meeting.year_be}"
            default_body = meetings.default_invitation_body(s, meeting)
        dialog = InvitationDialog(self, inv)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        body = dialog.body.toPlainText()
        ok = self._run(lambda s: meetings.update_meeting(
            s, lookup.get(s, Meeting, mid), invitation_number=dialog.number.text(), invitation_date=dialog.sent_on.value(),
            invitation_body="" if body.strip() == default_body.strip() else body), self.tr("บันทึกหนังสือเชิญประชุมแล้ว"))
        if ok and dialog.preview:
            self.report_requested.emit("invitation", ref)

    def request_minutes(self) -> None:
        mid = self.selected_id
        if mid is None:
            return
        with self.state.store.reading() as s:
            m = lookup.get(s, Meeting, mid)
            problems = meetings.attendance_problems(s, m)
            ref = f"{m.number}/{m.year_be}"
        if problems and not ask(self, self.tr("การมาประชุมยังบันทึกไม่ครบ:\n{0}\n\nกรรมการที่ยังไม่ได้บันทึกจะพิมพ์ในผู้ไม่มาประชุมว่า "
                                              "“ไม่ได้บันทึกการมาประชุม” จัดทำรายงานการประชุมต่อหรือไม่?").format("\n".join(problems))):
            return
        self.minutes_requested.emit(ref)
