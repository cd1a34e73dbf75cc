"""Agenda numbering: a sub-item (๓.๑) never prints without its parent heading (ระเบียบวาระที่ ๓)."""

from __future__ import annotations

from app.domain.thai_text import to_arabic_digits


def parent_number(number: str) -> str | None:
    head, dot, _rest = number.strip().rpartition(".")
    return head if dot and head else None


def with_parents(numbers: list[str]) -> list[tuple[str, int | None]]:
    """The headings to print, in order: (number, index of the item) for items, (parent, None) for a parent
    heading that no item of its own stands for and that comes before its first sub-item."""
    present = {to_arabic_digits(n.strip()) for n in numbers}
    printed: set[str] = set()
    out: list[tuple[str, int | None]] = []
    for i, number in enumerate(numbers):
        chain, parent = [], parent_number(number)
        while parent is not None:
            key = to_arabic_digits(parent)
            if key in present or key in printed:
                break
            chain.append(parent)
            printed.add(key)
            parent = parent_number(parent)
        out += [(p, None) for p in reversed(chain)]
        out.append((number, i))
        printed.add(to_arabic_digits(number.strip()))
    return out
