"""A desktop's local copy of the ministry server's data: made from the server's snapshot, kept current by
applying the changes it pulls, and its own edits of targets and results queued in an outbox in the same
transaction as the edit (a commit hook), so nothing typed offline is lost before it is pushed.

What travels: the fields the server takes in a push (``sync.FIELDS``). Other changes (new units, meetings,
assignments) are made on the server and reach the desktops by pulling; made on a desktop copy they stay
local, and ``pending`` says so.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, Time, UniqueConstraint, Uuid, delete, insert, select, update
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

from app.models import Assignment, OutboxEdit, Setting
from app.models.base import DecimalText
from app.models.server import (REVISION_SETTING, ROLE_SETTING, SERVER_SETTING, UNIT_SETTING, USER_SETTING,
                               forget_replica)
# the server's own tables and a desktop's private ones never travel in a snapshot
NOT_COPIED = {"auditentry", "account", "accesstoken", "changelog", "syncbatch", "syncconflict", "outboxedit",
              "setting", "alembic_version"}


# --- the snapshot -------------------------------------------------------------------------------------

def _plain(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def snapshot(session: Session, unit_id: uuid.UUID | None = None) -> dict:
    """Every data table's rows (``unit_id``: a focal point's copy holds only its unit's assignments and
    results), taken while no push can commit, with the revision they are at."""
    from app.services.sync import _serialise, head
    _serialise(session)
    tables = {}
    own = None
    if unit_id is not None:
        own = set(session.execute(select(Assignment.id).where(Assignment.unit_id == unit_id)).scalars())
    for table in SQLModel.metadata.sorted_tables:
        if table.name in NOT_COPIED:
            continue
        columns = [c.name for c in table.columns]
        rows = [tuple(r) for r in session.execute(select(*table.columns))]
        if own is not None and table.name in ("assignment", "result", "evidencefile", "changerequest",
                                              "jointsubindicator"):
            key = columns.index("id" if table.name == "assignment" else "assignment_id")
            rows = [r for r in rows if r[key] in own]
        # column names once per table, then plain lists: a national year is a few MB, not tens
        tables[table.name] = {"columns": columns, "rows": [[_plain(v) for v in r] for r in rows]}
    return {"revision": head(session), "tables": tables}


def _converter(column):
    """How a column's JSON value becomes the Python value its type binds (chosen once per column)."""
    kind = column.type
    if isinstance(kind, TypeDecorator) and not isinstance(kind, DecimalText):
        kind = kind.impl                               # sqlmodel's UTCDateTime is a DateTime
    if isinstance(kind, Uuid):
        return lambda v: uuid.UUID(str(v))
    if isinstance(kind, DecimalText):
        return lambda v: Decimal(str(v))
    if isinstance(kind, DateTime):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, Date):
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) else v
    if isinstance(kind, Time):
        return lambda v: time.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(kind, Boolean):
        return lambda v: v is True or v == "True"
    if isinstance(kind, Integer):
        return int
    if isinstance(kind, LargeBinary):
        return lambda v: base64.b64decode(v) if isinstance(v, str) and not v.startswith("(") else b""
    return lambda v: v


def _typed(column, value):
    return None if value is None else _converter(column)(value)


def load_snapshot(session: Session, data: dict, server: str, username: str, role: str = "",
                  unit_id: str | None = None) -> int:
    """Fill an empty local database with a server's snapshot and remember where it came from."""
    from app.services.lookup import existing_ministry
    if existing_ministry(session) is not None:
        from app.errors import KpiDeskError
        raise KpiDeskError("ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว สำเนาจากเซิร์ฟเวอร์ต้องเริ่มจากฐานข้อมูลว่าง",
                           "a copy starts from an empty database")
    session.info["audit"] = False                  # the server's history stays on the server
    session.info["replaying"] = True
    tables = data.get("tables", {})
    count = 0
    for table in SQLModel.metadata.sorted_tables:
        part = tables.get(table.name)
        if not part or table.name in NOT_COPIED or not part.get("rows"):
            continue
        cols = {c.name: c for c in table.columns}
        names = [n for n in part["columns"] if n in cols]
        at = [part["columns"].index(n) for n in names]
        plan = [(n, i, _converter(cols[n])) for n, i in zip(names, at)]
        session.execute(insert(table), [{n: None if row[i] is None else f(row[i]) for n, i, f in plan}
                                        for row in part["rows"]])
        count += len(part["rows"])
    _set(session, SERVER_SETTING, server)
    _set(session, USER_SETTING, username)
    _set(session, ROLE_SETTING, role)
    _set(session, UNIT_SETTING, unit_id or "")
    _set(session, REVISION_SETTING, str(int(data.get("revision", 0))))
    forget_replica(session.get_bind())
    return count


