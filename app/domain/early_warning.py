"""Early warning (สัญญาณเตือนล่วงหน้า) from 6-month actuals, before OPDC's June flags.

Rule: each indicator's 12-month value is projected in a straight line from the start of the fiscal
year. A cumulative indicator (counts, revenue: ``cumulative``) is expected to double by 12 months;
a level, rate, index or step is carried forward as it stands. The projected value is scored with the
indicator's targets: on track at 75 points or more (standard reached), at risk from 50 (base reached),
off track below base. No 6-month result: no data (flagged). A unit's projected score is the weighted
mean of the projected points of its evaluated indicators that have data; below 60 it is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.scoring import CONTEXT, ZERO, TargetError, kpi_score
from app.domain.unit_score import IndicatorLine

AT_RISK_BELOW = Decimal(75)
OFF_TRACK_BELOW = Decimal(50)
UNIT_FLOOR = Decimal(60)


class Signal(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


SIGNAL_TH = {
    Signal.ON_TRACK: "เป็นไปตามเป้าหมาย",
    Signal.AT_RISK: "มีความเสี่ยง",
    Signal.OFF_TRACK: "ไม่เป็นไปตามเป้าหมาย",
    Signal.NO_DATA: "ยังไม่มีผล ๖ เดือน",
}


@dataclass(frozen=True)
class Warning:
    line: IndicatorLine
    projected: Decimal | None
    projected_points: Decimal | None
    signal: Signal


def project(actual_6: Decimal, cumulative: bool) -> Decimal:
    return CONTEXT.multiply(actual_6, Decimal(2)) if cumulative else actual_6


def warn(line: IndicatorLine) -> Warning:
    if line.actual is None:
        return Warning(line, None, None, Signal.NO_DATA)
    projected = project(line.actual, line.cumulative)
    try:
        points = kpi_score(projected, line.base, line.standard, line.advanced)
    except TargetError:
        return Warning(line, projected, None, Signal.NO_DATA)
    if points >= AT_RISK_BELOW:
        signal = Signal.ON_TRACK
    elif points >= OFF_TRACK_BELOW:
        signal = Signal.AT_RISK
    else:
        signal = Signal.OFF_TRACK
    return Warning(line, projected, points, signal)


def projected_unit_score(warnings: list[Warning]) -> Decimal | None:
    rows = [w for w in warnings if not w.line.monitor and w.projected_points is not None and w.line.weight > 0]
    total_weight = sum((w.line.weight for w in rows), ZERO)
    if not total_weight:
        return None
    total = sum((CONTEXT.multiply(w.projected_points, w.line.weight) for w in rows), ZERO)
    return CONTEXT.divide(total, total_weight)
