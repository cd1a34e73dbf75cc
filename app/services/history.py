"""The history of one value: every change of a field of a row, from the audit trail — who, when, old →
new and through which command (a window action, an import, a command-line command)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from app.models import AuditEntry, Result


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user: str
    command: str
    field: str
    old: str | None
    new: str | None


def history(session: Session, table: str, row_id: uuid.UUID, field: str | None = None) -> list[HistoryEntry]:
    """Newest first. A row's creation (or deletion) counts as a change of each of its fields."""
    rows = session.exec(select(AuditEntry).where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
                        .order_by(AuditEntry.at.desc(), AuditEntry.created_at.desc())).all()
    out = []
    for r in rows:
        if r.field == "*":
            before = json.loads(r.old_value) if r.old_value else {}
            after = json.loads(r.new_value) if r.new_value else {}
            for name in (before.keys() | after.keys()):
                if field is None or name == field:
                    out.append(HistoryEntry(r.at, r.user, r.command, name, before.get(name), after.get(name)))
        elif field is None or r.field == field:
            out.append(HistoryEntry(r.at, r.user, r.command, r.field, r.old_value, r.new_value))
    return out


def result_history(session: Session, assignment_id: uuid.UUID, round_id: uuid.UUID,
                   field: str | None = None) -> list[HistoryEntry]:
    """The history of a result cell (an indicator's actual, note or evidence in a round)."""
    row = session.exec(select(Result.id).where(Result.assignment_id == assignment_id,
                                               Result.round_id == round_id)).first()
    return [] if row is None else history(session, "result", row, field)
