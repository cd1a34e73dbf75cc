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
_SECRET = {"password_hash", "token_hash"}             # recorded as changed, never their value
# the server's own bookkeeping: numbered changes, answered batches and sign-in tokens are not data
_BOOKKEEPING = {"changelog", "syncbatch", "accesstoken", "outboxedit"}


class AuditEntry(TableBase, table=True):
    table_name: str = Field(max_length=64, index=True)
    row_id: uuid.UUID = Field(index=True)
    field: str = Field(max_length=64)
    old_value: str | None = None
    new_value: str | None = None
    user: str = ""
    at: datetime = Field(default_factory=utcnow)
    command: str = Field(default="", max_length=80, sa_column_kwargs={"server_default": ""})   # which use case


def _text(value, key: str = "") -> str | None:
    if value is None:
        return None
    if key in _SECRET:
        return "(hidden)"
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"         # a file's content: its row already keeps the SHA-256
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


# The columns that place a row in the ministry's data: what a change record's scope is derived from.
SCOPE_KEYS = ("unit_id", "fiscal_year_id", "round_id", "assignment_id", "meeting_id", "committee_id", "indicator_id",
              "year_be")


def _diff(obj, kind: str) -> tuple[str, dict, dict]:
    """(op, {field: (old, new)} as audit text, scope keys) of one new, changed or deleted row."""
    state = inspect(obj)
    fields: dict[str, tuple[str | None, str | None]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIPPED:
            continue
        if kind == "new":
            value = _text(getattr(obj, key), key)
            if value is not None:
                fields[key] = (None, value)
        elif kind == "deleted":
            value = _text(state.attrs[key].loaded_value, key)
            if value is not None:
                fields[key] = (value, None)
        else:
            hist = state.attrs[key].history
            if not hist.has_changes():
                continue
            old = _text(hist.deleted[0] if hist.deleted else None, key)
            new = _text(hist.added[0] if hist.added else None, key)
            if key in _SECRET and hist.has_changes():
                fields[key] = ("(hidden)", "(changed)")
            elif old != new:
                fields[key] = (old, new)
    scope = {k: getattr(obj, k) for k in SCOPE_KEYS if k in state.mapper.columns}
    if kind == "deleted":
        scope = {k: state.attrs[k].loaded_value for k in scope}
    op = {"new": "insert", "deleted": "delete"}.get(kind, "update")
    return op, fields, scope


def _audit_rows(table: str, row_id, op: str, fields: dict, user: str, now: datetime, command: str = "") -> list[dict]:
    def entry(field: str, old, new) -> dict:
        return {"id": uuid.uuid4(), "created_at": now, "updated_at": now, "table_name": table, "row_id": row_id,
                "field": field, "old_value": old, "new_value": new, "user": user, "at": now, "command": command}

    if op in ("insert", "delete"):
        record = json.dumps({k: (new if op == "insert" else old) for k, (old, new) in fields.items()},
                            ensure_ascii=False, sort_keys=True)
        return [entry("*", None, record) if op == "insert" else entry("*", record, None)]
    return [entry(key, old, new) for key, (old, new) in fields.items()]


def _note_change(session: Session, table: str, row_id, op: str, fields: dict, scope: dict) -> None:
    """Keep the row's change for the use case's change record (``app.services.changes`` reads them)."""
    session.info.setdefault("changes", []).append((table, row_id, op, fields, scope))


@event.listens_for(Session, "before_flush")
def _audit_before_flush(session: Session, flush_context, instances) -> None:
    """Audit rows go in with one bulk insert per flush (building ORM objects for them cost ~20× more).
    The same differences are kept in ``session.info["changes"]`` for the use case's change record."""
    audit = session.info.get("audit") is not False
    user, now = session.info.get("user", ""), utcnow()
    entries: list[dict] = []
    for kind, objs in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted)):
        for obj in objs:
            if isinstance(obj, AuditEntry) or not hasattr(obj, "__tablename__") or obj.__tablename__ in _BOOKKEEPING:
                continue
            if kind == "dirty" and not session.is_modified(obj, include_collections=False):
                continue
            op, fields, scope = _diff(obj, kind)
            if op == "update" and not fields:
                continue
            _note_change(session, obj.__tablename__, obj.id, op, fields, scope)
            if audit:
                entries.extend(_audit_rows(obj.__tablename__, obj.id, op, fields, user, now,
                                           session.info.get("command", "")))
    if entries:
        session.execute(insert(AuditEntry.__table__), entries)


def audit_bulk_insert(session: Session, table, rows: list[dict]) -> None:
    """Audit rows for rows inserted with a Core bulk insert (the flush hook never sees those)."""
    user, now, name = session.info.get("user", ""), utcnow(), table.name
    changes = session.info.setdefault("changes", [])
    scope_keys = [k for k in SCOPE_KEYS if rows and k in rows[0]]
    entries = []
    for row in rows:            # the flush hook's work, inlined: a national import inserts thousands
        texts = {k: _text(v) for k, v in row.items() if k not in _SKIPPED and v is not None}
        changes.append((name, row["id"], "insert", {k: (None, t) for k, t in texts.items()},
                        {k: row[k] for k in scope_keys}))
        entries.append({"id": uuid.uuid4(), "created_at": now, "updated_at": now, "table_name": name,
                        "row_id": row["id"], "field": "*", "old_value": None,
                        "new_value": json.dumps(texts, ensure_ascii=False, sort_keys=True), "user": user, "at": now,
                        "command": session.info.get("command", "")})
    if entries:
        session.execute(insert(AuditEntry.__table__), entries)
