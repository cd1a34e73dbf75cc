"""The ministry server's own tables: accounts and their sign-in tokens, the change log that numbers every
change with one revision sequence (what a desktop pulls), the batches already applied (a retried push is
answered, not applied again) and the conflicts kept for the secretariat to resolve."""

from __future__ import annotations

import uuid
from datetime import datetime

import json

from sqlalchemy import Column, Integer, String, Text, event, select, text
from sqlmodel import Field, Session, SQLModel

from app.domain.roles import ROLES_TH, may
from app.errors import KpiDeskError
from app.models.base import TableBase, utcnow


class Account(TableBase, table=True):
    """A person who signs in: administrator, secretary, a department's focal point (its ``unit_id``) or a
    committee member. Passwords are kept only as argon2 hashes."""

    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = ""
    role: str = Field(max_length=16)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id")
    password_hash: str
    failed_logins: int = 0
    locked_until: datetime | None = None
    active: bool = True


class AccessToken(TableBase, table=True):
    """A session token (its SHA-256 only: the token itself lives in the desktop's keyring)."""

    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    expires_at: datetime
    revoked_at: datetime | None = None


class ChangeLog(SQLModel, table=True):
    """One changed row of one use case on the server, numbered by the one revision sequence (the primary
    key): what ``/pull`` returns above a desktop's last revision. Deletions stay as tombstones."""

    revision: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    table_name: str = Field(max_length=64, index=True)
    row_id: uuid.UUID = Field(index=True)
    op: str = Field(max_length=8)
    fields: str = Field(sa_column=Column(Text, nullable=False))       # JSON {field: [old, new]}
    unit_id: uuid.UUID | None = Field(default=None, index=True)       # whose data it is (None: the ministry's)
    username: str = Field(default="", sa_column=Column(String(64), nullable=False, server_default=""))
    batch_id: uuid.UUID | None = None
    at: datetime = Field(default_factory=utcnow)


class SyncBatch(TableBase, table=True):
    """A pushed batch, by the id its desktop gave it, with the answer it got (a retry gets it again)."""

    batch_id: uuid.UUID = Field(unique=True, index=True)
    account_id: uuid.UUID = Field(foreign_key="account.id")
    answer: str = Field(sa_column=Column(Text, nullable=False))


class SyncConflict(TableBase, table=True):
    """Two edits of one field from the same base: the later one kept here (mine) beside the value the
    server has (theirs) and the value both started from (base), until a secretary chooses."""

    table_name: str = Field(max_length=64)
    row_id: uuid.UUID = Field(index=True)
    field: str = Field(max_length=64)
    unit_id: uuid.UUID | None = None
    base: str | None = None
    mine: str | None = None
    theirs: str | None = None
    mine_by: str = ""
    theirs_by: str = ""
    theirs_revision: int = 0
    batch_id: uuid.UUID | None = None
    edit: str = Field(sa_column=Column(Text, nullable=False))         # the refused edit as pushed (JSON)
    resolved_at: datetime | None = None
    resolved_by: str = ""
    resolution: str = Field(default="", max_length=8)                 # mine | theirs


class OutboxEdit(SQLModel, table=True):
    """A desktop copy's edit waiting to be pushed to the ministry server, written in the same transaction
    as the edit itself (so a crash never loses one); ``batch_id`` is given once, when first sent, so a
    retry after a lost answer is recognised by the server; ``refused`` keeps the server's reason."""

    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    edit: str = Field(sa_column=Column(Text, nullable=False))
    batch_id: uuid.UUID | None = None
    refused: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    at: datetime = Field(default_factory=utcnow)


# The fields a desktop copy pushes (the server's ``sync`` takes exactly these).
SYNC_FIELDS = {"assignment": frozenset({"weight", "base", "standard", "advanced", "base_6", "standard_6", "advanced_6",
                                        "monitor"}),
               "result": frozenset({"actual", "note", "evidence_ref", "verified_actual"}),
               "round": frozenset({"status"})}          # approve / lock / reopen, with the round's reason
SERVER_SETTING, REVISION_SETTING, USER_SETTING = "sync_server", "sync_revision", "sync_username"
ROLE_SETTING, UNIT_SETTING = "sync_role", "sync_unit"
_replicas: dict = {}            # engine → (role, unit) of a copy of a server, None otherwise (read once per engine)


def forget_replica(bind) -> None:
    _replicas.pop(bind, None)


def copy_account(session: Session) -> tuple[str, uuid.UUID | None] | None:
    """The role and unit of the account a desktop copy belongs to; None for a database that is no copy."""
    from app.models.settings import Setting
    bind = session.get_bind()
    if bind not in _replicas:
        values = dict(session.execute(select(Setting.key, Setting.value).where(
            Setting.key.in_((SERVER_SETTING, ROLE_SETTING, UNIT_SETTING)))).all())
        unit = values.get(UNIT_SETTING)
        _replicas[bind] = (values.get(ROLE_SETTING) or "", uuid.UUID(unit) if unit else None) \
            if values.get(SERVER_SETTING) else None
    return _replicas[bind]


