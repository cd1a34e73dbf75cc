"""Indicator change requests (การปรับเปลี่ยนรายละเอียดตัวชี้วัด) and the committee's decision."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import String
from sqlmodel import Field

from app.models.base import DecimalField, TableBase
from app.models.enums import ChangeKind, ChangeReason, Decision


class ChangeRequest(TableBase, table=True):
    """One request. ``modify`` proposes any of: weight, the three targets, the three 6-month targets,
    the Monitor flag, the indicator's name and definition (None / "" = unchanged). ``add`` proposes a new
    indicator for a unit (the assignment is created on approval; ``assignment_id`` stays empty until
    then, ``unit_id``/``indicator_id``/``component_code`` say what to add). ``withdraw`` takes an
    indicator out of the unit's open rounds."""

    kind: ChangeKind = Field(default=ChangeKind.MODIFY, sa_type=String(16))
    assignment_id: uuid.UUID | None = Field(default=None, foreign_key="assignment.id", index=True)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id")
    indicator_id: uuid.UUID | None = Field(default=None, foreign_key="indicator.id")
    component_code: str = ""
    round_id: uuid.UUID = Field(foreign_key="round.id", index=True)
    reason: ChangeReason = Field(sa_type=String(40))
    reason_text: str = ""
    proposal: str = ""
    proposed_weight: Decimal | None = DecimalField()
    proposed_base: Decimal | None = DecimalField()
    proposed_standard: Decimal | None = DecimalField()
    proposed_advanced: Decimal | None = DecimalField()
    proposed_base_6: Decimal | None = DecimalField()
    proposed_standard_6: Decimal | None = DecimalField()
    proposed_advanced_6: Decimal | None = DecimalField()
    proposed_monitor: bool | None = None
    proposed_name: str = ""
    proposed_definition: str = ""
    submitted_on: date | None = None
    decision: Decision = Field(default=Decision.PENDING, sa_type=String(16))
    decided_on: date | None = None
    decision_note: str = ""
    meeting_id: uuid.UUID | None = Field(default=None, foreign_key="meeting.id")
    sent_to_opdc_on: date | None = None
