"""Indicator change requests (การปรับเปลี่ยนรายละเอียดตัวชี้วัด) and the committee's decision."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import String
from sqlmodel import Field

from app.models.base import DecimalField, TableBase
from app.models.enums import ChangeReason, Decision


class ChangeRequest(TableBase, table=True):
    assignment_id: uuid.UUID = Field(foreign_key="assignment.id", index=True)
    round_id: uuid.UUID = Field(foreign_key="round.id", index=True)
    reason: ChangeReason = Field(sa_type=String(40))
    reason_text: str = ""
    proposal: str = ""
    proposed_weight: Decimal | None = DecimalField()
    proposed_base: Decimal | None = DecimalField()
    proposed_standard: Decimal | None = DecimalField()
    proposed_advanced: Decimal | None = DecimalField()
    submitted_on: date | None = None
    decision: Decision = Field(default=Decision.PENDING, sa_type=String(16))
    decided_on: date | None = None
    decision_note: str = ""
    meeting_id: uuid.UUID | None = Field(default=None, foreign_key="meeting.id")
    sent_to_opdc_on: date | None = None
