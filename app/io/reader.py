"""Opening a workbook someone sent us, safely, and reading its sheets as rows with their numbers.

openpyxl parses the XML with defusedxml when it is installed (a declared dependency), so entity
tricks are refused; macro workbooks are refused before parsing; sheets are streamed (read-only mode),
so a huge sheet costs memory per row, not per file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from openpyxl import load_workbook

from app.errors import KpiDeskError
from app.io.workbook_format import FORMAT, META_SHEET, Column


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str
    reason: str

    @property
    def th(self) -> str:
        where = f"แผ่นงาน “{self.sheet}”"
        if self.row:
            where += f" แถว {self.row}"
        if self.column:
            where += f" คอลัมน์ “{self.column}”"
        return f"{where}: {self.reason}"


def _damaged(path, exc: BaseException) -> KpiDeskError:
    return KpiDeskError(f"ไฟล์ {Path(path).name} เสียหาย อ่านไม่ได้ ({type(exc).__name__}: {exc})",
                        f"{Path(path).name} is damaged: {exc}")


def open_workbook(path: Path):
    path = Path(path)
    if not path.is_file():
        raise KpiDeskError(f"ไม่พบไฟล์ {path}", f"{path} not found")
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb", ".xls"):
        raise KpiDeskError(f"ไฟล์ {path.name} เป็นแบบ {path.suffix} ซึ่งนำเข้าไม่ได้ (รับเฉพาะ .xlsx ที่ไม่มีแมโคร)",
                           f"{path.name}: only macro-free .xlsx is accepted")
    if not zipfile.is_zipfile(path):
        raise KpiDeskError(f"ไฟล์ {path.name} ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย", f"{path.name} is not an xlsx file")
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise KpiDeskError(f"ไฟล์ {path.name} เสียหาย อ่านไม่ได้ ({exc})", f"{path.name} is damaged") from None
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise KpiDeskError(f"ไฟล์ {path.name} มีแมโคร (VBA) จึงไม่นำเข้า กรุณาบันทึกเป็น .xlsx แบบไม่มีแมโคร",
                           f"{path.name} contains macros")
    _refuse_dtds(path, names)
    try:
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged or hostile files
        raise KpiDeskError(f"ไฟล์ {path.name} เสียหายหรือมีเนื้อหาที่ไม่ปลอดภัย จึงอ่านไม่ได้ ({type(exc).__name__}: {exc})",
                           f"{path.name} cannot be read: {exc}") from None


def _refuse_dtds(path: Path, names: list[str]) -> None:
    """No part of an xlsx needs a DTD; entity tricks (billion laughs, external entities) need one.
    Checked on the raw parts before any parser sees them (defusedxml inside openpyxl is a second net)."""
    with zipfile.ZipFile(path) as z:
        for name in names:
            if not name.lower().endswith((".xml", ".rels")):
                continue
            try:
                with z.open(name) as part:
                    head = part.read(4096)
            except Exception as exc:  # zlib.error, BadZipFile, EOFError… from a damaged archive
                raise _damaged(path, exc) from None
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise KpiDeskError(f"ไฟล์ {path.name} มีเนื้อหาที่ไม่ปลอดภัย (การประกาศ DTD/ENTITY ใน {name}) จึงไม่นำเข้า",
                                   f"{path.name} contains a DTD in {name}")


def read_meta(wb) -> dict:
    if META_SHEET not in wb.sheetnames:
        return {}
    meta = {}
    try:
        for row in wb[META_SHEET].iter_rows(values_only=True):
            if row and row[0] is not None:
                meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    except Exception as exc:  # sheets are parsed lazily: damage shows up while reading
        raise _damaged(META_SHEET, exc) from None
    return meta if meta.get("format") == FORMAT else {}


def read_sheet(wb, name: str, columns: list[Column], problems: list[Problem],
               required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict]]:
    """Rows of a sheet as {column key: raw value}, found by header text; blank rows skipped."""
    try:
        yield from _read_sheet(wb, name, columns, problems, required)
    except KpiDeskError:
        raise
    except Exception as exc:  # sheets are parsed lazily (read-only mode): damage shows up here
        raise KpiDeskError(f"แผ่นงาน “{name}” อ่านไม่ได้ ไฟล์เสียหาย ({type(exc).__name__}: {exc})",
                           f"sheet {name} is damaged: {exc}") from None


def _read_sheet(wb, name, columns, problems, required):
    ws = wb[name]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        problems.append(Problem(name, None, "", "แผ่นงานว่าง ไม่มีหัวตาราง"))
        return
    wanted = {c.header: c for c in columns}
    index = {}
    for i, text in enumerate(header):
        col = wanted.get(str(text).strip()) if text is not None else None
        if col is not None:
            index[col.key] = i
    for key in required:
        if key not in index:
            header_text = next(c.header for c in columns if c.key == key)
            problems.append(Problem(name, 1, header_text, "ไม่พบคอลัมน์นี้ในแถวหัวตาราง (อย่าแก้ไขหรือลบหัวตาราง)"))
    if any(key not in index for key in required):
        return
    for number, row in enumerate(rows, start=2):
        values = {key: (row[i] if i < len(row) else None) for key, i in index.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        yield number, values
