"""The audit trail: one row for every value that changes, written automatically at flush time.

Services never write audit rows by hand: a ``before_flush`` hook compares each new, changed or
deleted row with its loaded state, so no edit path can forget it. The acting user is read from
``session.info["user"]``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlmodel import Field

from app.models.base import TableBase, utcnow

_SKIPPED = {"id", "created_at", "updated_at"}


class AuditEntry(TableBase, table=True):
    table_name: str = Field(max_length=64, index=True)
    row_id: uuid.UUID = Field(index=True)
    field: str = Field(max_length=64)
    old_value: str | None = None
    new_value: str | None = None
    user: str = ""
    at: datetime = Field(default_factory=utcnow)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _entries_for(session: Session, obj, kind: str) -> list[AuditEntry]:
    state = inspect(obj)
    user = session.info.get("user", "")
    table = obj.__tablename__
    out = []
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIPPED:
            continue
        if kind == "new":
            value = getattr(obj, key)
            if value is None:
                continue
            out.append(AuditEntry(table_name=table, row_id=obj.id, field=key, new_value=_text(value), user=user))
        elif kind == "deleted":
            value = state.attrs[key].loaded_value
            out.append(AuditEntry(table_name=table, row_id=obj.id, field=key, old_value=_text(value), user=user))
        else:
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _text(old) == _text(new):
                continue
            out.append(
                AuditEntry(table_name=table, row_id=obj.id, field=key, old_value=_text(old), new_value=_text(new), user=user)
            )
    return out


@event.listens_for(Session, "before_flush")
def _audit_before_flush(session: Session, flush_context, instances) -> None:
    if session.info.get("audit") is False:
        return
    entries: list[AuditEntry] = []
    for kind, objs in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted)):
        for obj in objs:
            if isinstance(obj, AuditEntry) or not hasattr(obj, "__tablename__"):
                continue
            if kind == "dirty" and not session.is_modified(obj, include_collections=False):
                continue
            entries.extend(_entries_for(session, obj, kind))
    session.add_all(entries)
