"""What-if: fewest indicators, the plan really lifts the grade, and nothing smaller would."""

from dataclasses import replace
from decimal import Decimal as D
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.grades import GRADES
from app.domain.scoring import ADVANCED_POINTS
from app.domain.unit_score import ComponentSpec, IndicatorLine, score_unit
from app.domain.whatif import plan_next_grade

FRAMEWORK = [ComponentSpec("1", "All", D(100), None, frozenset({6, 12}))]


def unit(actuals, weights, step=False):
    lines = [IndicatorLine(i, f"K{i}", "1", D(w), D(0), D(10), D(20), None if a is None else D(a), step=step)
             for i, (a, w) in enumerate(zip(actuals, weights))]
    return score_unit(lines, FRAMEWORK, 12)


def test_plan_reaches_next_grade_and_is_verified():
    u = unit(["5", "12", None, "20"], [40, 30, 20, 10])     # 62.5×.4 + 80×.3 + 0 + 100×.1 = 59 → needs improvement
    assert u.grade.code == "needs_improvement"
    plan = plan_next_grade(u, FRAMEWORK)
    assert plan.reachable and plan.target.code == "basic_standard"
    assert len(plan.improvements) == 1
    assert plan.new_score >= 60
    # largest headroom: the missing one, 20 × 100 / 100 = 20 (the first: 40 × 37.5 / 100 = 15)
    assert plan.improvements[0].scored.line.key == 2
    assert plan.improvements[0].new_points == 50            # from nothing, base is the least it can earn


def test_missing_result_must_jump_to_base_first():
    u = unit([None, "0"], [50, 50])                         # both below base: 0
    plan = plan_next_grade(u, FRAMEWORK)
    assert plan.target.code == "basic_standard" and plan.reachable
    assert all(i.new_points >= 50 for i in plan.improvements)


def test_step_indicators_get_whole_steps():
    lines = [IndicatorLine(0, "step", "1", D(100), D(3), D(4), D(5), D(3), step=True)]
    u = score_unit(lines, FRAMEWORK, 12)                    # 50 → next: 60 needs 3.4 steps → 4
    plan = plan_next_grade(u, FRAMEWORK)
    assert plan.improvements[0].new_actual == 4 and plan.new_score == 75


def test_top_grade_has_no_plan_and_impossible_is_said():
    assert plan_next_grade(unit(["20"], [100]), FRAMEWORK) is None
    broken = unit(["0", "20"], [10, 40])                    # weights add to 50: 90 is out of reach
    plan = plan_next_grade(broken, FRAMEWORK)
    assert plan.reachable is False and plan.improvements == []


def _best_possible(u, keys):
    lines = [replace(s.line, actual=s.line.advanced if s.line.key in keys else s.line.actual) for s in u.lines]
    return score_unit(lines, FRAMEWORK, 12)


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 25)), st.integers(1, 40)), min_size=1, max_size=6))
@settings(max_examples=150, deadline=None)
def test_no_smaller_set_could_reach_the_next_grade(rows):
    actuals = [None if a is None else str(a) for a, _ in rows]
    weights = [w for _, w in rows]
    u = unit(actuals, weights)
    plan = plan_next_grade(u, FRAMEWORK)
    if plan is None:
        return
    keys = [s.line.key for s in u.lines if s.points < ADVANCED_POINTS]
    if not plan.reachable:
        assert GRADES.index(_best_possible(u, set(keys)).grade) > GRADES.index(plan.target)
        return
    k = len(plan.improvements)
    rescored = score_unit([replace(s.line, actual=next((i.new_actual for i in plan.improvements
                                                       if i.scored.line.key == s.line.key), s.line.actual))
                           for s in u.lines], FRAMEWORK, 12)
    assert GRADES.index(rescored.grade) <= GRADES.index(plan.target)
    for smaller in combinations(keys, k - 1):
        assert GRADES.index(_best_possible(u, set(smaller)).grade) > GRADES.index(plan.target)
