"""The Thai paragraph flowable: shaped text, lines broken only between words, Thai justification.

It replaces ReportLab's ``Paragraph`` for Thai (which breaks at spaces only and cannot split shaped
text reliably). Text is segmented into words, each word is measured once from one shaped run, and
lines are filled greedily, accepting a break only where the Thai run ending the line and the one
starting the next have a word boundary between them. A word longer than the line is cut between
grapheme clusters. Justified lines spread the spare width between clusters, never between a letter
and its marks. Each drawn line carries its text as ActualText, so copy and search return the words.
It implements wrap/split/minWidth, so it flows across pages and inside Table cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable

from app.reports.fonts import font_name
from app.domain.thai_marks import repair_marks
from app.reports import continuation, digits, notices
from app.reports.segment import break_ok, words
from app.reports.shaping import ShapedRun, cluster_starts, font_runs, shape
from app.reports.styles import CENTER, JUSTIFY, RIGHT, TextStyle

ASCENT, DESCENT = 1.068, 0.232          # Sarabun, in em
MAX_WORD_GAP = 0.15                     # em between two words at most before a justified line stays ragged


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Piece:
    run: ShapedRun
    start: int
    end: int
    width: float


@dataclass
class Token:
    text: str
    pieces: list[Piece]
    width: float
    space: bool = False
    newline: bool = False


def tokenize(runs: list[Run], style: TextStyle) -> list[Token]:
    tokens: list[Token] = []
    for run in runs:
        base_font = font_name(style.bold or run.bold, style.italic or run.italic)
        for part in re.split(r"(\n)", run.text):
            if part == "\n":
                tokens.append(Token("\n", [], 0.0, newline=True))
                continue
            part, misplaced = repair_marks(digits.apply(part.replace("\t", " ")))
            if misplaced:
                notices.note(misplaced)
            for start, end, fname in font_runs(part, base_font):
                text = part[start:end]
                shaped = shape(text, fname, style.size)
                pos = 0
                for w in words(text):
                    width = shaped.width(pos, pos + len(w))
                    tokens.append(Token(w, [Piece(shaped, pos, pos + len(w), width)], width, space=w.isspace()))
                    pos += len(w)
    return tokens


LEADING_VOWELS = frozenset("เแโใไ")
THANTHAKHAT = "\u0e4c"
FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")      # ะ า ำ ๅ never open a line


def _split_long(token: Token, avail: float) -> tuple[Token, Token]:
    """Cut a word that cannot fit on a line (the last resort: tables first try a smaller type). The head
    fits ``avail`` and ends, where one fits, at a boundary a segmenter sees, else between two dictionary
    words inside it (คาร์บอน|ไดออกไซด์), else between clusters —
    never after a leading vowel nor before a consonant carrying ์ (ไซ|ด์). The cut is reported."""
    from app.reports.segment import boundaries, compound_cuts
    piece = token.pieces[0]
    run, text = piece.run, run_text(piece)
    starts = cluster_starts(text) + [len(text)]
    clusters = {s: e for s, e in zip(starts, starts[1:])}

    def allowed(s: int) -> bool:
        return (text[s - 1] not in LEADING_VOWELS and text[s] not in FOLLOWING_VOWELS
                and THANTHAKHAT not in text[s:clusters.get(s, s)])

    fitting = [s for s in starts[1:-1] if run.width(piece.start, piece.start + s) <= avail]
    cut = next((s for places in (boundaries(text), compound_cuts(text), None) for s in reversed(fitting)
                if (places is None or s in places) and allowed(s)), None) or starts[1]
    notices.note_cut(token.text)            # a word or a number cut in two: say so, do not leave it silent
    head = Piece(run, piece.start, piece.start + cut, run.width(piece.start, piece.start + cut))
    tail = Piece(run, piece.start + cut, piece.end, run.width(piece.start + cut, piece.end))
    return (Token(text[:cut], [head], head.width), Token(text[cut:], [tail, *token.pieces[1:]],
                                                         token.width - head.width))


def run_text(piece: Piece) -> str:
    return piece.run.text[piece.start:piece.end]


@dataclass
class Line:
    tokens: list[Token]
    width: float
    last: bool          # the paragraph's last line, or one ended by a forced break: never stretched
    indent: float
    start: int = 0      # index of the line's first token in the laid-out token list

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens)

    def ink(self, width: float, style) -> list[tuple[float, float, float, float]]:
        """(left, right, top, bottom) of every glyph the line draws in a column ``width`` wide, in points
        from the column's left and the line's baseline, placed exactly as drawing places them."""
        x, stretch = placement(self, width, style)
        boxes = []
        for ti, t in enumerate(self.tokens):
            for p in t.pieces:
                boxes += p.run.ink_boxes(p.start, p.end, x)
                x += p.width
            x += stretch.get(("space", ti), 0.0) + stretch.get(("gap", ti), 0.0)
        return boxes


def placement(line: Line, width: float, style) -> tuple[float, dict]:
    """Where a line starts in its column and how justification stretches it: one rule for drawing and
    for measuring."""
    avail = width - line.indent
    x = line.indent
    if style.align == RIGHT:
        return x + avail - line.width, {}
    if style.align == CENTER:
        return x + (avail - line.width) / 2, {}
    if style.align == JUSTIFY and not line.last:
        return x, justification(line, avail - line.width, style.size)
    return x, {}


def _lookahead(tokens: list[Token], start: int, chars: int = 200) -> str:
    out = ""
    for t in tokens[start:]:
        if t.newline:
            break
        out += t.text
        if len(out) >= chars:
            break
    return out


def layout(tokens: list[Token], width: float, style: TextStyle, first: bool = True) -> tuple[list[Line], list[Token]]:
    """Lines for ``width`` and the token list they index (long words may have been cut in it)."""
    tokens = list(tokens)
    lines: list[Line] = []
    i = 0
    while i < len(tokens):
        while i < len(tokens) and tokens[i].space:
            i += 1
        if i >= len(tokens):
            break
        indent = style.left_indent + (style.first_indent if first and not lines else 0)
        avail = width - indent
        if tokens[i].newline:
            lines.append(Line([], 0.0, True, indent, i))
            i += 1
            continue
        if tokens[i].width > avail and not tokens[i].space:
            head, tail = _split_long(tokens[i], avail)
            tokens[i:i + 1] = [head, tail]
        used, j = 0.0, i
        while j < len(tokens) and not tokens[j].newline and (j == i or used + tokens[j].width <= avail or tokens[j].space):
            used += tokens[j].width
            j += 1
        end = j
        if j < len(tokens) and not tokens[j].newline:
            for e in range(j, i, -1):
                if tokens[e - 1].newline:
                    continue
                if break_ok("".join(t.text for t in tokens[i:e]), _lookahead(tokens, e)):
                    end = e
                    break
        body = tokens[i:end]
        while body and body[-1].space:
            body = body[:-1]
        forced = end < len(tokens) and tokens[end].newline
        lines.append(Line(body, sum(t.width for t in body), end >= len(tokens) or forced, indent, i))
        i = end + 1 if forced else end
    return lines, tokens


CLEARANCE = 0.04     # em kept free between the ink of two lines, and between ink and the paragraph's box
STRETCH_REACH = 0.02  # em: glyphs closer than this sideways count as standing over each other
HANGS, RISES = 0.12, 0.8   # em: glyphs below / above these can meet the line below / above


@dataclass(frozen=True)
class LineMetrics:
    """Where a paragraph's baselines go: ``above`` from the box's top to the first baseline, ``pitches``
    between consecutive baselines, ``below`` from the last baseline to the box's bottom. By default the
    style's leading (1.25 em); more only between two lines whose marks would otherwise touch (a tone
    above an upper vowel standing over a lower vowel of the line above), and at the box's edges."""

    above: float
    pitches: tuple[float, ...]
    below: float

    def height(self, n: int | None = None) -> float:
        n = len(self.pitches) + 1 if n is None else n
        return self.above + sum(self.pitches[:max(0, n - 1)]) + self.below


