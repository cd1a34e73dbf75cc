"""The ministry's Strategic KPIs for a plan period (monitored, never scored or weighted), their yearly
targets and results, and how each department indicator of a year is linked to them."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlmodel import Field

from app.models.base import DecimalField, TableBase


class StrategicKpi(TableBase, table=True):
    """A Strategic KPI of the ministry for a plan period (e.g. FY2566–2570)."""

    ministry_id: uuid.UUID = Field(foreign_key="ministry.id", index=True)
    code: str = Field(max_length=48, unique=True, index=True)
    name_th: str
    unit_of_measure: str = ""
    plan_from: int           # B.E. fiscal years of the plan
    plan_to: int
    sort_order: int = 0


class StrategicTarget(TableBase, table=True):
    """One year's target and (monitored) result of a Strategic KPI."""

    strategic_kpi_id: uuid.UUID = Field(foreign_key="strategickpi.id", index=True)
    year_be: int
    target: str = ""                  # as the plan states it ("ร้อยละ ๘๐", "ไม่น้อยกว่า ๕๐๐ ล้านบาท")
    target_value: Decimal | None = DecimalField()
    result_value: Decimal | None = DecimalField()
