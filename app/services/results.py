"""Recording the actual value of an indicator in a round: the unit's own figure and the verified one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from app.domain.unit_score import points_problem
from app.errors import KpiDeskError, ValidationError
from app.models import Assignment, FrameworkComponent, Result, Round, utcnow
from app.services.framework import ensure_results_editable
from app.services.numbers import parse_bounded

SOURCES_TH = {"secretariat": "ฝ่ายเลขานุการ", "opdc": "สำนักงาน ก.พ.ร."}
SOURCES_EN = {"secretariat": "the secretariat", "opdc": "OPDC"}


def scored_by_points(session: Session, assignment: Assignment) -> bool:
    """Whether the assignment's component (or one above it) takes OPDC's points instead of targets."""
    comp = session.get(FrameworkComponent, assignment.component_id)
    while comp is not None:
        if comp.takes == "points":
            return True
        comp = session.get(FrameworkComponent, comp.parent_id) if comp.parent_id else None
    return False


def _checked_points(session: Session, assignment: Assignment, value: Decimal | None, what: str) -> None:
    problem = points_problem(value) if scored_by_points(session, assignment) else ""
    if problem:
        raise ValidationError([f"{what}: {problem}"], "points are 0-100")


def _row(session: Session, assignment: Assignment, rnd: Round) -> Result | None:
    return session.exec(select(Result).where(Result.assignment_id == assignment.id, Result.round_id == rnd.id)).first()


def record_result(session: Session, *, assignment: Assignment, rnd: Round, actual: Decimal | None,
                  note: str | None = None, evidence_ref: str | None = None) -> Result:
    """Set (or clear, with ``actual=None``) an actual value; note and evidence change only when given."""
    if rnd.fiscal_year_id != assignment.fiscal_year_id:
        raise KpiDeskError("รอบการประเมินไม่ใช่ปีงบประมาณเดียวกับตัวชี้วัด", "round and assignment are of different years")
    rnd = ensure_results_editable(session, rnd)
    actual = parse_bounded(actual, "ผลการดำเนินงาน")
    _checked_points(session, assignment, actual, "ผลการดำเนินงาน")
    row = _row(session, assignment, rnd)
    if row is None:
        row = Result(assignment_id=assignment.id, round_id=rnd.id)
    elif row.actual == actual and note in (None, row.note) and evidence_ref in (None, row.evidence_ref):
        return row          # the same value typed again: nothing changed, nothing to audit
    row.actual = actual
    if note is not None:
        row.note = note
    if evidence_ref is not None:
        row.evidence_ref = evidence_ref
    row.recorded_by = session.info.get("user", "")
    row.recorded_at = utcnow()
    session.add(row)
    session.flush()
    return row


def set_verified(session: Session, *, assignment_id, rnd: Round, value, source: str = "secretariat",
                 source_ref: str = "", source_date: date | None = None) -> Result | None:
    """The verified actual (by the secretariat, or OPDC's figure with its letter and date), or ``value=None``
    to take a verification back; who and when are recorded. Scores use it in place of the unit's figure."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise KpiDeskError("ไม่พบตัวชี้วัดที่จะบันทึกผล (อาจถูกลบไปแล้ว)", "assignment not found")
    if rnd.fiscal_year_id != assignment.fiscal_year_id:
        raise KpiDeskError("รอบการประเมินไม่ใช่ปีงบประมาณเดียวกับตัวชี้วัด", "round and assignment are of different years")
    if source not in SOURCES_TH:
        raise ValidationError([f"ผู้ตรวจสอบต้องเป็น secretariat หรือ opdc ไม่ใช่ “{source}”"], "source is secretariat or opdc")
    rnd = ensure_results_editable(session, rnd)
    value = parse_bounded(value, "ผลที่ตรวจสอบแล้ว")
    _checked_points(session, assignment, value, "ผลที่ตรวจสอบแล้ว")
    row = _row(session, assignment, rnd)
    if row is None:
        if value is None:
            return None
        row = Result(assignment_id=assignment.id, round_id=rnd.id)
    source_ref = (source_ref or "").strip()
    if value is None:
        source, source_ref, source_date = "", "", None
    if (row.verified_actual, row.verified_source, row.source_ref, row.source_date) == (value, source, source_ref,
                                                                                       source_date):
        return row          # nothing new: nothing to audit
    row.verified_actual, row.verified_source, row.source_ref, row.source_date = value, source, source_ref, source_date
    row.verified_by = session.info.get("user", "") if value is not None else ""
    row.verified_at = utcnow() if value is not None else None
    session.add(row)
    session.flush()
    return row
