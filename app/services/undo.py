"""Undo and redo as use cases of their own: a change record applied backwards or forwards again.

Both go through the same guarded services as the edit they undo (a locked year refuses an undo as it
refuses an edit), in one transaction, and ``perform`` returns their own change record like any write.
Only what a grid edits can be undone: fields of indicator assignments and of results.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from app.errors import KpiDeskError
from app.models import Assignment, Result, Round
from app.services.changes import DELETE, ChangeSet
from app.services.grid import DECIMAL_FIELDS, set_assignment_fields, set_result_field
from app.services.results import set_verified

RESULT_FIELDS = ("actual", "note", "evidence_ref")
VERIFIED_FIELDS = ("verified_actual", "verified_source", "source_ref", "source_date")


def revert(session: Session, changes: ChangeSet) -> int:
    """Put back the old values of every field the change record changed (last change first)."""
    return _apply(session, changes, backwards=True)


def reapply(session: Session, changes: ChangeSet) -> int:
    """Apply a reverted change record again."""
    return _apply(session, changes, backwards=False)


def _apply(session: Session, changes: ChangeSet, backwards: bool) -> int:
    rows = reversed(changes.rows) if backwards else changes.rows
    count = 0
    for row in rows:
        if row.table not in ("assignment", "result") or row.op == DELETE:
            raise KpiDeskError("การแก้ไขนี้ย้อนกลับไม่ได้ (ย้อนกลับได้เฉพาะการแก้ไขค่าในตารางตัวชี้วัดและผลการดำเนินงาน)",
                               f"a {row.op} of {row.table} cannot be undone")
        values = {field: (old if backwards else new) for field, (old, new) in row.fields.items()}
        if row.table == "assignment":
            a = session.get(Assignment, row.row_id)
            if a is None:
                raise KpiDeskError("ไม่พบตัวชี้วัดที่จะย้อนกลับ (อาจถูกลบไปแล้ว)", "assignment not found")
            edits = {f: _value(f, v) for f, v in values.items() if f in DECIMAL_FIELDS or f == "monitor"}
            set_assignment_fields(session, a, edits)
            count += len(edits)
        else:
            r = session.get(Result, row.row_id)
            if r is None:
                raise KpiDeskError("ไม่พบผลที่จะย้อนกลับ", "result not found")
            rnd = session.get(Round, r.round_id)
            for f in RESULT_FIELDS:
                if f in values:
                    set_result_field(session, rnd, r.assignment_id, f, values[f] or ("" if f != "actual" else None))
                    count += 1
            if any(f in values for f in VERIFIED_FIELDS):
                now = {f: values.get(f, getattr(r, f)) for f in VERIFIED_FIELDS}
                day = now["source_date"]
                set_verified(session, assignment_id=r.assignment_id, rnd=rnd,
                             value=now["verified_actual"], source=now["verified_source"] or "secretariat",
                             source_ref=now["source_ref"] or "",
                             source_date=date.fromisoformat(day) if isinstance(day, str) and day else day or None)
                count += 1
    return count


def _value(field: str, text: str | None):
    """A change record's text as the value the grid's services take."""
    if field == "monitor":
        return text == "True"
    return text
