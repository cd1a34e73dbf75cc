"""Importing a national-scale workbook, against openpyxl merely reading the same file (read-only mode).

    python -m benchmarks.bench_import [--db national.sqlite3]

The workbook is the export of one national year (230 units, 2,045 assigned indicators, both rounds'
results, 204 joint sub-indicators); it is imported into an empty database, which recreates the whole
year with every row validated. Time and peak Python memory (tracemalloc) for both, same process.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from openpyxl import load_workbook

from app.io.export import write_export
from app.io.imports import run_import
from app.store import open_store
from benchmarks.national import generate

YEAR = 2569


def measured(fn, again=None):
    """Wall time of ``fn`` alone, then peak memory of ``again`` (the same work) under tracemalloc,
    which would otherwise slow the timing down."""
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    (again or fn)()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, result


def read_only(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
    wb.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    db = args.db or str(work / "national.sqlite3")
    if not args.db:
        generate(db)
    store = open_store(db)
    workbook = work / "national-export.xlsx"
    with store.reading() as s:
        t0 = time.perf_counter()
        write_export(s, year_be=YEAR, out=workbook)
        t_export = time.perf_counter() - t0
    store.close()
    t_read, m_read, cells = measured(lambda: read_only(workbook))
    targets = [open_store(work / f"empty{i}.sqlite3", create=True) for i in range(2)]
    t_import, m_import, plan = measured(lambda: run_import(targets[0], workbook), lambda: run_import(targets[1], workbook))
    for target in targets:
        target.close()
    counts = plan.counts()
    print(f"workbook: {workbook.stat().st_size / 1e6:.1f} MB, {cells:,} cells; export took {t_export:.2f} s")
    print(f"baseline  openpyxl read-only read   {t_read:7.2f} s   peak {m_read / 1e6:7.1f} MB   1.00×")
    print(f"KPI Desk  validated import (all)    {t_import:7.2f} s   peak {m_import / 1e6:7.1f} MB   "
          f"{t_import / t_read:.2f}× time, {m_import / max(m_read, 1):.2f}× memory")
    print(f"          {counts['added']:,} rows added in one transaction")


if __name__ == "__main__":
    main()
