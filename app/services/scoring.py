"""Scores of a round straight from the database: one query for all rows, then the pure domain rule.

This path runs on every edit in the GUI and over the whole country in the benchmark, so it avoids
ORM objects and per-row lazy loading, and reads decimal columns as their stored text (turning only
non-empty cells into ``Decimal``) instead of going through a type processor per cell.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import String, and_, select, type_coerce
from sqlmodel import Session

from app.domain.grades import DEFAULT_FLOORS, grades_of
from app.domain.unit_score import ComponentSpec, Framework, IndicatorLine, UnitScore, score_unit
from app.models import Assignment, FiscalYear, FrameworkComponent, Indicator, Result, Round, RoundStatus, Unit
from app.services import lookup
from app.services.snapshots import RoundInputs, decode, latest_snapshot

A, I, C, R, U = (m.__table__ for m in (Assignment, Indicator, FrameworkComponent, Result, Unit))


@dataclass
class RoundScores:
    year_be: int
    round_months: int
    round: Round
    components: Framework
    units: list[UnitScore]
    snapshot_revision: int | None = None   # set when a locked round is read from its snapshot


def grade_floors(session: Session, fiscal_year_id: uuid.UUID) -> str:
    """The year's grade bands ("90,75,60": quality, upper standard, basic standard)."""
    return session.execute(select(FiscalYear.grade_floors).where(FiscalYear.id == fiscal_year_id)).scalar() \
        or DEFAULT_FLOORS


def framework_specs(session: Session, fiscal_year_id: uuid.UUID) -> list[ComponentSpec]:
    return [spec for _id, spec in _framework_rows(session, fiscal_year_id)]


def _framework_rows(session: Session, fiscal_year_id) -> list[tuple[str, ComponentSpec]]:
    rows = session.execute(select(stored(C.c.id), stored(C.c.parent_id), C.c.code, C.c.name_th, C.c.name_en, C.c.weight,
                                  C.c.rounds, C.c.takes).where(C.c.fiscal_year_id == fiscal_year_id).order_by(C.c.sort_order)).all()
    code_of = {r[0]: r.code for r in rows}
    return [(r[0], ComponentSpec(r.code, r.name_th, r.weight, code_of.get(r[1]),
                                 frozenset(int(x) for x in r.rounds.split(",") if x), r.name_en, r.takes or "targets"))
            for r in rows]


def stored(col):
    """The column as stored, with no type processing (ids stay hex text, decimals stay text)."""
    return type_coerce(col, String)


def as_uuid(key) -> uuid.UUID:
    """An id read with ``stored`` (hex text on SQLite, text or a UUID on PostgreSQL) as a UUID: ids leave
    the services as UUIDs, never as stored text."""
    return key if isinstance(key, uuid.UUID) else uuid.UUID(key)


def load_lines(session: Session, fiscal_year_id: uuid.UUID, round_id: uuid.UUID | None,
               unit_ids: list | None = None, months: int = 12, component_code: dict | None = None) -> dict:
    """Every assigned indicator of the year (not withdrawn) with its actual in ``round_id`` (None: no actuals), per unit.

    Keys are the unit ids (UUID), as are the lines' keys. In the 6-month round an indicator's 6-month targets replace the
    annual ones where they are set. The actual scored is the verified figure where there is one; the unit's own
    figure is kept beside it (``reported``) when the two differ.
    """
    query = (
        select(stored(A.c.id), stored(A.c.unit_id), stored(A.c.indicator_id), stored(A.c.component_id), A.c.sort_order,
               stored(A.c.weight), stored(A.c.base), stored(A.c.standard), stored(A.c.advanced), stored(A.c.base_6),
               stored(A.c.standard_6), stored(A.c.advanced_6), A.c.monitor, stored(R.c.actual),
               stored(R.c.verified_actual))
        .outerjoin(R, and_(R.c.assignment_id == A.c.id, R.c.round_id == round_id))
        .where(A.c.fiscal_year_id == fiscal_year_id, A.c.withdrawn_on.is_(None))
    )
    catalogue_query = select(stored(I.c.id), I.c.name_th, I.c.code, I.c.unit_of_measure, I.c.kind, I.c.step,
                             I.c.cumulative, I.c.direction).where(I.c.id.in_(
                                 select(A.c.indicator_id).where(A.c.fiscal_year_id == fiscal_year_id)))
    if unit_ids is not None:
        query = query.where(A.c.unit_id.in_(unit_ids))
        catalogue_query = catalogue_query.where(I.c.id.in_(
            select(A.c.indicator_id).where(A.c.fiscal_year_id == fiscal_year_id, A.c.unit_id.in_(unit_ids))))
    catalogue = {row[0]: tuple(row[1:]) for row in session.execute(catalogue_query).all()}
    if component_code is None:
        component_code = {cid: spec.code for cid, spec in _framework_rows(session, fiscal_year_id)}
    staged: dict = {}
    dec = Decimal
    six = months == 6
    for (key, unit_id, indicator_id, component_id, order, weight, base, standard, advanced, base6, standard6,
         advanced6, monitor, actual, verified) in session.execute(query).all():
        if six and base6 is not None:
            base, standard, advanced = base6, standard6, advanced6
        name, code, uom, kind, step, cumulative, direction = catalogue[indicator_id]
        line = IndicatorLine(
            as_uuid(key), name, component_code[component_id], dec(weight),
            None if base is None else dec(base), None if standard is None else dec(standard),
            None if advanced is None else dec(advanced), None if actual is None else dec(actual),
            monitor, code, uom, kind, step, cumulative, direction=None if direction is None else str(direction))
        if verified is not None:
            line.verified, line.actual = True, dec(verified)
            if line.actual != (None if actual is None else dec(actual)):
                line.reported = None if actual is None else dec(actual)
        bucket = staged.get(unit_id)
        if bucket is None:
            bucket = staged[unit_id] = []
        bucket.append((order, code, line))
    return {as_uuid(unit_id): [line for _o, _c, line in sorted(rows, key=lambda r: (r[0], r[1]))]
            for unit_id, rows in staged.items()}


