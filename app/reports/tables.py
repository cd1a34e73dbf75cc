"""Tables whose every cell is a Thai paragraph, with the header rows repeated on every page."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from app.domain.thai_text import format_number
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import HEADING, TABLE, TABLE_HEAD, TABLE_NUMBER, TextStyle

CONTINUED = HEADING.but(space_before=0)

HEAD_BG = colors.HexColor("#dfe7f2")
BAND_BG = colors.HexColor("#f1f1f1")
TOTAL_BG = colors.HexColor("#fbf3d9")
GRID = colors.HexColor("#6b6b6b")


PAD = 3


def fitted_header(text: str, width: float) -> ThaiParagraph:
    """A header cell whose longest word fits the column: the font steps down from 12 to 9 pt."""
    for size in (12, 11, 10, 9):
        p = ThaiParagraph(text, TABLE_HEAD.but(size=size))
        if p.minWidth() <= width:
            return p
    return p


def fitted_cell(cell: "Cell", width: float) -> ThaiParagraph:
    """A cell never cuts a word or a number in two when a smaller type fits it: in a column too narrow
    for its widest word (Thai digits are wider than Arabic ones; ล้านตันคาร์บอนไดออกไซด์เทียบเท่า in a
    unit-of-measure column) its type steps down from the style's size to 9 pt; only below that is the word
    cut (between syllables, and reported)."""
    size = cell.style.size
    while True:
        p = ThaiParagraph(cell.text, cell.style.but(size=size))
        if p.minWidth() <= width or size <= 9:
            return p
        size -= 1


class Cell:
    """Text with a style, for a table cell; ``span`` joins it with the cells to its right."""

    def __init__(self, text: str, style: TextStyle = TABLE, span: int = 1, runs=None) -> None:
        self.text, self.style, self.span, self.runs = text, style, span, runs


def number(value: Decimal | None, thai: bool, places: int | None = 2, style: TextStyle = TABLE_NUMBER) -> Cell:
    return Cell(format_number(value, places=places, thai=thai), style)


def plain_number(value: Decimal | None, thai: bool) -> str:
    """A target or actual as entered, with thousands separators."""
    return format_number(value, places=None, thai=thai)


class ContinuedTable(Table):
    """A table that, when it runs onto another page, says there whose table it is: "ชื่อหน่วยงาน (ต่อ)"
    above the repeated header rows."""

    continued: str | None = None

    def split(self, availWidth, availHeight):  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or not self.continued:
            return parts
        head, tail = parts
        tail.continued = self.continued
        label = ThaiParagraph(f"{self.continued} (ต่อ)", CONTINUED)
        return [head, label, tail]


def build_table(header: list, rows: list[list], col_widths: list[float], bands: list[int] = (),
                totals: list[int] = (), continued: str | None = None, keep_with_next: list[int] = ()) -> Table:
    """``header`` is one row of strings, or several rows of strings/Cells (a Cell's ``span`` joins columns);
    ``rows`` hold strings or Cells; ``bands`` are full-width section rows; ``totals`` subtotal rows. A band,
    and every row in ``keep_with_next``, never ends a page: it moves on with the row after it."""
    header_rows_list = header if header and isinstance(header[0], list) else [header]
    header_rows = len(header_rows_list)
    data, commands = [], []
    for r, row in enumerate(header_rows_list):
        cells, col = [], 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(str(item))
            width = sum(col_widths[col:col + cell.span]) - 2 * PAD
            cells.append(fitted_header(cell.text, width) if cell.text else "")
            if cell.span > 1:
                commands.append(("SPAN", (col, r), (col + cell.span - 1, r)))
                cells.extend([""] * (cell.span - 1))
            col += cell.span
        data.append(cells)
        if r and len(row) == len(col_widths):
            commands += [("SPAN", (c, r - 1), (c, r)) for c, item in enumerate(row) if item == ""]
    commands += [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, row in enumerate(rows, start=header_rows):
        cells, col = [], 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(str(item))
            width = sum(col_widths[col:col + cell.span]) - 2 * PAD
            cells.append(fitted_cell(cell, width) if cell.runs is None
                         else ThaiParagraph(cell.text, cell.style, runs=cell.runs))
            if cell.span > 1:
                commands.append(("SPAN", (col, r), (col + cell.span - 1, r)))
                cells.extend([""] * (cell.span - 1))
            col += cell.span
        data.append(cells)
    for r in bands:
        commands.append(("BACKGROUND", (0, r + header_rows), (-1, r + header_rows), BAND_BG))
    for r in sorted(set(bands) | set(keep_with_next)):
        if r + 1 < len(rows):
            commands.append(("NOSPLIT", (0, r + header_rows), (-1, r + 1 + header_rows)))
    for r in totals:
        commands.append(("BACKGROUND", (0, r + header_rows), (-1, r + header_rows), TOTAL_BG))
    table = ContinuedTable(data, colWidths=col_widths, repeatRows=header_rows, hAlign="LEFT")
    table.continued = continued
    table.setStyle(TableStyle(commands))
    return table
