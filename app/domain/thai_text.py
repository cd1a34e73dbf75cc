"""Thai digits and numbers as people type them ("๕๐", "1,250.5", "62.5%") and as documents print them."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
TWO_PLACES = Decimal("0.01")
# a word a report never cuts at a line end: Thai letters and marks only, 2–30 of them (the break judge sees
# 30 letters either side of a break, so a longer one could not be seen whole)
_THAI_LETTERS = re.compile("[\u0e01-\u0e4e]+")
THAI_WORD_MAX = 30


def thai_runs(text: str) -> list[str]:
    """The runs of Thai letters in ``text``, between spaces, digits, signs and other scripts."""
    return _THAI_LETTERS.findall(text or "")


def is_thai_word(word: str) -> bool:
    return 2 <= len(word) <= THAI_WORD_MAX and _THAI_LETTERS.fullmatch(word) is not None


def to_thai_digits(text: str) -> str:
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return str(text).translate(_TO_ARABIC)


# One bound for every number a person or a file gives us (grid, paste, import, CLI, services): large
# enough for any national figure in baht or people, small enough that no input can make a report,
# a template or the database grow without limit (1e999999999 is 11 characters).
MAX_ABS = Decimal(10) ** 12
MAX_PLACES = 6
MAX_ABS_TH = "๑,๐๐๐,๐๐๐,๐๐๐,๐๐๐"
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def _shown(text) -> str:
    text = str(text)
    return text if len(text) <= 40 else text[:37] + "…"


def _places(value: Decimal) -> int:
    """Decimal places once trailing zeros are dropped (exact: no context, unlike ``normalize``)."""
    _sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits))
    zeros = len(text) - len(text.rstrip("0"))
    return max(0, -(exponent + min(zeros, len(text) - 1)))


def in_bounds(value: Decimal) -> bool:
    """True for a finite value with |x| < 10^12 and at most six decimal places."""
    if not value.is_finite():
        return False
    if value.is_zero():
        return True
    return value.adjusted() < 12 and _places(value) <= MAX_PLACES


def bounded(value: Decimal, text=None) -> Decimal:
    """``value`` itself, or ValueError with the Thai reason when it is not finite or out of bounds."""
    shown = _shown(value if text is None else text)
    if not value.is_finite():
        raise ValueError(f"“{shown}” ไม่ใช่ตัวเลขที่ใช้ได้")
    if value.is_zero():
        return value
    if value.adjusted() >= 12:
        raise ValueError(f"ตัวเลข “{shown}” ใหญ่เกินไป (ค่าต้องน้อยกว่า {MAX_ABS_TH} ทั้งบวกและลบ)")
    if _places(value) > MAX_PLACES:
        raise ValueError(f"ตัวเลข “{shown}” มีทศนิยมเกิน {to_thai_digits(MAX_PLACES)} ตำแหน่ง")
    return value


def parse_decimal(text) -> Decimal | None:
    """A number as a person typed it, or None for a blank; ValueError (with the Thai reason) otherwise.

    Accepts Thai or ASCII digits only (not ``1_000``, Arabic-Indic or full-width digits), thousands
    separators (groups of three, so "1,5" is refused as ambiguous), a trailing percent sign and
    surrounding spaces. Every value, typed or already a number, must lie within ``MAX_ABS`` and
    ``MAX_PLACES`` (see ``bounded``).
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError("ค่าตรรกะ (จริง/เท็จ) ไม่ใช่ตัวเลข")
    if isinstance(text, Decimal):
        return bounded(text)
    if isinstance(text, int):
        if abs(text) >= MAX_ABS:
            raise ValueError(f"ตัวเลข “{_shown(text)}” ใหญ่เกินไป (ค่าต้องน้อยกว่า {MAX_ABS_TH} ทั้งบวกและลบ)")
        return Decimal(text)
    if isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")):
            raise ValueError(f"“{text}” ไม่ใช่ตัวเลขที่ใช้ได้")
        return bounded(Decimal(repr(text)), repr(text))
    raw = to_arabic_digits(str(text)).strip().replace("\u00a0", "").replace(" ", "")
    if raw in ("", "-", "–"):
        return None
    if raw.endswith("%"):
        raw = raw[:-1]
    if "," in raw:
        whole = raw.split(".", 1)[0].lstrip("+-")
        groups = whole.split(",")
        if "," in raw.split(".", 1)[-1] and "." in raw or not groups[0] or len(groups[0]) > 3 \
                or any(len(g) != 3 for g in groups[1:]):
            raise ValueError(f"รูปแบบตัวเลข “{_shown(text)}” กำกวม (ใช้จุดเป็นทศนิยม และจุลภาคคั่นทุกสามหลักเท่านั้น)")
        raw = raw.replace(",", "")
    if not _NUMBER.fullmatch(raw):
        raise ValueError(f"“{_shown(text)}” ไม่ใช่ตัวเลข (ใช้ได้เฉพาะเลขไทยหรือเลขอารบิก)")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"“{_shown(text)}” ไม่ใช่ตัวเลข") from None
    value = bounded(value, text)
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value


def two_places(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def format_number(value: Decimal | None, places: int | None = 2, thai: bool = False, grouping: bool = True) -> str:
    """Display text: two decimals rounded half-up (or as entered with ``places=None``)."""
    if value is None:
        return "–"
    if not in_bounds(value) and (not value.is_finite() or value.adjusted() >= 12):
        return _out_of_range(value)
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{value:,f}" if grouping else f"{value:f}"
    return to_thai_digits(text) if thai else text


def _out_of_range(value: Decimal) -> str:
    """A stored value beyond the bounds (from an older file) in scientific notation, never 10⁵⁰⁰⁰ digits."""
    return f"{value:.3E}" if value.is_finite() else str(value)


def format_sum(value: Decimal, thai: bool = False) -> str:
    """Two decimals, or as many as the value has (100.004 stays 100.004): a sum shown beside a rule it
    breaks must never read as the number the rule wants."""
    if not in_bounds(value):
        return format_number(value, thai=thai)
    return format_number(value, places=max(2, _places(value)), thai=thai)


def plain(value: Decimal | None) -> str | None:
    """A target or actual as entered (no exponent), for JSON and exports."""
    if value is None:
        return None
    if not value.is_finite() or value.adjusted() >= 12 or value.as_tuple().exponent < -40:
        return _out_of_range(value)
    return format(value, "f")


def display_width(text: str) -> int:
    """Terminal columns: Thai upper/lower vowels and tone marks (combining) take none."""
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


_URL_OR_EMAIL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_TOKEN = re.compile(r"[A-Za-z0-9๐-๙][A-Za-z0-9๐-๙._/:,-]*")


def thai_digits_in_text(text: str) -> str:
    """Arabic digits become Thai digits in running text — after "." or "-" too ("หน้า ๑๒-๑๕",
    "๐๒-๒๖๕-๖๐๐๐") — except inside URLs and e-mail addresses and inside tokens with Latin letters
    ("PM2.5", "e-SAR2")."""
    out, pos = [], 0
    for m in _URL_OR_EMAIL.finditer(text):
        out.append(_convert(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_convert(text[pos:]))
    return "".join(out)


def _convert(text: str) -> str:
    return _TOKEN.sub(lambda m: m.group(0) if re.search("[A-Za-z]", m.group(0)) else to_thai_digits(m.group(0)), text)
