"""The indicator catalogue, its assignment to units with weights and targets, and results per round."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import LargeBinary, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import DecimalField, TableBase
from app.models.enums import Direction, IndicatorKind


class Indicator(TableBase, table=True):
    """A catalogue entry (KPI Basket or proposed by an agency).

    ``step`` marks milestone indicators scored on the step number; ``cumulative`` marks indicators
    whose value accumulates over the year (counts, revenue) — the early warning doubles their 6-month
    value, while levels and rates are carried forward as they are.
    """

    code: str = Field(max_length=48, unique=True, index=True)
    name_th: str
    name_en: str = ""
    definition: str = ""
    unit_of_measure: str = ""
    direction: Direction = Field(default=Direction.HIGHER_IS_BETTER, sa_type=String(16))
    kind: IndicatorKind = Field(default=IndicatorKind.FUNCTIONAL, sa_type=String(32))
    monitor: bool = False
    step: bool = False
    cumulative: bool = False
    from_basket: bool = True
    strategic_id: uuid.UUID | None = Field(default=None, foreign_key="indicator.id")
    joint_agenda_id: uuid.UUID | None = Field(default=None, foreign_key="jointagenda.id")


class Assignment(TableBase, table=True):
    """An indicator set for a unit in a year: its component, weight and three target levels.

    ``base_6``/``standard_6``/``advanced_6`` are the optional 6-month targets of the indicator sheet
    (cumulative indicators need them); when blank the annual targets apply in the 6-month round too.
    """

    __table_args__ = (UniqueConstraint("unit_id", "indicator_id", "fiscal_year_id"),)

    unit_id: uuid.UUID = Field(foreign_key="unit.id", index=True)
    indicator_id: uuid.UUID = Field(foreign_key="indicator.id", index=True)
    fiscal_year_id: uuid.UUID = Field(foreign_key="fiscalyear.id", index=True)
    component_id: uuid.UUID = Field(foreign_key="frameworkcomponent.id", index=True)
    weight: Decimal = DecimalField(default=Decimal("0"), nullable=False)
    base: Decimal | None = DecimalField()
    standard: Decimal | None = DecimalField()
    advanced: Decimal | None = DecimalField()
    base_6: Decimal | None = DecimalField()
    standard_6: Decimal | None = DecimalField()
    advanced_6: Decimal | None = DecimalField()
    monitor: bool = False
    sort_order: int = 0
    withdrawn_on: date | None = None    # taken out by an approved change request: no longer scored
    # what the indicator serves (the cascade): a Strategic KPI, a Joint KPI main indicator, or "functional";
    # "" while the secretariat has not said. The two ids are checked by ``services.strategy.link_assignment``
    # (no database foreign key: SQLite can add one only by rebuilding the table, which the rows that point
    # at assignments would forbid)
    link: str = Field(default="", max_length=16, sa_column_kwargs={"server_default": ""})
    strategic_kpi_id: uuid.UUID | None = None
    joint_main_id: uuid.UUID | None = None


class Result(TableBase, table=True):
    """The actual value of an assignment in a round (ผลการดำเนินงาน), with evidence.

    ``actual`` is what the unit reports (its self-assessment); ``verified_actual`` the figure the
    secretariat or OPDC verified, with who set it and when, and the document it comes from
    (``source_ref``/``source_date``: OPDC's letter for the points of a Potential component). Scores use
    the verified figure when there is one.
    """

    __table_args__ = (UniqueConstraint("assignment_id", "round_id"),)

    assignment_id: uuid.UUID = Field(foreign_key="assignment.id", index=True)
    round_id: uuid.UUID = Field(foreign_key="round.id", index=True)
    actual: Decimal | None = DecimalField()
    note: str = ""
    evidence_ref: str = ""
    recorded_by: str = ""
    recorded_at: datetime | None = None
    verified_actual: Decimal | None = DecimalField()
    verified_source: str = Field(default="", max_length=16, sa_column_kwargs={"server_default": ""})  # secretariat | opdc
    verified_by: str = Field(default="", sa_column_kwargs={"server_default": ""})
    verified_at: datetime | None = None
    source_ref: str = Field(default="", sa_column_kwargs={"server_default": ""})
    source_date: date | None = None


class EvidenceFile(TableBase, table=True):
    """A file a unit attached as evidence of a result (one indicator, one round): its bytes kept in the
    database with their SHA-256, so a copy of the database carries its evidence."""

    assignment_id: uuid.UUID = Field(foreign_key="assignment.id", index=True)
    round_id: uuid.UUID = Field(foreign_key="round.id", index=True)
    name: str = Field(max_length=255)
    size: int
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_type=LargeBinary)
    added_by: str = ""


class BasketEntry(TableBase, table=True):
    """One indicator of OPDC's KPI Basket (รายการตัวชี้วัด) for a fiscal year, as imported from its list."""

    __table_args__ = (UniqueConstraint("fiscal_year_id", "code"),)

    fiscal_year_id: uuid.UUID = Field(foreign_key="fiscalyear.id", index=True)
    code: str = Field(max_length=48)
    name_th: str
    definition: str = ""
    unit_of_measure: str = ""
    direction: Direction = Field(default=Direction.HIGHER_IS_BETTER, sa_type=String(16))
    formula: str = ""
    data_source: str = ""
    kind: IndicatorKind = Field(default=IndicatorKind.FUNCTIONAL, sa_type=String(32))