def live_inputs(session: Session, rnd: Round, only: list | None = None) -> RoundInputs:
    """The round's inputs as the database holds them now."""
    framework_rows = _framework_rows(session, rnd.fiscal_year_id)
    unit_query = select(stored(U.c.id), U.c.code, U.c.name_th).order_by(U.c.sort_order, U.c.code)
    if only is not None:
        unit_query = unit_query.where(U.c.id.in_(only))
    units = [(as_uuid(uid), code, name) for uid, code, name in session.execute(unit_query).all()]
    lines = load_lines(session, rnd.fiscal_year_id, rnd.id, only, rnd.months,
                       {cid: spec.code for cid, spec in framework_rows})
    return RoundInputs([spec for _id, spec in framework_rows], units, lines,
                       grade_floors=grade_floors(session, rnd.fiscal_year_id))


def round_inputs(session: Session, rnd: Round, only: list | None = None) -> RoundInputs:
    """A locked round's inputs from its latest snapshot; any other round's from the live tables."""
    snap = latest_snapshot(session, rnd.id) if rnd.status == RoundStatus.LOCKED else None
    if snap is None:
        return live_inputs(session, rnd, only)
    inputs = decode(snap.payload, snap.revision)
    if only is not None:
        keep = set(only)
        inputs.units = [u for u in inputs.units if u[0] in keep]
    return inputs


def score_round(session: Session, *, year_be: int, months: int, unit_code: str | None = None,
                unit_ids: list[uuid.UUID] | None = None) -> RoundScores:
    """The round's scores, of every unit or only of ``unit_code`` / ``unit_ids`` (what an edit touched)."""
    rnd = lookup.round_of(session, year_be, months)
    only = _only(session, unit_code, unit_ids)
    inputs = round_inputs(session, rnd, only)
    fw = Framework(inputs.specs, grades_of(inputs.grade_floors))
    scores = [score_unit(inputs.lines[uid], fw, months, uid, code, name)
              for uid, code, name in inputs.units if uid in inputs.lines]
    return RoundScores(year_be, months, rnd, fw, scores, inputs.revision)


def _only(session: Session, unit_code: str | None, unit_ids) -> list | None:
    if unit_code is not None:
        return [lookup.unit(session, unit_code).id]
    return None if unit_ids is None else list(unit_ids)


def early_warnings(session: Session, *, year_be: int, unit_code: str | None = None,
                   unit_ids: list[uuid.UUID] | None = None) -> list:
    """The early warning of every unit of a year (``domain.early_warning``): 6-month actuals projected
    and scored on the annual targets, only for the components due at six months."""
    from app.domain.early_warning import warn_unit

    six = lookup.round_of(session, year_be, 6)
    only = _only(session, unit_code, unit_ids)
    inputs = live_inputs(session, six, only)
    fw = Framework(inputs.specs, grades_of(inputs.grade_floors))
    annual = load_lines(session, six.fiscal_year_id, six.id, only, months=12)
    return [warn_unit(code, name, annual[uid], fw) for uid, code, name in inputs.units if uid in annual]
