"""The indicator catalogue and each unit's assigned indicators: weights, targets, Monitor flag."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlmodel import Session, select

from app.domain.scoring import TargetError, check_targets
from app.errors import KpiDeskError, ValidationError
from app.models import (Assignment, Direction, FiscalYear, FrameworkComponent, Indicator, IndicatorKind, Round, Unit)
from app.domain.validation import weight_problem
from app.services.framework import component_for_kind, ensure_change_applicable, ensure_targets_editable
from app.services.numbers import parse_bounded
from app.services.organisation import checked_code


def create_indicator(session: Session, *, code: str, name_th: str, kind: IndicatorKind = IndicatorKind.FUNCTIONAL,
                     direction: Direction = Direction.HIGHER_IS_BETTER, unit_of_measure: str = "", definition: str = "",
                     monitor: bool = False, step: bool = False, cumulative: bool = False, from_basket: bool = True,
                     strategic: Indicator | None = None, joint_agenda_id=None, name_en: str = "") -> Indicator:
    code = checked_code(code, "รหัสตัวชี้วัด")
    if not (name_th or "").strip():
        raise KpiDeskError(f"ตัวชี้วัด {code} ต้องมีชื่อ", "an indicator needs a name")
    if session.exec(select(Indicator).where(Indicator.code == code)).first():
        raise KpiDeskError(f"มีตัวชี้วัดรหัส “{code}” ในบัญชีอยู่แล้ว", f"indicator {code!r} already exists")
    if strategic is not None and strategic.kind != IndicatorKind.STRATEGIC:
        raise KpiDeskError(f"“{strategic.name_th}” ไม่ใช่ตัวชี้วัดเชิงยุทธศาสตร์ (Strategic KPI)",
                           "the linked indicator is not a strategic KPI")
    row = Indicator(code=code, name_th=name_th.strip(), name_en=name_en, kind=IndicatorKind(kind),
                    direction=Direction(direction), unit_of_measure=unit_of_measure, definition=definition,
                    monitor=monitor, step=step, cumulative=cumulative, from_basket=from_basket,
                    strategic_id=strategic.id if strategic else None, joint_agenda_id=joint_agenda_id)
    session.add(row)
    session.flush()
    return row


def where_label(session: Session, a: Assignment) -> str:
    unit = session.get(Unit, a.unit_id)
    ind = session.get(Indicator, a.indicator_id)
    return f"{unit.name_th} ตัวชี้วัด “{ind.name_th}”: "


def checked_weight(weight, monitor: bool, where: str) -> Decimal:
    weight = parse_bounded(weight, "น้ำหนัก", where)
    if weight is None:
        raise ValidationError([f"{where}น้ำหนักต้องเป็นตัวเลข"])
    problem = weight_problem(weight, monitor)
    if problem:
        raise ValidationError([where + problem])
    return weight


def check_target_triple(base, standard, advanced, direction: str, where: str) -> None:
    """A triple is either blank or complete, strictly ordered and in the indicator's direction."""
    if base is None and standard is None and advanced is None:
        return
    for value, what in ((base, "ค่าเป้าหมายขั้นต้น"), (standard, "ค่าเป้าหมายมาตรฐาน"), (advanced, "ค่าเป้าหมายขั้นสูง")):
        parse_bounded(value, what, where)
    try:
        check_targets(base, standard, advanced, where=where, direction=None if direction is None else str(direction))
    except TargetError as exc:          # order and direction are the scoring's own rule, said as a validation
        raise ValidationError([exc.th], exc.en) from None


def assign_indicator(session: Session, *, unit: Unit, indicator: Indicator, year: FiscalYear,
                     weight: Decimal = Decimal(0), base: Decimal | None = None, standard: Decimal | None = None,
                     advanced: Decimal | None = None, monitor: bool | None = None,
                     component: FrameworkComponent | None = None,
                     targets_6: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None),
                     approved_change: Round | None = None) -> Assignment:
    """A new indicator for a unit: directly while the year's rounds are open, or through an approved
    change request (``approved_change``: its round) under that path's own guard."""
    if approved_change is None:
        ensure_targets_editable(session, year.id)
    else:
        ensure_change_applicable(session, approved_change)
    if session.exec(select(Assignment).where(Assignment.unit_id == unit.id, Assignment.indicator_id == indicator.id,
                                             Assignment.fiscal_year_id == year.id)).first():
        raise KpiDeskError(f"{unit.name_th} มีตัวชี้วัด “{indicator.name_th}” ในปี {year.year_be} อยู่แล้ว",
                           "indicator already assigned to this unit for this year")
    if indicator.kind == IndicatorKind.STRATEGIC:
        raise KpiDeskError(f"“{indicator.name_th}” เป็น Strategic KPI ซึ่งติดตามผลเท่านั้น ไม่นำมาประเมินหรือให้น้ำหนัก "
                           "ให้เชื่อมโยงตัวชี้วัดของหน่วยงานกับ Strategic KPI แทน",
                           "a strategic KPI is monitored, never assigned as an evaluated indicator")
    monitor = indicator.monitor if monitor is None else monitor
    where = f"{unit.name_th} ตัวชี้วัด “{indicator.name_th}”: "
    weight = checked_weight(weight, monitor, where)
    check_target_triple(base, standard, advanced, indicator.direction, where)
    check_target_triple(*targets_6, indicator.direction, where + "ค่าเป้าหมายรอบ ๖ เดือน: ")
    component = component or component_for_kind(session, year.id, indicator.kind)
    count = len(session.exec(select(Assignment.id).where(Assignment.unit_id == unit.id,
                                                         Assignment.fiscal_year_id == year.id)).all())
    row = Assignment(unit_id=unit.id, indicator_id=indicator.id, fiscal_year_id=year.id, component_id=component.id,
                     weight=weight, base=base, standard=standard, advanced=advanced, monitor=monitor,
                     base_6=targets_6[0], standard_6=targets_6[1], advanced_6=targets_6[2], sort_order=count)
    session.add(row)
    session.flush()
    return row


