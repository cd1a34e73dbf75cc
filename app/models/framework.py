"""Fiscal years, their evaluation framework as data (components and weights), and the rounds."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field

from app.models.base import DecimalField, TableBase
from app.models.enums import RoundStatus


class FiscalYear(TableBase, table=True):
    """ปีงบประมาณ, named by its Buddhist Era year: FY2567 runs 1 Oct 2023 – 30 Sep 2024."""

    year_be: int = Field(unique=True, index=True)
    starts_on: date
    ends_on: date
    note: str = ""
    # the floors of the grades quality / upper standard / basic standard (OPDC's bands since FY2566)
    grade_floors: str = Field(default="90,75,60", sa_column_kwargs={"server_default": "90,75,60"})


class FrameworkComponent(TableBase, table=True):
    """A component (องค์ประกอบ) or sub-component of a year's framework.

    ``weight`` is None where the framework leaves the split free (FY2567: 1.1 functional and 1.2
    joint KPIs share the 70 of Performance Base). ``kinds`` lists the indicator kinds that belong here
    by default; ``rounds`` the rounds in which the component is evaluated ("6,12" or "12"). ``takes`` says
    how its indicators are scored: ``targets`` (three levels, 50/75/100) or ``points`` (the 0–100 points
    OPDC supplies, as for digital government 2.1 and PMQA 4.0 2.2); a sub-component inherits its parent's.
    """

    __table_args__ = (UniqueConstraint("fiscal_year_id", "code"),)

    fiscal_year_id: uuid.UUID = Field(foreign_key="fiscalyear.id", index=True)
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="frameworkcomponent.id")
    code: str = Field(max_length=16)
    name_th: str
    name_en: str = ""
    weight: Decimal | None = DecimalField()
    kinds: str = ""
    rounds: str = "6,12"
    sort_order: int = 0
    takes: str = Field(default="targets", max_length=16, sa_column_kwargs={"server_default": "targets"})


class Round(TableBase, table=True):
    """รอบการประเมิน: the 6-month (1 Oct – 31 Mar) or 12-month (1 Oct – 30 Sep) round of a year."""

    __table_args__ = (UniqueConstraint("fiscal_year_id", "months"),)

    fiscal_year_id: uuid.UUID = Field(foreign_key="fiscalyear.id", index=True)
    months: int
    starts_on: date
    ends_on: date
    opdc_due_on: date | None = None
    status: RoundStatus = Field(default=RoundStatus.OPEN, sa_type=String(16))
    approved_at: datetime | None = None
    locked_at: datetime | None = None
    status_note: str = ""


class RoundSnapshot(TableBase, table=True):
    """What a round's scores were computed from when it was locked: the framework, the units and every
    indicator line (weights, the targets used in that round, actuals) as JSON. A locked round is read
    from its latest snapshot, so a later change (an approved change request) never alters it; each
    lock after a reopening adds a new revision."""

    __table_args__ = (UniqueConstraint("round_id", "revision"),)

    round_id: uuid.UUID = Field(foreign_key="round.id", index=True)
    revision: int
    taken_by: str = ""
    payload: str
