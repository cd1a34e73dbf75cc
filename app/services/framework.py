"""Fiscal years with their framework components and two rounds, and round approval and locking."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, select

from app.domain.calendar import fiscal_year_bounds, opdc_due_date, round_bounds, round_name
from app.domain.grades import DEFAULT_FLOORS, floors_problem
from app.domain.thai_text import plain
from app.errors import KpiDeskError, LockedError, ValidationError
from app.models import FiscalYear, FrameworkComponent, Round, RoundStatus, utcnow
from app.services import lookup
from app.services.presets import PRESETS



def create_fiscal_year(session: Session, *, year_be: int, preset: str = "fy2567",
                       grade_floors: str = DEFAULT_FLOORS) -> FiscalYear:
    year_be = lookup.checked_year(year_be)
    grade_floors = checked_floors(grade_floors)
    if session.exec(select(FiscalYear).where(FiscalYear.year_be == year_be)).first():
        raise KpiDeskError(f"มีปีงบประมาณ พ.ศ. {year_be} อยู่แล้ว", f"fiscal year {year_be} already exists")
    if preset not in PRESETS:
        raise KpiDeskError(f"ไม่รู้จักกรอบการประเมิน “{preset}”", f"unknown framework preset {preset!r}")
    start, end = fiscal_year_bounds(year_be)
    fy = FiscalYear(year_be=year_be, starts_on=start, ends_on=end, grade_floors=grade_floors)
    session.add(fy)
    session.flush()
    ids = {}
    for order, (code, parent, name_th, name_en, weight, kinds, rounds) in enumerate(PRESETS[preset]):
        comp = FrameworkComponent(fiscal_year_id=fy.id, parent_id=ids.get(parent), code=code, name_th=name_th,
                                  name_en=name_en, weight=weight, kinds=kinds, rounds=rounds, sort_order=order)
        session.add(comp)
        session.flush()
        ids[code] = comp.id
    for months in (6, 12):
        r_start, r_end = round_bounds(year_be, months)
        session.add(Round(fiscal_year_id=fy.id, months=months, starts_on=r_start, ends_on=r_end,
                          opdc_due_on=opdc_due_date(year_be, months)))
    session.flush()
    return fy


def checked_floors(text: str) -> str:
    """"90,75,60"-style grade floors, normalised, or a Thai refusal."""
    problem = floors_problem(text)
    if problem:
        raise ValidationError([problem], "bad grade floors")
    return ",".join(plain(Decimal(x.strip())) for x in str(text).split(","))


def set_grade_floors(session: Session, fy: FiscalYear, floors: str) -> FiscalYear:
    """The year's grade bands; refused once a round of the year is approved or locked (its grades are
    the committee's), like its weights and targets."""
    floors = checked_floors(floors)
    try:
        ensure_targets_editable(session, fy.id)
    except LockedError:
        raise LockedError(f"ปีงบประมาณ พ.ศ. {fy.year_be} มีรอบที่ได้รับความเห็นชอบหรือปิดรอบแล้ว เกณฑ์ระดับผลการประเมินของปีนี้จึงเปลี่ยนไม่ได้",
                          "a round of this year is approved or locked; its grade bands are fixed") from None
    fy = session.get(FiscalYear, fy.id)
    fy.grade_floors = floors
    session.add(fy)
    session.flush()
    return fy


TAKES_TH = {"targets": "ค่าเป้าหมาย ๓ ระดับ", "points": "คะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐)"}


def set_component_takes(session: Session, fy: FiscalYear, code: str, takes: str) -> FrameworkComponent:
    """How component ``code`` of the year is scored: three-level targets, or the points OPDC supplies
    (digital government 2.1, PMQA 4.0 2.2). Like weights, fixed once a round of the year is approved."""
    if takes not in TAKES_TH:
        raise ValidationError([f"วิธีคิดคะแนนต้องเป็น targets หรือ points ไม่ใช่ “{takes}”"], "takes is targets or points")
    ensure_targets_editable(session, fy.id)
    comp = session.execute(select(FrameworkComponent).where(FrameworkComponent.fiscal_year_id == fy.id,
                                                            FrameworkComponent.code == code)).scalar()
    if comp is None:
        raise KpiDeskError(f"ไม่พบองค์ประกอบ {code} ในกรอบการประเมินปีงบประมาณ พ.ศ. {fy.year_be}",
                           f"no component {code} in FY{fy.year_be}")
    comp.takes = takes
    session.add(comp)
    session.flush()
    return comp


