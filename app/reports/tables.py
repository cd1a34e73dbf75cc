"""Tables whose every cell is a Thai paragraph, with the header rows repeated on every page."""

from __future__ import annotations

from decimal import Decimal

import threading
from dataclasses import dataclass
from itertools import accumulate

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus.flowables import Flowable

from app.domain.thai_text import format_number
from app.reports import digits, notices
from app.reports.paragraph import ThaiParagraph
from app.reports.segment import document_words
from app.reports.styles import HEADING, TABLE, TABLE_HEAD, TABLE_NUMBER, TextStyle

CONTINUED = HEADING.but(space_before=0)

HEAD_BG = colors.HexColor("#dfe7f2")
BAND_BG = colors.HexColor("#f1f1f1")
TOTAL_BG = colors.HexColor("#fbf3d9")
GRID = colors.HexColor("#6b6b6b")


_shared = threading.local()
PAD = 3                 # points left and right of a cell's text
PAD_TOP, PAD_BOTTOM = 1, 2
MIN_ROW_PART = 33         # points: a row taller than a page starts where two lines of 12 pt still fit


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
    cut (between syllables, and reported). Equal cells of one document share one paragraph: a table
    repeats its kinds, units and numbers thousands of times, and a cell is only measured and drawn."""
    key = (cell.text, cell.style, width, digits.thai(), document_words(), notices.generation())
    shared = _shared.__dict__.setdefault("cells", {})
    p = shared.get(key)
    if p is not None:
        return p
    style = cell.style
    while True:
        p = ThaiParagraph(cell.text, style)
        if p.minWidth() <= width or style.size <= 9:
            break
        style = style.but(size=style.size - 1)
    if len(shared) > 100_000:
        shared.clear()
    shared[key] = p
    return p


class Cell:
    """Text with a style, for a table cell; ``span`` joins it with the cells to its right."""

    def __init__(self, text: str, style: TextStyle = TABLE, span: int = 1, runs=None) -> None:
        self.text, self.style, self.span, self.runs = text, style, span, runs


def number(value: Decimal | None, thai: bool, places: int | None = 2, style: TextStyle = TABLE_NUMBER) -> Cell:
    return Cell(format_number(value, places=places, thai=thai), style)


def plain_number(value: Decimal | None, thai: bool) -> str:
    """A target or actual as entered, with thousands separators."""
    return format_number(value, places=None, thai=thai)


@dataclass
class Slot:
    """A cell as placed: its first column, how many columns and rows it covers, what it prints."""

    col: int
    cols: int = 1
    rows: int = 1
    content: ThaiParagraph | None = None


@dataclass
class Row:
    slots: list[Slot]
    fill: Color | None = None
    keep: bool = False          # never the last row of a page: a band or a heading moves on with its next row
    height: float = 0.0


class ThaiTable(Flowable):
    """A ruled table of Thai paragraphs, typeset directly: each cell is laid out once, row heights are
    measured once, a page break falls between rows (never after a band or a heading row) with the header
    rows repeated and "ชื่อหน่วยงาน (ต่อ)" above them, and only a row taller than a whole page is split
    inside. Cells are drawn at their places without a graphics state each; the rules are one path."""

    def __init__(self, header: list[Row], body: list[Row], col_widths: list[float], continued: str | None = None,
                 _measured: bool = False) -> None:
        super().__init__()
        self.header, self.body, self.col_widths = header, body, list(col_widths)
        self.continued = continued
        self.hAlign = "LEFT"
        self.edges = list(accumulate(self.col_widths, initial=0.0))     # each column's left, then the right
        self.width = self.edges[-1]
        self._measured = _measured

    @property
    def rows(self) -> list[Row]:
        return self.header + self.body

    def _measure(self) -> None:
        if self._measured:
            return
        for block in (self.header, self.body):
            for row in block:
                row.height = max([PAD_TOP + PAD_BOTTOM] + [self._cell_height(s) for s in row.slots if s.rows == 1])
            for i, row in enumerate(block):        # a cell over several rows: the last of them grows to hold it
                for s in row.slots:
                    if s.rows > 1:
                        covered = block[i:i + s.rows]
                        short = self._cell_height(s) - sum(r.height for r in covered)
                        if short > 0:
                            covered[-1].height += short
        self._measured = True

    def _cell_width(self, slot: Slot) -> float:
        return self.edges[slot.col + slot.cols] - self.edges[slot.col] - 2 * PAD

    def _cell_height(self, slot: Slot) -> float:
        if slot.content is None:
            return PAD_TOP + PAD_BOTTOM
        _w, h = slot.content.wrap(self._cell_width(slot), 1e9)
        return h + PAD_TOP + PAD_BOTTOM

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab's names)
        self._measure()
        self.height = sum(r.height for r in self.rows)
        return self.width, self.height

    def _frame_height(self) -> float | None:
        frame = getattr(self, "_frame", None)
        if frame is None:
            return None
        return frame._height - frame._topPadding - frame._bottomPadding

    def split(self, availWidth, availHeight):  # noqa: N803
        self._measure()
        head_height = sum(r.height for r in self.header)
        used, fit = head_height, 0
        while fit < len(self.body) and used + self.body[fit].height <= availHeight:
            used += self.body[fit].height
            fit += 1
        if fit >= len(self.body):
            return [self]
        while fit and self.body[fit - 1].keep:
            fit -= 1
        body = self.body
        if fit == 0:
            page = self._frame_height()
            first = body[0]
            if page is None or head_height + first.height <= page or availHeight - head_height < MIN_ROW_PART:
                return []                    # it fits a page of its own (or too little room is left here): it moves on
            top, rest = self._split_row(first, availHeight - head_height)
            if top is None:
                return []
            body, fit = [top, rest, *body[1:]], 1
        first = ThaiTable(self.header, body[:fit], self.col_widths, self.continued, _measured=True)
        rest = ThaiTable(self.header, body[fit:], self.col_widths, self.continued, _measured=True)
        if not self.continued:
            return [first, rest]
        return [first, ThaiParagraph(f"{self.continued} (ต่อ)", CONTINUED), rest]

    def _split_row(self, row: Row, room: float) -> tuple[Row | None, Row]:
        """A row taller than a page: each cell's lines that fit ``room`` stay, the rest go on."""
        tops, rests = [], []
        for s in row.slots:
            if s.content is None or self._cell_height(s) <= room:
                tops.append(s)
                rests.append(Slot(s.col, s.cols))
                continue
            parts = s.content.split(self._cell_width(s), room - PAD_TOP - PAD_BOTTOM)
            if len(parts) == 2:
                tops.append(Slot(s.col, s.cols, 1, parts[0]))
                rests.append(Slot(s.col, s.cols, 1, parts[1]))
            else:                              # not even its first line fits: all of it goes on
                tops.append(Slot(s.col, s.cols))
                rests.append(s)
        if all(t.content is None for t in tops):
            return None, row
        top, rest = Row(tops, row.fill), Row(rests, row.fill, row.keep)
        for r in (top, rest):
            r.height = max([PAD_TOP + PAD_BOTTOM] + [self._cell_height(s) for s in r.slots])
        return top, rest

    def draw(self):
        canvas = self.canv
        rows = self.rows
        tops, y = [], self.height
        for row in rows:
            tops.append(y)
            y -= row.height
        canvas.saveState()
        for row, top in zip(rows, tops):
            if row.fill is not None:
                canvas.setFillColor(row.fill)
                canvas.rect(0, top - row.height, self.width, row.height, stroke=0, fill=1)
        canvas.restoreState()
        for row, top in zip(rows, tops):
            for s in row.slots:
                if s.content is not None:
                    s.content.draw_at(canvas, self.edges[s.col] + PAD, top - PAD_TOP - s.content.height)
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        edges, boxes = self.edges, []
        for i, (row, top) in enumerate(zip(rows, tops)):
            for s in row.slots:
                height = row.height if s.rows == 1 else sum(r.height for r in rows[i:i + s.rows])
                boxes.append(f"{fp_str(edges[s.col], top - height, edges[s.col + s.cols] - edges[s.col], height)} re")
        canvas._code.append(" ".join(boxes) + " S")        # every cell's box, one path stroked once
        canvas.restoreState()


