"""Scores of a round straight from the database: one query for all rows, then the pure domain rule.

No ORM objects and no lazy relationships on this path: it runs on every edit in the GUI and over the
whole country in the benchmark.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlmodel import Session

from app.domain.unit_score import ComponentSpec, IndicatorLine, UnitScore, score_unit
from app.models import Assignment, FrameworkComponent, Indicator, Result, Round, Unit
from app.services import lookup

A, I, C, R, U = (m.__table__ for m in (Assignment, Indicator, FrameworkComponent, Result, Unit))


@dataclass
class RoundScores:
    year_be: int
    round_months: int
    round: Round
    components: list[ComponentSpec]
    units: list[UnitScore]


def framework_specs(session: Session, fiscal_year_id: uuid.UUID) -> list[ComponentSpec]:
    rows = session.execute(select(C.c.id, C.c.parent_id, C.c.code, C.c.name_th, C.c.name_en, C.c.weight, C.c.rounds)
                           .where(C.c.fiscal_year_id == fiscal_year_id).order_by(C.c.sort_order)).all()
    code_of = {r.id: r.code for r in rows}
    return [ComponentSpec(r.code, r.name_th, r.weight, code_of.get(r.parent_id),
                          frozenset(int(x) for x in r.rounds.split(",") if x), r.name_en) for r in rows]


def load_lines(session: Session, fiscal_year_id: uuid.UUID, round_id: uuid.UUID | None,
               unit_ids: list[uuid.UUID] | None = None, months: int = 12) -> dict[uuid.UUID, list[IndicatorLine]]:
    """Every assigned indicator of the year with its actual in ``round_id`` (None: no actuals), per unit.

    In the 6-month round an indicator's 6-month targets replace the annual ones where they are set.
    """
    result_join = and_(R.c.assignment_id == A.c.id, R.c.round_id == round_id)
    query = (
        select(A.c.id, A.c.unit_id, A.c.weight, A.c.base, A.c.standard, A.c.advanced, A.c.base_6, A.c.standard_6,
               A.c.advanced_6, A.c.monitor,
               C.c.code.label("component"), I.c.name_th, I.c.code, I.c.unit_of_measure, I.c.kind, I.c.step,
               I.c.cumulative, R.c.actual)
        .join(I, I.c.id == A.c.indicator_id)
        .join(C, C.c.id == A.c.component_id)
        .outerjoin(R, result_join)
        .where(A.c.fiscal_year_id == fiscal_year_id)
        .order_by(A.c.unit_id, A.c.sort_order)
    )
    if unit_ids is not None:
        query = query.where(A.c.unit_id.in_(unit_ids))
    out: dict[uuid.UUID, list[IndicatorLine]] = {}
    for r in session.execute(query):
        half = months == 6 and r.base_6 is not None
        out.setdefault(r.unit_id, []).append(IndicatorLine(
            key=r.id, name=r.name_th, component_code=r.component, weight=r.weight,
            base=r.base_6 if half else r.base, standard=r.standard_6 if half else r.standard,
            advanced=r.advanced_6 if half else r.advanced, actual=r.actual, monitor=r.monitor, code=r.code,
            unit_of_measure=r.unit_of_measure, kind=r.kind, step=r.step, cumulative=r.cumulative))
    return out


def score_round(session: Session, *, year_be: int, months: int, unit_code: str | None = None) -> RoundScores:
    rnd = lookup.round_of(session, year_be, months)
    specs = framework_specs(session, rnd.fiscal_year_id)
    unit_query = select(U.c.id, U.c.code, U.c.name_th).order_by(U.c.sort_order, U.c.code)
    if unit_code is not None:
        unit_query = unit_query.where(U.c.id == lookup.unit(session, unit_code).id)
    units = session.execute(unit_query).all()
    lines = load_lines(session, rnd.fiscal_year_id, rnd.id, [u.id for u in units] if unit_code else None, months)
    scores = [score_unit(lines[u.id], specs, months, u.id, u.code, u.name_th) for u in units if u.id in lines]
    return RoundScores(year_be, months, rnd, specs, scores)
