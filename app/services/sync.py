"""Sync with the ministry server, on the server's side: a desktop's pushed edits applied through the same
guarded services as the window's (locked rounds, validation, audit), with the roles' rules on top; each
change numbered in the change log by one revision sequence; a retried batch answered, not applied again;
two edits of one field from the same base kept as a conflict for a secretary; and what a desktop may see
pulled above its last revision.

An edit names a field of an indicator assignment (weight, targets, Monitor) or of a result (the actual,
its note and evidence reference, the verified actual), by ids every copy shares, with the value the
desktop had before (``old``) and the revision it had pulled (the batch's ``base``)."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field

from sqlalchemy import func, select
from sqlmodel import Session

from app.domain import roles
from app.errors import KpiDeskError, LockedError, ValidationError
from app.models import Assignment, ChangeLog, Result, Round, RoundStatus, SyncBatch, SyncConflict
from app.models.server import REQUEST_FIELDS, SYNC_FIELDS, log_pending, serialise
from app.services.accounts import Who
from app.services.framework import (approve_round, ensure_results_editable, ensure_targets_editable, lock_round,
                                    reopen_round)
from app.services.grid import coerce, set_assignment_fields, set_result_field
from app.services.results import set_verified

FIELDS = {**SYNC_FIELDS, "change_request": frozenset({"submit"})}   # what a push may carry (the outbox queues the same)
MAX_EDITS = 5000
PULL_PAGE = 5000
ROUND_STEPS = {"open", "approved", "locked"}
DETAIL = {("result", "verified_actual"): "verification", ("change_request", "submit"): "request"}
DETAIL_KEYS = {("round", "status"): {"reason"}, ("result", "verified_actual"): {"source", "source_ref", "source_date"},
               ("change_request", "submit"): set(REQUEST_FIELDS)}


class Forbidden(KpiDeskError):
    """The account's role may not make this change (HTTP 403)."""


@dataclass(frozen=True)
class Edit:
    kind: str                       # assignment | result | round | change_request
    id: uuid.UUID                   # the assignment (a round's status: the round; a request: the request)
    field: str
    value: str | None
    old: str | None = None
    round_id: uuid.UUID | None = None   # results only
    detail: dict = dc_field(default_factory=dict)   # a round step's reason; a verification's source, letter and
                                                 # date; a change request's fields — text or null each

    @classmethod
    def parse(cls, raw, index: int) -> "Edit":
        where = f"รายการที่ {index + 1}: "
        if not isinstance(raw, dict):
            raise ValidationError([where + "ต้องเป็นออบเจกต์ JSON"], "an edit is an object")
        kind, field = raw.get("kind"), raw.get("field")
        if kind not in FIELDS or field not in FIELDS[kind]:
            raise ValidationError([where + f"แก้ไข “{kind}.{field}” ผ่านการซิงก์ไม่ได้"], "unknown kind or field")
        detail = {"reason": raw.get("reason")} if kind == "round" else raw.get(DETAIL.get((kind, field), ""), {})
        if not isinstance(detail, dict) or set(detail) - DETAIL_KEYS.get((kind, field), set()):
            raise ValidationError([where + "รายละเอียดประกอบการแก้ไขไม่ถูกต้อง"], "unknown detail")
        for key, text in (("value", raw.get("value")), ("old", raw.get("old")), *detail.items()):
            if text is not None and not isinstance(text, (str, bool)):
                raise ValidationError([where + f"{key} ต้องเป็นข้อความหรือ null"], f"{key} is a string")
            if isinstance(text, str) and len(text) > 4000:
                raise ValidationError([where + f"{key} ยาวเกิน ๔,๐๐๐ ตัวอักษร"], f"{key} too long")
        try:
            ident = uuid.UUID(str(raw.get("id")))
            round_id = uuid.UUID(str(raw["round_id"])) if kind == "result" else None
        except (ValueError, KeyError):
            raise ValidationError([where + "รหัสอ้างอิง (id / round_id) ไม่ถูกต้อง"], "bad id") from None
        value, old = raw.get("value"), raw.get("old")
        if field == "monitor":
            value, old = _flag(value), _flag(old)
        if kind == "round" and value not in ROUND_STEPS:
            raise ValidationError([where + "สถานะรอบต้องเป็น open, approved หรือ locked"], "round status")
        return cls(kind, ident, field, value, old, round_id, {k: v for k, v in detail.items() if v is not None})


def _flag(v) -> str | None:
    return None if v is None else str(v is True or str(v) == "True")