def line_metrics(lines: list[Line], style: TextStyle, width: float) -> LineMetrics:
    return prefix_metrics(lines, style, width)[-1]


def prefix_metrics(lines: list[Line], style: TextStyle, width: float) -> list[LineMetrics]:
    """The metrics of the paragraph cut after 1, 2, … n lines (what ``split`` needs), from one pass."""
    lh, size = style.line_height, style.size
    gap = (lh - (ASCENT + DESCENT) * size) / 2
    base_above, base_below = gap + ASCENT * size, lh - gap - ASCENT * size
    inks = [line.ink(width, style) for line in lines]
    if not inks:
        return [LineMetrics(base_above, (), base_below)]
    clear, reach = CLEARANCE * size, STRETCH_REACH * size
    above = max([base_above] + [top + clear for _l, _r, top, _b in inks[0]])
    out, pitches = [], []
    for i, ink in enumerate(inks):
        if i:
            pitch = lh
            hanging = [(left, right, bottom) for left, right, _t, bottom in inks[i - 1] if bottom < -HANGS * size]
            rising = [(left, right, top) for left, right, top, _b in ink if top > RISES * size]
            for l1, r1, bottom in hanging:
                for l2, r2, top in rising:
                    if l2 - reach < r1 and l1 - reach < r2:      # they may stand over each other
                        pitch = max(pitch, top - bottom + clear)
            pitches.append(pitch)
        below = max([base_below] + [-bottom + clear for _l, _r, _t, bottom in ink])
        out.append(LineMetrics(above, tuple(pitches), below))
    return out


