"""Validation shared by the grid, imports and check: messages name unit, indicator and numbers."""

from decimal import Decimal as D

from app.domain.unit_score import ComponentSpec, IndicatorLine
from app.domain.validation import validate_unit

FRAMEWORK = [
    ComponentSpec("1", "ประสิทธิผล", D(70)),
    ComponentSpec("2", "ศักยภาพ", D(30)),
]


def line(key, comp, weight, targets=("1", "2", "3"), monitor=False, name=None):
    return IndicatorLine(key, name or f"ตัวชี้วัด{key}", comp, D(weight), *[None if t is None else D(t) for t in targets],
                         None, monitor=monitor)


def test_clean_set_has_no_problem():
    assert validate_unit("กรมทดสอบ", [line(1, "1", 70), line(2, "2", 30), line(3, "1", 0, monitor=True)], FRAMEWORK) == []


def test_weights_not_adding_up_name_the_numbers():
    problems = validate_unit("กรมทดสอบ", [line(1, "1", 60), line(2, "2", 30)], FRAMEWORK)
    texts = [p.th for p in problems]
    assert any("กรมทดสอบ" in t and "90" in t and "๑๐๐" in t and "ขาด 10" in t for t in texts)
    assert any("องค์ประกอบ 1" in t and "60" in t and "70" in t for t in texts)


def test_monitor_with_weight_and_evaluated_without_weight():
    problems = validate_unit("กรมทดสอบ", [line(1, "1", 70), line(2, "2", 30), line(3, "1", 5, monitor=True, name="ขยะ"),
                                          line(4, "1", 0, name="น้ำ")], FRAMEWORK)
    texts = " ".join(p.th for p in problems)
    assert "“ขยะ”" in texts and "Monitor" in texts
    assert "“น้ำ”" in texts and "มากกว่า ๐" in texts


def test_targets_order_and_direction():
    problems = validate_unit("กรมทดสอบ", [line(1, "1", 70, ("5", "5", "9"), name="ฝุ่น"), line(2, "2", 30, ("1", "2", "3"))],
                             FRAMEWORK, directions={2: "lower"})
    texts = [p.th for p in problems]
    assert any("“ฝุ่น”" in t and "ขั้นต้น 5" in t for t in texts)
    assert any("ยิ่งน้อยยิ่งดี" in t for t in texts)
    assert problems[0].indicator_key == 1 and problems[0].field == "targets"
