"""Committee meetings: attendance, agenda items with report, discussion and resolution (มติ)."""

from __future__ import annotations

import uuid
from datetime import date, time

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field

from app.models.base import TableBase
from app.models.enums import Attendance


class Meeting(TableBase, table=True):
    """ครั้งที่ number/year_be, e.g. ครั้งที่ ๕/๒๕๖๖."""

    __table_args__ = (UniqueConstraint("committee_id", "year_be", "number"),)

    committee_id: uuid.UUID = Field(foreign_key="committee.id", index=True)
    fiscal_year_id: uuid.UUID | None = Field(default=None, foreign_key="fiscalyear.id")
    number: int
    year_be: int
    held_on: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    minute_taker_name: str = ""
    minute_taker_position: str = ""
    checker_name: str = ""
    checker_position: str = ""
    annexes: str = ""
    invitation_number: str = ""          # ที่ of the invitation memo, e.g. ทส ๐๒๐๔/ว ๑๒๓
    invitation_date: date | None = None  # the day the invitation is sent (not the meeting day)
    invitation_body: str = ""            # the memo's body as last edited; blank: built from the agenda


class MeetingAttendance(TableBase, table=True):
    """One line of ผู้มาประชุม / ผู้ไม่มาประชุม / ผู้เข้าร่วมประชุม.

    For a substitute, ``person_name`` is who came and ``member_id`` the member they stood in for.
    ``substitute_name``/``substitute_position`` and ``absence_reason`` are kept whatever the status, so a
    secretary may type them before or after choosing it (the minutes use the ones the status needs).
    """

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    member_id: uuid.UUID | None = Field(default=None, foreign_key="committeemember.id")
    person_name: str
    position: str = ""
    role_label: str = ""
    status: Attendance = Field(default=Attendance.PRESENT, sa_type=String(16))
    absence_reason: str = ""
    substitute_name: str = ""
    substitute_position: str = ""
    sort_order: int = 0


class AgendaItem(TableBase, table=True):
    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    number: str
    title: str
    report: str = ""
    discussion: str = ""
    resolution: str = ""
    sort_order: int = 0
