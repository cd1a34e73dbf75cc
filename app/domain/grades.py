"""The four grades of a unit, read from the score rounded half-up to two decimals.

The bands (90 / 75 / 60 since FY2566) are the year's: a fiscal year stores its three floors and every
score, report and chart of that year reads its grades from ``grades_of`` them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from app.domain.thai_text import two_places


@dataclass(frozen=True)
class Grade:
    code: str
    th: str
    en: str
    floor: Decimal
    colour: str


GRADES = (
    Grade("quality", "ระดับคุณภาพ", "Quality", Decimal("90"), "#1b7f3b"),
    Grade("upper_standard", "ระดับมาตรฐานขั้นสูง", "Upper standard", Decimal("75"), "#2f6db5"),
    Grade("basic_standard", "ระดับมาตรฐานขั้นต้น", "Basic standard", Decimal("60"), "#d08a00"),
    Grade("needs_improvement", "ระดับต้องปรับปรุง", "Needs improvement", Decimal("0"), "#b3261e"),
)
GRADE_BY_CODE = {g.code: g for g in GRADES}
DEFAULT_FLOORS = "90,75,60"


def floors_problem(text: str) -> str | None:
    """Why "90,75,60"-style floors (quality, upper standard, basic standard) cannot be a year's bands."""
    try:
        floors = [Decimal(x.strip()) for x in str(text).split(",")]
    except InvalidOperation:
        return f"เกณฑ์ระดับ “{text}” ต้องเป็นตัวเลข ๓ ค่าคั่นด้วยจุลภาค เช่น 90,75,60"
    if len(floors) != 3 or not all(0 < f <= 100 for f in floors) or not floors[0] > floors[1] > floors[2]:
        return f"เกณฑ์ระดับ “{text}” ต้องเป็น ๓ ค่าเรียงจากมากไปน้อย อยู่ระหว่าง ๐ ถึง ๑๐๐ เช่น 90,75,60"
    return None


def grades_of(floors: str | None) -> tuple[Grade, ...]:
    """The four grades with the year's floors (quality, upper standard, basic standard)."""
    if not floors or floors == DEFAULT_FLOORS:
        return GRADES
    problem = floors_problem(floors)
    if problem:
        raise ValueError(problem)
    values = [Decimal(x.strip()) for x in floors.split(",")]
    return (*(replace(g, floor=f) for g, f in zip(GRADES, values)), GRADES[-1])


def grade(score: Decimal, grades: tuple[Grade, ...] = GRADES) -> Grade:
    shown = two_places(score)
    for g in grades:
        if shown >= g.floor:
            return g
    return grades[-1]


def next_grade(current: Grade, grades: tuple[Grade, ...] = GRADES) -> Grade | None:
    index = [g.code for g in grades].index(current.code)
    return grades[index - 1] if index > 0 else None
