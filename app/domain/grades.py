"""The four grades of a unit, read from the score rounded half-up to two decimals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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
THRESHOLDS = tuple(g.floor for g in GRADES if g.floor > 0)


def grade(score: Decimal) -> Grade:
    shown = two_places(score)
    for g in GRADES:
        if shown >= g.floor:
            return g
    return GRADES[-1]


def next_grade(current: Grade) -> Grade | None:
    index = GRADES.index(current)
    return GRADES[index - 1] if index > 0 else None
