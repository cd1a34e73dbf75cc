"""A desktop's local copy of the ministry server's data: written by the server as a ready SQLite file,
kept current by applying the changes it pulls, and its own edits of targets, results and round steps
queued in an outbox in the same transaction as the edit (a commit hook), so nothing typed offline is lost
before it is pushed.

What travels: the fields the server takes in a push (``sync.FIELDS``). Other changes (new units, meetings,
assignments) are made on the server and reach the desktops by pulling; made on a desktop copy they stay
local.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import String, type_coerce
from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, Time, UniqueConstraint, Uuid, delete, insert, select, update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

from app.models import Assignment, OutboxEdit, Setting
from app.models.base import DecimalText
from app.models.server import (REVISION_SETTING, ROLE_SETTING, SERVER_SETTING, UNIT_SETTING, USER_SETTING,
                               forget_replica)
# the server's own tables and a desktop's private ones never travel in a snapshot
NOT_COPIED = {"auditentry", "account", "accesstoken", "changelog", "syncbatch", "syncconflict", "outboxedit",
              "setting", "alembic_version"}


# --- the first copy: a ready SQLite file ---------------------------------------------------------------

def rows_file(session: Session, template: Path, folder: Path, own_unit: uuid.UUID | None = None) -> tuple[Path, int]:
    """Every data row a new copy starts from, at the current revision, as a SQLite file in ``folder``: ``template``
    (an empty database at the current migration) filled, taken while no write can commit (``own_unit``: a
    focal point's copy holds only its unit's assignments and results). Written once per (revision, scope) —
    every write to the server's data moves the revision — and reused by every desktop copying at that
    revision; the scope's older file is removed (callers make one scope's files one at a time). The values go through SQLAlchemy's own SQLite bind processors, so the
    file holds exactly what the desktop would have written. (the file, its revision)"""
    from app.models.server import serialise
    from app.services.sync import head
    serialise(session)
    revision = head(session)
    scope = own_unit.hex if own_unit else "ministry"
    path = folder / f"rows-{revision}-{scope}.sqlite3"
    if path.exists():
        return path, revision
    own = None
    if own_unit is not None:
        own = set(session.execute(select(Assignment.id).where(Assignment.unit_id == own_unit)).scalars())
    dialect = sqlite_dialect()
    part = folder / f"{uuid.uuid4().hex}.part"
    shutil.copyfile(template, part)
    db = sqlite3.connect(part)
    try:
        # a new file nobody else has open, renamed into place only when whole: no journal while filling
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        for table in SQLModel.metadata.sorted_tables:
            if table.name in NOT_COPIED:
                continue
            rows = session.execute(select(*(type_coerce(c, String) if isinstance(c.type, DecimalText) else c
                                             for c in table.columns))).all()
            if own is not None and table.name in ("assignment", "result", "evidencefile", "changerequest",
                                                  "jointsubindicator"):
                key = [c.name for c in table.columns].index("id" if table.name == "assignment" else "assignment_id")
                rows = [r for r in rows if r[key] in own]
            _write_rows(db, table, dialect, rows)
        db.commit()
    finally:
        db.close()
    os.replace(part, path)
    for old in folder.glob(f"rows-*-{scope}.sqlite3"):
        if old != path:
            old.unlink(missing_ok=True)             # the caller writes one scope at a time: none is in use
    return path, revision


def write_copy(rows: Path, out: Path, *, revision: int, server: str, username: str, role: str = "",
               unit_id: uuid.UUID | None = None) -> None:
    """A desktop's first copy at ``out``: the rows file and where it syncs to, as whom, from which revision."""
    from app.models.base import utcnow
    shutil.copyfile(rows, out)
    now = utcnow()
    settings = {SERVER_SETTING: server, USER_SETTING: username, ROLE_SETTING: role,
                UNIT_SETTING: str(unit_id) if unit_id else "", REVISION_SETTING: str(revision)}
    columns = Setting.__table__.columns
    db = sqlite3.connect(out)
    try:
        _write_rows(db, Setting.__table__, sqlite_dialect(),
                    [tuple({"id": uuid.uuid4(), "key": k, "value": v, "created_at": now, "updated_at": now}[c.name]
                           for c in columns) for k, v in settings.items()])
        db.commit()
        db.execute("PRAGMA journal_mode=WAL")            # as every desktop database is kept
    finally:
        db.close()


def _write_rows(db, table, dialect, rows) -> int:
    if not rows:
        return 0
    # a DecimalText is the same text on both databases: carried as it is, not parsed and formatted again
    procs = [None if isinstance(c.type, DecimalText) else c.type.dialect_impl(dialect).bind_processor(dialect)
             for c in table.columns]
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    marks = ", ".join("?" * len(procs))
    db.executemany(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
                   [tuple(v if f is None or v is None else f(v) for f, v in zip(procs, row)) for row in rows])
    return len(rows)


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


def unname_batch(session: Session, seqs: list[int]) -> None:
    """Forget the batch id of queued edits the server refused as a batch (it applied none of them), so
    each can be sent again under an id of its own."""
    session.execute(update(OutboxEdit).where(OutboxEdit.seq.in_(seqs)).values(batch_id=None))


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


def refusal(session: Session, kind: str, field: str, unit_id) -> tuple[str, str]:
    """(Thai, English) why this copy's account may not make such a change — what the window shows instead
    of letting it be typed; empty when it may, or when the database is not a copy of a server."""
    from app.domain import roles
    from app.models.server import copy_account
    account = copy_account(session)
    if account is None or not account[0]:
        return "", ""
    th = roles.may(account[0], account[1], kind, field, unit_id)
    return th, roles.EN.get(th, th)


def made_on_the_server(session: Session, table: str) -> tuple[str, str]:
    """(Thai, English) why this database, a copy of a server, does not add or remove ``table``'s rows;
    empty when it is no copy."""
    from app.models.server import copy_account, made_on_the_server as why
    return ("", "") if copy_account(session) is None else why(table)


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
