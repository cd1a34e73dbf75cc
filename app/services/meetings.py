"""Committee meetings: creating them, attendance, agenda items and resolutions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlmodel import Session, select

from app.errors import KpiDeskError
from app.domain.agenda import with_parents
from app.domain.calendar import thai_date, thai_time
from app.models import AgendaItem, Attendance, Committee, CommitteeMember, Meeting, MeetingAttendance, Unit
from app.models.enums import COMMITTEE_ROLE_TH, CommitteeRole
from app.services.organisation import serves_on


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
    if fiscal_year_id is None:                 # the fiscal year the meeting day falls in, when it exists
        from app.domain.calendar import fiscal_year_of
        from app.models import FiscalYear
        fy = session.exec(select(FiscalYear).where(FiscalYear.year_be == fiscal_year_of(held_on))).first()
        fiscal_year_id = fy.id if fy else None
    row = Meeting(committee_id=committee.id, number=number, year_be=year_be, held_on=held_on, place=place,
                  start_time=start_time, end_time=end_time, fiscal_year_id=fiscal_year_id,
                  minute_taker_name=minute_taker_name, minute_taker_position=minute_taker_position,
                  checker_name=checker_name, checker_position=checker_position)
    session.add(row)
    session.flush()
    return row


MEMBER_STATUSES = (Attendance.UNRECORDED, Attendance.PRESENT, Attendance.SUBSTITUTE, Attendance.ABSENT)
MEETING_FIELDS = {"number", "held_on", "place", "start_time", "end_time", "minute_taker_name", "minute_taker_position",
                  "checker_name", "checker_position", "annexes", "invitation_number", "invitation_date",
                  "invitation_body"}


def update_meeting(session: Session, meeting: Meeting, **changes) -> Meeting:
    unknown = set(changes) - MEETING_FIELDS
    if unknown:
        raise KpiDeskError(f"แก้ไขข้อมูล {', '.join(sorted(unknown))} ของการประชุมไม่ได้", f"cannot change {unknown}")
    for key, value in changes.items():
        setattr(meeting, key, value.strip() if isinstance(value, str) else value)
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        raise KpiDeskError("เวลาเลิกประชุมต้องอยู่หลังเวลาเริ่มประชุม", "the meeting must end after it starts")
    if meeting.number < 1:
        raise KpiDeskError("ครั้งที่ประชุมต้องเป็นเลขจำนวนเต็มบวก", "meeting number must be positive")
    clash = session.exec(select(Meeting).where(Meeting.committee_id == meeting.committee_id, Meeting.id != meeting.id,
                                               Meeting.year_be == meeting.year_be, Meeting.number == meeting.number)).first()
    if clash:
        raise KpiDeskError(f"มีการประชุมครั้งที่ {meeting.number}/{meeting.year_be} อยู่แล้ว", "meeting number taken")
    session.add(meeting)
    session.flush()
    return meeting


def role_label(member: CommitteeMember) -> str:
    label = COMMITTEE_ROLE_TH[CommitteeRole(member.role)]
    return label + (" (CCO)" if member.is_cco else "")


def set_attendance(session: Session, *, meeting: Meeting, member: CommitteeMember, status: Attendance | None = None,
                   substitute_name: str | None = None, substitute_position: str | None = None,
                   reason: str | None = None) -> MeetingAttendance:
    """One member's line, one field or several at a time, in any order: what is not given is kept, and
    nothing typed is dropped when the status changes. Whether the line is complete for its status is
    ``attendance_problems``' question, asked before the minutes are produced."""
    if member.committee_id != meeting.committee_id:
        raise KpiDeskError(f"{member.person_name} ไม่ใช่กรรมการของคณะนี้", "not a member of this committee")
    row = session.exec(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id,
                                                       MeetingAttendance.member_id == member.id)).first()
    if row is None:
        row = MeetingAttendance(meeting_id=meeting.id, member_id=member.id, person_name=member.person_name,
                                position=member.position, role_label=role_label(member), status=Attendance.UNRECORDED,
                                sort_order=member.sort_order)
    if status is not None:
        status = Attendance(status)
        if status not in MEMBER_STATUSES:
            raise KpiDeskError("กรรมการบันทึกได้เฉพาะ มาประชุม มาประชุมแทน ไม่มาประชุม", "not a member status")
        row.status = status
    if substitute_name is not None:
        row.substitute_name = substitute_name.strip()
    if substitute_position is not None:
        row.substitute_position = substitute_position.strip()
    if reason is not None:
        row.absence_reason = reason.strip()
    if row.status == Attendance.SUBSTITUTE:
        row.person_name, row.position = row.substitute_name, row.substitute_position
    else:
        row.person_name, row.position = member.person_name, member.position
    session.add(row)
    session.flush()
    return row


