"""Committee meetings: creating them, attendance, agenda items and resolutions."""

from __future__ import annotations

from datetime import date, time

from sqlmodel import Session, select

from app.errors import KpiDeskError
from app.models import AgendaItem, Attendance, Committee, CommitteeMember, Meeting, MeetingAttendance


def create_meeting(session: Session, *, committee: Committee, number: int, year_be: int, held_on: date,
                   place: str = "", start_time: time | None = None, end_time: time | None = None,
                   fiscal_year_id=None, minute_taker_name: str = "", minute_taker_position: str = "",
                   checker_name: str = "", checker_position: str = "") -> Meeting:
    if number < 1:
        raise KpiDeskError("ครั้งที่ประชุมต้องเป็นเลขจำนวนเต็มบวก", "meeting number must be positive")
    if session.exec(select(Meeting).where(Meeting.committee_id == committee.id, Meeting.year_be == year_be,
                                          Meeting.number == number)).first():
        raise KpiDeskError(f"มีการประชุมครั้งที่ {number}/{year_be} อยู่แล้ว", f"meeting {number}/{year_be} exists")
    if start_time and end_time and end_time <= start_time:
        raise KpiDeskError("เวลาเลิกประชุมต้องอยู่หลังเวลาเริ่มประชุม", "the meeting must end after it starts")
    row = Meeting(committee_id=committee.id, number=number, year_be=year_be, held_on=held_on, place=place,
                  start_time=start_time, end_time=end_time, fiscal_year_id=fiscal_year_id,
                  minute_taker_name=minute_taker_name, minute_taker_position=minute_taker_position,
                  checker_name=checker_name, checker_position=checker_position)
    session.add(row)
    session.flush()
    return row


def record_attendance(session: Session, *, meeting: Meeting, status: Attendance, person_name: str = "",
                      member: CommitteeMember | None = None, position: str = "", role_label: str = "",
                      absence_reason: str = "") -> MeetingAttendance:
    """One line of the attendance: a member present or absent (with reason), a substitute, or a participant."""
    status = Attendance(status)
    if status in (Attendance.PRESENT, Attendance.ABSENT, Attendance.SUBSTITUTE) and member is None:
        raise KpiDeskError("ต้องระบุกรรมการจากรายชื่อคณะกรรมการ", "a committee member is required")
    if status == Attendance.SUBSTITUTE and not person_name.strip():
        raise KpiDeskError(f"ต้องระบุชื่อผู้มาประชุมแทน {member.person_name}", "the substitute's name is required")
    if status == Attendance.ABSENT and not absence_reason.strip():
        raise KpiDeskError(f"ต้องระบุเหตุที่ {member.person_name} ไม่มาประชุม (เช่น ลาประชุม ติดราชการ)",
                           "an absent member needs a reason")
    if status == Attendance.PARTICIPANT and not person_name.strip():
        raise KpiDeskError("ต้องระบุชื่อผู้เข้าร่วมประชุม", "participant name is required")
    if member is not None:
        existing = session.exec(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id,
                                                                MeetingAttendance.member_id == member.id)).first()
        if existing is not None:
            session.delete(existing)
            session.flush()
    if status in (Attendance.PRESENT, Attendance.ABSENT):
        person_name = person_name or member.person_name
        position = position or member.position
    count = len(session.exec(select(MeetingAttendance.id).where(MeetingAttendance.meeting_id == meeting.id)).all())
    row = MeetingAttendance(meeting_id=meeting.id, member_id=member.id if member else None, person_name=person_name,
                            position=position, role_label=role_label, status=status, absence_reason=absence_reason,
                            sort_order=member.sort_order if member else 1000 + count)
    session.add(row)
    session.flush()
    return row


def add_agenda_item(session: Session, *, meeting: Meeting, number: str, title: str, report: str = "",
                    discussion: str = "", resolution: str = "") -> AgendaItem:
    if not title.strip():
        raise KpiDeskError("ระเบียบวาระต้องมีชื่อเรื่อง", "an agenda item needs a title")
    count = len(session.exec(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)).all())
    row = AgendaItem(meeting_id=meeting.id, number=number, title=title, report=report, discussion=discussion,
                     resolution=resolution, sort_order=count)
    session.add(row)
    session.flush()
    return row


def set_resolution(session: Session, item: AgendaItem, resolution: str) -> AgendaItem:
    item.resolution = resolution
    session.add(item)
    session.flush()
    return item


def update_agenda_item(session: Session, item: AgendaItem, **changes) -> AgendaItem:
    allowed = {"number", "title", "report", "discussion", "resolution"}
    if set(changes) - allowed:
        raise KpiDeskError("แก้ไขระเบียบวาระได้เฉพาะ ลำดับ เรื่อง รายงาน การอภิปราย และมติ", "bad agenda item field")
    if "title" in changes and not changes["title"].strip():
        raise KpiDeskError("ระเบียบวาระต้องมีชื่อเรื่อง", "an agenda item needs a title")
    for key, value in changes.items():
        setattr(item, key, value)
    session.add(item)
    session.flush()
    return item