def component_for_kind(session: Session, fiscal_year_id, kind: str) -> FrameworkComponent:
    comps = session.exec(select(FrameworkComponent).where(FrameworkComponent.fiscal_year_id == fiscal_year_id)
                         .order_by(FrameworkComponent.sort_order)).all()
    for comp in comps:
        if kind in comp.kinds.split(","):
            return comp
    raise KpiDeskError(f"กรอบการประเมินของปีนี้ไม่มีองค์ประกอบสำหรับตัวชี้วัดประเภท “{kind}”",
                       f"no framework component takes indicator kind {kind!r}")


def _year_label(session: Session, rnd: Round) -> str:
    fy = session.get(FiscalYear, rnd.fiscal_year_id)
    return f"{round_name(rnd.months)} ปีงบประมาณ พ.ศ. {fy.year_be}"


# The guards. Each reads the round's status afresh inside the caller's write transaction and locks
# the row (SELECT … FOR UPDATE on PostgreSQL; SQLite's transaction already holds the write lock since
# BEGIN IMMEDIATE), so a status read here cannot change before the write it guards commits. Every
# service that writes a result, a weight or a target goes through one of them.

def current_round(session: Session, rnd: Round) -> Round:
    """The round as the database holds it now, locked for the rest of the transaction."""
    row = session.get(Round, rnd.id, with_for_update=True, populate_existing=True)
    if row is None:
        raise KpiDeskError("ไม่พบรอบการประเมินที่ระบุ (อาจถูกลบไปแล้ว)", "round not found")
    return row


def year_rounds(session: Session, fiscal_year_id) -> list[Round]:
    return list(session.exec(select(Round).where(Round.fiscal_year_id == fiscal_year_id).order_by(Round.months)
                             .with_for_update().execution_options(populate_existing=True)).all())


def ensure_results_editable(session: Session, rnd: Round) -> Round:
    rnd = current_round(session, rnd)
    if rnd.status == RoundStatus.LOCKED:
        raise LockedError(f"{_year_label(session, rnd)} ปิดรอบแล้ว จึงแก้ไขผลการดำเนินงานไม่ได้",
                          "this round is locked; results cannot change")
    if rnd.status == RoundStatus.APPROVED:
        raise LockedError(
            f"คณะกรรมการเห็นชอบผล{_year_label(session, rnd)}แล้ว จึงแก้ไขผลไม่ได้ "
            "หากจำเป็นต้องแก้ไข ให้เปิดรอบกลับมาบันทึกผลก่อน",
            "this round is approved; reopen it before editing results")
    return rnd


def ensure_targets_editable(session: Session, fiscal_year_id) -> None:
    """Direct edits of weights and targets: only while every round of the year is open."""
    closed = [r for r in year_rounds(session, fiscal_year_id) if r.status != RoundStatus.OPEN]
    if closed:
        r = closed[0]
        raise LockedError(
            f"{_year_label(session, r)} ได้รับความเห็นชอบหรือปิดรอบแล้ว ตัวชี้วัด น้ำหนัก และค่าเป้าหมายของปีนี้จึงแก้ไขโดยตรงไม่ได้ "
            "ให้บันทึกคำขอปรับเปลี่ยนรายละเอียดตัวชี้วัดเพื่อเสนอคณะกรรมการแทน",
            "a round of this year is approved or locked; targets change only through a change request")


def ensure_change_applicable(session: Session, rnd: Round) -> None:
    """An approved change request for round ``rnd``: that round must be open, and no round of the
    year may sit approved-but-unlocked (its numbers would move under the committee's approval). A
    locked round is safe: it is read from its snapshot."""
    rounds = year_rounds(session, rnd.fiscal_year_id)
    own = next(r for r in rounds if r.id == rnd.id)
    if own.status != RoundStatus.OPEN:
        raise LockedError(
            f"{_year_label(session, own)} ไม่ได้อยู่ในสถานะเปิดบันทึกผล จึงปรับเปลี่ยนตัวชี้วัดสำหรับรอบนี้ไม่ได้",
            "the request's round is not open")
    approved = [r for r in rounds if r.status == RoundStatus.APPROVED]
    if approved:
        raise LockedError(
            f"{_year_label(session, approved[0])} ได้รับความเห็นชอบแล้วแต่ยังไม่ปิดรอบ การปรับเปลี่ยนตัวชี้วัดจะทำให้ผลที่เห็นชอบแล้วเปลี่ยน "
            "กรุณาปิดรอบนั้น (เก็บผลไว้) หรือเปิดรอบกลับก่อน",
            "an approved round is not locked yet; lock or reopen it first")


