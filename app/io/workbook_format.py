"""The workbook layouts KPI Desk writes and reads, and the hidden sheet that says where a file belongs.

Every workbook carries a very-hidden sheet ``_kpidesk`` (key, value): the format, its kind
(``targets``, ``results`` or ``export``), the ministry, the fiscal year and, for templates, the unit
and round — so a file cannot be imported into the wrong place.
"""

from __future__ import annotations

from dataclasses import dataclass

META_SHEET = "_kpidesk"
FORMAT = "kpi-desk-workbook"
VERSION = "1"

TARGETS_SHEET = "ตัวชี้วัดและค่าเป้าหมาย"
RESULTS_SHEET = "ผลการดำเนินงาน"
MINISTRY_SHEET = "ตัวชี้วัดทั้งกระทรวง"
INSTRUCTIONS_SHEET = "คำอธิบาย"
BASKET_SHEET = "KPI Basket"

YES, NO = "ใช่", "ไม่ใช่"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    editable: bool = False
    number: bool = False
    width: int = 14


TARGET_COLUMNS = [
    Column("indicator", "รหัสตัวชี้วัด", width=12),
    Column("name", "ชื่อตัวชี้วัด", width=60),
    Column("component", "องค์ประกอบ", width=10),
    Column("unit_of_measure", "หน่วยนับ", width=14),
    Column("direction", "ทิศทาง", width=14),
    Column("monitor", "Monitor", editable=True, width=10),
    Column("weight", "น้ำหนัก", editable=True, number=True, width=10),
    Column("base", "ค่าเป้าหมายขั้นต้น (๕๐)", editable=True, number=True),
    Column("standard", "ค่าเป้าหมายมาตรฐาน (๗๕)", editable=True, number=True),
    Column("advanced", "ค่าเป้าหมายขั้นสูง (๑๐๐)", editable=True, number=True),
    Column("base_6", "ขั้นต้น รอบ ๖ เดือน", editable=True, number=True),
    Column("standard_6", "มาตรฐาน รอบ ๖ เดือน", editable=True, number=True),
    Column("advanced_6", "ขั้นสูง รอบ ๖ เดือน", editable=True, number=True),
    Column("link", "การเชื่อมโยง", editable=True, width=30),
]
LINKS_SHEET = "การเชื่อมโยง"       # the labels a link cell may take, with what each means

RESULT_COLUMNS = [
    Column("indicator", "รหัสตัวชี้วัด", width=12),
    Column("name", "ชื่อตัวชี้วัด", width=60),
    Column("unit_of_measure", "หน่วยนับ", width=14),
    Column("weight", "น้ำหนัก", number=True, width=10),
    Column("base", "ขั้นต้น", number=True),
    Column("standard", "มาตรฐาน", number=True),
    Column("advanced", "ขั้นสูง", number=True),
    Column("actual", "ผลการดำเนินงาน", editable=True, number=True, width=16),
    Column("note", "หมายเหตุ", editable=True, width=40),
    Column("evidence_ref", "หลักฐานอ้างอิง", editable=True, width=24),
]

# The ministry-wide list of indicators and targets (also the export's assignment sheet).
MINISTRY_COLUMNS = [
    Column("unit", "รหัสหน่วยงาน", editable=True, width=10),
    Column("indicator", "รหัสตัวชี้วัด", editable=True, width=12),
    Column("name", "ชื่อตัวชี้วัด", editable=True, width=60),
    Column("kind", "ประเภท", editable=True, width=18),
    Column("component", "องค์ประกอบ", editable=True, width=10),
    Column("unit_of_measure", "หน่วยนับ", editable=True, width=14),
    Column("direction", "ทิศทาง", editable=True, width=14),
    *[c for c in TARGET_COLUMNS if c.key in ("monitor", "weight", "base", "standard", "advanced", "base_6",
                                             "standard_6", "advanced_6", "link")],
]

# OPDC's KPI Basket of a year, one indicator a row (imported with kpi-desk import FILE --year Y).
BASKET_COLUMNS = [
    Column("code", "รหัสตัวชี้วัด", editable=True, width=12),
    Column("name_th", "ชื่อตัวชี้วัด", editable=True, width=60),
    Column("definition", "คำนิยาม", editable=True, width=40),
    Column("unit_of_measure", "หน่วยนับ", editable=True, width=14),
    Column("direction", "ทิศทาง", editable=True, width=14),
    Column("formula", "สูตรการคำนวณ", editable=True, width=30),
    Column("data_source", "แหล่งข้อมูล", editable=True, width=24),
    Column("kind", "ประเภท", editable=True, width=18),
]

DIRECTION_WORDS = {"ยิ่งมากยิ่งดี": "higher", "ยิ่งน้อยยิ่งดี": "lower", "higher": "higher", "lower": "lower"}


# Every cell KPI Desk writes goes through put_text or put_number, so nothing we write can become a
# formula: a text starting with one of these is stored as a string with Excel's quote prefix (a
# leading TAB/CR/LF too, which spreadsheet programs may trim and then read what follows as a formula).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def put_text(cell, value) -> None:
    """Write text that stays text."""
    text = "" if value is None else str(value)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True


def put_number(cell, value) -> None:
    """A Decimal as a number cell, exactly; a stored value beyond the bounds (from an older file) as
    text in scientific notation, which a re-import refuses with a message instead of overflowing."""
    from app.domain.thai_text import in_bounds, plain

    if value is None:
        put_text(cell, None)
    elif in_bounds(value):
        cell.value = int(value) if value == value.to_integral() else value
    else:
        put_text(cell, plain(value))
