"""Joint KPIs by Agenda: agendas, their main indicators and national targets, leads and sub-indicators."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field

from app.models.base import DecimalField, TableBase
from app.models.enums import UnitKind


class JointAgenda(TableBase, table=True):
    """ประเด็น. ``national_sub_count`` is the number OPDC reports for the whole country (not typed
    totals: report totals are always summed from the rows)."""

    __table_args__ = (UniqueConstraint("fiscal_year_id", "number"),)

    fiscal_year_id: uuid.UUID = Field(foreign_key="fiscalyear.id", index=True)
    number: int
    name_th: str
    name_en: str = ""
    national_sub_count: int | None = None


class JointMainIndicator(TableBase, table=True):
    agenda_id: uuid.UUID = Field(foreign_key="jointagenda.id", index=True)
    number: int
    name_th: str
    target_text: str = ""
    target_value: Decimal | None = DecimalField()
    unit_of_measure: str = ""


class JointLeadAgency(TableBase, table=True):
    agenda_id: uuid.UUID = Field(foreign_key="jointagenda.id", index=True)
    agency_name: str
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id")


class JointSubIndicator(TableBase, table=True):
    """A sub-indicator held by one agency of the agenda's value chain (ห่วงโซ่คุณค่า)."""

    agenda_id: uuid.UUID = Field(foreign_key="jointagenda.id", index=True)
    name_th: str
    holder_name: str
    holder_kind: UnitKind = Field(default=UnitKind.DEPARTMENT, sa_type=String(32))
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id")
    assignment_id: uuid.UUID | None = Field(default=None, foreign_key="assignment.id")
    value_chain: str = ""
