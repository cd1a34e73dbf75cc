"""Paragraph styles of official Thai documents (ระเบียบงานสารบรรณ): Sarabun, body 16 pt, single spacing."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.units import cm

LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"

MARGIN_LEFT = 3 * cm
MARGIN_RIGHT = 2 * cm
MARGIN_TOP = 2.5 * cm
MARGIN_BOTTOM = 2 * cm
BODY_SIZE = 16
LINE_FACTOR = 1.25     # Sarabun's ascent + descent is 1.3 em; marks fit within this with no clipping
FIRST_LINE_INDENT = 2.5 * cm


@dataclass(frozen=True)
class TextStyle:
    size: float = BODY_SIZE
    leading: float | None = None
    bold: bool = False
    italic: bool = False
    align: str = LEFT
    first_indent: float = 0
    left_indent: float = 0
    space_before: float = 0
    space_after: float = 0
    colour: Color = black
    keepWithNext: bool = False      # noqa: N815 - ReportLab's name: a heading never ends a page alone

    def __hash__(self) -> int:            # styles key the typesetter's caches: hashed once, not per lookup
        kept = self.__dict__.get("_hash")
        if kept is None:
            kept = hash(tuple(getattr(self, f) for f in self.__dataclass_fields__))
            object.__setattr__(self, "_hash", kept)
        return kept

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else self.size * LINE_FACTOR

    def but(self, **changes) -> TextStyle:
        return replace(self, **changes)


BODY = TextStyle(align=JUSTIFY, first_indent=FIRST_LINE_INDENT)
PLAIN = TextStyle()
TITLE = TextStyle(size=20, bold=True, align=CENTER, space_after=6)
HEADING = TextStyle(bold=True, space_before=6, space_after=2, keepWithNext=True)
CENTRED = TextStyle(align=CENTER)
TABLE = TextStyle(size=12)
TABLE_HEAD = TextStyle(size=12, bold=True, align=CENTER)
TABLE_NUMBER = TextStyle(size=12, align=RIGHT)
SMALL = TextStyle(size=12)
WARNING = SMALL.but(colour=HexColor("#b3261e"), space_before=4)   # what still stands in the way, under a table
