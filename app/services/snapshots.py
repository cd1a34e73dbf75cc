"""Snapshots of locked rounds: the exact inputs a round was scored from, kept as JSON.

``lock_round`` stores one; ``scoring.score_round`` reads a locked round from its latest snapshot, so
nothing done after the lock (an approved change request, a renamed unit, a new assignment) moves a
locked round's numbers, and a reprint equals the first print. Reopening keeps the old revisions; the
next lock stores revision n + 1.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlmodel import Session

from app.domain.grades import DEFAULT_FLOORS
from app.domain.unit_score import ComponentSpec, IndicatorLine
from app.models import Round, RoundSnapshot
from app.domain.thai_text import plain

_LINE_FIELDS = ("key", "name", "component_code", "weight", "base", "standard", "advanced", "actual", "monitor",
                "code", "unit_of_measure", "kind", "step", "cumulative", "reported", "verified", "direction")
_DECIMALS = {"weight", "base", "standard", "advanced", "actual", "reported"}
_LATER = {"reported": None, "verified": False, "direction": None}      # fields older snapshots do not have


@dataclass
class RoundInputs:
    """What a round is scored from: the framework, the units (stored id, code, name) and their lines."""

    specs: list[ComponentSpec]
    units: list[tuple]
    lines: dict
    revision: int | None = None
    grade_floors: str = DEFAULT_FLOORS      # the year's grade bands when the round was scored


def _enc(value):
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, uuid.UUID):
        return value.hex              # as SQLite stores it: payloads stay comparable across versions
    return value if value is None or isinstance(value, (str, int, bool)) else str(value)


def encode(inputs: RoundInputs) -> str:
    return json.dumps({
        "grade_floors": inputs.grade_floors,
        "framework": [{"code": s.code, "name_th": s.name_th, "name_en": s.name_en, "weight": _enc(s.weight),
                       "parent": s.parent_code, "rounds": sorted(s.rounds), "takes": s.takes} for s in inputs.specs],
        "units": [{"key": _enc(key), "code": code, "name": name,
                   "lines": [{f: _enc(getattr(ln, f)) for f in _LINE_FIELDS} for ln in inputs.lines.get(key, [])]}
                  for key, code, name in inputs.units],
    }, ensure_ascii=False, sort_keys=True)


def decode(payload: str, revision: int, key_type=uuid.UUID) -> RoundInputs:
    data = json.loads(payload)
    specs = [ComponentSpec(c["code"], c["name_th"], None if c["weight"] is None else Decimal(c["weight"]), c["parent"], frozenset(c["rounds"]),
                           c.get("name_en", ""), c.get("takes", "targets")) for c in data["framework"]]
    units, lines = [], {}
    for u in data["units"]:
        key = key_type(u["key"])
        units.append((key, u["code"], u["name"]))
        lines[key] = [_line(raw, key_type) for raw in u["lines"]]
    return RoundInputs(specs, units, lines, revision, data.get("grade_floors", DEFAULT_FLOORS))


def _line(raw: dict, key_type) -> IndicatorLine:
    values = {f: raw[f] if f in raw else _LATER[f] for f in _LINE_FIELDS}
    for f in _DECIMALS:
        values[f] = None if values[f] is None else Decimal(values[f])
    values["key"] = key_type(values["key"])
    return IndicatorLine(**values)


def next_snapshot(session: Session, rnd: Round, inputs: RoundInputs) -> RoundSnapshot:
    """The next revision's row, not yet added: only ``framework.lock_round`` stores one."""
    last = session.execute(select(func.max(RoundSnapshot.revision)).where(RoundSnapshot.round_id == rnd.id)).scalar()
    return RoundSnapshot(round_id=rnd.id, revision=(last or 0) + 1, taken_by=session.info.get("user", ""),
                         payload=encode(inputs))


def latest_snapshot(session: Session, round_id) -> RoundSnapshot | None:
    return session.execute(select(RoundSnapshot).where(RoundSnapshot.round_id == round_id)
                           .order_by(RoundSnapshot.revision.desc()).limit(1)).scalar()