def parse_batch(body) -> tuple[uuid.UUID, int, list[Edit]]:
    if not isinstance(body, dict):
        raise ValidationError(["ข้อมูลที่ส่งต้องเป็นออบเจกต์ JSON"], "body is an object")
    try:
        batch_id = uuid.UUID(str(body.get("batch_id")))
    except ValueError:
        raise ValidationError(["batch_id ต้องเป็น UUID"], "batch_id is a UUID") from None
    base = body.get("base")
    if not isinstance(base, int) or isinstance(base, bool) or base < 0:
        raise ValidationError(["base ต้องเป็นเลขรุ่นที่ดึงล่าสุด (จำนวนเต็มไม่ติดลบ)"], "base is a revision")
    edits = body.get("edits")
    if not isinstance(edits, list) or len(edits) > MAX_EDITS:
        raise ValidationError([f"edits ต้องเป็นรายการไม่เกิน {MAX_EDITS:,} รายการ"], "edits is a list")
    return batch_id, base, [Edit.parse(raw, i) for i, raw in enumerate(edits)]


def head(session: Session) -> int:
    return session.execute(select(func.max(ChangeLog.revision))).scalar() or 0


def may(who: Who, edit: Edit, unit_id) -> str:
    """Why ``who`` may not make ``edit`` on a row of ``unit_id`` ("" when they may)."""
    return roles.may(who.role, who.unit_id, edit.kind, edit.field, unit_id)


def apply_batch(session: Session, who: Who, batch_id: uuid.UUID, base: int, edits: list[Edit]) -> dict:
    """Apply a pushed batch in the caller's one transaction; the answer says what was applied and what
    became a conflict. A batch seen before gets its first answer again. A refusal (Forbidden, LockedError,
    ValidationError) leaves nothing of the batch: the caller rolls back."""
    serialise(session)
    seen = session.execute(select(SyncBatch).where(SyncBatch.batch_id == batch_id)).scalar()
    if seen is not None:
        return {**json.loads(seen.answer), "replayed": True}
    applied, conflicts = 0, []
    for i, edit in enumerate(edits):
        if edit.kind in ("round", "change_request"):
            step = _step_round if edit.kind == "round" else _submit_request
            applied += step(session, who, edit, f"รายการที่ {i + 1}: ")
            continue
        a = session.get(Assignment, edit.id)
        if a is None:
            raise ValidationError([f"รายการที่ {i + 1}: ไม่พบตัวชี้วัดที่อ้างถึงบนเซิร์ฟเวอร์"], "assignment not found")
        refusal = may(who, edit, a.unit_id)
        if refusal:
            raise Forbidden(f"รายการที่ {i + 1}: {refusal}", "forbidden")
        table, row_id = "assignment", a.id
        rnd = None
        if edit.kind == "result":
            rnd = session.get(Round, edit.round_id)
            if rnd is None or rnd.fiscal_year_id != a.fiscal_year_id:
                raise ValidationError([f"รายการที่ {i + 1}: รอบการประเมินไม่ตรงกับปีของตัวชี้วัด"], "round mismatch")
            ensure_results_editable(session, rnd)         # a locked round refuses before any conflict is kept
            row = session.execute(select(Result.id).where(Result.assignment_id == a.id,
                                                          Result.round_id == rnd.id)).scalar()
            table, row_id = "result", row
        else:
            ensure_targets_editable(session, a.fiscal_year_id)
        if edit.field != "monitor":
            coerce(edit.field, edit.value, f"รายการที่ {i + 1}: ")   # a bad value is refused, never kept as a conflict
        theirs = _later_change(session, table, row_id, edit.field, base, who.username) if row_id is not None else None
        current = _current(session, table, row_id, edit.field)
        if theirs is not None and current != edit.value:
            conflicts.append(_keep_conflict(session, who, batch_id, edit, table, row_id, a.unit_id, theirs, current))
            continue
        if edit.kind == "assignment":
            set_assignment_fields(session, a, {edit.field: edit.value == "True" if edit.field == "monitor" else edit.value})
        elif edit.field == "verified_actual":                 # with its source, OPDC's letter and date
            set_verified(session, assignment_id=a.id, rnd=rnd, value=edit.value,
                         source=edit.detail.get("source") or "secretariat", source_ref=edit.detail.get("source_ref", ""),
                         source_date=_date(edit.detail.get("source_date"), f"รายการที่ {i + 1}: "))
        else:
            set_result_field(session, rnd, a.id, edit.field, edit.value)
        applied += 1
    revisions = log_pending(session, batch_id)
    answer = {"batch_id": str(batch_id), "revision": head(session), "applied": applied,
              "revisions": revisions, "conflicts": conflicts}
    session.add(SyncBatch(batch_id=batch_id, account_id=who.id, answer=json.dumps(answer, ensure_ascii=False)))
    session.flush()
    return answer


