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
        raise KpiDeskError("ฐานข้อมูลนี้ยังไม่มีข้อมูลกระทรวง (สร้างข้อมูลตัวอย่างได้ด้วย kpi-desk demo)",
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


def get(session: Session, model, row_id: uuid.UUID, what_th: str):
    row = session.get(model, row_id)
    if row is None:
        raise KpiDeskError(f"ไม่พบ{what_th}ที่ระบุ (อาจถูกลบไปแล้ว)", f"{model.__name__} {row_id} not found")
    return row


def assignment(session: Session, assignment_id: uuid.UUID) -> Assignment:
    return get(session, Assignment, assignment_id, "ตัวชี้วัดของหน่วยงาน")
