"""Recording the actual value of an indicator in a round."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, select

from app.errors import KpiDeskError
from app.models import Assignment, Result, Round, utcnow
from app.services.framework import ensure_results_editable
from app.services.numbers import parse_bounded


def record_result(session: Session, *, assignment: Assignment, rnd: Round, actual: Decimal | None,
                  note: str | None = None, evidence_ref: str | None = None) -> Result:
    """Set (or clear, with ``actual=None``) an actual value; note and evidence change only when given."""
    if rnd.fiscal_year_id != assignment.fiscal_year_id:
        raise KpiDeskError("รอบการประเมินไม่ใช่ปีงบประมาณเดียวกับตัวชี้วัด", "round and assignment are of different years")
    rnd = ensure_results_editable(session, rnd)
    actual = parse_bounded(actual, "ผลการดำเนินงาน")
    row = session.exec(select(Result).where(Result.assignment_id == assignment.id, Result.round_id == rnd.id)).first()
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
