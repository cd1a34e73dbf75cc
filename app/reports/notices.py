"""What a report had to print as it is and the secretary should correct: what the typesetter repaired
(marks with no place, shown on a dotted circle; a word cut; a character no font has), minutes printed
with a member's attendance not recorded, an annex printed with weights or targets still to fix, and a part
of a meeting pack left out; collected so the command line and the window can say where, in Thai."""

from __future__ import annotations

import itertools
import threading

_local = threading.local()


_documents = itertools.count(1)
KINDS = ("found", "missing", "cut", "unrecorded", "unfinished", "left_out")   # what a document collects


def start() -> None:
    _local.generation = next(_documents)
    for kind in KINDS:
        setattr(_local, kind, [])


def generation() -> int:
    """Which document is collecting (0: none): what was reported for one is reported again for the next."""
    return getattr(_local, "generation", 0)


def _add(kind: str, items) -> None:
    """Keep ``items`` under ``kind`` for the document being built on this thread (none: not collecting)."""
    kept = getattr(_local, kind, None)
    if kept is not None:
        kept.extend(items)


def note_cut(word: str) -> None:
    _add("cut", [word])


def note_missing(chars: list[str]) -> None:
    _add("missing", chars)


def note_unrecorded(names: list[str]) -> None:
    _add("unrecorded", names)


def note_unfinished(unit: str) -> None:
    """A unit printed with weights or targets that are not yet valid (the report says what under its table)."""
    _add("unfinished", [unit])


def note_left_out(why: str) -> None:
    """A part of a meeting pack left out, and why (said in Thai by the part itself)."""
    _add("left_out", [why])


def note(places: list[str]) -> None:
    _add("found", places)


def collected() -> list[str]:
    """Thai warnings, one per distinct place."""
    places = list(dict.fromkeys(getattr(_local, "found", None) or []))
    out = [f"สระหรือวรรณยุกต์ซ้อนผิดที่ใน “{p.strip()}” (พิมพ์บนวงกลมประให้เห็น กรุณาแก้ข้อความต้นทาง)" for p in places]
    cut = list(dict.fromkeys(getattr(_local, "cut", None) or []))
    if cut:
        out.append("คำหรือตัวเลข " + ", ".join(f"“{w}”" for w in cut[:10]) + (" …" if len(cut) > 10 else "")
                   + " กว้างเกินช่องหรือบรรทัดแม้ย่อตัวอักษรแล้ว จึงถูกตัดขึ้นบรรทัดใหม่ กรุณาขยายช่องหรือย่อข้อความ")
    missing = list(dict.fromkeys(getattr(_local, "missing", None) or []))
    if missing:
        names = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in missing[:20]) + (" …" if len(missing) > 20 else "")
        out.append(f"ไม่มีแบบอักษรใดในโปรแกรมพิมพ์อักขระ {names} ได้ จะพิมพ์เป็นกล่องสี่เหลี่ยม กรุณาแก้ข้อความต้นทาง")
    unrecorded = list(dict.fromkeys(getattr(_local, "unrecorded", None) or []))
    if unrecorded:
        out.append("ยังไม่ได้บันทึกการมาประชุมของ " + ", ".join(unrecorded) + " รายงานการประชุมจึงพิมพ์ชื่อไว้ในผู้ไม่มาประชุม"
                   "ว่า “ไม่ได้บันทึกการมาประชุม” กรุณาบันทึกการมาประชุมแล้วพิมพ์ใหม่")
    unfinished = list(dict.fromkeys(getattr(_local, "unfinished", None) or []))
    if unfinished:
        out.append("น้ำหนักหรือค่าเป้าหมายของ " + ", ".join(unfinished) + " ยังไม่ถูกต้อง รายงานจึงพิมพ์สิ่งที่ต้องแก้ไขไว้ใต้ตาราง"
                   "ของหน่วยงาน กรุณาแก้ไขในหน้าตัวชี้วัดและค่าเป้าหมายแล้วพิมพ์ใหม่")
    out += [f"ชุดเอกสารการประชุมไม่มีภาคผนวกนี้ — {why}" for why in dict.fromkeys(getattr(_local, "left_out", None) or [])]
    return out
