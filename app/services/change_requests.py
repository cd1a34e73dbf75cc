"""Indicator change requests: record, decide (an approval applies the new weight/targets), send to OPDC.

A proposal is checked when it is recorded with the grid's own rules (bounded numbers, the weight rule,
three ordered targets in the indicator's direction). An approval applies it to the assignment only when
its round is open and no round of the year is approved-but-unlocked (``ensure_change_applicable``);
locked rounds keep their numbers because they are read from their snapshots.
"""

from __future__ import annotations

import uuid

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from app.errors import KpiDeskError, LockedError
from app.models import (Assignment, ChangeReason, ChangeRequest, Decision, FiscalYear, Indicator, Meeting, Round,
                        RoundStatus, Unit)
from app.models.enums import ChangeKind
from app.services.framework import current_round, ensure_change_applicable
from app.services.grid import apply_approved_change
from app.services.indicators import check_target_triple, checked_weight, where_label
from app.services.numbers import parse_bounded


TARGETS = ("base", "standard", "advanced")
TARGETS_6 = ("base_6", "standard_6", "advanced_6")


def submit_change_request(session: Session, *, rnd: Round, reason: ChangeReason, assignment: Assignment | None = None,
                          kind: ChangeKind = ChangeKind.MODIFY, unit: Unit | None = None,
                          indicator: Indicator | None = None, component_code: str = "", reason_text: str = "",
                          proposal: str = "", submitted_on: date | None = None, proposed_weight=None,
                          proposed_base=None, proposed_standard=None, proposed_advanced=None,
                          proposed_targets_6=(None, None, None), proposed_monitor: bool | None = None,
                          proposed_name: str = "", proposed_definition: str = "",
                          request_id: uuid.UUID | None = None) -> ChangeRequest:
    """Record a request, checked now with the grid's rules, so the committee decides on a valid proposal
    (``request_id``: the id a desktop copy gave it, so both are one request)."""
    try:
        reason = ChangeReason(reason)
    except ValueError:
        raise KpiDeskError(
            f"“{reason}” ไม่ใช่เหตุที่ขอปรับเปลี่ยนตัวชี้วัดได้ (ต้องเป็นปัจจัยภายนอก เช่น ภัยพิบัติ โรคระบาด นโยบายเปลี่ยน)",
            "not an accepted external cause") from None
    kind = ChangeKind(kind)
    rnd = current_round(session, rnd)
    if rnd.status == RoundStatus.LOCKED:
        raise LockedError("รอบการประเมินนี้ปิดแล้ว จึงขอปรับเปลี่ยนตัวชี้วัดสำหรับรอบนี้ไม่ได้", "round locked")
    row = ChangeRequest(id=request_id or uuid.uuid4(), kind=kind, round_id=rnd.id, reason=reason, reason_text=reason_text.strip(),
                        proposal=proposal.strip(), submitted_on=submitted_on, proposed_name=proposed_name.strip(),
                        proposed_definition=proposed_definition.strip(), proposed_monitor=proposed_monitor,
                        component_code=component_code.strip())
    if kind == ChangeKind.ADD:
        if unit is None or indicator is None:
            raise KpiDeskError("คำขอเพิ่มตัวชี้วัดต้องระบุหน่วยงานและตัวชี้วัด", "an addition names a unit and an indicator")
        taken = session.exec(select(Assignment).where(Assignment.unit_id == unit.id, Assignment.indicator_id == indicator.id,
                                                      Assignment.fiscal_year_id == rnd.fiscal_year_id)).first()
        if taken is not None and taken.withdrawn_on is None:
            raise KpiDeskError(f"{unit.name_th} มีตัวชี้วัด “{indicator.name_th}” อยู่แล้ว", "already assigned")
        row.unit_id, row.indicator_id = unit.id, indicator.id
        where, monitor, direction = f"{unit.name_th} ตัวชี้วัด “{indicator.name_th}”: ข้อเสนอ: ", \
            bool(proposed_monitor if proposed_monitor is not None else indicator.monitor), indicator.direction
        if proposed_weight is None and not monitor:
            raise KpiDeskError(f"{where}ตัวชี้วัดที่เพิ่มต้องมีน้ำหนัก", "an added indicator needs a weight")
    else:
        if assignment is None:
            raise KpiDeskError("ต้องเลือกตัวชี้วัดของหน่วยงานที่ขอปรับเปลี่ยน", "a request names an assignment")
        if rnd.fiscal_year_id != assignment.fiscal_year_id:
            raise KpiDeskError("รอบการประเมินไม่ใช่ปีเดียวกับตัวชี้วัด", "round and indicator years differ")
        if assignment.withdrawn_on is not None:
            raise KpiDeskError("ตัวชี้วัดนี้ถูกยกเลิกไปแล้ว", "the indicator is withdrawn")
        row.assignment_id = assignment.id
        where = where_label(session, assignment) + "ข้อเสนอ: "
        monitor = assignment.monitor if proposed_monitor is None else bool(proposed_monitor)
        direction = session.get(Indicator, assignment.indicator_id).direction
    if kind != ChangeKind.WITHDRAW:
        if proposed_weight is not None:
            row.proposed_weight = checked_weight(proposed_weight, monitor, where)
        elif proposed_monitor and assignment is not None and assignment.weight != 0:
            row.proposed_weight = Decimal(0)      # Monitor carries no weight: the proposal says so
        for names, values, label in ((TARGETS, (proposed_base, proposed_standard, proposed_advanced), ""),
                                     (TARGETS_6, tuple(proposed_targets_6), "ค่าเป้าหมายรอบ ๖ เดือน: ")):
            if any(v is not None for v in values):
                if any(v is None for v in values):
                    raise KpiDeskError(f"{where}{label}เสนอค่าเป้าหมายใหม่ต้องครบทั้ง ๓ ระดับ (ขั้นต้น มาตรฐาน ขั้นสูง)",
                                       "a proposal gives all three targets or none")
                values = tuple(parse_bounded(v, "ค่าเป้าหมาย", where) for v in values)
                check_target_triple(*values, direction, where + label)
                for name, value in zip(names, values):
                    setattr(row, f"proposed_{name}", value)
        if kind == ChangeKind.MODIFY and not _proposes_anything(row):
            raise KpiDeskError(f"{where}ยังไม่ได้เสนอการเปลี่ยนแปลงใด (น้ำหนัก ค่าเป้าหมาย Monitor ชื่อ หรือนิยาม)",
                               "the request proposes nothing")
    session.add(row)
    session.flush()
    return row


