"""OPDC's scoring rule for one indicator, exactly, in Decimal.

Three target levels earn 50, 75 and 100 points. Below base: 0; at or beyond advanced: 100; between
two levels: linear interpolation (บัญญัติไตรยางศ์) between their points. The direction follows from
the targets: base < advanced means higher is better, base > advanced lower is better. Step
(milestone) indicators use the same rule on the step number.

Arithmetic runs in a private Decimal context so results never depend on the caller's context;
values are kept unrounded (rounding happens only for display and grading).
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from app.errors import KpiDeskError
from app.domain.thai_text import plain

CONTEXT = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_EVEN)
ZERO = Decimal(0)
BASE_POINTS = Decimal(50)
STANDARD_POINTS = Decimal(75)
ADVANCED_POINTS = Decimal(100)
LEVEL_POINTS = (BASE_POINTS, STANDARD_POINTS, ADVANCED_POINTS)


class TargetError(KpiDeskError):
    """The three targets are not strictly monotonic, so no score can be read from them."""


def _fmt(v: Decimal) -> str:
    return plain(v)


def check_targets(base: Decimal, standard: Decimal, advanced: Decimal, where: str = "",
                  direction: str | None = None) -> bool:
    """True when higher is better, False when lower is better; TargetError when neither, or when the order
    runs against the indicator's declared ``direction`` ("higher" / "lower"; None: not known)."""
    if base is None or standard is None or advanced is None:
        raise TargetError(
            f"{where}ยังกำหนดค่าเป้าหมายไม่ครบทั้ง ๓ ระดับ (ขั้นต้น มาตรฐาน ขั้นสูง)",
            f"{where}the three target levels (base, standard, advanced) are not all set",
        )
    if base < standard < advanced or base > standard > advanced:
        higher = base < standard
        if direction is not None and (direction == "higher") != higher:
            said = "ยิ่งมากยิ่งดี" if direction == "higher" else "ยิ่งน้อยยิ่งดี"
            raise TargetError(
                f"{where}ตัวชี้วัดกำหนดทิศทางเป็น{said} แต่ค่าเป้าหมาย ขั้นต้น {_fmt(base)} มาตรฐาน {_fmt(standard)} "
                f"ขั้นสูง {_fmt(advanced)} เรียงในทิศทางตรงข้าม",
                f"{where}the indicator's direction is {direction} but its targets run the other way")
        return higher
    raise TargetError(
        f"{where}ค่าเป้าหมายต้องเรียงลำดับอย่างเคร่งครัด (ขั้นต้น < มาตรฐาน < ขั้นสูง หรือ ขั้นต้น > มาตรฐาน > ขั้นสูง) "
        f"แต่ได้รับ ขั้นต้น {_fmt(base)} มาตรฐาน {_fmt(standard)} ขั้นสูง {_fmt(advanced)}",
        f"{where}targets must be strictly monotonic (base < standard < advanced or the reverse); got "
        f"base {_fmt(base)}, standard {_fmt(standard)}, advanced {_fmt(advanced)}",
    )


def kpi_score(actual: Decimal, base: Decimal, standard: Decimal, advanced: Decimal,
              direction: str | None = None) -> Decimal:
    """Points 0–100 for one indicator."""
    higher = check_targets(base, standard, advanced, direction=direction)
    if not higher:
        actual, base, standard, advanced = -actual, -base, -standard, -advanced
    ctx = CONTEXT
    if actual < base:
        return ZERO
    if actual >= advanced:
        return ADVANCED_POINTS
    if actual < standard:
        low, high, low_points = base, standard, BASE_POINTS
    else:
        low, high, low_points = standard, advanced, STANDARD_POINTS
    step = ctx.divide(ctx.multiply(Decimal(25), ctx.subtract(actual, low)), ctx.subtract(high, low))
    return ctx.add(low_points, step)


def required_actual(points: Decimal, base: Decimal, standard: Decimal, advanced: Decimal) -> Decimal:
    """The least good actual value that earns ``points`` (the inverse of :func:`kpi_score`).

    Points at or below 50 need the base value (nothing between 0 and 50 can be earned).
    """
    higher = check_targets(base, standard, advanced)
    if points > ADVANCED_POINTS or points < ZERO:
        raise ValueError(f"คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (ได้รับ {_fmt(points)})")
    if not higher:
        base, standard, advanced = -base, -standard, -advanced
    ctx = CONTEXT
    if points <= BASE_POINTS:
        value = base
    elif points <= STANDARD_POINTS:
        value = ctx.add(base, ctx.divide(ctx.multiply(ctx.subtract(points, BASE_POINTS), ctx.subtract(standard, base)), Decimal(25)))
    else:
        value = ctx.add(
            standard, ctx.divide(ctx.multiply(ctx.subtract(points, STANDARD_POINTS), ctx.subtract(advanced, standard)), Decimal(25))
        )
    return value if higher else -value


def weighted(points: Decimal, weight: Decimal) -> Decimal:
    """Indicator score × weight / 100."""
    return CONTEXT.divide(CONTEXT.multiply(points, weight), Decimal(100))
