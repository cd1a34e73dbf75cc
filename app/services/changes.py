"""What a use case changed: the change record every write returns.

The flush hook in ``app.models.audit`` keeps each new, changed or deleted row's field differences (the
same ones it audits) in the session; ``perform`` runs a use case in one transaction and turns them into
a ``ChangeSet``: the rows and fields (old → new, as the audit writes them), the units, fiscal years and
rounds they belong to, who and which command. Pages refresh from it only where they are affected, undo
inverts it, and the same record, serialised, is what a sync with a ministry server ships.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import select
from sqlmodel import Session

from app.models import Assignment, FiscalYear, Round, utcnow

INSERT, UPDATE, DELETE = "insert", "update", "delete"


@dataclass(frozen=True)
class RowChange:
    """One row's change: its table, id, operation and ``{field: (old, new)}`` as text (None = empty)."""

    table: str
    row_id: uuid.UUID
    op: str
    fields: dict[str, tuple[str | None, str | None]]

    def to_dict(self) -> dict:
        return {"table": self.table, "row_id": str(self.row_id), "op": self.op,
                "fields": {k: [old, new] for k, (old, new) in sorted(self.fields.items())}}

    @classmethod
    def from_dict(cls, d: dict) -> "RowChange":
        return cls(d["table"], uuid.UUID(d["row_id"]), d["op"], {k: (v[0], v[1]) for k, v in d["fields"].items()})


@dataclass(frozen=True)
class ChangeSet:
    """Everything one use case changed, and where: the rows, and the units, years (B.E.) and rounds
    ((year B.E., months)) they belong to. Empty when the use case changed nothing."""

    command: str = ""
    user: str = ""
    at: datetime = field(default_factory=utcnow)
    rows: tuple[RowChange, ...] = ()
    units: frozenset[uuid.UUID] = frozenset()
    years: frozenset[int] = frozenset()
    rounds: frozenset[tuple[int, int]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(r.table for r in self.rows)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables & set(tables))

    def touches_year(self, year_be: int | None) -> bool:
        """True when a row of ``year_be`` changed, or a row that belongs to no year (units, committee…)."""
        return year_be in self.years or any(not _yearly(r.table) for r in self.rows)

    def fields_of(self, table: str) -> set[str]:
        return {f for r in self.rows if r.table == table for f in r.fields}

    def to_dict(self) -> dict:
        return {"command": self.command, "user": self.user, "at": self.at.isoformat(),
                "rows": [r.to_dict() for r in self.rows], "units": sorted(str(u) for u in self.units),
                "years": sorted(self.years), "rounds": sorted([y, m] for y, m in self.rounds)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, d: dict) -> "ChangeSet":
        return cls(d["command"], d["user"], datetime.fromisoformat(d["at"]),
                   tuple(RowChange.from_dict(r) for r in d["rows"]), frozenset(uuid.UUID(u) for u in d["units"]),
                   frozenset(d["years"]), frozenset((y, m) for y, m in d["rounds"]))

    @classmethod
    def from_json(cls, text: str) -> "ChangeSet":
        return cls.from_dict(json.loads(text))


# Tables whose rows belong to one fiscal year (a change to any other table may concern every year).
_YEARLY = {"fiscalyear", "frameworkcomponent", "round", "roundsnapshot", "assignment", "result", "changerequest",
           "jointagenda", "jointmainindicator", "jointleadagency", "jointsubindicator", "evidencefile", "basketentry"}


def _yearly(table: str) -> bool:
    return table in _YEARLY


@dataclass(frozen=True)
class Done:
    """A use case's return value and its change record."""

    value: Any
    changes: ChangeSet


def perform(store, command: str, fn: Callable[..., Any], *args, **kwargs) -> Done:
    """Run ``fn(session, *args, **kwargs)`` as one use case in one transaction and return what it
    returned with its change record (built inside the transaction, so it sees what was written)."""
    with store.transaction(command=command) as session:
        session.info["changes"] = []
        value = fn(session, *args, **kwargs)
        session.flush()
        changes = collect(session, command)
    return Done(value, changes)


def collect(session: Session, command: str = "") -> ChangeSet:
    """The change record of what this session has written so far (rows merged per table and id)."""
    session.flush()
    merged: dict[tuple[str, uuid.UUID], list] = {}
    scopes: list[tuple[str, uuid.UUID, dict]] = []
    for table, row_id, op, fields, scope in session.info.get("changes", []):
        key = (table, row_id)
        scopes.append((table, row_id, scope))
        if key not in merged:
            merged[key] = [op, dict(fields)]
            continue
        entry = merged[key]
        for name, (old, new) in fields.items():
            first_old = entry[1][name][0] if name in entry[1] else old
            entry[1][name] = (first_old, new)
        if op == DELETE:
            entry[0] = DELETE if entry[0] != INSERT else None     # inserted and deleted: nothing happened
    rows = tuple(RowChange(t, i, op, {k: v for k, v in f.items() if op != UPDATE or v[0] != v[1]})
                 for (t, i), (op, f) in merged.items() if op is not None)
    rows = tuple(r for r in rows if r.op != UPDATE or r.fields)
    units, years, rounds = _scope(session, scopes)
    return ChangeSet(command, session.info.get("user", ""), utcnow(), rows, units, years, rounds)


def _scope(session: Session, scopes: list[tuple[str, uuid.UUID, dict]]):
    """Units, years and rounds of the changed rows, from the keys each row carries (one query per kind)."""
    units: set[uuid.UUID] = set()
    year_ids: set[uuid.UUID] = set()
    years: set[int] = set()
    round_ids: set[uuid.UUID] = set()
    assignment_ids: set[uuid.UUID] = set()
    for table, row_id, scope in scopes:
        own = {"unit": "unit_id", "fiscalyear": "fiscal_year_id", "round": "round_id", "assignment": "assignment_id"}
        if table in own:
            scope = {**scope, own[table]: row_id}
        for key, bucket in (("unit_id", units), ("fiscal_year_id", year_ids), ("round_id", round_ids),
                            ("assignment_id", assignment_ids)):
            if scope.get(key) is not None:
                bucket.add(scope[key])
        if table == "fiscalyear" and scope.get("year_be") is not None:
            years.add(int(scope["year_be"]))
        if table == "meeting" and scope.get("year_be") is not None:
            years.add(int(scope["year_be"]))
    if assignment_ids:
        for unit_id, fy_id in session.execute(select(Assignment.unit_id, Assignment.fiscal_year_id)
                                              .where(Assignment.id.in_(assignment_ids))):
            units.add(unit_id)
            year_ids.add(fy_id)
    round_rows = []
    if round_ids:
        round_rows = session.execute(select(Round.fiscal_year_id, Round.months).where(Round.id.in_(round_ids))).all()
        year_ids |= {fy for fy, _m in round_rows}
    year_of = {}
    if year_ids:
        year_of = dict(session.execute(select(FiscalYear.id, FiscalYear.year_be).where(FiscalYear.id.in_(year_ids))).all())
        years |= set(year_of.values())
    rounds = {(year_of[fy], months) for fy, months in round_rows if fy in year_of}
    return frozenset(units), frozenset(years), frozenset(rounds)