def is_replica(session: Session) -> bool:
    return copy_account(session) is not None


# What a copy may not change, because no push carries it and pushed edits rest on it: done on the server's
# data, it reaches the copies by pulling. (Meetings, the committee and attached evidence files stay local.)
SERVER_ONLY = {"ministry": "ข้อมูลกระทรวง", "unit": "หน่วยงาน", "fiscalyear": "ปีงบประมาณ",
               "frameworkcomponent": "องค์ประกอบการประเมิน", "indicator": "บัญชีตัวชี้วัด",
               "jointagenda": "วาระ Joint KPI", "jointleadagency": "หน่วยงานเจ้าภาพ Joint KPI",
               "jointmainindicator": "ตัวชี้วัดหลัก Joint KPI", "jointsubindicator": "ตัวชี้วัดย่อย Joint KPI",
               "strategickpi": "ตัวชี้วัดเชิงยุทธศาสตร์", "strategictarget": "ค่าเป้าหมายเชิงยุทธศาสตร์",
               "basketentry": "KPI Basket", "assignment": "ตัวชี้วัดของหน่วยงาน (เพิ่ม ลบ หรือการเชื่อมโยง)",
               "round": "รอบการประเมิน (เพิ่มหรือลบ)", "changerequest": "ผลการพิจารณาคำขอปรับเปลี่ยนตัวชี้วัด"}
VERIFICATION = ("verified_actual", "verified_source", "source_ref", "source_date")
REQUEST_FIELDS = ("kind", "assignment_id", "unit_id", "indicator_id", "component_code", "round_id", "reason",
                  "reason_text", "proposal", "submitted_on", "proposed_weight", "proposed_base", "proposed_standard",
                  "proposed_advanced", "proposed_base_6", "proposed_standard_6", "proposed_advanced_6",
                  "proposed_monitor", "proposed_name", "proposed_definition")


class NotOnACopy(KpiDeskError):
    """A change a desktop copy cannot send to the server."""


def made_on_the_server(table: str) -> tuple[str, str]:
    """(Thai, English) why a copy does not change ``table``'s rows, and where that is done."""
    return (f"สำเนาของเซิร์ฟเวอร์กระทรวงแก้ไข{SERVER_ONLY[table]}ไม่ได้ เพราะการซิงก์ไม่ได้ส่งการแก้ไขนี้ "
            "ให้ทำบนข้อมูลของเซิร์ฟเวอร์ (kpi-desk --db ตามด้วย URL ของฐานข้อมูลเซิร์ฟเวอร์) แล้วซิงก์เพื่อรับมา",
            f"A copy of the ministry server does not change this ({table}): sync does not carry it. Make the change "
            "on the server's data (kpi-desk --db with the server database's URL), then sync to receive it.")


def _travels(table: str, op: str, fields: dict) -> bool:
    if table not in SERVER_ONLY:
        return True
    if table == "assignment":
        return op == "update" and set(fields) <= SYNC_FIELDS["assignment"] | {"updated_at"}
    if table == "round":
        return op == "update"
    if table == "changerequest":
        return op == "insert"                     # a request travels; the committee's decision is the server's
    return False


def _plain(value) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


@event.listens_for(Session, "after_flush")
def _refuse_on_flush(session: Session, _context) -> None:
    _refuse_what_cannot_travel(session)


def _refuse_what_cannot_travel(session: Session) -> None:
    """On a desktop copy, a change no push carries is refused as it is written (after each flush — inside
    the service that makes it, so its caller never says it was done — and again before the commit, for
    rows written in bulk), and the transaction rolls back."""
    noted = session.info.get("changes")
    start = session.info.get("travel_checked", 0)
    if not noted or len(noted) == start or session.info.get("replaying") or not is_replica(session):
        return
    session.info["travel_checked"] = len(noted)
    role, own_unit = copy_account(session)
    for table, row_id, op, fields, _scope in noted[start:]:
        if not _travels(table, op, fields):
            raise NotOnACopy(*made_on_the_server(table))
        for edit, unit_id in _edits_of(session, table, row_id, op, fields) if role else ():
            why = may(role, own_unit, edit["kind"], edit["field"], unit_id)
            if why:                               # the server would refuse it: the copy does not keep it
                raise NotOnACopy(f"{why} (สำเนานี้เป็นของบัญชี{ROLES_TH.get(role, role)})", f"{role} may not")


