"""Thai marks in an order no reader can place (a typo: "ทีี่", "ดูู", "นี้้", "ก็่", a tone at the start of a
line) are shown as Word shows them, on a dotted circle, instead of stacking or crashing the typesetter."""

from __future__ import annotations

DOTTED_CIRCLE = "\u25cc"
UPPER_VOWELS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47")
LOWER_VOWELS = set("\u0e38\u0e39\u0e3a")
TONES = set("\u0e48\u0e49\u0e4a\u0e4b")
SIGNS = set("\u0e4c\u0e4d\u0e4e")
MARKS = UPPER_VOWELS | LOWER_VOWELS | TONES | SIGNS
CONSONANTS = {chr(c) for c in range(0x0E01, 0x0E2F)}
MAITAIKHU = "\u0e47"


def _kind(ch: str) -> str:
    if ch in UPPER_VOWELS:
        return "upper"
    if ch in LOWER_VOWELS:
        return "lower"
    if ch in TONES:
        return "tone"
    return "sign"


def repair_marks(text: str) -> tuple[str, list[str]]:
    """``text`` with a dotted circle before every mark that has no place, and the words it was found in
    (for the message that says where)."""
    if not any(ch in MARKS for ch in text):
        return text, []
    out: list[str] = []
    found: list[str] = []
    kinds: set[str] = set()          # the kinds of mark already on the current consonant
    has_base = False
    for i, ch in enumerate(text):
        if ch in MARKS:
            kind = _kind(ch)
            bad = not has_base or kind in kinds or (kind == "tone" and MAITAIKHU in out[-3:] and "upper" in kinds)
            if bad:
                out.append(DOTTED_CIRCLE)
                start = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
                ends = [e for e in (text.find(" ", i), text.find("\n", i)) if e >= 0]
                found.append(text[start:min(ends) if ends else len(text)][:40])
                kinds = {kind}
                has_base = True
            else:
                kinds.add(kind)
            out.append(ch)
            continue
        out.append(ch)
        has_base = ch in CONSONANTS or ch == DOTTED_CIRCLE
        kinds = set()
    return "".join(out), found