def _proposes_anything(row: ChangeRequest) -> bool:
    return any(getattr(row, f"proposed_{n}") is not None for n in ("weight", "monitor", *TARGETS, *TARGETS_6)) \
        or bool(row.proposed_name or row.proposed_definition)


def decide_change_request(session: Session, request: ChangeRequest, *, approve: bool, decided_on: date,
                          meeting: Meeting | None = None, note: str = "") -> ChangeRequest:
    """Record the committee's decision. An approval applies the proposal to the open rounds only: a
    locked round keeps the snapshot it was scored from."""
    if request.decision != Decision.PENDING:
        raise KpiDeskError("คำขอนี้ได้รับการพิจารณาไปแล้ว", "this request has already been decided")
    rnd = current_round(session, session.get(Round, request.round_id))
    if rnd.status == RoundStatus.LOCKED:
        raise LockedError("รอบการประเมินของคำขอนี้ปิดแล้ว จึงพิจารณาคำขอไม่ได้", "round locked")
    if approve:
        ensure_change_applicable(session, rnd)
        _apply(session, request, rnd, decided_on)
    request.decision = Decision.APPROVED if approve else Decision.REJECTED
    request.decided_on = decided_on
    request.meeting_id = meeting.id if meeting else None
    request.decision_note = note
    session.add(request)
    session.flush()
    return request


def _apply(session: Session, request: ChangeRequest, rnd: Round, decided_on: date) -> None:
    kind = ChangeKind(request.kind)
    if kind == ChangeKind.ADD:
        from app.services.indicators import assign_indicator
        from app.services.lookup import component as find_component
        unit, indicator = session.get(Unit, request.unit_id), session.get(Indicator, request.indicator_id)
        year = session.get(FiscalYear, rnd.fiscal_year_id)
        component = find_component(session, year.id, request.component_code) if request.component_code else None
        existing = session.exec(select(Assignment).where(Assignment.unit_id == unit.id, Assignment.indicator_id == indicator.id,
                                                         Assignment.fiscal_year_id == year.id)).first()
        if existing is not None:             # withdrawn earlier: brought back with the proposed values
            existing.withdrawn_on = None
            request.assignment_id = existing.id
            apply_approved_change(session, existing, rnd, _changes(request))
            return
        added = assign_indicator(session, unit=unit, indicator=indicator, year=year, approved_change=rnd,
                                 weight=request.proposed_weight or Decimal(0), base=request.proposed_base,
                                 standard=request.proposed_standard, advanced=request.proposed_advanced,
                                 monitor=request.proposed_monitor, component=component,
                                 targets_6=(request.proposed_base_6, request.proposed_standard_6,
                                            request.proposed_advanced_6))
        request.assignment_id = added.id
        return
    assignment = session.get(Assignment, request.assignment_id)
    if kind == ChangeKind.WITHDRAW:
        assignment.withdrawn_on = decided_on
        session.add(assignment)
        session.flush()
        return
    apply_approved_change(session, assignment, rnd, _changes(request))
    indicator = session.get(Indicator, assignment.indicator_id)
    if request.proposed_name:
        indicator.name_th = request.proposed_name
    if request.proposed_definition:
        indicator.definition = request.proposed_definition
    session.add(indicator)
    session.flush()


def _changes(request: ChangeRequest) -> dict:
    changes = {}
    if request.proposed_monitor is not None:
        changes["monitor"] = request.proposed_monitor
    if request.proposed_weight is not None:
        changes["weight"] = request.proposed_weight
    for names in (TARGETS, TARGETS_6):
        if getattr(request, f"proposed_{names[0]}") is not None:
            changes.update({n: getattr(request, f"proposed_{n}") for n in names})
    return changes