def set_targets(session: Session, assignment: Assignment, *, base: Decimal | None, standard: Decimal | None,
                advanced: Decimal | None, months: int = 12) -> Assignment:
    """Three target levels together (annual, or the 6-month ones with ``months=6``): an ordered triple."""
    ensure_targets_editable(session, assignment.fiscal_year_id)
    ind = session.get(Indicator, assignment.indicator_id)
    where = where_label(session, assignment) + ("ค่าเป้าหมายรอบ ๖ เดือน: " if months == 6 else "")
    check_target_triple(base, standard, advanced, ind.direction, where)
    if months == 6:
        assignment.base_6, assignment.standard_6, assignment.advanced_6 = base, standard, advanced
    else:
        assignment.base, assignment.standard, assignment.advanced = base, standard, advanced
    session.add(assignment)
    session.flush()
    return assignment


def bulk_assign(session: Session, *, year: FiscalYear, items: list[dict]) -> list[tuple[int, str]]:
    """Many new assignments at once (imports): each item has unit_id, indicator (Indicator), component
    code or None, monitor, weight, targets and 6-month targets, and ``ref`` (where it came from).
    Every item is checked with the same rules as ``assign_indicator``; the valid ones are inserted with
    one statement and audited. Returns (ref, Thai reason) for the items refused."""
    from uuid import uuid4

    from sqlalchemy import insert

    from app.models.audit import audit_bulk_insert
    from app.models.base import utcnow

    ensure_targets_editable(session, year.id)
    comps = session.exec(select(FrameworkComponent).where(FrameworkComponent.fiscal_year_id == year.id)
                         .order_by(FrameworkComponent.sort_order)).all()
    by_code = {c.code: c for c in comps}
    units = {u.id: u for u in session.exec(select(Unit))}
    taken = set(session.exec(select(Assignment.unit_id, Assignment.indicator_id)
                             .where(Assignment.fiscal_year_id == year.id)).all())
    counts: dict = {}
    for unit_id, _ind in taken:
        counts[unit_id] = counts.get(unit_id, 0) + 1
    rows, refused, now = [], [], utcnow()
    for item in items:
        ind, unit = item["indicator"], units[item["unit_id"]]
        where = f"{unit.name_th} ตัวชี้วัด “{ind.name_th}”: "
        try:
            if (unit.id, ind.id) in taken:
                raise KpiDeskError(f"{where}กำหนดไว้แล้วในปี {year.year_be}", "already assigned")
            component = by_code.get(item.get("component") or "") or next(
                (c for c in comps if ind.kind in c.kinds.split(",")), None)
            if component is None:
                raise KpiDeskError(f"{where}ไม่มีองค์ประกอบในกรอบการประเมินสำหรับตัวชี้วัดประเภทนี้", "no component")
            monitor = bool(item.get("monitor"))
            weight = item.get("weight") or Decimal(0)
            checked_weight(weight, monitor, where)
            check_target_triple(item.get("base"), item.get("standard"), item.get("advanced"), ind.direction, where)
            check_target_triple(item.get("base_6"), item.get("standard_6"), item.get("advanced_6"), ind.direction,
                           where + "ค่าเป้าหมายรอบ ๖ เดือน: ")
        except KpiDeskError as exc:
            refused.append((item["ref"], exc.th))
            continue
        taken.add((unit.id, ind.id))
        counts[unit.id] = counts.get(unit.id, 0) + 1
        rows.append({"id": uuid4(), "created_at": now, "updated_at": now, "unit_id": unit.id, "indicator_id": ind.id,
                     "fiscal_year_id": year.id, "component_id": component.id, "weight": weight,
                     "base": item.get("base"), "standard": item.get("standard"), "advanced": item.get("advanced"),
                     "base_6": item.get("base_6"), "standard_6": item.get("standard_6"),
                     "advanced_6": item.get("advanced_6"), "monitor": monitor, "sort_order": counts[unit.id] - 1})
    if rows and not refused:
        session.execute(insert(Assignment.__table__), rows)
        audit_bulk_insert(session, Assignment.__table__, rows)
    return refused


def addable_indicators(session: Session, fiscal_year_id: uuid.UUID, unit_id: uuid.UUID) -> list[Indicator]:
    """Catalogue indicators the unit does not have in the year yet (strategic KPIs are never assigned)."""
    have = set(session.exec(select(Assignment.indicator_id).where(Assignment.unit_id == unit_id,
                                                                  Assignment.fiscal_year_id == fiscal_year_id)).all())
    return [i for i in session.exec(select(Indicator).order_by(Indicator.code))
            if i.id not in have and i.kind != IndicatorKind.STRATEGIC]
