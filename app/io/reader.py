"""Opening a workbook someone sent us, safely, and reading its sheets as rows with their numbers.

Before any XML parser sees the file, its zip archive is inspected and every part is streamed once
(``_inspect``): sizes, compression ratios, compression methods, DTD/ENTITY declarations anywhere in a
part, rows per sheet and shared strings are held to the limits below, and damage (bad CRC, unknown
compression) surfaces here as a Thai message. openpyxl then parses with defusedxml (a declared
dependency) as a second net; sheets are streamed (read-only mode), so memory grows per row, not per
file. A formula cell without a computed value is reported, never read as a blank.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
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


MAX_FILE_BYTES = 20 * 1024 * 1024          # what a secretariat mails around; a national export is ~2 MB
MAX_PART_BYTES = 128 * 1024 * 1024         # one XML part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024        # all parts, uncompressed
MAX_RATIO = 200                            # uncompressed / compressed for parts over 1 MB (XML is ~10-30)
MAX_PARTS = 2_000
MAX_ROWS = 100_000                         # per sheet; the national ministry-wide list has ~2,000
MAX_COLUMNS = 200
MAX_SHARED_STRINGS = 1_000_000
_CHUNK = 1 << 20


class _Tokens:
    """Counts byte tokens across the chunks of one streamed part (tokens cut by a chunk edge included)."""

    def __init__(self, *tokens: bytes) -> None:
        self.counts = dict.fromkeys(tokens, 0)
        self._tails = dict.fromkeys(tokens, b"")

    def feed(self, chunk: bytes) -> None:
        for token, tail in self._tails.items():
            buf = tail + chunk
            self.counts[token] += buf.count(token)
            self._tails[token] = buf[-(len(token) - 1):]

    def __getitem__(self, token: bytes) -> int:
        return self.counts[token]


@dataclass
class Book:
    """An opened workbook: values (cached results of formulas), and where the file has formulas, the
    formulas themselves, read alongside to tell "blank" from "a formula never computed"."""

    values: object
    formulas: object | None = None

    @property
    def sheetnames(self) -> list[str]:
        return self.values.sheetnames

    def __getitem__(self, name: str):
        return self.values[name]

    def close(self) -> None:
        self.values.close()
        if self.formulas is not None:
            self.formulas.close()


def _too_big(path: Path, what: str) -> KpiDeskError:
    return KpiDeskError(f"ไฟล์ {path.name} มีขนาดเกินกว่าที่นำเข้าได้ ({what}) จึงไม่นำเข้า "
                        "(ไฟล์ของ KPI Desk ทั้งกระทรวงมีขนาดไม่เกินไม่กี่เมกะไบต์)", f"{path.name} is too large: {what}")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MB"


def _inspect(path: Path) -> bool:
    """Every limit checked on the raw archive; True when any worksheet holds a formula."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _too_big(path, f"ไฟล์ {_mb(size)} เกิน {_mb(MAX_FILE_BYTES)}")
    has_formulas = False
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise _too_big(path, f"มีส่วนประกอบ {len(infos):,} ส่วน")
            if any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
                raise KpiDeskError(f"ไฟล์ {path.name} มีแมโคร (VBA) จึงไม่นำเข้า กรุณาบันทึกเป็น .xlsx แบบไม่มีแมโคร",
                                   f"{path.name} contains macros")
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    raise KpiDeskError(f"ไฟล์ {path.name} ถูกเข้ารหัสไว้ จึงอ่านไม่ได้ (บันทึกใหม่โดยไม่ตั้งรหัสผ่าน)",
                                       f"{path.name} is encrypted")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise _damaged(path, ValueError(f"{info.filename}: วิธีบีบอัดแบบ {info.compress_type} ไม่รองรับ"))
                total += info.file_size
                if info.file_size > MAX_PART_BYTES:
                    raise _too_big(path, f"ส่วน {info.filename} ขยายได้ {_mb(info.file_size)}")
                if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise _too_big(path, f"ส่วน {info.filename} บีบอัดไว้ {info.file_size // max(info.compress_size, 1):,} เท่า")
                if total > MAX_TOTAL_BYTES:
                    raise _too_big(path, f"เนื้อหาทั้งหมดเกิน {_mb(MAX_TOTAL_BYTES)}")
            for info in infos:
                has_formulas |= _scan_part(path, z, info)
    except KpiDeskError:
        raise
    except Exception as exc:  # BadZipFile (bad CRC), zlib.error, EOFError, NotImplementedError…
        raise _damaged(path, exc) from None
    return has_formulas