class ThaiParagraph(Flowable):
    """A paragraph of (mostly) Thai text. ``text`` is plain text — nothing in it is markup, so what a
    secretary typed prints as typed; a newline breaks the line; bold or italic parts come as ``runs``."""

    def __init__(self, text: str = "", style: TextStyle = TextStyle(), runs: list[Run] | None = None,
                 _tokens: list[Token] | None = None, _first: bool = True) -> None:
        super().__init__()
        self.style = style
        self.runs = runs if runs is not None else [Run(text)]
        self._tokens = _tokens if _tokens is not None else tokenize(self.runs, style)
        self._first = _first
        self.furniture = False          # page numbers and footers: not body text
        self._lines: list[Line] = []
        self._laid_tokens: list[Token] = []
        self._laid_width: float | None = None

    @property
    def plain_text(self) -> str:
        return "".join(t.text for t in self._tokens)

    def _layout(self, width: float) -> list[Line]:
        if self._laid_width != width:
            self._lines, self._laid_tokens = layout(self._tokens, width, self.style, self._first)
            self._laid_width = width
        return self._lines

    def _prefixes(self, width: float) -> list[LineMetrics]:
        """``prefix_metrics`` of the lines laid out for ``width``, kept while the lines are: a table asks a
        cell's size several times over (its height pass, a split, drawing) for the same width."""
        lines = self._layout(width)
        kept = getattr(self, "_kept_prefixes", None)
        if kept is None or kept[0] is not lines:
            kept = self._kept_prefixes = (lines, prefix_metrics(lines, self.style, width))
        return kept[1]

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab's names)
        self.width = availWidth
        self._metrics = self._prefixes(availWidth)[-1]
        self.height = self._metrics.height()
        return self.width, self.height

    def getSpaceBefore(self):  # noqa: N802
        return self.style.space_before if self._first else 0

    def getSpaceAfter(self):  # noqa: N802
        return self.style.space_after

    def minWidth(self):  # noqa: N802
        widest = max((t.width for t in self._tokens if not t.space), default=0.0)
        return widest + self.style.left_indent

    def split(self, availWidth, availHeight):  # noqa: N803
        lines = self._layout(availWidth)
        heights = [m.height() for m in self._prefixes(availWidth)]
        fit = 0
        while fit < len(lines) and heights[fit] <= availHeight:
            fit += 1
        if fit <= 0 or len(lines) <= 1:
            return []
        if fit >= len(lines):
            return [self]
        cut = lines[fit].start
        head = ThaiParagraph(style=self.style, runs=self.runs, _tokens=self._laid_tokens[:cut], _first=self._first)
        head._lines, head._laid_tokens, head._laid_width = lines[:fit], self._laid_tokens[:cut], availWidth
        tail = ThaiParagraph(style=self.style.but(space_before=0), runs=self.runs,
                             _tokens=self._laid_tokens[cut:], _first=False)
        return [head, tail]

    def draw(self):
        canvas = self.canv
        metrics = getattr(self, "_metrics", None) or line_metrics(self._lines, self.style, self.width)
        y = self.height - metrics.above
        canvas.saveState()
        canvas.setFillColor(self.style.colour)
        for i, line in enumerate(self._lines):
            if line.tokens:
                if not self.furniture:
                    continuation.note_line(canvas.getPageNumber(), line.text)
                self._draw_line(canvas, line, y)
            if i < len(metrics.pitches):
                y -= metrics.pitches[i]
        canvas.restoreState()

    def _draw_line(self, canvas, line: Line, y: float) -> None:
        x, stretch = placement(line, self.width, self.style)
        text = canvas.beginText()
        current_font = None
        for ti, token in enumerate(line.tokens):
            for piece in token.pieces:
                if piece.run.font != current_font:
                    text.setFont(piece.run.font, piece.run.size)
                    current_font = piece.run.font
                shaped, w = piece.run.piece(piece.start, piece.end)
                text.setTextOrigin(x, y)
                text.textOut(shaped)
                x += w
            x += stretch.get(("space", ti), 0.0) + stretch.get(("gap", ti), 0.0)
        canvas._code.append(f"/Span <</ActualText <FEFF{line.text.encode('utf-16-be').hex().upper()}>>> BDC")
        canvas.drawText(text)
        canvas._code.append("EMC")


MAX_SPACE_STRETCH = 0.2                 # em added to a word space at most: wider gaps read as columns


def justification(line: Line, spare: float, size: float) -> dict:
    """Extra width per gap, as Thai distributed justification does it but restrained: word spaces take
    up to 0.2 em each first, then the gaps between words (never between the clusters of one word or the
    digits of one number) share the rest up to 0.15 em each. A line that cannot be filled so is left
    ragged (empty result)."""
    tokens = line.tokens
    spaces = [("space", ti) for ti, token in enumerate(tokens) if token.space]
    gaps = [("gap", ti) for ti in range(len(tokens) - 1) if not tokens[ti].space and not tokens[ti + 1].space
            and not tokens[ti + 1].newline]
    space_extra = min(spare / len(spaces), MAX_SPACE_STRETCH * size) if spaces else 0.0
    rest = spare - space_extra * len(spaces)
    gap_extra = rest / len(gaps) if gaps and rest > 0.01 else 0.0
    if rest > 0.01 and (not gaps or gap_extra > MAX_WORD_GAP * size):
        return {}
    return {**{key: space_extra for key in spaces}, **{key: gap_extra for key in gaps}}
