"""SQLModel tables of KPI Desk. Importing this package registers every table on ``SQLModel.metadata``."""

from app.models.audit import AuditEntry
from app.models.base import DecimalText, TableBase, utcnow
from app.models.change_requests import ChangeRequest
from app.models.enums import (
    Attendance,
    ChangeReason,
    CommitteeRole,
    Decision,
    Direction,
    IndicatorKind,
    RoundStatus,
    UnitKind,
)
from app.models.framework import FiscalYear, FrameworkComponent, Round, RoundSnapshot
from app.models.indicators import Assignment, BasketEntry, EvidenceFile, Indicator, Result
from app.models.joint import JointAgenda, JointLeadAgency, JointMainIndicator, JointSubIndicator
from app.models.meetings import AgendaItem, Meeting, MeetingAttendance
from app.models.organisation import Committee, CommitteeMember, Ministry, Unit
from app.models.server import AccessToken, Account, ChangeLog, OutboxEdit, SyncBatch, SyncConflict
from app.models.settings import Setting
from app.models.strategy import StrategicKpi, StrategicTarget

__all__ = [
    "AccessToken", "Account", "ChangeLog", "OutboxEdit", "SyncBatch", "SyncConflict",
    "AgendaItem", "Assignment", "Attendance", "AuditEntry", "BasketEntry", "EvidenceFile", "ChangeReason", "ChangeRequest", "Committee",
    "CommitteeMember", "CommitteeRole", "DecimalText", "Decision", "Direction", "FiscalYear",
    "FrameworkComponent", "Indicator", "IndicatorKind", "JointAgenda", "JointLeadAgency",
    "JointMainIndicator", "JointSubIndicator", "Meeting", "MeetingAttendance", "Ministry", "Result",
    "Round", "RoundSnapshot", "RoundStatus", "Setting", "StrategicKpi", "StrategicTarget", "TableBase", "Unit",
    "UnitKind", "utcnow",
]