def _set(session: Session, key: str, value: str) -> None:
    row = session.execute(select(Setting).where(Setting.key == key)).scalar()
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
    session.flush()


def setting(session: Session, key: str) -> str | None:
    return session.execute(select(Setting.value).where(Setting.key == key)).scalar()


# --- the outbox (queued by the commit hook in ``app.models.server``) -------------------------------------

def pending(session: Session) -> list[tuple[int, dict, uuid.UUID | None]]:
    """The edits waiting to be pushed (not refused), oldest first: (seq, edit, batch id once sent)."""
    return [(o.seq, json.loads(o.edit), o.batch_id) for o in session.execute(
        select(OutboxEdit).where(OutboxEdit.refused == "").order_by(OutboxEdit.seq)).scalars()]


def refused(session: Session) -> list[tuple[dict, str]]:
    return [(json.loads(o.edit), o.refused) for o in session.execute(
        select(OutboxEdit).where(OutboxEdit.refused != "").order_by(OutboxEdit.seq)).scalars()]


def name_batch(session: Session, seqs: list[int]) -> uuid.UUID:
    """The batch id of these queued edits: the one they were first sent with, else a new one (kept, so a
    retry after a lost answer is the same batch to the server)."""
    rows = [session.get(OutboxEdit, s) for s in seqs]
    batch = next((r.batch_id for r in rows if r.batch_id), None) or uuid.uuid4()
    for r in rows:
        r.batch_id = batch
        session.add(r)
    session.flush()
    return batch


def pushed(session: Session, seqs: list[int]) -> None:
    session.execute(delete(OutboxEdit).where(OutboxEdit.seq.in_(seqs)))


def refuse(session: Session, seqs: list[int], reason: str) -> None:
    """The server refused the batch (a role's rule, a locked round): kept aside with its reason, so the
    queue moves on and the secretary sees what did not reach the server."""
    session.execute(update(OutboxEdit).where(OutboxEdit.seq.in_(seqs)).values(refused=reason or "refused"))


# --- applying what was pulled -------------------------------------------------------------------------

def apply_pulled(session: Session, page: dict) -> int:
    """The pulled changes, applied as the server made them (the server has checked them), without queueing
    them again or auditing them twice; the copy's revision moves to the page's."""
    session.info["replaying"] = True
    session.info["audit"] = False
    tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
    applied = 0
    touched = session.info.setdefault("pulled_tables", set())
    for change in page.get("changes", []):
        table = tables.get(change["table"])
        if table is None or table.name in NOT_COPIED:
            continue
        cols = {c.name: c for c in table.columns}
        row_id = uuid.UUID(change["row_id"])
        values = {k: _typed(cols[k], new) for k, (_old, new) in change["fields"].items() if k in cols}
        if change["op"] == "delete":
            session.execute(delete(table).where(table.c.id == row_id))
        elif change["op"] == "insert":
            for key in _natural_keys(table):    # the copy's own row of the same thing (a result, a lock's
                if all(c in values for c in key):   # snapshot) gives way to the server's
                    session.execute(delete(table).where(*(table.c[c] == values[c] for c in key)))
            session.execute(delete(table).where(table.c.id == row_id))
            now = datetime.now().astimezone()
            session.execute(insert(table).values(id=row_id, created_at=now, updated_at=now, **values))
        elif values:
            session.execute(update(table).where(table.c.id == row_id).values(**values))
        applied += 1
        touched.add(table.name)
    _set(session, REVISION_SETTING, str(int(page.get("revision", 0))))
    session.expire_all()
    return applied


def _natural_keys(table) -> list[tuple[str, ...]]:
    return [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, UniqueConstraint)]


@dataclass(frozen=True)
class CopyInfo:
    """Where a desktop copy syncs to, as who, and what waits."""

    server: str
    username: str
    role: str
    unit_id: uuid.UUID | None
    revision: int
    waiting: int
    refused: int


def copy_info(session: Session) -> CopyInfo | None:
    """None for a database that is not a copy of a ministry server."""
    server = setting(session, SERVER_SETTING)
    if not server:
        return None
    unit = setting(session, UNIT_SETTING)
    return CopyInfo(server, setting(session, USER_SETTING) or "", setting(session, ROLE_SETTING) or "",
                    uuid.UUID(unit) if unit else None, revision(session), len(pending(session)), len(refused(session)))


def revision(session: Session) -> int:
    return int(setting(session, REVISION_SETTING) or 0)