def mark_sent_to_opdc(session: Session, request: ChangeRequest, sent_on: date) -> ChangeRequest:
    if request.decision != Decision.APPROVED:
        raise KpiDeskError("ส่งสำนักงาน ก.พ.ร. ได้เฉพาะคำขอที่คณะกรรมการเห็นชอบแล้ว", "only approved requests go to OPDC")
    request.sent_to_opdc_on = sent_on
    session.add(request)
    session.flush()
    return request


def due_for_opdc(session: Session, today: date) -> list[tuple[ChangeRequest, Round, int]]:
    """Approved requests not yet sent, with their round and days left until OPDC's deadline (negative: late)."""
    rows = session.exec(select(ChangeRequest, Round).join(Round, ChangeRequest.round_id == Round.id)
                        .where(ChangeRequest.decision == Decision.APPROVED, ChangeRequest.sent_to_opdc_on.is_(None))).all()
    return sorted(((cr, rnd, (rnd.opdc_due_on - today).days) for cr, rnd in rows if rnd.opdc_due_on),
                  key=lambda x: x[2])


@dataclass
class RequestRow:
    """One line of the change-request list, as plain data."""

    id: object
    kind: ChangeKind
    unit: str
    indicator: str
    months: int
    reason: ChangeReason
    proposal: str
    decision: Decision
    sent_to_opdc_on: date | None


def requests_of_year(session: Session, fiscal_year_id) -> list[RequestRow]:
    """The requests of one fiscal year, oldest first (additions name their unit and indicator directly)."""
    rows = session.exec(select(ChangeRequest, Round).join(Round, Round.id == ChangeRequest.round_id)
                        .where(Round.fiscal_year_id == fiscal_year_id).order_by(ChangeRequest.created_at)).all()
    out = []
    for cr, rnd in rows:
        a = session.get(Assignment, cr.assignment_id) if cr.assignment_id else None
        unit = session.get(Unit, a.unit_id if a else cr.unit_id)
        indicator = session.get(Indicator, a.indicator_id if a else cr.indicator_id)
        out.append(RequestRow(cr.id, ChangeKind(cr.kind), unit.name_th, indicator.name_th, rnd.months,
                              ChangeReason(cr.reason), cr.proposal or describe(cr), Decision(cr.decision),
                              cr.sent_to_opdc_on))
    return out


def describe(cr: ChangeRequest) -> str:
    """The proposal in words, for a request recorded without a free-text proposal."""
    from app.domain.thai_text import plain
    parts = []
    if cr.proposed_weight is not None:
        parts.append(f"น้ำหนัก {plain(cr.proposed_weight)}")
    if cr.proposed_base is not None:
        parts.append("ค่าเป้าหมาย " + " / ".join(plain(getattr(cr, f"proposed_{n}")) for n in TARGETS))
    if cr.proposed_base_6 is not None:
        parts.append("ค่าเป้าหมายรอบ ๖ เดือน " + " / ".join(plain(getattr(cr, f"proposed_{n}")) for n in TARGETS_6))
    if cr.proposed_monitor is not None:
        parts.append("เป็นตัวชี้วัด Monitor" if cr.proposed_monitor else "เลิกเป็นตัวชี้วัด Monitor")
    if cr.proposed_name:
        parts.append(f"ชื่อใหม่ “{cr.proposed_name}”")
    if cr.proposed_definition:
        parts.append("นิยามใหม่")
    head = {ChangeKind.ADD: "เพิ่มตัวชี้วัด", ChangeKind.WITHDRAW: "ยกเลิกตัวชี้วัด"}.get(ChangeKind(cr.kind), "")
    return " ".join(x for x in (head, ", ".join(parts)) if x)


def request_choices(session: Session, fiscal_year_id) -> tuple[list, list, list, list]:
    """What a new request can name: the year's assigned indicators, the units, the catalogue and the
    framework's component codes (label, id) — for the window's form."""
    from app.models import FrameworkComponent
    assignments = [(f"{u.code} — {i.name_th}", a.id) for a, i, u in session.execute(
        select(Assignment, Indicator, Unit).join(Indicator, Indicator.id == Assignment.indicator_id)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(Assignment.fiscal_year_id == fiscal_year_id, Assignment.withdrawn_on.is_(None))
        .order_by(Unit.sort_order, Unit.code, Assignment.sort_order)).all()]
    units = [(f"{u.code} — {u.name_th}", u.id) for u in session.exec(
        select(Unit).where(Unit.retired_on.is_(None)).order_by(Unit.sort_order, Unit.code))]
    catalogue = [(f"{i.code} — {i.name_th}", i.id) for i in session.exec(select(Indicator).order_by(Indicator.code))]
    components = [c.code for c in session.exec(select(FrameworkComponent).where(
        FrameworkComponent.fiscal_year_id == fiscal_year_id).order_by(FrameworkComponent.sort_order))]
    return assignments, units, catalogue, components
