"""Hypothesis properties of the rule: bounded, monotonic, continuous at levels, symmetric in direction."""

from decimal import Decimal as D

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.scoring import kpi_score, required_actual

numbers = st.decimals(min_value=D("-1e6"), max_value=D("1e6"), allow_nan=False, allow_infinity=False, places=4)
gaps = st.decimals(min_value=D("0.0001"), max_value=D("1e5"), allow_nan=False, allow_infinity=False, places=4)


@st.composite
def rising_targets(draw):
    base = draw(numbers)
    standard = base + draw(gaps)
    advanced = standard + draw(gaps)
    return base, standard, advanced


@given(rising_targets(), numbers)
def test_bounded_between_0_and_100(t, actual):
    assert 0 <= kpi_score(actual, *t) <= 100


@given(rising_targets(), numbers, numbers)
def test_monotonic_in_the_actual(t, a, b):
    low, high = sorted((a, b))
    assert kpi_score(low, *t) <= kpi_score(high, *t)


@given(rising_targets(), numbers)
def test_symmetric_between_the_two_directions(t, actual):
    mirrored = tuple(-x for x in t)
    assert kpi_score(actual, *t) == kpi_score(-actual, *mirrored)


@given(rising_targets())
def test_continuous_at_standard_and_advanced_and_jump_only_at_base(t):
    base, standard, advanced = t
    tiny = D("1e-12")
    assert kpi_score(standard, *t) == 75
    assert abs(kpi_score(standard - tiny, *t) - 75) < D("1e-6")
    assert abs(kpi_score(advanced - tiny, *t) - 100) < D("1e-6")
    assert kpi_score(base, *t) == 50
    assert kpi_score(base - tiny, *t) == 0  # the rule's one deliberate discontinuity


@given(rising_targets(), st.decimals(min_value=D(50), max_value=D(100), places=2))
@settings(max_examples=200)
def test_required_actual_round_trips(t, points):
    assume(points >= 50)
    actual = required_actual(points, *t)
    assert abs(kpi_score(actual, *t) - points) < D("1e-20")
