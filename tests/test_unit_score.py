"""A unit's score: weighted sum, components, Monitor and missing results, the 6-month view."""

from decimal import Decimal as D

from app.domain.unit_score import ComponentSpec, IndicatorLine, ranked, score_unit
from app.services.scoring import score_round

FRAMEWORK = [
    ComponentSpec("1", "Performance Base", D(70), None, frozenset({6, 12})),
    ComponentSpec("1.1", "Functional", None, "1"),
    ComponentSpec("1.2", "Joint", None, "1"),
    ComponentSpec("2", "Potential Base", D(30), None, frozenset({12})),
    ComponentSpec("2.1", "Digital", D(20), "2", frozenset({12})),
    ComponentSpec("2.2", "PMQA", D(10), "2", frozenset({12})),
]


def line(key, comp, weight, targets, actual, monitor=False):
    return IndicatorLine(key, f"KPI {key}", comp, D(weight), *map(D, targets),
                         None if actual is None else D(actual), monitor=monitor)


def test_weighted_sum_with_monitor_and_missing():
    lines = [
        line(1, "1.1", 50, ("70", "80", "90"), "85"),          # 87.5 points → 43.75
        line(2, "1.2", 20, ("40", "37", "34"), None),          # missing → 0, flagged
        line(3, "1.1", 0, ("1", "2", "3"), "3", monitor=True),  # shown, not counted
        line(4, "2.1", 20, ("3", "4", "5"), "4"),              # 75 → 15
        line(5, "2.2", 10, ("300", "350", "400"), "420"),      # capped 100 → 10
    ]
    u = score_unit(lines, FRAMEWORK, 12)
    assert u.points == D("68.75") and u.out_of == 100 and u.score == D("68.75")
    assert u.grade.code == "basic_standard"
    assert [s.line.key for s in u.missing] == [2]
    monitor = u.monitor[0]
    assert monitor.points == 100 and monitor.weighted is None and not monitor.evaluated
    comps = {c.spec.code: c for c in u.components}
    assert comps["1"].points == D("43.75") and comps["1"].weight == 70
    assert comps["1.1"].weight == 50 and comps["1.2"].weight == 20
    assert comps["2"].points == 25 and str(comps["2"].percent).startswith("83.3333333333")


def test_six_month_round_takes_performance_base_only_as_a_percentage():
    lines = [line(1, "1.1", 70, ("0", "10", "20"), "10"), line(2, "2.1", 30, ("0", "10", "20"), None)]
    u = score_unit(lines, FRAMEWORK, 6)
    assert u.points == D("52.5") and u.out_of == 70
    assert u.score == D(75)          # 52.5 of 70 = 75 %
    assert u.missing == []           # Potential Base is not evaluated at 6 months, so not missing
    assert not u.lines[1].evaluated


def test_demo_unit_worked_by_hand(demo_store):
    """กรมทรัพยากรน้ำบาดาล, 12 months, after its approved change request (targets 120/160/200):

    DGR-01  w20  40/50/60     actual 47    → 50 + 25×7/10   = 67.5  → 13.5
    DGR-02  w25  90/93/96     actual 94.5  → 75 + 25×1.5/3  = 87.5  → 21.875
    DGR-03  w25  120/160/200  actual 140   → 50 + 25×20/40  = 62.5  → 15.625
    DIG-01  w10  70/80/90     actual 88    → 75 + 25×8/10   = 95    → 9.5
    DIG-02  w10  3/4/5        actual 5     → 100                     → 10
    PMQA-01 w10  300/350/400  actual 355   → 75 + 25×5/50   = 77.5  → 7.75
    total 78.25 → ระดับมาตรฐานขั้นสูง
    """
    with demo_store.reading() as s:
        u = score_round(s, year_be=2567, months=12, unit_code="DGR").units[0]
    got = {x.line.code: (x.points, x.weighted) for x in u.lines}
    assert got == {
        "DGR-01": (D("67.5"), D("13.5")), "DGR-02": (D("87.5"), D("21.875")), "DGR-03": (D("62.5"), D("15.625")),
        "DIG-01": (D("95"), D("9.5")), "DIG-02": (D("100"), D("10")), "PMQA-01": (D("77.5"), D("7.75")),
    }
    assert u.score == D("78.25") and u.grade.code == "upper_standard"
    comps = {c.spec.code: c.points for c in u.components}
    assert comps == {"1": D("51"), "1.1": D("37.5"), "1.2": D("13.5"), "2": D("27.25"), "2.1": D("19.5"), "2.2": D("7.75")}


