"""The ministry, its units and its governing committee."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from app.domain.codes import code_problem
from app.errors import KpiDeskError
from app.models import Committee, CommitteeMember, CommitteeRole, Ministry, Unit, UnitKind


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


def update_unit(session: Session, unit: Unit, **changes) -> Unit:
    allowed = {"name_th", "short_name", "name_en", "kind", "sort_order"}
    unknown = set(changes) - allowed
    if unknown:
        raise KpiDeskError(f"แก้ไขข้อมูล {', '.join(sorted(unknown))} ของหน่วยงานไม่ได้", f"cannot change {unknown}")
    if "name_th" in changes:
        changes["name_th"] = _required(changes["name_th"], "ชื่อหน่วยงาน")
    for key, value in changes.items():
        setattr(unit, key, value)
    session.add(unit)
    session.flush()
    return unit


def create_committee(session: Session, *, ministry: Ministry, name_th: str, appointment_ref: str = "",
                     appointed_on: date | None = None) -> Committee:
    row = Committee(ministry_id=ministry.id, name_th=_required(name_th, "ชื่อคณะกรรมการ"),
                    appointment_ref=appointment_ref, appointed_on=appointed_on)
    session.add(row)
    session.flush()
    return row


def add_committee_member(session: Session, *, committee: Committee, person_name: str, position: str = "",
                         role: CommitteeRole = CommitteeRole.MEMBER, unit: Unit | None = None,
                         term_start: date | None = None, term_end: date | None = None) -> CommitteeMember:
    if term_start and term_end and term_end < term_start:
        raise KpiDeskError(f"วาระของ {person_name} สิ้นสุดก่อนวันเริ่ม", "term ends before it starts")
    role = CommitteeRole(role)
    if role == CommitteeRole.CHAIR:
        existing = session.exec(select(CommitteeMember).where(
            CommitteeMember.committee_id == committee.id, CommitteeMember.role == CommitteeRole.CHAIR)).all()
        overlapping = [m for m in existing if _terms_overlap(m, term_start, term_end)]
        if overlapping:
            raise KpiDeskError(f"คณะกรรมการมีประธานในวาระเดียวกันอยู่แล้ว ({overlapping[0].person_name})",
                               "the committee already has a chair for that term")
    count = len(session.exec(select(CommitteeMember.id).where(CommitteeMember.committee_id == committee.id)).all())
    row = CommitteeMember(committee_id=committee.id, person_name=_required(person_name, "ชื่อกรรมการ"),
                          position=position, role=role, unit_id=unit.id if unit else None,
                          term_start=term_start, term_end=term_end, sort_order=count)
    session.add(row)
    session.flush()
    return row


def _terms_overlap(member: CommitteeMember, start: date | None, end: date | None) -> bool:
    a_start, a_end = member.term_start or date.min, member.term_end or date.max
    return a_start <= (end or date.max) and (start or date.min) <= a_end