class RoundNotReady(KpiDeskError):
    """Approval refused: the round's checks found problems and no reason was given to approve anyway."""

    def __init__(self, label: str, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"- {p}" for p in problems[:30]) + (f"\n… และอีก {len(problems) - 30} รายการ"
                                                              if len(problems) > 30 else "")
        super().__init__(f"{label} ยังมีปัญหา {len(problems)} รายการ จึงยังเห็นชอบไม่ได้ "
                         f"(แก้ไขก่อน หรือระบุเหตุผลที่คณะกรรมการเห็นชอบทั้งที่มีปัญหา)\n{shown}",
                         f"{len(problems)} problem(s) stand in the way of approval; fix them or give a reason")


def approve_round(session: Session, rnd: Round, reason: str = "") -> Round:
    """Approve the round after running ``kpi-desk check``'s rules on it (weights, targets, missing
    results). With problems open, approval needs a reason, which is kept on the round and audited."""
    from app.services.check import check_round

    rnd = current_round(session, rnd)
    if rnd.status != RoundStatus.OPEN:
        raise LockedError(f"{_year_label(session, rnd)} ไม่ได้อยู่ในสถานะเปิดบันทึกผล จึงเห็นชอบซ้ำไม่ได้",
                          "only an open round can be approved")
    label = _year_label(session, rnd)
    if not _anything_to_approve(session, rnd):
        raise KpiDeskError(f"{label} ยังไม่มีตัวชี้วัดที่ประเมินในรอบนี้ จึงไม่มีผลให้เห็นชอบ "
                           "(บันทึกตัวชี้วัดในหน้าตัวชี้วัดและค่าเป้าหมาย และผลการดำเนินงานก่อน)",
                           "no indicator is evaluated in this round: there is nothing to approve")
    report = check_round(session, rnd)
    problems = ([p.th for p in report.problems] + [f"ไม่มีผล {m}" for m in report.missing]
                + [f"ยังไม่มีตัวชี้วัด จึงไม่มีผลการประเมินในรอบนี้: {u}" for u in report.without_indicators])
    reason = (reason or "").strip()
    if problems and not reason:
        raise RoundNotReady(label, problems)
    rnd.status_note = reason
    rnd.status = RoundStatus.APPROVED
    rnd.approved_at = utcnow()
    session.add(rnd)
    session.flush()
    return rnd


def _anything_to_approve(session: Session, rnd: Round) -> bool:
    """Whether any unit has an indicator evaluated in the round (what approving it would approve)."""
    from app.services.scoring import score_round
    fy = session.get(FiscalYear, rnd.fiscal_year_id)
    return any(line.evaluated for u in score_round(session, year_be=fy.year_be, months=rnd.months).units
               for line in u.lines)


def lock_round(session: Session, rnd: Round) -> Round:
    """Close the round and keep a snapshot of everything its scores are computed from."""
    from app.services.scoring import live_inputs
    from app.services.snapshots import next_snapshot

    rnd = current_round(session, rnd)
    if rnd.status == RoundStatus.LOCKED:
        raise LockedError(f"{_year_label(session, rnd)} ปิดรอบไปแล้ว", "round already locked")
    if rnd.status != RoundStatus.APPROVED:
        raise LockedError(f"{_year_label(session, rnd)} ต้องได้รับความเห็นชอบจากคณะกรรมการก่อนปิดรอบ",
                          "a round must be approved before it is locked")
    session.add(next_snapshot(session, rnd, live_inputs(session, rnd)))
    rnd.status = RoundStatus.LOCKED
    rnd.locked_at = utcnow()
    session.add(rnd)
    session.flush()
    return rnd


def reopen_round(session: Session, rnd: Round, reason: str = "") -> Round:
    """Back to open. Reopening a locked round needs a reason; it is kept on the round and audited, and
    the round's snapshots stay (the next lock adds a new revision)."""
    rnd = current_round(session, rnd)
    reason = (reason or "").strip()
    if rnd.status == RoundStatus.OPEN:
        raise LockedError(f"{_year_label(session, rnd)} เปิดบันทึกผลอยู่แล้ว", "the round is already open")
    if rnd.status == RoundStatus.LOCKED and not reason:
        raise LockedError(f"{_year_label(session, rnd)} ปิดรอบแล้ว การเปิดรอบกลับต้องระบุเหตุผล",
                          "reopening a locked round needs a reason")
    rnd.status = RoundStatus.OPEN
    rnd.approved_at = None
    rnd.locked_at = None
    rnd.status_note = reason
    session.add(rnd)
    session.flush()
    return rnd
