"""Early warning: straight-line projection, signals, and units projected below 60."""

from decimal import Decimal as D

from app.domain.early_warning import Signal, project, projected_unit_score, warn
from app.domain.unit_score import IndicatorLine


def line(actual, cumulative=False, targets=("100", "120", "140"), weight="50"):
    return IndicatorLine("k", "n", "1", D(weight), *map(D, targets), None if actual is None else D(actual),
                         cumulative=cumulative)


def test_cumulative_values_double_levels_carry_forward():
    assert project(D(60), True) == 120
    assert project(D(60), False) == 60


def test_signals_at_each_threshold():
    assert warn(line("60", cumulative=True)).signal == Signal.ON_TRACK       # 120 → 75 points
    assert warn(line("59", cumulative=True)).signal == Signal.AT_RISK        # 118 → 72.5
    assert warn(line("50", cumulative=True)).signal == Signal.AT_RISK        # 100 → 50
    assert warn(line("49.9", cumulative=True)).signal == Signal.OFF_TRACK    # 99.8 → 0
    assert warn(line("130")).signal == Signal.ON_TRACK
    assert warn(line(None)).signal == Signal.NO_DATA


def test_lower_is_better_projection():
    dust = line("45", targets=("40", "37", "34"))
    assert warn(dust).signal == Signal.OFF_TRACK
    assert warn(line("38", targets=("40", "37", "34"))).signal == Signal.AT_RISK


def test_unit_projection_is_weighted_over_indicators_with_data():
    ws = [warn(line("60", True, weight="30")), warn(line("50", True, weight="10")), warn(line(None, weight="60"))]
    assert projected_unit_score(ws) == (D(75) * 30 + D(50) * 10) / 40
    assert projected_unit_score([warn(line(None))]) is None
