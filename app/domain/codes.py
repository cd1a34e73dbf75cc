"""Codes of ministries, units and indicators: what a code may contain.

A code is printed in reports, written into every workbook and typed into commands, so it is kept to
ASCII letters, digits, ``-``, ``_`` and ``.``, starting with a letter or digit (nothing a spreadsheet
could read as a formula, nothing that needs quoting in a shell), at most 32 characters.
"""

from __future__ import annotations

import re

MAX_LENGTH = 32
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)


def code_problem(code: str) -> str | None:
    """The Thai reason ``code`` is not a usable code, or None."""
    if not code:
        return "ต้องไม่ว่าง"
    if len(code) > MAX_LENGTH:
        return f"ยาวเกิน {MAX_LENGTH} ตัวอักษร"
    if not _CODE.fullmatch(code):
        return ("ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และเครื่องหมาย - _ . "
                "โดยขึ้นต้นด้วยตัวอักษรหรือตัวเลข")
    return None
