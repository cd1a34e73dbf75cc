"""Numbers handed to a service, checked with the one bounded parser (``thai_text.parse_decimal``).

Whatever the entry path (grid text, a pasted block, an Excel cell, a command-line flag, a Decimal from
another service), a value is stored only if that parser accepts it; otherwise a ValidationError names
the field and says why, in Thai.
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.thai_text import parse_decimal
from app.errors import ValidationError


def parse_bounded(value, what_th: str, where: str = "") -> Decimal | None:
    try:
        return parse_decimal(value)
    except ValueError as exc:
        raise ValidationError([f"{where}{what_th}: {exc}"]) from None
