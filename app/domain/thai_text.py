"""Thai digits and numbers as people type them ("๕๐", "1,250.5", "62.5%") and as documents print them."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
TWO_PLACES = Decimal("0.01")


def to_thai_digits(text: str) -> str:
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return str(text).translate(_TO_ARABIC)


def parse_decimal(text) -> Decimal | None:
    """A number as a person typed it, or None for a blank; ValueError (with the Thai reason) otherwise.

    Accepts Thai digits, thousands separators, a trailing percent sign and surrounding spaces.
    """
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, bool):
        raise ValueError("ค่าตรรกะไม่ใช่ตัวเลข")
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    raw = to_arabic_digits(str(text)).strip().replace("\u00a0", "").replace(" ", "")
    if raw in ("", "-", "–"):
        return None
    if raw.endswith("%"):
        raw = raw[:-1]
    if raw.count(",") and "." in raw and raw.rfind(",") > raw.rfind("."):
        raise ValueError(f"รูปแบบตัวเลข “{text}” ไม่ถูกต้อง (ใช้จุดเป็นทศนิยม)")
    raw = raw.replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"“{text}” ไม่ใช่ตัวเลข") from None
    if not value.is_finite():
        raise ValueError(f"“{text}” ไม่ใช่ตัวเลข")
    return value


def two_places(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def format_number(value: Decimal | None, places: int | None = 2, thai: bool = False, grouping: bool = True) -> str:
    """Display text: two decimals rounded half-up (or as entered with ``places=None``)."""
    if value is None:
        return "–"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{value:,f}" if grouping else f"{value:f}"
    return to_thai_digits(text) if thai else text


def plain(value: Decimal | None) -> str | None:
    """A target or actual as entered (no exponent), for JSON and exports."""
    if value is None:
        return None
    return format(value, "f")


def display_width(text: str) -> int:
    """Terminal columns: Thai upper/lower vowels and tone marks (combining) take none."""
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


_DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9.\-])[0-9][0-9,.:/]*(?![A-Za-z])")


def thai_digits_in_text(text: str) -> str:
    """Arabic digits become Thai digits in running text, except inside Latin tokens ("PM2.5", "e-SAR2")."""
    return _DIGIT_RUN.sub(lambda m: to_thai_digits(m.group(0)), text)
