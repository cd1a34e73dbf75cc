"""Finding rows by the names people use (unit code, B.E. year, round months), with Thai not-found messages."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from app.domain.calendar import check_year_be
from app.errors import KpiDeskError
from app.models import Assignment, FiscalYear, FrameworkComponent, Indicator, Ministry, Round, Unit


def ministry(session: Session) -> Ministry:
    row = session.exec(select(Ministry).order_by(Ministry.created_at)).first()
    if row is None:
        raise KpiDeskError("ฐานข้อมูลนี้ยังไม่มีข้อมูลกระทรวง (บันทึกได้ด้วย kpi-desk init --ministry-code รหัส "
                           "--ministry-name ชื่อกระทรวง หรือสร้างข้อมูลตัวอย่างด้วย kpi-desk demo)",
                           "this database has no ministry yet")
    return row


def unit(session: Session, code: str) -> Unit:
    row = session.exec(select(Unit).where(Unit.code == code)).first()
    if row is None:
        raise KpiDeskError(f"ไม่พบหน่วยงานรหัส “{code}” ในฐานข้อมูล", f"no unit with code {code!r}")
    return row


def year(session: Session, year_be) -> FiscalYear:
    year_be = checked_year(year_be)
    row = session.exec(select(FiscalYear).where(FiscalYear.year_be == year_be)).first()
    if row is None:
        raise KpiDeskError(f"ไม่พบปีงบประมาณ พ.ศ. {year_be} ในฐานข้อมูล", f"fiscal year {year_be} not found")
    return row


def checked_year(year_be) -> int:
    try:
        return check_year_be(year_be)
    except ValueError as exc:
        raise KpiDeskError(str(exc), "not a usable fiscal year") from None


def checked_round(months) -> int:
    text = str(months).strip()
    if isinstance(months, bool) or text not in ("6", "12"):
        raise KpiDeskError(f"รอบการประเมิน “{text[:20]}” ไม่ถูกต้อง (ต้องเป็น 6 หรือ 12 เดือน)", "round must be 6 or 12")
    return int(text)


def round_of(session: Session, year_be, months) -> Round:
    months = checked_round(months)
    fy = year(session, year_be)
    row = session.exec(select(Round).where(Round.fiscal_year_id == fy.id, Round.months == months)).first()
    if row is None:
        raise KpiDeskError(f"ไม่พบรอบการประเมิน {months} เดือน ของปีงบประมาณ พ.ศ. {year_be}",
                           f"round {months} of {year_be} not found")
    return row


def indicator(session: Session, code: str) -> Indicator:
    row = session.exec(select(Indicator).where(Indicator.code == code)).first()
    if row is None:
        raise KpiDeskError(f"ไม่พบตัวชี้วัดรหัส “{code}” ในบัญชีตัวชี้วัด", f"no indicator with code {code!r}")
    return row


def component(session: Session, fiscal_year_id: uuid.UUID, code: str) -> FrameworkComponent:
    row = session.exec(select(FrameworkComponent).where(
        FrameworkComponent.fiscal_year_id == fiscal_year_id, FrameworkComponent.code == code)).first()
    if row is None:
        raise KpiDeskError(f"ไม่พบองค์ประกอบ “{code}” ในกรอบการประเมินของปีนี้", f"no framework component {code!r}")
    return row


_WHAT_TH = {"Unit": "หน่วยงาน", "Committee": "คณะกรรมการ", "CommitteeMember": "กรรมการ", "Indicator": "ตัวชี้วัด",
            "Assignment": "ตัวชี้วัดของหน่วยงาน", "ChangeRequest": "คำขอปรับเปลี่ยน", "Meeting": "การประชุม",
            "MeetingAttendance": "ผู้เข้าประชุม", "AgendaItem": "ระเบียบวาระ", "FiscalYear": "ปีงบประมาณ",
            "Round": "รอบการประเมิน"}


def get(session: Session, model, row_id: uuid.UUID, what_th: str | None = None):
    """The row of ``model`` with this id; a Thai refusal when none was chosen, or when it is gone (deleted in
    another window)."""
    what_th = what_th or _WHAT_TH.get(model.__name__, "ข้อมูล")
    if row_id is None:                 # a form's empty choice (nothing to choose from yet): not "deleted"
        raise KpiDeskError(f"ยังไม่ได้เลือก{what_th} (ยังไม่มีรายการให้เลือก หรือยังไม่ได้เลือก)",
                           f"no {model.__name__} chosen")
    row = session.get(model, row_id)
    if row is None:
        raise KpiDeskError(f"ไม่พบ{what_th}ที่ระบุ (อาจถูกลบไปแล้ว)", f"{model.__name__} {row_id} not found")
    return row


def assignment(session: Session, assignment_id: uuid.UUID) -> Assignment:
    return get(session, Assignment, assignment_id, "ตัวชี้วัดของหน่วยงาน")


def assignment_of(session: Session, unit_id: uuid.UUID, indicator_id: uuid.UUID, fiscal_year_id: uuid.UUID) -> Assignment | None:
    """The unit's assignment of an indicator in a year, or None."""
    return session.exec(select(Assignment).where(Assignment.unit_id == unit_id, Assignment.indicator_id == indicator_id,
                                                 Assignment.fiscal_year_id == fiscal_year_id)).first()


