"""What each report prints, gathered from the database into plain records (reports never query)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, select

from app.models import (AgendaItem, Attendance, Committee, CommitteeMember, FiscalYear, Indicator, JointAgenda, JointLeadAgency,
                        JointMainIndicator, JointSubIndicator, Meeting, MeetingAttendance, Ministry, Unit, UnitKind)
from app.domain.thai_text import thai_runs
from app.services import lookup
from app.services.scoring import RoundScores, score_round
from app.services.settings import get_setting, words_never_cut


@dataclass
class ReportContext:
    ministry: str
    year_be: int
    table_thai_digits: bool


def context(session: Session, year_be: int) -> ReportContext:
    lookup.year(session, year_be)
    return ReportContext(lookup.ministry(session).name_th, year_be, get_setting(session, "table_thai_digits") == "1")


def words_never_cut_in(session: Session) -> set[str]:
    """What a report of this database never cuts at a line end: the secretary's list (settings) and the
    runs of Thai letters between spaces or signs in its ministry's and units' names and short names
    ("กรมทรัพยากรน้ำบาดาล", "สทนช") and in its indicators' names up to 12 letters ("ขยะมูลฝอย" in
    "(ขยะมูลฝอย)"), four letters or more: shorter runs are words no segmenter cuts. The typesetter keeps
    those of 30 letters or fewer."""
    found = set(words_never_cut(session))
    names = [*session.exec(select(Ministry.name_th, Ministry.short_name)).all(),
             *session.exec(select(Unit.name_th, Unit.short_name)).all()]
    for row in names:
        for name in row:
            found.update(w for w in thai_runs(name) if len(w) >= 4)
    for name in session.exec(select(Indicator.name_th)).all():
        found.update(w for w in thai_runs(name) if 4 <= len(w) <= 12)
    return found


def round_scores(session: Session, year_be: int, months: int, unit_code: str | None) -> RoundScores:
    return score_round(session, year_be=year_be, months=months, unit_code=unit_code)


@dataclass
class JointRow:
    number: int
    name: str
    mains: list[JointMainIndicator]
    leads: list[str]
    national_subs: int | None
    ours: Counter
    subs: list[JointSubIndicator]
    agencies: Counter = field(default_factory=Counter)    # distinct agencies holding sub-indicators, by type


def joint_rows(session: Session, year_be: int) -> list[JointRow]:
    fy = lookup.year(session, year_be)
    out = []
    for agenda in session.exec(select(JointAgenda).where(JointAgenda.fiscal_year_id == fy.id).order_by(JointAgenda.number)):
        mains = session.exec(select(JointMainIndicator).where(JointMainIndicator.agenda_id == agenda.id)
                             .order_by(JointMainIndicator.number)).all()
        leads = [r.agency_name for r in session.exec(select(JointLeadAgency).where(JointLeadAgency.agenda_id == agenda.id))]
        subs = session.exec(select(JointSubIndicator).where(JointSubIndicator.agenda_id == agenda.id)
                            .order_by(JointSubIndicator.holder_name, JointSubIndicator.name_th)).all()
        holders = {(s.holder_name.strip(), UnitKind(s.holder_kind)) for s in subs}
        out.append(JointRow(agenda.number, agenda.name_th, list(mains), leads, agenda.national_sub_count,
                            Counter(UnitKind(s.holder_kind) for s in subs), list(subs),
                            Counter(kind for _name, kind in holders)))
    return out


@dataclass
class AttendanceLine:
    name: str
    position: str
    role: str
    status: Attendance
    reason: str
    substitute_for: str = ""


@dataclass
class MinutesData:
    committee: str
    meeting: Meeting
    present: list[AttendanceLine] = field(default_factory=list)
    absent: list[AttendanceLine] = field(default_factory=list)
    participants: list[AttendanceLine] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)


def meeting_by_ref(session: Session, ref: str) -> Meeting:
    """A meeting by its UUID, or by "n/yyyy" as people write it (ครั้งที่ ๕/๒๕๖๖)."""
    from app.domain.thai_text import to_arabic_digits
    from app.errors import KpiDeskError

    text = to_arabic_digits(ref.strip())
    row = None
    if "/" in text:
        number, _, year = text.partition("/")
        if number.isascii() and number.isdigit() and year.isascii() and year.isdigit() \
                and len(number) <= 4 and len(year) == 4:
            row = session.exec(select(Meeting).where(Meeting.number == int(number), Meeting.year_be == int(year))).first()
    else:
        try:
            row = session.get(Meeting, uuid.UUID(text))
        except ValueError:
            row = None
    if row is None:
        raise KpiDeskError(f"ไม่พบการประชุม “{ref}” (ระบุเป็น ครั้งที่/ปี เช่น 2/2567)", f"meeting {ref!r} not found")
    return row


def minutes_data(session: Session, meeting: Meeting) -> MinutesData:
    """Every member on the committee's roster that day appears: present (or a substitute), absent with
    the reason, or — when nobody recorded them — among the absent as "not recorded"."""
    from app.services.meetings import role_label, roster

    committee = session.get(Committee, meeting.committee_id)
    data = MinutesData(committee.name_th, meeting)
    members = {m.id: m for m in session.exec(select(CommitteeMember).where(CommitteeMember.committee_id == committee.id))}
    rows = session.exec(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id)
                        .order_by(MeetingAttendance.sort_order)).all()
    by_member = {r.member_id: r for r in rows if r.member_id}
    listed = roster(session, meeting)
    listed += sorted((members[mid] for mid in by_member if mid in members and members[mid] not in listed),
                     key=lambda m: m.sort_order)
    for member in sorted(listed, key=lambda m: m.sort_order):
        r = by_member.get(member.id)
        status = Attendance(r.status) if r else Attendance.UNRECORDED
        role = role_label(member)
        if status == Attendance.SUBSTITUTE:
            data.present.append(AttendanceLine(r.substitute_name, r.substitute_position, role, status, "",
                                               member.person_name))
        elif status == Attendance.PRESENT:
            data.present.append(AttendanceLine(member.person_name, member.position, role, status, ""))
        else:
            reason = r.absence_reason if status == Attendance.ABSENT else "ไม่ได้บันทึกการมาประชุม"
            data.absent.append(AttendanceLine(member.person_name, member.position, role, status, reason))
    data.participants = [AttendanceLine(r.person_name, r.position, r.role_label, Attendance.PARTICIPANT, "")
                         for r in rows if r.status == Attendance.PARTICIPANT]
    data.items = list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                   .order_by(AgendaItem.sort_order)).all())
    return data


def fiscal_year(session: Session, year_be: int) -> FiscalYear:
    return lookup.year(session, year_be)



def annex_units(session: Session, unit_ids) -> list[tuple[uuid.UUID, str]]:
    """(id, Thai name) of the given units, in the ministry's order (the annex's sections)."""
    return [(u.id, u.name_th) for u in lookup.units_in_order(session) if u.id in unit_ids]


def indicator_directions(session: Session) -> dict[str, str]:
    """Indicator code → direction ("higher"/"lower") for the whole catalogue."""
    return {code: direction for code, direction in session.exec(select(Indicator.code, Indicator.direction))}


def basket_codes(session: Session) -> set[str]:
    """Codes of the catalogue's indicators that came from OPDC's KPI Basket (the others were proposed by a unit)."""
    return set(session.exec(select(Indicator.code).where(Indicator.from_basket.is_(True))))
