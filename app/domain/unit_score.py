"""A unit's score for a round: weighted sum over evaluated indicators, per component of the framework.

Plain data in, plain data out, so the GUI, the reports, the CLI and the benchmarks share one rule.
A round evaluates the top-level components whose ``rounds`` include it (FY2567: the 6-month round
takes Performance Base only); the score is that weighted sum rescaled to 100, so the 12-month score is
the plain sum and the 6-month score is Performance Base points × 100 / 70 (OPDC's percentage view).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from app.domain.grades import Grade, grade
from app.domain.scoring import CONTEXT, ZERO, TargetError, kpi_score, weighted

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ComponentSpec:
    code: str
    name_th: str
    weight: Decimal | None
    parent_code: str | None = None
    rounds: frozenset[int] = frozenset({6, 12})
    name_en: str = ""


@dataclass(frozen=True)
class IndicatorLine:
    """One assigned indicator of a unit with its actual for the round (None: no result)."""

    key: Any
    name: str
    component_code: str
    weight: Decimal
    base: Decimal | None
    standard: Decimal | None
    advanced: Decimal | None
    actual: Decimal | None
    monitor: bool = False
    code: str = ""
    unit_of_measure: str = ""
    kind: str = ""
    step: bool = False
    cumulative: bool = False


@dataclass(frozen=True)
class ScoredLine:
    line: IndicatorLine
    points: Decimal | None
    weighted: Decimal | None
    evaluated: bool
    missing: bool
    error: str = ""


@dataclass(frozen=True)
class ComponentScore:
    spec: ComponentSpec
    weight: Decimal
    points: Decimal
    evaluated: bool

    @property
    def percent(self) -> Decimal:
        return CONTEXT.divide(CONTEXT.multiply(self.points, HUNDRED), self.weight) if self.weight else ZERO


@dataclass
class UnitScore:
    unit_key: Any
    unit_code: str
    unit_name: str
    round_months: int
    lines: list[ScoredLine]
    components: list[ComponentScore]
    points: Decimal
    out_of: Decimal
    score: Decimal
    grade: Grade
    extra: dict = field(default_factory=dict)

    @property
    def missing(self) -> list[ScoredLine]:
        return [s for s in self.lines if s.missing]

    @property
    def monitor(self) -> list[ScoredLine]:
        return [s for s in self.lines if s.line.monitor]

    @property
    def evaluated(self) -> list[ScoredLine]:
        return [s for s in self.lines if s.evaluated]


def top_code(code: str, specs: dict[str, ComponentSpec]) -> str:
    while specs[code].parent_code:
        code = specs[code].parent_code
    return code


def descends(code: str | None, ancestor: str, specs: dict[str, ComponentSpec]) -> bool:
    """True when ``code`` is ``ancestor`` or lies below it."""
    while code is not None:
        if code == ancestor:
            return True
        code = specs[code].parent_code
    return False


def score_line(line: IndicatorLine, evaluated: bool) -> ScoredLine:
    if line.actual is None:
        return ScoredLine(line, ZERO if evaluated and not line.monitor else None,
                          ZERO if evaluated and not line.monitor else None,
                          evaluated and not line.monitor, missing=evaluated and not line.monitor)
    try:
        points = kpi_score(line.actual, line.base, line.standard, line.advanced)
        error = ""
    except TargetError as exc:
        points, error = ZERO, exc.th
    if line.monitor or not evaluated:
        return ScoredLine(line, points, None, False, False, error)
    return ScoredLine(line, points, weighted(points, line.weight), True, False, error)


def score_unit(
    lines: Iterable[IndicatorLine],
    components: Iterable[ComponentSpec],
    round_months: int,
    unit_key: Any = None,
    unit_code: str = "",
    unit_name: str = "",
) -> UnitScore:
    specs = {c.code: c for c in components}
    tops_in_round = {c.code for c in specs.values() if c.parent_code is None and round_months in c.rounds}
    scored = []
    for line in lines:
        if line.component_code not in specs:
            raise KeyError(f"component {line.component_code!r} is not in the framework")
        scored.append(score_line(line, top_code(line.component_code, specs) in tops_in_round))

    comp_scores = []
    for spec in specs.values():
        mine = [s for s in scored if descends(s.line.component_code, spec.code, specs) and not s.line.monitor]
        weight = spec.weight if spec.weight is not None else sum((s.line.weight for s in mine), ZERO)
        points = sum((s.weighted for s in mine if s.weighted is not None), ZERO)
        comp_scores.append(ComponentScore(spec, weight, points, top_code(spec.code, specs) in tops_in_round))

    points = sum((s.weighted for s in scored if s.weighted is not None), ZERO)
    out_of = sum((c.weight for c in comp_scores if c.spec.parent_code is None and c.evaluated), ZERO)
    score = CONTEXT.divide(CONTEXT.multiply(points, HUNDRED), out_of) if out_of else ZERO
    return UnitScore(unit_key, unit_code, unit_name, round_months, scored, comp_scores, points, out_of, score, grade(score))
