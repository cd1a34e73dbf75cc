"""What the editing grids show and change: one row per assigned indicator, one field per edit.

A grid saves each cell as it is typed, so a target triple may be incomplete or out of order for a
while; such problems are listed by ``validate_unit`` beside the grid instead of refusing the keystroke.
Everything else (locked years, Monitor weights, numbers out of range) is refused here, in Thai.
Each function is one use-case in one transaction when called through ``Store.transaction``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import Session

from app.domain.validation import weight_problem
from app.errors import KpiDeskError, ValidationError
from app.models import Assignment, FrameworkComponent, Indicator, Result, Round, Unit
from app.services.framework import ensure_change_applicable, ensure_results_editable, ensure_targets_editable
from app.services.numbers import parse_bounded
from app.services.results import record_result

DECIMAL_FIELDS = ("weight", "base", "standard", "advanced", "base_6", "standard_6", "advanced_6")
FIELD_TH = {"weight": "น้ำหนัก", "base": "ค่าเป้าหมายขั้นต้น", "standard": "ค่าเป้าหมายมาตรฐาน", "advanced": "ค่าเป้าหมายขั้นสูง",
            "base_6": "ค่าเป้าหมายขั้นต้น รอบ ๖ เดือน", "standard_6": "ค่าเป้าหมายมาตรฐาน รอบ ๖ เดือน",
            "advanced_6": "ค่าเป้าหมายขั้นสูง รอบ ๖ เดือน", "monitor": "Monitor", "actual": "ผลการดำเนินงาน",
            "note": "หมายเหตุ", "evidence_ref": "หลักฐานอ้างอิง", "verified_actual": "ผลที่ตรวจสอบแล้ว"}


@dataclass
class AssignmentRow:
    id: uuid.UUID
    indicator_code: str
    name: str
    kind: str
    unit_of_measure: str
    direction: str
    component: str
    weight: Decimal
    base: Decimal | None
    standard: Decimal | None
    advanced: Decimal | None
    base_6: Decimal | None
    standard_6: Decimal | None
    advanced_6: Decimal | None
    monitor: bool
    link: str = ""              # what the indicator serves, as the cascade names it ("" while unstated)
    by_points: bool = False     # its component takes OPDC's 0–100 points: no targets
    from_basket: bool = True    # drawn from OPDC's KPI Basket, or proposed by the unit


def assignment_rows(session: Session, fiscal_year_id: uuid.UUID, unit_id: uuid.UUID) -> list[AssignmentRow]:
    rows = session.execute(
        select(Assignment, Indicator, FrameworkComponent.code)
        .join(Indicator, Indicator.id == Assignment.indicator_id)
        .join(FrameworkComponent, FrameworkComponent.id == Assignment.component_id)
        .where(Assignment.fiscal_year_id == fiscal_year_id, Assignment.unit_id == unit_id,
               Assignment.withdrawn_on.is_(None))
        .order_by(Assignment.sort_order, Indicator.code)).all()
    from app.domain.unit_score import Framework
    from app.services.scoring import framework_specs
    from app.services.strategy import link_labels
    labels = link_labels(session, [a for a, _i, _c in rows])
    by_points = Framework(framework_specs(session, fiscal_year_id)).by_points
    return [AssignmentRow(a.id, i.code, i.name_th, i.kind, i.unit_of_measure, i.direction, code, a.weight, a.base,
                          a.standard, a.advanced, a.base_6, a.standard_6, a.advanced_6, a.monitor, labels[a.id],
                          code in by_points, i.from_basket)
            for a, i, code in rows]


def _where(session: Session, a: Assignment) -> str:
    return f"{session.get(Unit, a.unit_id).name_th} ตัวชี้วัด “{session.get(Indicator, a.indicator_id).name_th}”: "


def coerce(field: str, value, where: str = ""):
    """A cell's typed text (Thai digits, separators, %) as the field's value, or ValidationError."""
    if field == "monitor":
        return bool(value)
    if field in ("note", "evidence_ref"):
        return "" if value is None else str(value)
    return parse_bounded(value, FIELD_TH.get(field, field), where)


def set_assignment_field(session: Session, assignment: Assignment, field: str, value) -> Assignment:
    """Change one cell of the targets grid."""
    return set_assignment_fields(session, assignment, {field: value})


def set_assignment_fields(session: Session, assignment: Assignment, changes: dict) -> Assignment:
    """Change several cells of one row at once (Monitor first, since it resets the weight); one flush."""
    ensure_targets_editable(session, assignment.fiscal_year_id)
    return _apply_fields(session, assignment, changes)


def apply_approved_change(session: Session, assignment: Assignment, rnd: Round, changes: dict) -> Assignment:
    """An approved change request's new values, with the grid's rules, when its round may take them."""
    ensure_change_applicable(session, rnd)
    return _apply_fields(session, assignment, changes)


def _apply_fields(session: Session, assignment: Assignment, changes: dict) -> Assignment:
    """The grid's rules for one row's fields; the caller has checked the year's or the round's lock."""
    for field in changes:
        if field not in DECIMAL_FIELDS and field != "monitor":
            raise KpiDeskError(f"แก้ไขช่อง “{field}” ไม่ได้", f"field {field!r} is not editable")
    where = _where(session, assignment)
    for field, raw in sorted(changes.items(), key=lambda kv: kv[0] != "monitor"):
        value = coerce(field, raw, where)
        if field == "weight":
            if value is None:
                raise ValidationError([f"{where}น้ำหนักต้องเป็นตัวเลข (ตัวชี้วัด Monitor ใส่ ๐)"])
            problem = weight_problem(value, assignment.monitor)
            if problem:
                raise ValidationError([where + problem])
        if field == "monitor" and value:
            assignment.weight = Decimal(0)
        setattr(assignment, field, value)
    session.add(assignment)
    session.flush()
    return assignment


def apply_assignment_edits(session: Session, edits: list[tuple[uuid.UUID, str, object]]) -> int:
    """Several cells at once (a paste, an undo of a paste): all are saved or none."""
    for assignment_id, field, value in edits:
        a = session.get(Assignment, assignment_id)
        if a is None:
            raise KpiDeskError("ไม่พบตัวชี้วัดที่จะแก้ไข (อาจถูกลบไปแล้ว)", "assignment not found")
        set_assignment_field(session, a, field, value)
    return len(edits)


@dataclass
class ResultRow:
    assignment_id: uuid.UUID
    name: str
    unit_of_measure: str
    weight: Decimal
    monitor: bool
    actual: Decimal | None              # what the unit reports (its self-assessment)
    note: str
    evidence_ref: str
    verified_actual: Decimal | None = None
    verified_source: str = ""           # secretariat | opdc
    verified_by: str = ""
    verified_at: datetime | None = None
    source_ref: str = ""
    source_date: date | None = None
    evidence_files: int = 0
    by_points: bool = False             # the component takes OPDC's 0–100 points, not targets
    code: str = ""

    @property
    def differs(self) -> bool:
        """A verified figure that is not what the unit reported: shown marked wherever both appear."""
        return self.verified_actual is not None and self.verified_actual != self.actual


def result_rows(session: Session, rnd: Round, unit_id: uuid.UUID) -> list[ResultRow]:
    from app.domain.unit_score import Framework
    from app.services.evidence import evidence_counts
    from app.services.scoring import framework_specs

    rows = session.execute(
        select(Assignment, Indicator, Result, FrameworkComponent.code)
        .join(Indicator, Indicator.id == Assignment.indicator_id)
        .join(FrameworkComponent, FrameworkComponent.id == Assignment.component_id)
        .outerjoin(Result, (Result.assignment_id == Assignment.id) & (Result.round_id == rnd.id))
        .where(Assignment.fiscal_year_id == rnd.fiscal_year_id, Assignment.unit_id == unit_id,
               Assignment.withdrawn_on.is_(None))
        .order_by(Assignment.sort_order, Indicator.code)).all()
    files = evidence_counts(session, rnd.id)
    by_points = Framework(framework_specs(session, rnd.fiscal_year_id)).by_points
    return [ResultRow(a.id, i.name_th, i.unit_of_measure, a.weight, a.monitor, r.actual if r else None,
                      r.note if r else "", r.evidence_ref if r else "",
                      *((r.verified_actual, r.verified_source, r.verified_by, r.verified_at, r.source_ref, r.source_date)
                        if r else (None, "", "", None, "", None)),
                      files.get(a.id, 0), code in by_points, i.code) for a, i, r, code in rows]


def set_result_field(session: Session, rnd: Round, assignment_id: uuid.UUID, field: str, value) -> Result:
    """Change one cell of the results grid: the actual value, its note or its evidence reference, or the
    verified actual (set by the secretariat; OPDC's figure with its letter goes through ``set_verified``)."""
    if field == "verified_actual":
        from app.services.results import set_verified
        return set_verified(session, assignment_id=assignment_id, rnd=rnd, value=value)
    if field not in ("actual", "note", "evidence_ref"):
        raise KpiDeskError(f"แก้ไขช่อง “{field}” ไม่ได้", f"field {field!r} is not editable")
    rnd = ensure_results_editable(session, rnd)
    a = session.get(Assignment, assignment_id)
    if a is None:
        raise KpiDeskError("ไม่พบตัวชี้วัดที่จะบันทึกผล (อาจถูกลบไปแล้ว)", "assignment not found")
    where = _where(session, a)
    value = coerce(field, value, where)
    current = session.execute(select(Result).where(Result.assignment_id == a.id, Result.round_id == rnd.id)).scalar()
    actual = current.actual if current else None
    if field == "actual":
        return record_result(session, assignment=a, rnd=rnd, actual=value)
    return record_result(session, assignment=a, rnd=rnd, actual=actual, **{field: value})


def unit_problems(session: Session, fiscal_year_id: uuid.UUID, unit_id: uuid.UUID):
    """Every weight and target problem of one unit's indicators for a year (the grid's side panel)."""
    return units_problems(session, fiscal_year_id, [unit_id])


def units_problems(session: Session, fiscal_year_id: uuid.UUID, unit_ids: list[uuid.UUID]):
    """The same for many units, from one load (an import validates every unit it touched)."""
    from app.domain.validation import validate_unit
    from app.services.scoring import as_uuid, framework_specs, load_lines, stored

    if not unit_ids:
        return []
    session.flush()             # judge what this transaction has written so far
    lines = load_lines(session, fiscal_year_id, None, list(unit_ids))
    A, I = Assignment.__table__, Indicator.__table__
    directions = {as_uuid(key): direction for key, direction in session.execute(
        select(stored(A.c.id), I.c.direction).join(I, I.c.id == A.c.indicator_id)
        .where(A.c.fiscal_year_id == fiscal_year_id, A.c.unit_id.in_(list(unit_ids))))}
    specs = framework_specs(session, fiscal_year_id)
    names = dict(session.execute(select(Unit.id, Unit.name_th).where(Unit.id.in_(list(unit_ids)))).all())
    problems = []
    for unit_id in unit_ids:
        problems += validate_unit(names[unit_id], lines.get(unit_id, []), specs, directions)
    return problems


@dataclass
class WeightSums:
    """A unit's evaluated weight per framework component and in total, beside what the framework asks."""

    specs: list
    sums: dict
    total: Decimal


def unit_weight_sums(session: Session, fiscal_year_id: uuid.UUID, unit_id: uuid.UUID) -> WeightSums:
    from app.domain.unit_score import Framework
    from app.domain.validation import component_sums, evaluated_weight
    from app.services.scoring import framework_specs, load_lines

    specs = framework_specs(session, fiscal_year_id)
    lines = load_lines(session, fiscal_year_id, None, [unit_id]).get(unit_id, [])
    return WeightSums(specs, component_sums(lines, Framework(specs)), evaluated_weight(lines))
