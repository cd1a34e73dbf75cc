"""Early warning (สัญญาณเตือนล่วงหน้า) from 6-month actuals, before OPDC's June flags.

Rule: each indicator's 12-month value is projected in a straight line from the start of the fiscal
year. A cumulative indicator (counts, revenue: ``cumulative``) is expected to double by 12 months;
a level, rate or index is carried forward as it stands, and a step indicator keeps the whole step it
has reached (a step is never doubled or split). Only indicators whose component is evaluated at six
months are expected to have a 6-month result; the others (FY2567: Potential Base) are "not due". The projected value is scored with the
indicator's targets: on track at 75 points or more (standard reached), at risk from 50 (base reached),
off track below base. No 6-month result: no data (flagged). A unit's projected score is the weighted
mean of the projected points of its evaluated indicators that have data; below 60 it is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum

from app.domain.scoring import CONTEXT, ZERO, TargetError, kpi_score
from app.domain.grades import GRADES
from app.domain.unit_score import IndicatorLine

AT_RISK_BELOW = Decimal(75)
OFF_TRACK_BELOW = Decimal(50)


class Signal(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    BAD_TARGETS = "bad_targets"
    NOT_DUE = "not_due"


# the signals a secretary is warned of (listed on the dashboard and by ``score --warnings``)
ALERTS = frozenset({Signal.AT_RISK, Signal.OFF_TRACK, Signal.NO_DATA, Signal.BAD_TARGETS})

SIGNAL_TH = {
    Signal.ON_TRACK: "เป็นไปตามเป้าหมาย",
    Signal.AT_RISK: "มีความเสี่ยง",
    Signal.OFF_TRACK: "ไม่เป็นไปตามเป้าหมาย",
    Signal.NO_DATA: "ยังไม่มีผล ๖ เดือน",
    Signal.BAD_TARGETS: "ค่าเป้าหมายใช้คิดคะแนนไม่ได้",
    Signal.NOT_DUE: "ไม่ต้องรายงานผลรอบ ๖ เดือน",
}
SIGNAL_EN = {Signal.ON_TRACK: "on track", Signal.AT_RISK: "at risk", Signal.OFF_TRACK: "off track",
             Signal.NO_DATA: "no 6-month result", Signal.BAD_TARGETS: "targets cannot be scored",
             Signal.NOT_DUE: "not due at 6 months"}


@dataclass(frozen=True)
class Warning:
    line: IndicatorLine
    projected: Decimal | None
    projected_points: Decimal | None
    signal: Signal


def project(actual_6: Decimal, cumulative: bool, step: bool = False) -> Decimal:
    if step:
        return actual_6.to_integral_value(rounding=ROUND_FLOOR)
    return CONTEXT.multiply(actual_6, Decimal(2)) if cumulative else actual_6


def warn(line: IndicatorLine, due: bool = True) -> Warning:
    if not due:
        return Warning(line, None, None, Signal.NOT_DUE)
    if line.actual is None:
        return Warning(line, None, None, Signal.NO_DATA)
    projected = project(line.actual, line.cumulative, line.step)
    try:
        points = kpi_score(projected, line.base, line.standard, line.advanced, line.direction)
    except TargetError:          # a result there is, but targets out of order or against the direction
        return Warning(line, projected, None, Signal.BAD_TARGETS)
    if points >= AT_RISK_BELOW:
        signal = Signal.ON_TRACK
    elif points >= OFF_TRACK_BELOW:
        signal = Signal.AT_RISK
    else:
        signal = Signal.OFF_TRACK
    return Warning(line, projected, points, signal)


@dataclass(frozen=True)
class UnitWarning:
    unit_code: str
    unit_name: str
    warnings: list[Warning]
    projected: Decimal | None
    floor: Decimal = Decimal(60)            # the year's basic-standard floor

    @property
    def below_floor(self) -> bool:
        return self.projected is not None and self.projected < self.floor


def warn_unit(unit_code: str, unit_name: str, annual_lines: list[IndicatorLine], framework,
              months: int = 6) -> UnitWarning:
    """Every evaluated indicator of a unit, projected from its ``months`` result (annual targets)."""
    due_tops = framework.tops_in_round(months)
    warnings = [warn(ln, framework.top[ln.component_code] in due_tops) for ln in annual_lines if not ln.monitor]
    return UnitWarning(unit_code, unit_name, warnings, projected_unit_score(warnings),
                       getattr(framework, "grades", GRADES)[-2].floor)


def projected_unit_score(warnings: list[Warning]) -> Decimal | None:
    rows = [w for w in warnings if not w.line.monitor and w.projected_points is not None and w.line.weight > 0]
    total_weight = sum((w.line.weight for w in rows), ZERO)
    if not total_weight:
        return None
    total = sum((CONTEXT.multiply(w.projected_points, w.line.weight) for w in rows), ZERO)
    return CONTEXT.divide(total, total_weight)