def test_demo_six_month_uses_six_month_targets(demo_store):
    """สป.ทส., 6 months: OPS-02 is cumulative, scored on its 6-month targets 750/900/1050.

    OPS-01 83 on 80/85/90 → 65 ×20 = 13;  OPS-02 900 → 75 ×20 = 15;  OPS-03 52 on 60/45/30 (lower)
    → 50 + 25×8/15 ×15 = 9.5;  OPS-04 65 on 60/70/80 → 62.5 ×15 = 9.375;  Monitor OPS-M1 excluded.
    46.875 of 70 → 66.964… % → ระดับมาตรฐานขั้นต้น
    """
    with demo_store.reading() as s:
        u = score_round(s, year_be=2567, months=6, unit_code="OPS").units[0]
    assert u.points == D("46.875") and u.out_of == 70
    assert f"{u.score:.2f}" == "66.96" and u.grade.code == "basic_standard"
    assert [x.line.code for x in u.monitor] == ["OPS-M1"]


def test_a_line_whose_targets_cannot_be_scored_has_no_points_and_its_unit_no_score():
    """Targets out of order (base 80 > standard 70) with a result of 85 used to score 0 points, and the unit
    showed the rest of its score, 0.00 here, as a number: a number nobody scored. Now the line has no
    points, its components and the unit have no score to show ("–"), and it ranks after every scored unit."""
    broken = [line(1, "1.1", 70, ("80", "70", "90"), "85"), line(2, "2.1", 20, ("3", "4", "5"), "5"),
              line(3, "2.2", 10, ("1", "2", "3"), "3")]
    u = score_unit(broken, FRAMEWORK, 12, unit_code="A")
    bad = u.lines[0]
    assert bad.points is None and bad.weighted is None and bad.error and not bad.missing
    assert not u.has_score and not u.gradable
    assert [i.kind for i in u.issues] == ["targets"]
    scorable = {c.spec.code: c.scorable for c in u.components}
    assert scorable == {"1": False, "1.1": False, "1.2": True, "2": True, "2.1": True, "2.2": True}
    assert u.score == 30                           # what the rest adds up to: never shown as the unit's score

    fine = score_unit([line(1, "1.1", 70, ("70", "80", "90"), "60"), *broken[1:]], FRAMEWORK, 12, unit_code="B")
    assert fine.has_score and fine.score == 30 and u.score == fine.score
    assert [x.unit_code for x in ranked([u, fine])] == ["B", "A"]     # the "–" after the number, not beside it

    no_result = score_unit([line(1, "1.1", 70, ("80", "70", "90"), None), *broken[1:]], FRAMEWORK, 12)
    assert no_result.lines[0].points is None and no_result.lines[0].missing and not no_result.has_score


def test_targets_running_against_the_indicators_direction_are_not_scored():
    """ร้อยละของแหล่งน้ำผิวดิน… is higher-is-better; targets typed 80 / 75 / 70 were scored as if lower were
    better (77 → 65 points) and the unit was graded, while `kpi-desk check` called the same targets wrong.
    The scoring now reads the indicator's direction: no points, no score, the reason said."""
    from app.domain.early_warning import Signal, warn
    higher = IndicatorLine("w", "ร้อยละของแหล่งน้ำผิวดิน", "1.1", D(70), D(80), D(75), D(70), D(77), direction="higher")
    rest = [line(2, "2.1", 20, ("3", "4", "5"), "5"), line(3, "2.2", 10, ("1", "2", "3"), "3")]
    u = score_unit([higher, *rest], FRAMEWORK, 12)
    assert u.lines[0].points is None and "ทิศทางตรงข้าม" in u.lines[0].error and not u.has_score
    assert warn(higher).signal == Signal.BAD_TARGETS                  # nor projected from such targets
    lower = IndicatorLine("w", "ฝุ่น PM2.5", "1.1", D(70), D(80), D(75), D(70), D(77), direction="lower")
    assert score_unit([lower, *rest], FRAMEWORK, 12).lines[0].points == D(65)
    unknown = IndicatorLine("w", "ไม่ทราบทิศทาง", "1.1", D(70), D(80), D(75), D(70), D(77))
    assert score_unit([unknown, *rest], FRAMEWORK, 12).lines[0].points == D(65)


def test_what_a_round_evaluates_is_said_from_the_years_framework():
    """The 6-month note said "component 1 … × 100 ÷ 70" whatever the year's framework; a year whose
    Performance Base weighs 60 (other years differ: the framework is data) would have printed a wrong rule."""
    from app.domain.unit_score import Framework
    assert "÷ ๗๐" in Framework(FRAMEWORK).round_scope_th(6)
    assert Framework(FRAMEWORK).round_scope_th(12) == ""
    other = [ComponentSpec("1", "การประเมินประสิทธิผลการดำเนินงาน", D(60), None, frozenset({6, 12})),
             ComponentSpec("2", "การประเมินศักยภาพในการดำเนินงาน", D(40), None, frozenset({12}))]
    said = Framework(other).round_scope_th(6)
    assert said.startswith("รอบ ๖ เดือน ประเมินเฉพาะองค์ประกอบที่ ๑ การประเมินประสิทธิผลการดำเนินงาน")
    assert said.endswith("(คะแนนที่ได้ × ๑๐๐ ÷ ๖๐)")
    u = score_unit([line(1, "1", 60, ("1", "2", "3"), "3")], other, 6)
    assert u.out_of == 60 and u.score == 100                  # the note says what the score does