def _step_round(session: Session, who: Who, edit: Edit, where: str) -> int:
    """A secretary's approval, lock or reopening made on a copy, taken through the same guards as on the
    server (the round's checks, approval before lock, a reason to reopen). Already in that state: nothing to
    do (another secretary got there first). Refused steps refuse the batch."""
    rnd = session.get(Round, edit.id)
    if rnd is None:
        raise ValidationError([where + "ไม่พบรอบการประเมินที่อ้างถึงบนเซิร์ฟเวอร์"], "round not found")
    refusal = may(who, edit, None)
    if refusal:
        raise Forbidden(where + refusal, "forbidden")
    if rnd.status == edit.value:
        return 0
    if edit.value == "open":
        reopen_round(session, rnd, edit.detail.get("reason", ""))
    else:
        if rnd.status == RoundStatus.OPEN:
            approve_round(session, rnd, edit.detail.get("reason", ""))
        if edit.value == "locked":
            lock_round(session, rnd)
    return 1


def _submit_request(session: Session, who: Who, edit: Edit, where: str) -> int:
    """A change request made on a copy (a focal point's for its own unit), submitted on the server through
    the same checks, under the same id so the copy's row and the server's are one. Already there: nothing."""
    from app.models import ChangeRequest, Indicator, Unit
    from app.services.change_requests import submit_change_request
    if session.get(ChangeRequest, edit.id) is not None:
        return 0
    d = edit.detail

    def ref(model, key):
        if not d.get(key):
            return None
        try:
            row = session.get(model, uuid.UUID(str(d[key])))
        except ValueError:
            row = None
        if row is None:
            raise ValidationError([where + f"ไม่พบข้อมูลที่อ้างถึง ({key}) บนเซิร์ฟเวอร์"], f"{key} not found")
        return row

    rnd, assignment = ref(Round, "round_id"), ref(Assignment, "assignment_id")
    unit, indicator = ref(Unit, "unit_id"), ref(Indicator, "indicator_id")
    if rnd is None:
        raise ValidationError([where + "คำขอต้องระบุรอบการประเมิน"], "a request names its round")
    refusal = may(who, edit, assignment.unit_id if assignment else (unit.id if unit else None))
    if refusal:
        raise Forbidden(where + refusal, "forbidden")
    monitor = d.get("proposed_monitor")
    try:
        submit_change_request(
            session, rnd=rnd, reason=d.get("reason", ""), kind=d.get("kind") or "modify", assignment=assignment,
            unit=unit, indicator=indicator, component_code=d.get("component_code", ""),
            reason_text=d.get("reason_text", ""), proposal=d.get("proposal", ""),
            submitted_on=_date(d.get("submitted_on"), where), proposed_weight=d.get("proposed_weight"),
            proposed_base=d.get("proposed_base"), proposed_standard=d.get("proposed_standard"),
            proposed_advanced=d.get("proposed_advanced"),
            proposed_targets_6=(d.get("proposed_base_6"), d.get("proposed_standard_6"), d.get("proposed_advanced_6")),
            proposed_monitor=None if monitor is None else str(monitor) == "True", proposed_name=d.get("proposed_name", ""),
            proposed_definition=d.get("proposed_definition", ""), request_id=edit.id)
    except ValueError:
        raise ValidationError([where + "ชนิดของคำขอไม่ถูกต้อง"], "request kind") from None
    return 1


def _date(text, where: str):
    from datetime import date
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        raise ValidationError([where + f"วันที่ “{text}” ไม่ถูกต้อง"], "bad date") from None


def _later_change(session: Session, table: str, row_id, field: str, base: int, by: str) -> ChangeLog | None:
    """The newest change of this field, by someone else, that the desktop had not pulled when it made its edit
    (its own earlier pushes are not in its way)."""
    for entry in session.execute(select(ChangeLog).where(ChangeLog.table_name == table, ChangeLog.row_id == row_id,
                                                         ChangeLog.revision > base, ChangeLog.username != by)
                                 .order_by(ChangeLog.revision.desc())).scalars():
        if field in json.loads(entry.fields):
            return entry
    return None


