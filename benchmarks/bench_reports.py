"""National-scale annex and results reports, against stock ReportLab and LibreOffice, in one run.

    python -m benchmarks.bench_reports [--db national.sqlite3] [--out DIR] [--runs N]

Whole processes, as a secretary feels them: ``kpi-desk report annex`` (a new Python process reading the
database and writing the PDF) against LibreOffice converting the same table from xlsx
(``soffice --headless --convert-to pdf``, the calc component: ``libreoffice-calc-nogui``), each run
``--runs`` times (median). KPI Desk's first run in a new data folder reads the word lists and keeps them
(its cache); later runs are what every print after the first costs. LibreOffice's first run makes its
profile; later runs reuse it.

In this process, for where the time goes: the annex and results reports, the flat table through KPI
Desk's engine and (a) stock ReportLab's shaped ``Paragraph`` cells (Thai breaks at spaces only and
marks may be lost, which is why KPI Desk does not use it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from app.reports.annex import WIDTHS
from app.reports import notices
from app.reports.fonts import font_name, register_fonts
from app.reports.paragraph import _tokenize
from app.reports.render import ReportRequest, render
from app.reports.segment import boundaries, words
from app.reports.shaping import shape
from app.services import lookup
from app.services.scoring import load_lines
from app.store import open_store
from benchmarks.national import generate

YEAR = 2569


def pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


def annex_rows(session) -> list[list[str]]:
    fy = lookup.year(session, YEAR)
    rows = []
    for lines in load_lines(session, fy.id, None).values():
        for i, ln in enumerate(lines, start=1):
            rows.append([str(i), ln.name, ln.kind, ln.unit_of_measure, f"{ln.weight:.2f}", f"{ln.base:f}",
                         f"{ln.standard:f}", f"{ln.advanced:f}"])
    return rows


def stock_reportlab(rows, out: Path) -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=font_name(), fontSize=12, leading=15, alignment=TA_LEFT)
    style.shaping = 1
    head = ["ที่", "ตัวชี้วัด", "ประเภท", "หน่วยนับ", "น้ำหนัก", "ขั้นต้น", "มาตรฐาน", "ขั้นสูง"]
    data = [[Paragraph(h, style) for h in head]] + [[Paragraph(c, style) for c in row] for row in rows]
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#666666"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(out), pagesize=landscape(A4), leftMargin=3 * cm, rightMargin=2 * cm).build([table])


def kpi_desk_flat(rows, out: Path) -> None:
    """The same flat table through KPI Desk's Thai engine."""
    from app.reports.common import write
    from app.reports.tables import build_table

    head = ["ที่", "ตัวชี้วัด", "ประเภท", "หน่วยนับ", "น้ำหนัก", "ขั้นต้น", "มาตรฐาน", "ขั้นสูง"]
    write([build_table(head, rows, WIDTHS)], out, "annex", landscape=True)


def write_xlsx(rows, out_dir: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["ที่", "ตัวชี้วัด", "ประเภท", "หน่วยนับ", "น้ำหนัก", "ขั้นต้น", "มาตรฐาน", "ขั้นสูง"])
    for row in rows:
        ws.append(row)
    for col, width in zip("ABCDEFGH", (5, 60, 20, 14, 9, 11, 11, 11)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.font = Font(name="Sarabun", size=12)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    xlsx = out_dir / "annex-lo.xlsx"
    wb.save(xlsx)
    return xlsx


def libreoffice_runs(xlsx: Path, out_dir: Path, runs: int) -> list[float] | None:
    """Seconds per ``soffice --convert-to pdf`` process, the first one making a new profile; None when
    LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    profile = tempfile.mkdtemp()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(xlsx)], check=True, capture_output=True, timeout=600)
        times.append(time.perf_counter() - t0)
    return times


def kpi_desk_runs(db: str, out: Path, runs: int) -> list[float]:
    """Seconds per ``kpi-desk report annex`` process, the first one in a new data folder (no cache).

    The program runs from bytecode, as installed (pip compiles what it installs; the Windows build
    carries compiled modules): an editable checkout under ``PYTHONDONTWRITEBYTECODE`` would otherwise
    compile every module of KPI Desk again in every run."""
    import compileall
    import app
    compileall.compile_dir(Path(app.__file__).parent, quiet=1)
    env = {**os.environ, "KPI_DESK_DATA_DIR": tempfile.mkdtemp(), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "app",
               "report", "annex", "--db", db, "--year", str(YEAR), "--out", str(out)]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, timeout=600)
        times.append(time.perf_counter() - t0)
    return times


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--out", default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = Path(args.out or tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    db = args.db or str(out / "national.sqlite3")
    if not args.db:
        generate(db)
    store = open_store(db)
    with store.reading() as s:
        rows = annex_rows(s)
    store.close()
    xlsx = write_xlsx(rows, out)
    kpi = kpi_desk_runs(db, out / "annex-process.pdf", args.runs)
    lo = libreoffice_runs(xlsx, out, args.runs)
    store = open_store(db)
    with store.reading() as s:
        t_annex, _ = timed(lambda: render(s, ReportRequest("annex", year=YEAR), out / "annex.pdf"))
        t_results, _ = timed(lambda: render(s, ReportRequest("results", year=YEAR, months=12), out / "results.pdf"))
    store.close()
    for cached in (shape, words, boundaries, _tokenize):
        cached.cache_clear()      # the flat table must not reuse what the annex run shaped and laid out
    notices.start()               # nor the annex's shared cells
    t_flat, _ = timed(lambda: kpi_desk_flat(rows, out / "annex-flat.pdf"))
    t_stock, _ = timed(lambda: stock_reportlab(rows, out / "annex-stock.pdf"))
    print(f"national annex: {len(rows)} indicator rows of 230 units, FY{YEAR}; files in {out}")
    print(f"whole processes, {args.runs} runs each (first / median of the rest):")
    warm = statistics.median(kpi[1:] or kpi)
    print(f"  kpi-desk report annex       {kpi[0]:6.2f} s / {warm:5.2f} s  {pages(out / 'annex-process.pdf'):5d} pages")
    if lo:
        lo_warm = statistics.median(lo[1:] or lo)
        print(f"  LibreOffice xlsx -> pdf     {lo[0]:6.2f} s / {lo_warm:5.2f} s  {pages(out / 'annex-lo.pdf'):5d} pages")
        print(f"  kpi-desk / LibreOffice      first {kpi[0] / lo[0]:.2f}   then {warm / lo_warm:.2f}   (issue 11 asks <= 0.5)")
    else:
        print("  LibreOffice: soffice not installed (apt-get install libreoffice-calc-nogui), comparison skipped")
    print("in this process:")
    print(f"  KPI Desk annex            {t_annex:7.2f} s  {pages(out / 'annex.pdf'):5d} pages")
    print(f"  KPI Desk results (12 m.)  {t_results:7.2f} s  {pages(out / 'results.pdf'):5d} pages")
    print(f"  KPI Desk, flat table      {t_flat:7.2f} s  {pages(out / 'annex-flat.pdf'):5d} pages   (the table LibreOffice converts)")
    print(f"  (a) stock ReportLab       {t_stock:7.2f} s  {pages(out / 'annex-stock.pdf'):5d} pages   "
          f"flat KPI Desk / stock = {t_flat / t_stock:.2f}")


if __name__ == "__main__":
    main()
