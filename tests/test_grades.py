"""Grades are read from the score rounded half-up to two decimals."""

from decimal import Decimal as D

import pytest

from app.domain.grades import GRADES, grade, next_grade


@pytest.mark.parametrize("score,code", [
    ("0", "needs_improvement"), ("59.99", "needs_improvement"), ("59.994", "needs_improvement"),
    ("59.995", "basic_standard"), ("60", "basic_standard"), ("74.99", "basic_standard"),
    ("74.994999", "basic_standard"), ("74.995", "upper_standard"), ("75", "upper_standard"),
    ("89.994", "upper_standard"), ("89.995", "quality"), ("90", "quality"), ("100", "quality"),
])
def test_grade_boundaries(score, code):
    assert grade(D(score)).code == code


def test_thai_labels_and_order():
    assert [g.th for g in GRADES] == ["ระดับคุณภาพ", "ระดับมาตรฐานขั้นสูง", "ระดับมาตรฐานขั้นต้น", "ระดับต้องปรับปรุง"]
    assert next_grade(grade(D(50))).code == "basic_standard"
    assert next_grade(grade(D(95))) is None


def test_a_years_own_bands():
    from app.domain.grades import floors_problem, grades_of
    bands = grades_of("85,70,55")
    assert [g.floor for g in bands] == [D(85), D(70), D(55), D(0)]
    assert grade(D("72"), bands).code == "upper_standard" and grade(D("72")).code == "basic_standard"
    assert next_grade(bands[2], bands).floor == D(70)
    assert grades_of("90,75,60") is GRADES
    for bad in ("90,75", "60,75,90", "90,75,abc", "120,75,60", "90,75,0"):
        assert floors_problem(bad), bad
