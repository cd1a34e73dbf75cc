"""Joint KPIs by Agenda: agendas with their main indicators, lead agencies and sub-indicators."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, select

from app.errors import KpiDeskError
from app.models import (FiscalYear, JointAgenda, JointLeadAgency, JointMainIndicator, JointSubIndicator, Unit,
                        UnitKind)


def create_agenda(session: Session, *, year: FiscalYear, number: int, name_th: str, name_en: str = "",
                  national_sub_count: int | None = None) -> JointAgenda:
    if session.exec(select(JointAgenda).where(JointAgenda.fiscal_year_id == year.id, JointAgenda.number == number)).first():
        raise KpiDeskError(f"มีประเด็นที่ {number} ในปี {year.year_be} อยู่แล้ว", "agenda number exists")
    row = JointAgenda(fiscal_year_id=year.id, number=number, name_th=name_th, name_en=name_en,
                      national_sub_count=national_sub_count)
    session.add(row)
    session.flush()
    return row


def add_main_indicator(session: Session, *, agenda: JointAgenda, number: int, name_th: str, target_text: str = "",
                       target_value: Decimal | None = None, unit_of_measure: str = "") -> JointMainIndicator:
    row = JointMainIndicator(agenda_id=agenda.id, number=number, name_th=name_th, target_text=target_text,
                             target_value=target_value, unit_of_measure=unit_of_measure)
    session.add(row)
    session.flush()
    return row


def add_lead_agency(session: Session, *, agenda: JointAgenda, agency_name: str, unit: Unit | None = None) -> JointLeadAgency:
    row = JointLeadAgency(agenda_id=agenda.id, agency_name=agency_name, unit_id=unit.id if unit else None)
    session.add(row)
    session.flush()
    return row


def add_sub_indicator(session: Session, *, agenda: JointAgenda, name_th: str, holder_name: str,
                      holder_kind: UnitKind = UnitKind.DEPARTMENT, unit: Unit | None = None, assignment_id=None,
                      value_chain: str = "") -> JointSubIndicator:
    row = JointSubIndicator(agenda_id=agenda.id, name_th=name_th, holder_name=holder_name,
                            holder_kind=UnitKind(holder_kind), unit_id=unit.id if unit else None,
                            assignment_id=assignment_id, value_chain=value_chain)
    session.add(row)
    session.flush()
    return row