def record_attendance(session: Session, *, meeting: Meeting, status: Attendance, person_name: str = "",
                      member: CommitteeMember | None = None, position: str = "", role_label: str = "",
                      absence_reason: str = "") -> MeetingAttendance:
    """A complete line in one go (the demo, imports): a member present, absent with its reason, a
    substitute with a name, or a participant."""
    status = Attendance(status)
    if status == Attendance.PARTICIPANT:
        if not person_name.strip():
            raise KpiDeskError("ต้องระบุชื่อผู้เข้าร่วมประชุม", "participant name is required")
        count = len(session.exec(select(MeetingAttendance.id).where(MeetingAttendance.meeting_id == meeting.id)).all())
        row = MeetingAttendance(meeting_id=meeting.id, person_name=person_name.strip(), position=position.strip(),
                                role_label=role_label, status=status, sort_order=1000 + count)
        session.add(row)
        session.flush()
        return row
    if member is None:
        raise KpiDeskError("ต้องระบุกรรมการจากรายชื่อคณะกรรมการ", "a committee member is required")
    row = set_attendance(session, meeting=meeting, member=member, status=status,
                         substitute_name=person_name if status == Attendance.SUBSTITUTE else None,
                         substitute_position=position if status == Attendance.SUBSTITUTE else None,
                         reason=absence_reason if status == Attendance.ABSENT else None)
    problem = _line_problem(row, member)
    if problem:
        raise KpiDeskError(problem, "incomplete attendance line")
    return row


def remove_participant(session: Session, line: MeetingAttendance) -> None:
    if line.status != Attendance.PARTICIPANT:
        raise KpiDeskError("ลบได้เฉพาะผู้เข้าร่วมประชุม (กรรมการให้เปลี่ยนสถานะแทน)", "only participants can be removed")
    session.delete(line)
    session.flush()


def _line_problem(row: MeetingAttendance | None, member: CommitteeMember) -> str | None:
    status = Attendance(row.status) if row else Attendance.UNRECORDED
    if status == Attendance.UNRECORDED:
        return f"ยังไม่ได้บันทึกการมาประชุมของ {member.person_name}"
    if status == Attendance.SUBSTITUTE and not row.substitute_name:
        return f"ต้องระบุชื่อผู้มาประชุมแทน {member.person_name}"
    if status == Attendance.ABSENT and not row.absence_reason:
        return f"ต้องระบุเหตุที่ {member.person_name} ไม่มาประชุม (เช่น ลาประชุม ติดราชการ)"
    return None


def roster(session: Session, meeting: Meeting) -> list[CommitteeMember]:
    """The members who sat on the committee on the meeting day (term and retirement considered)."""
    members = session.exec(select(CommitteeMember).where(CommitteeMember.committee_id == meeting.committee_id)
                           .order_by(CommitteeMember.sort_order)).all()
    return [m for m in members if serves_on(m, meeting.held_on)]


def attendance_problems(session: Session, meeting: Meeting) -> list[str]:
    """Every roster member whose line is missing or incomplete: asked about before minutes are produced."""
    lines = {r.member_id: r for r in session.exec(select(MeetingAttendance).where(
        MeetingAttendance.meeting_id == meeting.id, MeetingAttendance.member_id.is_not(None)))}
    return [p for m in roster(session, meeting) if (p := _line_problem(lines.get(m.id), m))]


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


@dataclass
class Invitation:
    """The invitation memo of a meeting (หนังสือเชิญประชุม) as plain data: what the reports print."""

    subject: str
    to: str
    from_unit: str
    number: str
    on: date
    body: str
    closing: str
    signer: str
    signer_position: str
    recipients: list[str]
    agenda: list[str]


