"""What the typesetter had to repair while building a report (marks with no place, shown on a dotted
circle), collected so the command line and the window can say where, in Thai."""

from __future__ import annotations

import threading

_local = threading.local()


def start() -> None:
    _local.found = []


def note(places: list[str]) -> None:
    found = getattr(_local, "found", None)
    if found is not None:
        found.extend(places)


def collected() -> list[str]:
    """Thai warnings, one per distinct place."""
    places = list(dict.fromkeys(getattr(_local, "found", None) or []))
    return [f"สระหรือวรรณยุกต์ซ้อนผิดที่ใน “{p.strip()}” (พิมพ์บนวงกลมประให้เห็น กรุณาแก้ข้อความต้นทาง)" for p in places]
