"""Thai word boundaries (pythainlp's newmm, pure Python, works on Windows) and the break check.

Thai is written without spaces, so a line may end only between words. ``break_ok`` judges a break
the way a reader (and shared/tools/thai_breaks.py) does: the Thai run that ends the line joined to
the Thai run that starts the next one must have a word boundary exactly there.
"""

from __future__ import annotations

import re
from functools import lru_cache

THAI_RUN_END = re.compile("[\u0e01-\u0e4f]+$")
THAI_RUN_START = re.compile("^[\u0e01-\u0e4f]+")
NO_LINE_START = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
                    "\u0e46\u0e2f\u0e33")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Tokens whose concatenation is ``text``: Thai words, Latin words, numbers, whitespace runs."""
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


@lru_cache(maxsize=65536)
def boundaries(text: str) -> frozenset[int]:
    out, pos = set(), 0
    for w in words(text)[:-1]:
        pos += len(w)
        out.add(pos)
    return frozenset(out)


NO_LINE_END = set("([{“‘<")
NO_LINE_HEAD = set(")]}”’>,.;:!?%")


def break_ok(line_end: str, next_start: str) -> bool:
    """May a line ending with ``line_end`` be followed by a line starting with ``next_start``?"""
    head = next_start.lstrip()
    tail = line_end.rstrip()
    if head and (head[0] in NO_LINE_START or head[0] in NO_LINE_HEAD):
        return False
    if tail and tail[-1] in NO_LINE_END:
        return False
    a = THAI_RUN_END.search(line_end.rstrip())
    b = THAI_RUN_START.search(head)
    if not a or not b:
        return True
    joined = a.group(0) + b.group(0)
    return len(a.group(0)) in boundaries(joined)
