"""The ministry, its units and its governing committee."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from app.domain.codes import code_problem
from app.errors import KpiDeskError
from app.models import (Assignment, Committee, CommitteeMember, CommitteeRole, JointLeadAgency, JointSubIndicator,
                        Meeting, Ministry, Unit, UnitKind)


def _required(value: str, what_th: str) -> str:
    value = (value or "").strip()
    if not value:
        raise KpiDeskError(f"กรุณากรอก{what_th}", f"{what_th} is required")
    return value


def checked_code(code: str, what_th: str) -> str:
    """A code as typed, stripped, or KpiDeskError saying why it cannot be a code."""
    code = (code or "").strip()
    problem = code_problem(code)
    if problem:
        raise KpiDeskError(f"{what_th} “{code[:40]}” ใช้ไม่ได้: {problem}", f"{what_th} {code[:40]!r} is not a valid code")
    return code


def create_ministry(session: Session, *, code: str, name_th: str, name_en: str = "", short_name: str = "") -> Ministry:
    code = checked_code(code, "รหัสกระทรวง")
    existing = session.exec(select(Ministry)).first()
    if existing is not None:
        raise KpiDeskError(f"ฐานข้อมูลนี้มีข้อมูลกระทรวงอยู่แล้ว ({existing.code} {existing.name_th}) "
                           "ฐานข้อมูลหนึ่งไฟล์ใช้กับกระทรวงเดียว", "this database already has its ministry")
    row = Ministry(code=code, name_th=_required(name_th, "ชื่อกระทรวง"), name_en=name_en, short_name=short_name)
    session.add(row)
    session.flush()
    return row


def create_unit(session: Session, *, ministry: Ministry, code: str, name_th: str, kind: UnitKind = UnitKind.DEPARTMENT,
                short_name: str = "", name_en: str = "", sort_order: int = 0) -> Unit:
    code = checked_code(code, "รหัสหน่วยงาน")
    if session.exec(select(Unit).where(Unit.ministry_id == ministry.id, Unit.code == code)).first():
        raise KpiDeskError(f"มีหน่วยงานรหัส “{code}” อยู่แล้ว", f"unit code {code!r} already exists")
    row = Unit(ministry_id=ministry.id, code=code, name_th=_required(name_th, "ชื่อหน่วยงาน"), kind=UnitKind(kind),
               short_name=short_name, name_en=name_en, sort_order=sort_order)
    session.add(row)
    session.flush()
    return row


UNIT_FIELDS = {"name_th", "short_name", "name_en", "kind", "sort_order"}


def update_unit(session: Session, unit: Unit, **changes) -> Unit:
    """Names, kind and order. The code stays: files, templates and other copies refer to it."""
    unknown = set(changes) - UNIT_FIELDS
    if unknown:
        raise KpiDeskError(f"แก้ไขข้อมูล {', '.join(sorted(unknown))} ของหน่วยงานไม่ได้", f"cannot change {unknown}")
    if "name_th" in changes:
        changes["name_th"] = _required(changes["name_th"], "ชื่อหน่วยงาน")
    if "kind" in changes:
        changes["kind"] = UnitKind(changes["kind"])
    for key, value in changes.items():
        setattr(unit, key, value.strip() if isinstance(value, str) else value)
    session.add(unit)
    session.flush()
    return unit


def unit_has_data(session: Session, unit: Unit) -> bool:
    return any(session.exec(select(model.id).where(column == unit.id).limit(1)).first() is not None
               for model, column in ((Assignment, Assignment.unit_id), (CommitteeMember, CommitteeMember.unit_id),
                                     (JointSubIndicator, JointSubIndicator.unit_id),
                                     (JointLeadAgency, JointLeadAgency.unit_id)))


def retire_unit(session: Session, unit: Unit, on: date) -> str:
    """Take a unit off the lists: a unit with any data (indicators, results, members, Joint KPIs) is
    retired from ``on`` and kept, so past years still print; a unit with none is removed. Returns
    "retired" or "removed"."""
    if unit.retired_on is not None:
        raise KpiDeskError(f"{unit.name_th} ยุบเลิกหรือเลิกติดตามไปแล้ว", "the unit is already retired")
    if unit_has_data(session, unit):
        unit.retired_on = on
        session.add(unit)
        session.flush()
        return "retired"
    session.delete(unit)
    session.flush()
    return "removed"


def restore_unit(session: Session, unit: Unit) -> Unit:
    unit.retired_on = None
    session.add(unit)
    session.flush()
    return unit


def create_committee(session: Session, *, ministry: Ministry, name_th: str, appointment_ref: str = "",
                     appointed_on: date | None = None) -> Committee:
    if session.exec(select(Committee).where(Committee.ministry_id == ministry.id)).first():
        raise KpiDeskError("กระทรวงนี้มีคณะกรรมการอยู่แล้ว (แก้ไขรายละเอียดของคณะเดิมแทน)", "the committee exists")
    row = Committee(ministry_id=ministry.id, name_th=_required(name_th, "ชื่อคณะกรรมการ"),
                    appointment_ref=appointment_ref, appointed_on=appointed_on)
    session.add(row)
    session.flush()
    return row


MEMBER_FIELDS = {"person_name", "position", "role", "unit_id", "term_start", "term_end", "sort_order", "is_cco"}


def update_committee(session: Session, committee: Committee, *, name_th: str | None = None,
                     appointment_ref: str | None = None, appointed_on: date | None = None) -> Committee:
    if name_th is not None:
        committee.name_th = _required(name_th, "ชื่อคณะกรรมการ")
    if appointment_ref is not None:
        committee.appointment_ref = appointment_ref.strip()
    if appointed_on is not None:
        committee.appointed_on = appointed_on
    session.add(committee)
    session.flush()
    return committee


def add_committee_member(session: Session, *, committee: Committee, person_name: str, position: str = "",
                         role: CommitteeRole = CommitteeRole.MEMBER, unit: Unit | None = None,
                         term_start: date | None = None, term_end: date | None = None,
                         is_cco: bool = False) -> CommitteeMember:
    count = len(session.exec(select(CommitteeMember.id).where(CommitteeMember.committee_id == committee.id)).all())
    row = CommitteeMember(committee_id=committee.id, person_name="", sort_order=count)
    return update_member(session, row, person_name=person_name, position=position, role=role,
                         unit_id=unit.id if unit else None, term_start=term_start, term_end=term_end, is_cco=is_cco)


def default_term_start(session: Session, committee: Committee, today: date) -> date | None:
    """The day a member added ``today`` joins, unless the secretary says otherwise: none (a member since the
    order of appointment) while the committee has held no meeting yet, as when it is first set up and its past
    meetings are entered after it; once it has met, ``today``, so that the minutes of the meetings held before
    do not name the new member among those absent."""
    held = session.exec(select(Meeting.id).where(Meeting.committee_id == committee.id, Meeting.held_on < today)
                        .limit(1)).first()
    return today if held is not None else None


def update_member(session: Session, member: CommitteeMember, **changes) -> CommitteeMember:
    """A member's name, position, role, unit, term, order or CCO flag, checked as a whole: one chair
    and one CCO (who is the vice-chair) at a time, a term that ends after it starts."""
    unknown = set(changes) - MEMBER_FIELDS
    if unknown:
        raise KpiDeskError(f"แก้ไขข้อมูล {', '.join(sorted(unknown))} ของกรรมการไม่ได้", f"cannot change {unknown}")
    for key, value in changes.items():
        setattr(member, key, value.strip() if isinstance(value, str) else value)
    member.person_name = _required(member.person_name, "ชื่อกรรมการ")
    member.role = CommitteeRole(member.role)
    if member.term_start and member.term_end and member.term_end < member.term_start:
        raise KpiDeskError(f"วาระของ {member.person_name} สิ้นสุดก่อนวันเริ่ม", "term ends before it starts")
    if member.is_cco and member.role != CommitteeRole.VICE_CHAIR:
        raise KpiDeskError(f"ผู้บริหารการเปลี่ยนแปลงระดับกระทรวง (CCO) คือรองประธานกรรมการ จึงกำหนดให้ {member.person_name} "
                           "ซึ่งไม่ใช่รองประธานเป็น CCO ไม่ได้", "the CCO is the vice-chair")
    others = session.exec(select(CommitteeMember).where(CommitteeMember.committee_id == member.committee_id,
                                                        CommitteeMember.id != member.id,
                                                        CommitteeMember.retired_on.is_(None))).all()
    start, end = member.term_start, member.term_end
    if member.role == CommitteeRole.CHAIR:
        clash = [m for m in others if m.role == CommitteeRole.CHAIR and _terms_overlap(m, start, end)]
        if clash:
            raise KpiDeskError(f"คณะกรรมการมีประธานในวาระเดียวกันอยู่แล้ว ({clash[0].person_name})",
                               "the committee already has a chair for that term")
    if member.is_cco:
        clash = [m for m in others if m.is_cco and _terms_overlap(m, start, end)]
        if clash:
            raise KpiDeskError(f"คณะกรรมการมี CCO ในวาระเดียวกันอยู่แล้ว ({clash[0].person_name})", "one CCO at a time")
    session.add(member)
    session.flush()
    return member


def retire_member(session: Session, member: CommitteeMember, on: date) -> CommitteeMember:
    """The member leaves the committee from ``on``: kept for the minutes that name them."""
    if member.retired_on is not None:
        raise KpiDeskError(f"{member.person_name} พ้นจากคณะกรรมการไปแล้ว", "already retired")
    member.retired_on = on
    session.add(member)
    session.flush()
    return member


def _terms_overlap(member: CommitteeMember, start: date | None, end: date | None) -> bool:
    a_start, a_end = member.term_start or date.min, member.term_end or date.max
    return a_start <= (end or date.max) and (start or date.min) <= a_end


def organisation_lists(session: Session) -> tuple[list[Unit], Committee | None, list[CommitteeMember]]:
    """The units (retired ones last), the committee and its members in order (retired ones last)."""
    units = session.exec(select(Unit).order_by(Unit.retired_on.is_not(None), Unit.sort_order, Unit.code)).all()
    committee = session.exec(select(Committee).order_by(Committee.created_at)).first()
    members = session.exec(select(CommitteeMember).where(CommitteeMember.committee_id == committee.id).order_by(
        CommitteeMember.retired_on.is_not(None), CommitteeMember.sort_order)).all() if committee else []
    return list(units), committee, list(members)


def unit_choices(session: Session, evaluated_only: bool = True) -> list[Unit]:
    """Units for a picker, in the ministry's order; with ``evaluated_only`` only departments and provinces
    (the ones that are evaluated)."""
    units = session.exec(select(Unit).order_by(Unit.sort_order, Unit.code)).all()
    return [u for u in units if not evaluated_only or u.kind in (UnitKind.DEPARTMENT, UnitKind.PROVINCE)]


def serves_on(member: CommitteeMember, day: date) -> bool:
    """Whether ``member`` sat on the committee on ``day``: their term covers it and they had not left."""
    return ((member.term_start is None or member.term_start <= day) and (member.term_end is None or day <= member.term_end)
            and (member.retired_on is None or day < member.retired_on))


def secretary(session: Session, day: date) -> tuple[CommitteeMember | None, Unit | None]:
    """The committee's secretary on ``day`` and the unit they belong to (the default signer of a memo of that
    day): a secretary who has left signs no more."""
    members = session.exec(select(CommitteeMember).where(CommitteeMember.role == CommitteeRole.SECRETARY)
                           .order_by(CommitteeMember.sort_order)).all()
    member = next((m for m in members if serves_on(m, day)), None)
    unit = session.get(Unit, member.unit_id) if member and member.unit_id else None
    return member, unit


def update_ministry(session: Session, ministry: Ministry, *, name_th: str | None = None, name_en: str | None = None,
                    short_name: str | None = None) -> Ministry:
    """The ministry's names as reports print them (its code, which files carry, does not change)."""
    ministry = session.get(Ministry, ministry.id)
    if name_th is not None:
        ministry.name_th = _required(name_th, "ชื่อกระทรวง")
    if name_en is not None:
        ministry.name_en = name_en.strip()
    if short_name is not None:
        ministry.short_name = short_name.strip()
    session.add(ministry)
    session.flush()
    return ministry
