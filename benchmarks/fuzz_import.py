"""The large import fuzz run, before each release: hostile workbooks by class, none may crash or half-write.

    python -m benchmarks.fuzz_import [--cases 10000] [--seed 2568]

Every case is derived from fixed bytes (``tests/data/fuzz-base-targets-PCD-2568.xlsx``, a demo template)
and a seeded random generator, so a run is reproducible. Classes:

- ``bytes``: 1–40 random bytes overwritten anywhere in the file;
- ``cells``: 1–8 editable cells set to hostile values (huge or tiny exponents, foreign digits, NaN, text,
  formulas, 1e999999999, booleans, 10^30 …);
- ``meta``: the hidden sheet's year/unit/round/ministry edited, blanked, duplicated or typed wrongly;
- ``zip``: a local or central header's version, method, CRC, sizes or name damaged; truncation; junk appended;
- ``dtd``: a DOCTYPE/ENTITY declaration inserted in a part, anywhere in it;
- ``bombs``: parts that expand past the limits (rows, columns, shared strings, compression ratio).

For each case: was it refused with a Thai message (KpiDeskError), accepted, or did anything else escape
(a traceback a user would see)? After a refusal the database must be unchanged (compared by a digest of
its whole content, audit trail included). Reported per class, with the process's peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import resource
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from openpyxl import load_workbook

from app.errors import KpiDeskError
from app.io.imports import run_import
from app.io.workbook_format import META_SHEET, TARGETS_SHEET
from app.store import open_store

BASE = Path(__file__).resolve().parent.parent / "tests" / "data" / "fuzz-base-targets-PCD-2568.xlsx"
VALUES = ["", "๕๐", "1,250.5", "62.5%", "abc", "-1", "1e400", "1e999999999", "1e-6000", "NaN", "inf", "∞", "=1+1",
          "=HYPERLINK(\"http://x\")", None, 0, 10 ** 30, 1.797e308, "100.", "๑,๐๐๐.๕", "  ", "ใช่", "ไม่ใช่", "maybe",
          3.14159, True, "1_000", "٥", "５０", "1,5", "\t=1", "0.0000001", "999999999999.999999", "-0", "+5"]
CLASSES = ("bytes", "cells", "meta", "zip", "dtd", "bombs")


def digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _parts(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def _zip(parts) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            z.writestr(info.filename if isinstance(info, zipfile.ZipInfo) else info, data)
    return out.getvalue()


def case_bytes(rng, good: bytes) -> bytes:
    data = bytearray(good)
    for _ in range(rng.randint(1, 40)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _edited(good: bytes, edit) -> bytes:
    wb = load_workbook(io.BytesIO(good))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def case_cells(rng, good: bytes) -> bytes:
    def edit(wb):
        ws = wb[TARGETS_SHEET]
        for _ in range(rng.randint(1, 8)):
            ws[f"{rng.choice('FGHIJKLM')}{rng.randint(2, 9)}"] = rng.choice(VALUES)
    return _edited(good, edit)


def case_meta(rng, good: bytes) -> bytes:
    def edit(wb):
        ws = wb[META_SHEET]
        rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
        key = rng.choice(["year", "unit", "round", "ministry", "kind", "format"])
        choice = rng.choice(["blank", "value", "dup"])
        if choice == "dup":
            ws.append([key, ws.cell(rows[key], 2).value])
        else:
            ws.cell(rows[key], 2).value = None if choice == "blank" else rng.choice(
                [0, -1, True, 99999999999999999999, "2567", "สองห้าหกแปด", "DGR", "=1+1", 6, 12, 7, "x" * 300])
    return _edited(good, edit)


def case_zip(rng, good: bytes) -> bytes:
    data = bytearray(good)
    how = rng.choice(["version", "method", "crc", "sizes", "name", "truncate", "junk", "eocd"])
    headers = [i for i in range(len(data) - 4) if data[i:i + 4] == b"PK\x03\x04"]
    central = [i for i in range(len(data) - 4) if data[i:i + 4] == b"PK\x01\x02"]
    at, cd = rng.choice(headers), rng.choice(central)
    if how == "version":
        data[at + 4:at + 6] = rng.randrange(21, 65535).to_bytes(2, "little")
        data[cd + 6:cd + 8] = rng.randrange(21, 65535).to_bytes(2, "little")
    elif how == "method":
        m = rng.choice([1, 6, 9, 12, 14, 98, 99]).to_bytes(2, "little")
        data[at + 8:at + 10] = m
        data[cd + 10:cd + 12] = m
    elif how == "crc":
        data[cd + 16 + rng.randrange(4)] ^= 1 << rng.randrange(8)
    elif how == "sizes":
        data[cd + 24:cd + 28] = rng.randrange(1 << 32).to_bytes(4, "little")
    elif how == "name":
        data[cd + 46] = rng.randrange(256)
    elif how == "truncate":
        del data[rng.randrange(len(data) // 2, len(data)):]
    elif how == "junk":
        data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 5000)))
    else:
        end = data.rfind(b"PK\x05\x06")
        data[end + 10:end + 12] = rng.randrange(65535).to_bytes(2, "little")
    return bytes(data)


def case_dtd(rng, good: bytes) -> bytes:
    parts = _parts(good)
    i = rng.randrange(len(parts))
    info, body = parts[i]
    decl = rng.choice([b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', b'<!ENTITY xxe SYSTEM "file:///etc/passwd">',
                       b"<!doctype html>"])
    where = rng.choice([0, len(body) // 2, len(body)])
    padding = b" " * rng.choice([0, 5000, 100_000])
    parts[i] = (info, body[:where] + padding + decl + body[where:])
    return _zip(parts)


def case_bombs(rng, good: bytes) -> bytes:
    parts = _parts(good)
    names = [info.filename for info, _ in parts]
    kind = rng.choice(["rows", "strings", "ratio", "columns"])
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    if kind == "rows":
        sheet = head + b"<sheetData>" + b"".join(b'<row r="%d"/>' % i for i in range(1, 100_003)) + b"</sheetData></worksheet>"
    elif kind == "columns":
        sheet = head + b'<dimension ref="A1:XFD1048576"/><sheetData/></worksheet>'
    elif kind == "ratio":
        sheet = head + b"<sheetData>" + b" " * (rng.randint(2, 40) << 20) + b"</sheetData></worksheet>"
    else:
        sheet = None
    assert "xl/worksheets/sheet2.xml" in names      # the targets sheet
    out = [(info, sheet if sheet is not None and info.filename == "xl/worksheets/sheet2.xml" else body)
           for info, body in parts if info.filename != "xl/sharedStrings.xml"]
    if sheet is None:
        out.append(("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    + b"<si><t>a</t></si>" * 1_000_001 + b"</sst>"))
    return _zip(out)


def run(cases: int, seed: int) -> dict:
    rng = random.Random(seed)
    good = BASE.read_bytes()
    work = Path(tempfile.mkdtemp(prefix="kpi-fuzz-"))
    from app.demo import build_demo
    template = work / "demo.sqlite3"
    store = open_store(template, create=True)
    build_demo(store)
    store.close()
    db = work / "db.sqlite3"
    shutil.copyfile(template, db)
    store = open_store(db)
    outcome: dict[str, Counter] = defaultdict(Counter)
    escaped: list[str] = []
    generators = {name: globals()[f"case_{name}"] for name in CLASSES}
    started = time.perf_counter()
    for i in range(cases):
        kind = CLASSES[i % len(CLASSES)]
        path = work / "case.xlsx"
        path.write_bytes(generators[kind](rng, good))
        before = digest(db)
        try:
            run_import(store, path)
            outcome[kind]["accepted"] += 1
            store.close()
            shutil.copyfile(template, db)          # start the next case from the demo again
            for suffix in ("-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            store = open_store(db)
        except KpiDeskError:
            outcome[kind]["refused"] += 1
            if digest(db) != before:
                outcome[kind]["partial"] += 1
        except Exception as exc:  # noqa: BLE001 - counting what escapes is the point
            outcome[kind]["traceback"] += 1
            escaped.append(f"case {i} ({kind}): {type(exc).__name__}: {str(exc)[:200]}")
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    return {"outcome": outcome, "escaped": escaped, "seconds": time.perf_counter() - started,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2568)
    args = parser.parse_args()
    result = run(args.cases, args.seed)
    print(f"{args.cases:,} cases, seed {args.seed}, {result['seconds']:.0f} s, peak memory {result['peak_mb']:.0f} MB")
    print(f"{'class':<8}{'cases':>8}{'refused':>9}{'accepted':>10}{'traceback':>11}{'partial':>9}")
    for kind in CLASSES:
        c = result["outcome"][kind]
        print(f"{kind:<8}{sum(c[k] for k in ('refused', 'accepted', 'traceback')):>8}{c['refused']:>9}"
              f"{c['accepted']:>10}{c['traceback']:>11}{c['partial']:>9}")
    for line in result["escaped"][:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
