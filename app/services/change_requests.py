"""Indicator change requests: record, decide (an approval applies the new weight/targets), send to OPDC.

A proposal is checked when it is recorded with the grid's own rules (bounded numbers, the weight rule,
three ordered targets in the indicator's direction). An approval applies it to the assignment only when
its round is open and no round of the year is approved-but-unlocked (``ensure_change_applicable``);
locked rounds keep their numbers because they are read from their snapshots.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from app.errors import KpiDeskError, LockedError
from app.models import Assignment, ChangeReason, ChangeRequest, Decision, Indicator, Meeting, Round, RoundStatus
from app.services.framework import current_round, ensure_change_applicable
from app.services.grid import apply_approved_change
from app.services.indicators import _check_targets, _check_weight, _where


def submit_change_request(session: Session, *, assignment: Assignment, rnd: Round, reason: ChangeReason,
                          reason_text: str = "", proposal: str = "", submitted_on: date | None = None,
                          proposed_weight: Decimal | None = None, proposed_base: Decimal | None = None,
                          proposed_standard: Decimal | None = None,
                          proposed_advanced: Decimal | None = None) -> ChangeRequest:
    try:
        reason = ChangeReason(reason)
    except ValueError:
        raise KpiDeskError(
            f"“{reason}” ไม่ใช่เหตุที่ขอปรับเปลี่ยนตัวชี้วัดได้ (ต้องเป็นปัจจัยภายนอก เช่น ภัยพิบัติ โรคระบาด นโยบายเปลี่ยน)",
            "not an accepted external cause") from None
    if rnd.fiscal_year_id != assignment.fiscal_year_id:
        raise KpiDeskError("รอบการประเมินไม่ใช่ปีเดียวกับตัวชี้วัด", "round and indicator years differ")
    rnd = current_round(session, rnd)
    if rnd.status == RoundStatus.LOCKED:
        raise LockedError("รอบการประเมินนี้ปิดแล้ว จึงขอปรับเปลี่ยนตัวชี้วัดสำหรับรอบนี้ไม่ได้", "round locked")
    where = _where(session, assignment) + "ข้อเสนอ: "
    if proposed_weight is not None:
        proposed_weight = _check_weight(proposed_weight, assignment.monitor, where)
    targets = (proposed_base, proposed_standard, proposed_advanced)
    if any(v is not None for v in targets):
        if any(v is None for v in targets):
            raise KpiDeskError(f"{where}เสนอค่าเป้าหมายใหม่ต้องครบทั้ง ๓ ระดับ (ขั้นต้น มาตรฐาน ขั้นสูง)",
                               "a proposal gives all three targets or none")
        _check_targets(*targets, session.get(Indicator, assignment.indicator_id).direction, where)
    row = ChangeRequest(assignment_id=assignment.id, round_id=rnd.id, reason=reason, reason_text=reason_text,
                        proposal=proposal, submitted_on=submitted_on, proposed_weight=proposed_weight,
                        proposed_base=proposed_base, proposed_standard=proposed_standard,
                        proposed_advanced=proposed_advanced)
    session.add(row)
    session.flush()
    return row


def decide_change_request(session: Session, request: ChangeRequest, *, approve: bool, decided_on: date,
                          meeting: Meeting | None = None, note: str = "") -> ChangeRequest:
    if request.decision != Decision.PENDING:
        raise KpiDeskError("คำขอนี้ได้รับการพิจารณาไปแล้ว", "this request has already been decided")
    rnd = current_round(session, session.get(Round, request.round_id))
    if rnd.status == RoundStatus.LOCKED:
        raise LockedError("รอบการประเมินของคำขอนี้ปิดแล้ว จึงพิจารณาคำขอไม่ได้", "round locked")
    if approve:
        ensure_change_applicable(session, rnd)
    request.decision = Decision.APPROVED if approve else Decision.REJECTED
    request.decided_on = decided_on
    request.meeting_id = meeting.id if meeting else None
    request.decision_note = note
    if approve:
        changes = {"weight": request.proposed_weight} if request.proposed_weight is not None else {}
        if None not in (request.proposed_base, request.proposed_standard, request.proposed_advanced):
            changes.update(base=request.proposed_base, standard=request.proposed_standard,
                           advanced=request.proposed_advanced)
        assignment = session.get(Assignment, request.assignment_id)
        apply_approved_change(session, assignment, rnd, changes)
        if "base" in changes:
            _check_targets(assignment.base, assignment.standard, assignment.advanced,
                           session.get(Indicator, assignment.indicator_id).direction, _where(session, assignment))
    session.add(request)
    session.flush()
    return request


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