def units_by_code(session: Session) -> dict[str, Unit]:
    return {u.code: u for u in session.exec(select(Unit))}


def units_in_order(session: Session) -> list[Unit]:
    """Every unit in the ministry's order (sort order, then code)."""
    return list(session.exec(select(Unit).order_by(Unit.sort_order, Unit.code)))


def indicators_by_code(session: Session, codes: set[str] | None = None) -> dict[str, Indicator]:
    """The catalogue by code (only ``codes`` when given)."""
    query = select(Indicator)
    if codes is not None:
        query = query.where(Indicator.code.in_(codes))
    return {i.code: i for i in session.exec(query)}


def assignments_of_year(session: Session, fiscal_year_id: uuid.UUID) -> dict[tuple[uuid.UUID, uuid.UUID], Assignment]:
    """The year's assignments by (unit id, indicator id)."""
    return {(a.unit_id, a.indicator_id): a for a in session.exec(
        select(Assignment).where(Assignment.fiscal_year_id == fiscal_year_id))}


def assigned_by_code(session: Session, fiscal_year_id: uuid.UUID, unit_id: uuid.UUID) -> dict[str, Assignment]:
    """One unit's assignments of a year by indicator code."""
    return {code: a for code, a in session.exec(
        select(Indicator.code, Assignment).join(Assignment, Assignment.indicator_id == Indicator.id)
        .where(Assignment.unit_id == unit_id, Assignment.fiscal_year_id == fiscal_year_id)).all()}


def results_of_round(session: Session, round_id: uuid.UUID) -> dict:
    """The round's results by assignment id."""
    from app.models import Result
    return {r.assignment_id: r for r in session.exec(select(Result).where(Result.round_id == round_id))}


def year_exists(session: Session, year_be: int) -> bool:
    return session.exec(select(FiscalYear.id).where(FiscalYear.year_be == year_be)).first() is not None


def existing_ministry(session: Session) -> Ministry | None:
    """The database's ministry, or None in an empty database."""
    return session.exec(select(Ministry).order_by(Ministry.created_at)).first()


def years_be(session: Session) -> list[int]:
    """Every fiscal year of the database, latest first."""
    return list(session.exec(select(FiscalYear.year_be).order_by(FiscalYear.year_be.desc())))


def latest_year_be(session: Session) -> int | None:
    """The latest year with results (what a secretary reviews), else the latest year at all."""
    from app.models import Result
    with_results = session.exec(select(FiscalYear.year_be).join(Round, Round.fiscal_year_id == FiscalYear.id)
                                .join(Result, Result.round_id == Round.id)
                                .order_by(FiscalYear.year_be.desc())).first()
    return with_results or next(iter(years_be(session)), None)


def rounds_ended_before(session: Session, fiscal_year_id: uuid.UUID, day) -> list[Round]:
    """The year's rounds that ended before ``day``, latest first (what a meeting on that day can review)."""
    return list(session.exec(select(Round).where(Round.fiscal_year_id == fiscal_year_id, Round.ends_on < day)
                             .order_by(Round.months.desc())))
