"""Shaping text into glyph runs, measured once per run.

A run (one font, one size) is shaped by HarfBuzz in a single call; words and grapheme clusters are
then slices of it, found through HarfBuzz's cluster indices, so a word is never shaped twice and its
width is exactly what is drawn. Each glyph keeps HarfBuzz's offsets (tone marks above upper vowels,
marks under descenders) as a ReportLab ``ShapeData``, which ``paragraph.line_code`` turns into PDF
text operators.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData

from app.reports.fonts import FALLBACK, fallback_for, has_glyph, register_fonts

FEATURES = {"kern": True, "liga": True}
SARA_AM = "\u0e33"
SARA_AM_CODE, NIKHAHIT, SARA_AA = 0x0E33, "\u0e4d", "\u0e32"


def is_mark(ch: str) -> bool:
    """Characters that belong to the cluster before them (Thai vowels above/below, tone marks, sara am)."""
    return ch == SARA_AM or unicodedata.category(ch) in ("Mn", "Me")


def cluster_starts(text: str) -> list[int]:
    """Offsets where a grapheme cluster starts: a base letter with the marks that follow it."""
    return [i for i, ch in enumerate(text) if i == 0 or not is_mark(ch)]


@dataclass
class ShapedRun:
    """A shaped string: per glyph its PDF character, ShapeData and source character index."""

    text: str
    font: str
    size: float
    chars: str
    data: list
    clusters: list[int]
    advances: list[float]
    tops: list[float]          # per glyph, ink top above the baseline (1/1000 em), marks' offsets included
    bottoms: list[float]       # per glyph, ink bottom (negative below the baseline)
    lefts: list[float]         # per glyph, ink left and right from the glyph's pen position (1/1000 em)
    rights: list[float]
    pen: list[float] = field(default_factory=list)   # pen[g]: the advances before glyph g (1/1000 em)

    def __post_init__(self) -> None:
        if not self.pen:
            self.pen = list(accumulate(self.advances, initial=0.0))

    def ink_boxes(self, start: int, end: int, x: float) -> list[tuple[float, float, float, float]]:
        """(left, right, top, bottom) in points of every glyph of ``text[start:end]`` drawn from ``x``."""
        g0, g1 = self.glyph_range(start, end)
        scale, out = self.size / 1000, []
        for g in range(g0, g1):
            out.append((x + self.lefts[g] * scale, x + self.rights[g] * scale, self.tops[g] * scale,
                        self.bottoms[g] * scale))
            x += self.advances[g] * scale
        return out

    def ink(self, start: int, end: int) -> tuple[float, float]:
        """(top, bottom) of the ink of ``text[start:end]``, in points."""
        g0, g1 = self.glyph_range(start, end)
        if g0 >= g1:
            return 0.0, 0.0
        return max(self.tops[g0:g1]) * self.size / 1000, min(self.bottoms[g0:g1]) * self.size / 1000

    def glyph_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.clusters, start), bisect_left(self.clusters, end)

    def width(self, start: int, end: int) -> float:
        clusters = self.clusters
        return (self.pen[bisect_left(clusters, end)] - self.pen[bisect_left(clusters, start)]) * self.size / 1000


@lru_cache(maxsize=8)
def _hb_font(font_name: str):
    register_fonts()
    ttf = pdfmetrics.getFont(font_name)
    return ttf, ttf.hbFont(), 1000 / ttf.face.unitsPerEm


@lru_cache(maxsize=8)
def _glyphs(font_name: str) -> dict:
    """Glyph id → (ink top, bottom, left, right in 1/1000 em, PDF character, font advance or None): what a
    glyph always is, asked of HarfBuzz and the font once per glyph, not once per drawn glyph."""
    return {}


def _glyph(ttf, hbf, k: float, gid: int, x_advance: int) -> tuple:
    extents = hbf.get_glyph_extents(gid)
    box = ((extents.y_bearing * k, (extents.y_bearing + extents.height) * k, extents.x_bearing * k,
            (extents.x_bearing + extents.width) * k) if extents is not None else (0.0, 0.0, 0.0, 0.0))
    face = ttf.face
    try:
        uchar = face.glyphToChar[gid][0]
    except (KeyError, IndexError):
        uchar = ttf.hbAddPrivate(hbf.glyph_to_string(gid), gid, x_advance)
    return (*box, chr(uchar), face.charWidths.get(uchar))


@lru_cache(maxsize=16384)
def shape(text: str, font_name: str, size: float) -> ShapedRun:
    """Shaped once per (text, font, size): table cells repeat the same units, kinds and names."""
    ttf, hbf, k = _hb_font(font_name)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(hbf, buf, FEATURES)
    face = ttf.face
    chars, data, clusters, advances, tops, bottoms, lefts, rights = [], [], [], [], [], [], [], []
    known = _glyphs(font_name)
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        gid = info.codepoint
        glyph = known.get(gid)
        if glyph is None:
            glyph = known[gid] = _glyph(ttf, hbf, k, gid, pos.x_advance)
        top, bottom, left, right, char, width = glyph
        dx, dy, x_advance = pos.x_offset * k, pos.y_offset * k, pos.x_advance * k
        tops.append(top + dy)
        bottoms.append(bottom + dy)
        lefts.append(left + dx)
        rights.append(right + dx)
        chars.append(char)
        data.append(ShapeData(info.cluster, x_advance, pos.y_advance * k, dx, dy,
                              x_advance if width is None else width))
        clusters.append(info.cluster)
        advances.append(x_advance)
    _keep_sara_am_whole(text, face, chars, data, clusters, advances, tops, bottoms, lefts, rights)
    # MONOTONE_CHARACTERS keeps clusters non-decreasing for left-to-right text, which bisect relies on
    return ShapedRun(text, font_name, size, "".join(chars), data, clusters, advances, tops, bottoms, lefts, rights)


def _keep_sara_am_whole(text, face, chars, data, clusters, advances, tops, bottoms, lefts, rights) -> None:
    """HarfBuzz draws ำ as nikhahit + sara aa so that a tone mark can sit between them. Where no tone
    mark does (กำ, ทำ), the pair goes back to the font's own ำ glyph, which draws the same: then the glyph
    layer holds U+0E33 and the word is found by viewers that ignore ActualText."""
    if SARA_AM not in text or SARA_AM_CODE not in face.charToGlyph:
        return
    g = 0
    while g < len(chars) - 1:
        if chars[g] == NIKHAHIT and chars[g + 1] == SARA_AA and clusters[g] == clusters[g + 1] \
                and text[clusters[g]] == SARA_AM:
            advance = advances[g] + advances[g + 1]
            width = face.charWidths.get(SARA_AM_CODE, advance)
            chars[g:g + 2] = [SARA_AM]
            data[g:g + 2] = [ShapeData(clusters[g], advance, 0, 0, 0, width)]
            advances[g:g + 2] = [advance]
            clusters[g:g + 2] = [clusters[g]]
            tops[g:g + 2] = [max(tops[g], tops[g + 1])]
            bottoms[g:g + 2] = [min(bottoms[g], bottoms[g + 1])]
            lefts[g:g + 2] = [min(lefts[g], lefts[g + 1] + advances[g])]
            rights[g:g + 2] = [max(rights[g], rights[g + 1] + advances[g])]
        g += 1


def font_runs(text: str, font_name: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Split text into (start, end, font) so characters the font lacks go to the first fallback font that
    has them; a combining mark stays with its base letter's font when that font has it. A character no
    font has is drawn with the first fallback (a box) and returned second, for the caller to report."""
    register_fonts()
    cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    runs: list[tuple[int, int, str]] = []
    start, current = 0, None
    missing = []
    for i, ch in enumerate(text):
        code = ord(ch)
        if code in cmap or ch in "\n\t":
            font = font_name
        elif is_mark(ch) and current is not None and current != font_name and has_glyph(current, code):
            font = current                       # a Lao or Khmer vowel with its consonant
        elif is_mark(ch) and current in (None, font_name):
            font = font_name                     # a stray Thai mark: Sarabun's dotted circle shows it
        else:
            font = fallback_for(code)
            if font is None:
                missing.append(ch)
                font = FALLBACK
        if font != current:
            if current is not None:
                runs.append((start, i, current))
            start, current = i, font
    if current is not None:
        runs.append((start, len(text), current))
    return runs, missing