def _current(session: Session, table: str, row_id, field: str) -> str | None:
    from app.models.audit import _text
    if row_id is None:
        return None
    row = session.get(Assignment if table == "assignment" else Result, row_id)
    return _text(getattr(row, field)) if row is not None else None


def _keep_conflict(session, who: Who, batch_id, edit: Edit, table, row_id, unit_id, theirs: ChangeLog,
                   current) -> dict:
    row = SyncConflict(table_name=table, row_id=row_id, field=edit.field, unit_id=unit_id, base=edit.old,
                       mine=edit.value, theirs=current, mine_by=who.username, theirs_by=theirs.username,
                       theirs_revision=theirs.revision, batch_id=batch_id,
                       edit=json.dumps({**asdict(edit), "id": str(edit.id),
                                        "round_id": str(edit.round_id) if edit.round_id else None}, ensure_ascii=False))
    session.add(row)
    session.flush()
    return {"id": str(row.id), "table": table, "row_id": str(row_id), "field": edit.field, "base": edit.old,
            "mine": edit.value, "theirs": current, "theirs_by": theirs.username}


def pull(session: Session, who: Who, since: int) -> dict:
    """The changes above ``since`` the account may see (a focal point: its unit's and the ministry's), in
    revision order, a page at a time (``more``: pull again from the last revision)."""
    query = select(ChangeLog).where(ChangeLog.revision > since).order_by(ChangeLog.revision).limit(PULL_PAGE + 1)
    if who.role == "focal_point":
        query = query.where((ChangeLog.unit_id == who.unit_id) | ChangeLog.unit_id.is_(None))
    rows = list(session.execute(query).scalars())
    more = len(rows) > PULL_PAGE
    rows = rows[:PULL_PAGE]
    return {"revision": head(session) if not more else rows[-1].revision, "more": more,
            "changes": [{"revision": r.revision, "table": r.table_name, "row_id": str(r.row_id), "op": r.op,
                         "fields": json.loads(r.fields), "by": r.username} for r in rows]}


def conflicts(session: Session, who: Who, open_only: bool = True) -> list[dict]:
    if who.role != "secretary":
        raise Forbidden("เฉพาะฝ่ายเลขานุการเห็นและแก้ข้อขัดแย้งของการซิงก์", "secretaries only")
    query = select(SyncConflict).order_by(SyncConflict.created_at)
    if open_only:
        query = query.where(SyncConflict.resolved_at.is_(None))
    return [{"id": str(c.id), "table": c.table_name, "row_id": str(c.row_id), "field": c.field, "base": c.base,
             "mine": c.mine, "mine_by": c.mine_by, "theirs": c.theirs, "theirs_by": c.theirs_by,
             "at": c.created_at.isoformat(), "resolution": c.resolution} for c in session.execute(query).scalars()]


def resolve(session: Session, who: Who, conflict_id: uuid.UUID, choose: str) -> dict:
    """A secretary keeps the server's value (``theirs``) or applies the pushed one (``mine``), through the
    same services; the choice is audited and, when it changes data, numbered like any change."""
    if who.role != "secretary":
        raise Forbidden("เฉพาะฝ่ายเลขานุการเห็นและแก้ข้อขัดแย้งของการซิงก์", "secretaries only")
    if choose not in ("mine", "theirs"):
        raise ValidationError(["เลือก mine หรือ theirs"], "mine or theirs")
    serialise(session)
    c = session.get(SyncConflict, conflict_id)
    if c is None or c.resolved_at is not None:
        raise ValidationError(["ไม่พบข้อขัดแย้งนี้ หรือแก้ไปแล้ว"], "no such open conflict")
    if choose == "mine":
        edit = json.loads(c.edit)
        a = session.get(Assignment, uuid.UUID(edit["id"]))
        if edit["kind"] == "assignment":
            set_assignment_fields(session, a, {c.field: c.mine == "True" if c.field == "monitor" else c.mine})
        else:
            set_result_field(session, session.get(Round, uuid.UUID(edit["round_id"])), a.id, c.field, c.mine)
    from app.models import utcnow
    c.resolved_at, c.resolved_by, c.resolution = utcnow(), who.username, choose
    session.add(c)
    session.flush()
    return {"id": str(c.id), "resolution": choose, "revisions": log_pending(session)}


def refusal_status(exc: KpiDeskError) -> int:
    """The HTTP status of a refusal: the role's rules and locked rounds 403, bad input 422."""
    if isinstance(exc, (Forbidden, LockedError)):
        return 403
    return 422
