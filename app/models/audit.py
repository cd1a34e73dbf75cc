"""The audit trail: every value that changes, written automatically at flush time.

Services never write audit rows by hand: a ``before_flush`` hook compares each new, changed or
deleted row with its loaded state, so no edit path can forget it. A changed value gets its own row
(field, old, new); a new or deleted row gets one entry with field ``*`` holding all its values as
JSON. The acting user is read from ``session.info["user"]``.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session
from sqlmodel import Field

from app.models.base import TableBase, utcnow
from app.domain.thai_text import plain

_SKIPPED = {"id", "created_at", "updated_at"}


class AuditEntry(TableBase, table=True):
    table_name: str = Field(max_length=64, index=True)
    row_id: uuid.UUID = Field(index=True)
    field: str = Field(max_length=64)
    old_value: str | None = None
    new_value: str | None = None
    user: str = ""
    at: datetime = Field(default_factory=utcnow)


def _record(values: dict) -> str:
    return json.dumps({k: _text(v) for k, v in values.items() if v is not None}, ensure_ascii=False, sort_keys=True)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _entries_for(session: Session, obj, kind: str, user: str, now: datetime) -> list[dict]:
    state = inspect(obj)
    table = obj.__tablename__
    out = []

    def entry(field: str, old, new) -> dict:
        return {"id": uuid.uuid4(), "created_at": now, "updated_at": now, "table_name": table, "row_id": obj.id,
                "field": field, "old_value": _text(old), "new_value": _text(new), "user": user, "at": now}

    if kind in ("new", "deleted"):
        values = {attr.key: (getattr(obj, attr.key) if kind == "new" else state.attrs[attr.key].loaded_value)
                  for attr in state.mapper.column_attrs if attr.key not in _SKIPPED}
        record = _record(values)
        return [entry("*", None, record) if kind == "new" else entry("*", record, None)]
    for attr in state.mapper.column_attrs:
        key = attr.key
        hist = state.attrs[key].history
        if key in _SKIPPED or not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if _text(old) != _text(new):
            out.append(entry(key, old, new))
    return out


@event.listens_for(Session, "before_flush")
def _audit_before_flush(session: Session, flush_context, instances) -> None:
    """Audit rows go in with one bulk insert per flush (building ORM objects for them cost ~20× more)."""
    if session.info.get("audit") is False:
        return
    user, now = session.info.get("user", ""), utcnow()
    entries: list[dict] = []
    for kind, objs in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted)):
        for obj in objs:
            if isinstance(obj, AuditEntry) or not hasattr(obj, "__tablename__"):
                continue
            if kind == "dirty" and not session.is_modified(obj, include_collections=False):
                continue
            entries.extend(_entries_for(session, obj, kind, user, now))
    if entries:
        session.execute(insert(AuditEntry.__table__), entries)


def audit_bulk_insert(session: Session, table, rows: list[dict]) -> None:
    """Audit rows for rows inserted with a Core bulk insert (the flush hook never sees those)."""
    user, now = session.info.get("user", ""), utcnow()
    skipped = _SKIPPED
    entries = [{"id": uuid.uuid4(), "created_at": now, "updated_at": now, "table_name": table.name, "row_id": row["id"],
                "field": "*", "old_value": None, "new_value": _record({k: v for k, v in row.items() if k not in skipped}),
                "user": user, "at": now} for row in rows]
    if entries:
        session.execute(insert(AuditEntry.__table__), entries)
