"""What-if: the actual needed for a number of points, and the smallest plan that lifts a unit a grade.

"Smallest" means the fewest indicators changed. With the fewest, the gap is shared so each chosen
indicator climbs the same fraction of its remaining headroom (weight × (100 − points)), which asks no
single indicator for a leap while others stay put. An indicator below base that must move jumps to
base (50 points) at least, because nothing between 0 and 50 can be earned; the rest of the gap is
then shared among the others. Step indicators are rounded up to a whole step, other actuals to the
precision the indicator's targets are written in, in the direction that still reaches the points. The plan is checked by
scoring the unit again with the new actuals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from app.domain.grades import GRADES, Grade, next_grade
from app.domain.scoring import ADVANCED_POINTS, BASE_POINTS, CONTEXT, ZERO, check_targets, kpi_score, required_actual
from app.domain.unit_score import ComponentSpec, ScoredLine, UnitScore, as_framework, score_unit

def precision_of(*values: Decimal | None) -> Decimal:
    """The finest decimal place the targets are written with (targets 0.00001 / 0.00002 → 0.00001;
    90 / 93 / 96 → 1): an actual is asked for in the precision the indicator is measured in."""
    places = max((-v.as_tuple().exponent for v in values if v is not None and v.as_tuple().exponent < 0), default=0)
    return Decimal(1).scaleb(-places)


@dataclass(frozen=True)
class Improvement:
    scored: ScoredLine
    new_actual: Decimal
    new_points: Decimal


@dataclass(frozen=True)
class WhatIfPlan:
    current: UnitScore
    target: Grade
    improvements: list[Improvement]
    new_score: Decimal | None
    reachable: bool


def _headroom(s: ScoredLine) -> Decimal:
    return CONTEXT.divide(CONTEXT.multiply(s.line.weight, ADVANCED_POINTS - (s.points or ZERO)), Decimal(100))


def _practical_actual(points: Decimal, s: ScoredLine) -> Decimal:
    line = s.line
    higher = check_targets(line.base, line.standard, line.advanced)
    value = required_actual(points, line.base, line.standard, line.advanced)
    if line.step:
        return Decimal(math.ceil(value)) if higher else Decimal(math.floor(value))
    # rounded the way that still earns the points: up when higher is better, down when lower is
    return value.quantize(precision_of(line.base, line.standard, line.advanced),
                          rounding=ROUND_CEILING if higher else ROUND_FLOOR)


def _share(gap: Decimal, chosen: list[ScoredLine]) -> dict:
    """New points per chosen line so that the weighted gain covers ``gap``."""
    fixed: dict = {}
    while True:
        free = [s for s in chosen if s.line.key not in fixed]
        remaining = gap - sum((CONTEXT.multiply(fixed[s.line.key] - (s.points or ZERO), s.line.weight) / 100
                               for s in chosen if s.line.key in fixed), ZERO)
        room = sum((_headroom(s) for s in free), ZERO)
        if remaining <= 0 or not free:
            return {**fixed, **{s.line.key: (s.points or ZERO) for s in free}}
        fraction = min(Decimal(1), CONTEXT.divide(remaining, room))
        new = {s.line.key: (s.points or ZERO) + CONTEXT.multiply(fraction, ADVANCED_POINTS - (s.points or ZERO)) for s in free}
        jumps = [s for s in free if (s.points or ZERO) < BASE_POINTS and new[s.line.key] < BASE_POINTS]
        if not jumps:
            return {**fixed, **new}
        for s in jumps:
            fixed[s.line.key] = BASE_POINTS


def plan_next_grade(current: UnitScore, components: list[ComponentSpec]) -> WhatIfPlan | None:
    """None when the unit is already at the top grade."""
    target = next_grade(current.grade, as_framework(components).grades)
    if target is None:
        return None
    gap_score = target.floor - current.score
    gap = CONTEXT.divide(CONTEXT.multiply(gap_score, current.out_of), Decimal(100))
    candidates = []
    for s in current.evaluated:
        try:
            check_targets(s.line.base, s.line.standard, s.line.advanced)
        except Exception:
            continue
        if _headroom(s) > 0:
            candidates.append(s)
    candidates.sort(key=lambda s: (-_headroom(s), s.line.name))
    for k in range(1, len(candidates) + 1):
        chosen = candidates[:k]
        if sum((_headroom(s) for s in chosen), ZERO) < gap:
            continue
        new_points = _share(gap, chosen)
        improvements = []
        actuals = {}
        for s in chosen:
            actual = _practical_actual(new_points[s.line.key], s)
            actuals[s.line.key] = actual
            improvements.append(Improvement(s, actual, kpi_score(actual, s.line.base, s.line.standard, s.line.advanced)))
        rescored = score_unit(
            [replace(x.line, actual=actuals.get(x.line.key, x.line.actual)) for x in current.lines],
            components, current.round_months, current.unit_key, current.unit_code, current.unit_name,
        )
        if _rank(rescored.grade) <= _rank(target):
            return WhatIfPlan(current, target, improvements, rescored.score, True)
    return WhatIfPlan(current, target, [], None, False)


@dataclass(frozen=True)
class Advice:
    """What-if in words, Thai and English, as the dashboard and ``kpi-desk score --what-if`` both say it:
    one summary sentence and one line per indicator to raise."""

    summary: tuple[str, str]
    items: tuple[tuple[str, str], ...] = ()


def advice(current: UnitScore, components: list[ComponentSpec]) -> Advice:
    from app.domain.thai_text import format_number, plain
    if not current.gradable:
        return Advice(("; ".join(i.th for i in current.issues if i.blocking),
                       "; ".join(i.en for i in current.issues if i.blocking)))
    plan = plan_next_grade(current, components)
    if plan is None:
        return Advice(("อยู่ในระดับสูงสุดแล้ว", "already at the highest grade"))
    if not plan.reachable:
        return Advice((f"ไม่สามารถถึง{plan.target.th}ได้แม้ทุกตัวชี้วัดได้ ๑๐๐ คะแนน",
                       f"{plan.target.en} cannot be reached even with 100 points on every indicator"))
    n, score = len(plan.improvements), format_number(plan.new_score)
    items = []
    for i in plan.improvements:
        line, was, to, points = i.scored.line, plain(i.scored.line.actual), plain(i.new_actual), format_number(i.new_points)
        items.append((f"{line.name}: จาก {was or 'ไม่มีผล'} เป็น {to} {line.unit_of_measure} ({points} คะแนน)",
                      f"{line.name}: from {was or 'no result'} to {to} {line.unit_of_measure} ({points} points)"))
    return Advice((f"ถึง{plan.target.th} (คะแนน {score}) โดยปรับ {n} ตัวชี้วัด",
                   f"reaches {plan.target.en} (score {score}) by raising {n} indicator(s)"), tuple(items))


def _rank(g: Grade) -> int:
    """0 for the top grade: grades compare by level, whatever the year's floors."""
    return [x.code for x in GRADES].index(g.code)
