"""One digit style per document: Thai digits (letters, minutes, memos, packs) or, for the numeric table
reports, what the database's ``table_thai_digits`` setting says — applied to every piece of text the
document prints (headings, cells, totals, dates, page numbers), never inside URLs, e-mails or codes."""

from __future__ import annotations

import threading

from app.domain.thai_text import thai_digits_in_text, to_arabic_digits

TABLE_REPORTS = ("annex", "results", "joint")
_local = threading.local()


def set_thai(thai: bool | None) -> None:
    """For the document being built on this thread; None prints digits as written."""
    _local.thai = thai


def thai() -> bool | None:
    return getattr(_local, "thai", None)


def apply(text: str) -> str:
    mode = thai()
    if mode is None:
        return text
    return thai_digits_in_text(text) if mode else to_arabic_digits(text)


def page_number(number: int) -> str:
    text = f"- {number} -"
    return to_arabic_digits(text) if thai() is False else thai_digits_in_text(text)