def agenda_lines(session: Session, meeting: Meeting) -> list[str]:
    items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.sort_order)).all()
    out = []
    for number, index in with_parents([i.number for i in items]):
        title = items[index].title if index is not None else ""
        out.append((number if "." in number else f"ระเบียบวาระที่ {number}") + (f" {title}" if title else ""))
    return out


def default_invitation_body(session: Session, meeting: Meeting) -> str:
    committee = session.get(Committee, meeting.committee_id)
    ref = f"{meeting.number}/{meeting.year_be}"
    when = thai_date(meeting.held_on, weekday=True) + (f" เวลา {thai_time(meeting.start_time)}" if meeting.start_time else "")
    place = f" ณ {meeting.place}" if meeting.place else ""
    agenda = agenda_lines(session, meeting)
    lines = [f"ด้วย{committee.name_th} กำหนดประชุม ครั้งที่ {ref} ใน{when}{place}"
             + (" เพื่อพิจารณาระเบียบวาระ ดังนี้" if agenda else "")]
    lines += agenda
    lines.append("ฝ่ายเลขานุการจึงขอเรียนเชิญท่านเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว "
                 "โดยได้แนบระเบียบวาระการประชุมและเอกสารประกอบการประชุมมาพร้อมนี้")
    return "\n\n".join(lines)


def invitation(session: Session, meeting: Meeting, today: date | None = None) -> Invitation:
    """Number and date as recorded for the meeting (the date defaults to today, the day it goes out —
    never the meeting day); body as last edited, or built from the agenda; recipients from the roster."""
    from app.services.lookup import ministry

    committee = session.get(Committee, meeting.committee_id)
    members = roster(session, meeting)
    secretary = next((m for m in members if m.role == CommitteeRole.SECRETARY), None)
    unit = session.get(Unit, secretary.unit_id) if secretary and secretary.unit_id else None
    recipients = [f"{m.person_name} {m.position}".strip() for m in members if m.role != CommitteeRole.SECRETARY]
    return Invitation(
        subject=f"ขอเชิญประชุม{committee.name_th} ครั้งที่ {meeting.number}/{meeting.year_be}",
        to=f"กรรมการ{committee.name_th}", from_unit=unit.name_th if unit else ministry(session).name_th,
        number=meeting.invitation_number, on=meeting.invitation_date or today or date.today(),
        body=meeting.invitation_body or default_invitation_body(session, meeting),
        closing="จึงเรียนมาเพื่อโปรดทราบและเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว",
        signer=secretary.person_name if secretary else "",
        signer_position=(secretary.position if secretary else "") or "กรรมการและเลขานุการ",
        recipients=recipients, agenda=agenda_lines(session, meeting))


@dataclass
class MemberLine:
    member: CommitteeMember
    line: MeetingAttendance | None
    problem: str | None


@dataclass
class MeetingView:
    meeting: Meeting
    members: list[MemberLine]
    participants: list[MeetingAttendance]
    items: list[AgendaItem]


def all_meetings(session: Session) -> list[Meeting]:
    return list(session.exec(select(Meeting).order_by(Meeting.year_be.desc(), Meeting.number.desc())).all())


def meeting_view(session: Session, meeting: Meeting) -> MeetingView:
    """What the Meetings page shows of one meeting: the roster with each member's line and what it still
    lacks, the participants, the agenda."""
    lines = session.exec(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id)
                         .order_by(MeetingAttendance.sort_order)).all()
    by_member = {ln.member_id: ln for ln in lines if ln.member_id}
    members = roster(session, meeting)
    members += [m for m in session.exec(select(CommitteeMember).where(CommitteeMember.id.in_(list(by_member))))
                if m not in members]
    items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.sort_order)).all()
    return MeetingView(meeting, [MemberLine(m, by_member.get(m.id), _line_problem(by_member.get(m.id), m))
                                 for m in sorted(members, key=lambda m: m.sort_order)],
                       [ln for ln in lines if ln.status == Attendance.PARTICIPANT], list(items))


def next_meeting_number(session: Session, year_be: int) -> int:
    numbers = session.exec(select(Meeting.number).where(Meeting.year_be == year_be)).all()
    return max(numbers, default=0) + 1