def _scan_part(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Stream one part (the zip module checks its size and CRC at the end); True if a sheet has formulas."""
    name = info.filename.lower()
    if not name.endswith((".xml", ".rels", ".vml")):
        with z.open(info) as part:
            while part.read(_CHUNK):
                pass
        return False
    sheet = name.startswith("xl/worksheets/")
    tokens = _Tokens(b"<!DOCTYPE", b"<!ENTITY", b"<row ", b"<row>", b"<si>", b"<si ", b"<f>", b"<f ")
    head = b""
    with z.open(info) as part:
        while chunk := part.read(_CHUNK):
            if len(head) < 4096:
                head += chunk[:4096]
            tokens.feed(chunk.upper() if b"<!" in chunk else chunk)
    if tokens[b"<!DOCTYPE"] or tokens[b"<!ENTITY"]:
        raise KpiDeskError(f"ไฟล์ {path.name} มีเนื้อหาที่ไม่ปลอดภัย (การประกาศ DTD/ENTITY ใน {info.filename}) จึงไม่นำเข้า",
                           f"{path.name} contains a DTD in {info.filename}")
    if sheet:
        rows = tokens[b"<row "] + tokens[b"<row>"]
        if rows > MAX_ROWS:
            raise _too_big(path, f"แผ่นงาน {info.filename} มี {rows:,} แถว เกิน {MAX_ROWS:,} แถว")
        match = re.search(rb'<dimension ref="[A-Z]+[0-9]+:([A-Z]+)[0-9]+"', head)
        if match and _column_number(match.group(1).decode()) > MAX_COLUMNS:
            raise _too_big(path, f"แผ่นงาน {info.filename} กว้างถึงคอลัมน์ {match.group(1).decode()}")
    if name.endswith("sharedstrings.xml") and tokens[b"<si>"] + tokens[b"<si "] > MAX_SHARED_STRINGS:
        raise _too_big(path, f"มีข้อความ {tokens[b'<si>'] + tokens[b'<si ']:,} รายการ")
    return sheet and bool(tokens[b"<f>"] + tokens[b"<f "])


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def open_workbook(path: Path) -> Book:
    path = Path(path)
    if not path.is_file():
        raise KpiDeskError(f"ไม่พบไฟล์ {path}", f"{path} not found")
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb", ".xls"):
        raise KpiDeskError(f"ไฟล์ {path.name} เป็นแบบ {path.suffix} ซึ่งนำเข้าไม่ได้ (รับเฉพาะ .xlsx ที่ไม่มีแมโคร)",
                           f"{path.name}: only macro-free .xlsx is accepted")
    if not zipfile.is_zipfile(path):
        raise KpiDeskError(f"ไฟล์ {path.name} ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย", f"{path.name} is not an xlsx file")
    has_formulas = _inspect(path)
    try:
        values = load_workbook(path, read_only=True, data_only=True, keep_links=False)
        formulas = load_workbook(path, read_only=True, data_only=False, keep_links=False) if has_formulas else None
    except Exception as exc:  # openpyxl raises many kinds for damaged or hostile files
        raise KpiDeskError(f"ไฟล์ {path.name} เสียหายหรือมีเนื้อหาที่ไม่ปลอดภัย จึงอ่านไม่ได้ ({type(exc).__name__}: {exc})",
                           f"{path.name} cannot be read: {exc}") from None
    return Book(values, formulas)


def read_meta(wb) -> dict:
    if META_SHEET not in wb.sheetnames:
        return {}
    meta = {}
    try:
        for row in wb[META_SHEET].iter_rows(values_only=True, max_row=50, max_col=2):
            if row and row[0] is not None:
                key = str(row[0])
                if key in meta:
                    raise KpiDeskError(f"แผ่นงานซ่อน {META_SHEET} ถูกแก้ไข (มีรายการ “{key[:30]}” ซ้ำ) จึงไม่รู้ว่าไฟล์นี้เป็นของที่ใด",
                                       f"{META_SHEET} repeats {key!r}")
                meta[key] = "" if len(row) < 2 or row[1] is None else str(row[1])
    except KpiDeskError:
        raise
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


def _as_shown(cell):
    """A cell's value as Excel shows it: a number formatted as a percentage (what Excel makes of "27%" typed
    into a cell) is stored as 0.27 but seen, and meant, as 27."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            return value                  # not a number: the column's own check says so
        shown = Decimal(repr(value)).scaleb(2)
        return shown.quantize(Decimal(1)) if shown.as_tuple().exponent > 0 else shown
    return value


def _read_sheet(wb: Book, name, columns, problems, required):
    ws = wb[name]
    rows = (tuple(_as_shown(cell) for cell in row) for row in ws.iter_rows())
    formula_rows = wb.formulas[name].iter_rows(values_only=True) if wb.formulas is not None else None
    header = next(rows, None)
    if formula_rows is not None:
        next(formula_rows, None)
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
    by_key = {c.key: c for c in columns}
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1 or len(row) > MAX_COLUMNS:
            raise KpiDeskError(f"แผ่นงาน “{name}” ใหญ่เกินกว่าที่นำเข้าได้ (เกิน {MAX_ROWS:,} แถว หรือ {MAX_COLUMNS} คอลัมน์)",
                               f"sheet {name} is too large")
        values = {key: (row[i] if i < len(row) else None) for key, i in index.items()}
        if formula_rows is not None:
            written, uncomputed = next(formula_rows, ()), False
            for key, i in index.items():
                formula = written[i] if i < len(written) else None
                if values[key] is None and isinstance(formula, str) and formula.startswith("="):
                    problems.append(Problem(name, number, by_key[key].header,
                                            "เป็นสูตรที่ยังไม่มีผลลัพธ์ที่คำนวณไว้ (เปิดไฟล์ใน Excel แล้วบันทึกใหม่ "
                                            "หรือพิมพ์เป็นค่าตัวเลข) จึงไม่อ่านเป็นช่องว่าง"))
                    uncomputed = True
            if uncomputed:
                continue
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        yield number, values
