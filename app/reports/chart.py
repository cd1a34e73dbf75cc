"""A horizontal bar chart of unit scores over tinted grade zones, drawn with shaped Thai labels.

ReportLab's chart widgets draw labels without shaping (tone marks collide), so this flowable draws
bars and zones itself and sets every label with the Thai paragraph flowable.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from app.domain.grades import GRADES
from app.domain.thai_text import format_number, to_thai_digits
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import CENTER, LEFT, RIGHT, TextStyle

LABEL = TextStyle(size=11, align=RIGHT, leading=13)
VALUE = TextStyle(size=10, align=LEFT)
AXIS = TextStyle(size=10, align=CENTER)
BAR, GAP, AXIS_SPACE = 12.0, 6.0, 30.0


def _tint(hex_colour: str, alpha: float = 0.12) -> Color:
    c = HexColor(hex_colour)
    return Color(1 - (1 - c.red) * alpha, 1 - (1 - c.green) * alpha, 1 - (1 - c.blue) * alpha)


WHOLE_PAGE = 16 * cm          # the landscape frame's height is 16.5 cm: a chart up to this stays in one piece


class ScoreBarChart(Flowable):
    def __init__(self, rows: list[tuple[str, Decimal, str]], width: float, label_width: float, thai_digits: bool,
                 _measured: list | None = None, grades=GRADES) -> None:
        """``rows``: (label, score 0–100 or None when there is none, bar colour); ``grades``: the year's bands,
        tinted behind the bars."""
        super().__init__()
        self.rows, self.width, self.label_width, self.thai = rows, width, label_width, thai_digits
        self.grades = grades
        if _measured is None:
            _measured = []
            for label, score, colour in rows:
                p = ThaiParagraph(label, LABEL)
                _, h = p.wrap(label_width, 1000)
                _measured.append(((p, score, colour), max(BAR, h) + GAP))
        self.labels = [m[0] for m in _measured]
        self.row_heights = [m[1] for m in _measured]
        self._measured = _measured
        self.height = sum(self.row_heights) + AXIS_SPACE

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        """A chart that fits on a page is kept whole (moved to the next page); only one taller than a
        whole page is cut, as many bars per page as fit, each part with its own axis."""
        if self.height <= WHOLE_PAGE:
            return []
        used, k = AXIS_SPACE, 0
        while k < len(self.row_heights) and used + self.row_heights[k] <= availHeight:
            used += self.row_heights[k]
            k += 1
        if k == 0 or k == len(self.rows):
            return [] if k == 0 else [self]
        make = lambda a, b: ScoreBarChart(self.rows[a:b], self.width, self.label_width, self.thai, self._measured[a:b],
                                          self.grades)
        return [make(0, k), make(k, len(self.rows))]

    def _text(self, text, style, x, y, width):
        p = ThaiParagraph(text, style)
        p.wrapOn(self.canv, width, 30)
        p.drawOn(self.canv, x, y)

    def draw(self):
        c = self.canv
        plot_x = self.label_width + 8
        plot_w = self.width - plot_x - 36
        scale = plot_w / 100
        top, bottom = self.height, AXIS_SPACE
        for i, g in enumerate(self.grades):
            low = float(g.floor)
            high = 100.0 if i == 0 else float(self.grades[i - 1].floor)
            c.setFillColor(_tint(g.colour))
            c.rect(plot_x + low * scale, bottom, (high - low) * scale, top - bottom, stroke=0, fill=1)
        y = top
        for (label, score, colour), h in zip(self.labels, self.row_heights):
            y -= h
            bar_y = y + (h - GAP - BAR) / 2 + GAP / 2
            label.drawOn(c, 0, y + GAP / 2 + (h - GAP - label.height) / 2)
            if score is not None:            # None: no score yet, no bar ("–" beside the plot)
                c.setFillColor(HexColor(colour))
                c.rect(plot_x, bar_y, float(score) * scale, BAR, stroke=0, fill=1)
            self._text(format_number(score, thai=self.thai), VALUE, plot_x + plot_w + 4, bar_y - 2, 34)
        c.setStrokeColor(HexColor("#333333"))
        c.setLineWidth(0.6)
        c.line(plot_x, bottom, plot_x + plot_w, bottom)
        for tick in range(0, 101, 10):
            x = plot_x + tick * scale
            c.line(x, bottom, x, bottom - 3)
            self._text(to_thai_digits(str(tick)) if self.thai else str(tick), AXIS, x - 15, bottom - 22, 30)
