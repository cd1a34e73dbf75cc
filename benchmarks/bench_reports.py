"""National-scale annex and results reports, against stock ReportLab and LibreOffice, in one run.

    python -m benchmarks.bench_reports [--db national.sqlite3] [--out DIR]

(a) stock ReportLab: the same annex table from shaped ``Paragraph`` cells (Thai breaks at spaces
    only and marks may be lost, which is why KPI Desk does not use it);
(b) LibreOffice: the same table written to xlsx and converted with ``soffice --headless``, when
    soffice is installed.
Each figure is wall time in this process (LibreOffice: the subprocess), plus the pages produced.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
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
from app.reports.fonts import font_name, register_fonts
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


def libreoffice(rows, out_dir: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
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
    profile = tempfile.mkdtemp()
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(xlsx)], check=True, capture_output=True, timeout=600)
    return out_dir / "annex-lo.pdf"


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    out = Path(args.out or tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    db = args.db or str(out / "national.sqlite3")
    if not args.db:
        generate(db)
    store = open_store(db)
    with store.reading() as s:
        rows = annex_rows(s)
        t_annex, _ = timed(lambda: render(s, ReportRequest("annex", year=YEAR), out / "annex.pdf"))
        t_results, _ = timed(lambda: render(s, ReportRequest("results", year=YEAR, months=12), out / "results.pdf"))
    store.close()
    for cached in (shape, words, boundaries):
        cached.cache_clear()      # the flat table must not reuse what the annex run shaped
    t_flat, _ = timed(lambda: kpi_desk_flat(rows, out / "annex-flat.pdf"))
    t_stock, _ = timed(lambda: stock_reportlab(rows, out / "annex-stock.pdf"))
    t_lo, lo_pdf = timed(lambda: libreoffice(rows, out))
    print(f"national annex: {len(rows)} indicator rows of 230 units, FY{YEAR}; files in {out}")
    print(f"KPI Desk annex            {t_annex:7.2f} s  {pages(out / 'annex.pdf'):5d} pages")
    print(f"KPI Desk results (12 m.)  {t_results:7.2f} s  {pages(out / 'results.pdf'):5d} pages")
    print(f"KPI Desk, flat table      {t_flat:7.2f} s  {pages(out / 'annex-flat.pdf'):5d} pages   (the same table as a and b)")
    print(f"(a) stock ReportLab       {t_stock:7.2f} s  {pages(out / 'annex-stock.pdf'):5d} pages   "
          f"flat KPI Desk / stock = {t_flat / t_stock:.2f}")
    if lo_pdf:
        print(f"(b) LibreOffice xlsx→pdf  {t_lo:7.2f} s  {pages(lo_pdf):5d} pages   "
              f"flat KPI Desk / LibreOffice = {t_flat / t_lo:.2f}")
    else:
        print("(b) LibreOffice: soffice not installed, skipped")


if __name__ == "__main__":
    main()
