"""The ministry, the units it evaluates, and its governing committee with members and terms."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field

from app.models.base import TableBase
from app.models.enums import CommitteeRole, UnitKind


class Ministry(TableBase, table=True):
    code: str = Field(max_length=32, unique=True, index=True)
    name_th: str
    name_en: str = ""
    short_name: str = ""


class Unit(TableBase, table=True):
    """A unit assessed by, or reporting to, the committee: department, province, public organisation…"""

    __table_args__ = (UniqueConstraint("ministry_id", "code"),)

    ministry_id: uuid.UUID = Field(foreign_key="ministry.id", index=True)
    code: str = Field(max_length=32, index=True)
    name_th: str
    short_name: str = ""
    name_en: str = ""
    kind: UnitKind = Field(default=UnitKind.DEPARTMENT, sa_type=String(32))
    sort_order: int = 0
    retired_on: date | None = None      # a unit with data is retired, never deleted


class Committee(TableBase, table=True):
    """คณะกรรมการกำกับการประเมินผลการปฏิบัติราชการ — appointed by an order of the minister."""

    ministry_id: uuid.UUID = Field(foreign_key="ministry.id", index=True)
    name_th: str
    appointment_ref: str = ""
    appointed_on: date | None = None


class CommitteeMember(TableBase, table=True):
    committee_id: uuid.UUID = Field(foreign_key="committee.id", index=True)
    person_name: str
    position: str = ""
    role: CommitteeRole = Field(default=CommitteeRole.MEMBER, sa_type=String(32))
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id")
    term_start: date | None = None
    term_end: date | None = None
    sort_order: int = 0
    is_cco: bool = False                # the Chief Change Officer (the vice-chair, by the order of appointment)
    retired_on: date | None = None      # left the committee; kept for the minutes that name them