def _edits_of(session: Session, table: str, row_id, op: str, fields: dict):
    """The edits a push carries for one noted change, each with the unit it belongs to: what the outbox
    queues and what the roles' rule is checked against."""
    from app.models.change_requests import ChangeRequest
    from app.models.framework import Round
    from app.models.indicators import Assignment, Result
    if table == "changerequest":
        if op == "insert":
            row = session.get(ChangeRequest, row_id)
            a = session.get(Assignment, row.assignment_id) if row.assignment_id else None
            yield ({"kind": "change_request", "id": str(row_id), "field": "submit", "value": None,
                    "request": {n: _plain(getattr(row, n)) for n in REQUEST_FIELDS}}, a.unit_id if a else row.unit_id)
        return
    if table not in SYNC_FIELDS or op == "delete":
        return
    where, unit_id = {"kind": table, "id": str(row_id)}, None
    if table == "result":
        r = session.get(Result, row_id)
        if r is None:
            return
        where = {"kind": "result", "id": str(r.assignment_id), "round_id": str(r.round_id)}
        unit_id = getattr(session.get(Assignment, r.assignment_id), "unit_id", None)
        if set(fields) & set(VERIFICATION):       # the verification travels whole: value, by whom, the letter
            fields = {**fields, "verified_actual": fields.get("verified_actual", (None, _plain(r.verified_actual)))}
            where["verification"] = {"source": r.verified_source or "", "source_ref": r.source_ref or "",
                                     "source_date": _plain(r.source_date)}
    elif table == "assignment":
        unit_id = getattr(session.get(Assignment, row_id), "unit_id", None)
    elif table == "round":
        where["reason"] = session.get(Round, row_id).status_note or ""
    for field, (old, new) in fields.items():
        if field in SYNC_FIELDS[table] and not (op == "insert" and new in (None, "")):
            yield {**where, "field": field, "value": new, "old": old}, unit_id


@event.listens_for(Session, "before_commit")
def _queue_edits(session: Session) -> None:
    """A desktop copy's own edits of what travels, queued in the transaction that makes them (whatever made
    them: the window, a command, an import), so none is lost before it is pushed."""
    if session.new or session.dirty or session.deleted:
        session.flush()                               # commit runs this hook before its own last flush
    _refuse_what_cannot_travel(session)
    noted = session.info.get("changes")
    if not noted or session.info.get("replaying") or session.info.get("queued") == len(noted) \
            or not is_replica(session):
        return
    for table, row_id, op, fields, _scope in noted[session.info.get("queued", 0):]:
        for edit, _unit in _edits_of(session, table, row_id, op, fields):
            session.add(OutboxEdit(edit=json.dumps(edit, ensure_ascii=False)))
    session.flush()
    session.info["queued"] = len(session.info.get("changes", []))


# --- the change log on a server database --------------------------------------------------------------

LOCK_KEY = 0x6B7064             # one numbering transaction at a time: revisions commit in the order they are drawn
NOT_LOGGED = {"account", "accesstoken", "changelog", "syncbatch", "syncconflict", "outboxedit", "setting",
              "auditentry"}


def serialise(session: Session) -> None:
    """Hold the numbering lock until this transaction ends (PostgreSQL; SQLite writes one at a time anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})


def log_pending(session: Session, batch_id=None) -> list[int]:
    """Number in the change log what this transaction wrote and has not numbered yet — whoever wrote it: a
    push, a conflict's resolution, a secretary's command on the server's database — so every desktop pulls
    it. Server databases only (PostgreSQL). The new revisions, in order."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    session.flush()
    noted = session.info.get("changes") or []
    start = session.info.get("logged_upto", 0)
    merged: dict = {}
    for table, row_id, op, fields, scope in noted[start:]:
        if table in NOT_LOGGED:
            continue
        entry = merged.get((table, row_id))
        if entry is None:
            merged[(table, row_id)] = [op, dict(fields), dict(scope)]
            continue
        for name, (old, new) in fields.items():
            entry[1][name] = (entry[1][name][0] if name in entry[1] else old, new)
        if op == "delete":
            entry[0] = None if entry[0] == "insert" else "delete"
    revisions = []
    if merged:
        serialise(session)
    for (table, row_id), (op, fields, scope) in merged.items():
        if op is None:
            continue
        fields = {k: v for k, v in fields.items() if op != "update" or v[0] != v[1]}
        if op == "update" and not fields:
            continue
        row = ChangeLog(table_name=table, row_id=row_id, op=op, fields=json.dumps(fields, ensure_ascii=False, sort_keys=True),
                        unit_id=_unit_of(session, table, row_id, scope), username=session.info.get("user", "")[:64],
                        batch_id=batch_id)
        session.add(row)
        session.flush()
        revisions.append(row.revision)
    session.info["logged_upto"] = len(session.info.get("changes") or [])
    return revisions


def _unit_of(session: Session, table: str, row_id, scope: dict):
    """Whose data a changed row is (a focal point pulls its unit's), from the keys it carries."""
    from app.models.indicators import Assignment
    if scope.get("unit_id"):
        return scope["unit_id"]
    assignment_id = row_id if table == "assignment" else scope.get("assignment_id")
    if assignment_id:
        a = session.get(Assignment, assignment_id)
        return a.unit_id if a else None
    return None


@event.listens_for(Session, "before_commit")
def _log_on_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()
    if session.info.get("changes"):
        log_pending(session)
