"""The continuation word (คำต่อเนื่อง) of a multi-page letter or minutes: at the bottom right of every page
but the last, the word that begins the next page, as "/word…" — งานสารบรรณ's rule.

The first pass lays the document out and notes, per page, the first line of body text drawn on it; the
second pass draws the same pages and writes the next page's first word at each page's foot (the footer
sits in the bottom margin, so the layout is identical in both passes)."""

from __future__ import annotations

import threading

_local = threading.local()


def start_recording() -> None:
    _local.first = {}


def stop_recording() -> dict[int, str]:
    first = getattr(_local, "first", None) or {}
    _local.first = None
    return first


def recording() -> bool:
    return getattr(_local, "first", None) is not None


def note_line(page: int, text: str) -> None:
    first = getattr(_local, "first", None)
    if first is not None and page not in first and text.strip():
        first[page] = text


def first_word(line: str) -> str:
    """The next page's first word with the bracket or quotation mark that opens it ("(นางสาว", not "("):
    the marks a line may not end with (``segment.NO_LINE_END``) stay with the word after them."""
    from app.reports.segment import NO_LINE_END, words
    opening = ""
    for w in words(line.strip()):
        if w.isspace():
            continue
        if set(w) <= NO_LINE_END:
            opening += w
            continue
        return opening + w
    return opening
