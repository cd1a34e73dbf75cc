"""The OPDC rule for one indicator: every level, both directions, steps, errors, and its inverse."""

from decimal import Decimal as D

import pytest

from app.domain.scoring import TargetError, check_targets, kpi_score, required_actual, weighted

UP = (D("70"), D("80"), D("90"))        # higher is better
DOWN = (D("40"), D("37"), D("34"))      # lower is better (PM2.5 µg/m³)


@pytest.mark.parametrize("actual,points", [
    ("0", "0"), ("69.99", "0"), ("70", "50"), ("72", "55"), ("75", "62.5"), ("79.99", "74.975"), ("80", "75"),
    ("84", "85"), ("89.99", "99.975"), ("90", "100"), ("90.01", "100"), ("1000", "100"),
])
def test_higher_is_better_every_level(actual, points):
    assert kpi_score(D(actual), *UP) == D(points)


@pytest.mark.parametrize("actual,points", [
    ("100", "0"), ("40.01", "0"), ("40", "50"), ("38.5", "62.5"), ("37", "75"), ("35.5", "87.5"),
    ("34", "100"), ("33.99", "100"), ("0", "100"),
])
def test_lower_is_better_every_level(actual, points):
    assert kpi_score(D(actual), *DOWN) == D(points)


def test_just_below_and_above_each_level_in_both_directions():
    eps = D("0.000001")
    for base, standard, advanced in (UP, DOWN):
        sign = 1 if base < advanced else -1
        for level, points in ((base, 50), (standard, 75), (advanced, 100)):
            assert kpi_score(level, base, standard, advanced) == points
            worse = kpi_score(level - sign * eps, base, standard, advanced)
            assert worse < points
            if points == 50:
                assert worse == 0  # falling short of base drops to zero, not to 49.99
        assert kpi_score(advanced + sign * eps, base, standard, advanced) == 100


def test_step_indicator_scored_on_the_step_number():
    steps = (D(3), D(4), D(5))
    assert [kpi_score(D(n), *steps) for n in range(1, 7)] == [0, 0, 50, 75, 100, 100]
    assert kpi_score(D("3.5"), *steps) == D("62.5")


def test_unequal_intervals_interpolate_per_segment():
    # base→standard spans 10, standard→advanced spans 40: the same actual step is worth different points
    assert kpi_score(D(105), D(100), D(110), D(150)) == D("62.5")
    assert kpi_score(D(130), D(100), D(110), D(150)) == D("87.5")


def test_repeating_fraction_is_exact_to_forty_digits():
    points = kpi_score(D(1), D(0), D(3), D(6))
    assert str(points).startswith("58.33333333333333333333")
    assert weighted(points, D(15)) == points * D(15) / D(100)


@pytest.mark.parametrize("targets", [
    ("70", "70", "90"), ("70", "80", "80"), ("70", "90", "80"), ("90", "70", "80"), ("5", "5", "5"),
])
def test_non_monotonic_targets_raise_thai_and_english(targets):
    with pytest.raises(TargetError) as info:
        kpi_score(D(75), *map(D, targets))
    assert "ค่าเป้าหมายต้องเรียงลำดับ" in info.value.th
    assert "strictly monotonic" in info.value.en
    assert targets[0] in info.value.th


def test_missing_target_level_is_an_error():
    with pytest.raises(TargetError) as info:
        check_targets(D(1), None, D(3))
    assert "ไม่ครบ" in info.value.th


@pytest.mark.parametrize("targets", [UP, DOWN, (D(3), D(4), D(5))])
@pytest.mark.parametrize("points", ["50", "55", "62.5", "75", "80", "99.9", "100"])
def test_required_actual_is_the_inverse(targets, points):
    actual = required_actual(D(points), *targets)
    assert kpi_score(actual, *targets) == D(points)


def test_required_actual_below_fifty_needs_base():
    assert required_actual(D(10), *UP) == UP[0]
    assert required_actual(D(0), *DOWN) == DOWN[0]
    with pytest.raises(ValueError):
        required_actual(D(101), *UP)