def build_table(header: list, rows: list[list], col_widths: list[float], bands: list[int] = (),
                totals: list[int] = (), continued: str | None = None, keep_with_next: list[int] = ()) -> ThaiTable:
    """``header`` is one row of strings, or several rows of strings/Cells (a Cell's ``span`` joins columns;
    an empty string under a header cell joins it with the cell above); ``rows`` hold strings or Cells;
    ``bands`` are full-width section rows; ``totals`` subtotal rows. A band, and every row in
    ``keep_with_next``, never ends a page: it moves on with the row after it."""
    header_rows_list = header if header and isinstance(header[0], list) else [header]
    edges = list(accumulate(col_widths, initial=0))
    head: list[Row] = []
    for r, row in enumerate(header_rows_list):
        slots, col = [], 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(str(item))
            width = edges[col + cell.span] - edges[col] - 2 * PAD
            if cell.text or not r or len(row) != len(col_widths):
                slots.append(Slot(col, cell.span, 1, fitted_header(cell.text, width) if cell.text else None))
            else:                             # "" under a header cell: the cell above covers this row too
                above = next((s for s in head[r - 1].slots if s.col == col and s.cols == 1), None)
                if above is None:
                    slots.append(Slot(col, cell.span))
                else:
                    above.rows += 1
            col += cell.span
        head.append(Row(slots, HEAD_BG))
    body: list[Row] = []
    fills = {**{r: BAND_BG for r in bands}, **{r: TOTAL_BG for r in totals}}
    kept = set(bands) | set(keep_with_next)
    for r, row in enumerate(rows):
        slots, col = [], 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(str(item))
            width = edges[col + cell.span] - edges[col] - 2 * PAD
            slots.append(Slot(col, cell.span, 1, fitted_cell(cell, width) if cell.runs is None
                              else ThaiParagraph(cell.text, cell.style, runs=cell.runs)))
            col += cell.span
        body.append(Row(slots, fills.get(r), r in kept and r + 1 < len(rows)))
    return ThaiTable(head, body, col_widths, continued)
