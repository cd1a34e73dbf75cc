"""The Thai paragraph flowable: shaped text, lines broken only between words, Thai justification.

It replaces ReportLab's ``Paragraph`` for Thai (which breaks at spaces only and cannot split shaped
text reliably). Text is segmented into words, each word is measured once from one shaped run, and
lines are filled greedily, accepting a break only where the Thai run ending the line and the one
starting the next have a word boundary between them. A word longer than the line is cut between
grapheme clusters. Justified lines stretch word spaces first, then the gaps between words, never inside
a word or a number (``justification``). Each drawn line carries its text as ActualText, so copy and
search return the words. It implements wrap/split/minWidth, so it flows across pages and inside tables.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus.flowables import Flowable

from app.reports.fonts import font_name
from app.domain.thai_marks import repair_marks
from app.reports import continuation, digits, notices
from app.reports.segment import break_ok, document_words, words
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


class Tokens(list):
    """The tokens of one text in one style, shared by every paragraph that prints it (a table repeats its
    units, kinds and numbers thousands of times): what the typesetter had to report about the text, and
    the lines laid out of it, per width, are kept with it."""

    def __init__(self, tokens, misplaced=(), missing=()) -> None:
        super().__init__(tokens)
        self.misplaced, self.missing = tuple(misplaced), tuple(missing)
        self.layouts: dict = {}
        self.widest: float | None = None

    def report(self) -> None:
        if self.misplaced:
            notices.note(list(self.misplaced))
        if self.missing:
            notices.note_missing(list(self.missing))


def tokenize(runs: list[Run], style: TextStyle) -> Tokens:
    tokens = _tokenize(tuple(runs), style, digits.thai(), document_words())
    tokens.report()                  # each document says it again, even when the text was shaped before
    return tokens


@lru_cache(maxsize=16384)
def _tokenize(runs: tuple[Run, ...], style: TextStyle, _digit_mode, _words) -> Tokens:
    """(The digit style and the document's words are part of the key: lines laid out of these tokens
    depend on them.)"""
    tokens: list[Token] = []
    misplaced_all, missing_all = [], []
    for run in runs:
        base_font = font_name(style.bold or run.bold, style.italic or run.italic)
        for part in re.split(r"(\n)", run.text):
            if part == "\n":
                tokens.append(Token("\n", [], 0.0, newline=True))
                continue
            part, misplaced = repair_marks(digits.apply(part.replace("\t", " ")))
            misplaced_all += misplaced
            runs_of_fonts, missing = font_runs(part, base_font)
            missing_all += missing
            for start, end, fname in runs_of_fonts:
                text = part[start:end]
                shaped = shape(text, fname, style.size)
                pos = 0
                for w in words(text):
                    width = shaped.width(pos, pos + len(w))
                    tokens.append(Token(w, [Piece(shaped, pos, pos + len(w), width)], width, space=w.isspace()))
                    pos += len(w)
    return Tokens(tokens, misplaced_all, missing_all)


LEADING_VOWELS = frozenset("เแโใไ")
THANTHAKHAT = "\u0e4c"
FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")      # ะ า ำ ๅ never open a line


def _split_long(token: Token, avail: float) -> tuple[Token, Token]:
    """Cut a word that cannot fit on a line (the last resort: tables first try a smaller type). The head
    fits ``avail`` and ends, where one fits, at a boundary a segmenter sees, else between two dictionary
    words inside it (คาร์บอน|ไดออกไซด์), else between clusters —
    never after a leading vowel nor before a consonant carrying ์ (ไซ|ด์). ``layout`` reports the cut."""
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


def layout(tokens: list[Token], width: float, style: TextStyle,
           first: bool = True) -> tuple[list[Line], list[Token], list[str]]:
    """Lines for ``width``, the token list they index (long words may have been cut in it) and the words
    so cut, for the caller to report."""
    tokens = list(tokens)
    lines: list[Line] = []
    cut: list[str] = []
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
            cut.append(tokens[i].text)      # a word or a number cut in two: said, never silent
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
    return lines, tokens, cut


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
            layouts = getattr(self._tokens, "layouts", {})
            key = (width, self._first)
            laid = layouts.get(key)
            if laid is None:
                lines, tokens, cut = layout(self._tokens, width, self.style, self._first)
                laid = layouts[key] = (lines, tokens, cut, prefix_metrics(lines, self.style, width), {})
            self._lines, self._laid_tokens, cut, self._laid_prefixes, self._blocks = laid
            for word in cut:
                notices.note_cut(word)
            self._laid_width = width
        return self._lines

    def _prefixes(self, width: float) -> list[LineMetrics]:
        """``prefix_metrics`` of the lines laid out for ``width``, made once with them: a table asks a
        cell's size several times over (its height pass, a split, drawing) for the same width."""
        self._layout(width)
        return self._laid_prefixes

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab's names)
        if self._laid_width != availWidth or getattr(self, "width", None) != availWidth:
            self.width = availWidth
            self._metrics = self._prefixes(availWidth)[-1]
            self.height = self._metrics.height()
        return self.width, self.height

    def getSpaceBefore(self):  # noqa: N802
        return self.style.space_before if self._first else 0

    def getSpaceAfter(self):  # noqa: N802
        return self.style.space_after

    def minWidth(self):  # noqa: N802
        widest = getattr(self._tokens, "widest", None)
        if widest is None:
            widest = max((t.width for t in self._tokens if not t.space), default=0.0)
            if isinstance(self._tokens, Tokens):
                self._tokens.widest = widest
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
        head._laid_prefixes, head._blocks = self._laid_prefixes[:fit], {}
        tail = ThaiParagraph(style=self.style.but(space_before=0), runs=self.runs,
                             _tokens=self._laid_tokens[cut:], _first=False)
        return [head, tail]

    def draw(self):
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, canvas, x: float, y: float) -> None:
        """Draw with the box's lower left corner at (x, y), wrapped first (``wrap``): a table places its
        cells so, each one operator string made once per laid-out text and document."""
        if continuation.recording() and not self.furniture:
            first = next((line for line in self._lines if line.tokens), None)
            if first is not None:
                continuation.note_line(canvas.getPageNumber(), first.text)
        key = document_key(canvas)
        block = self._blocks.get(key)
        if block is None:
            self._blocks.clear()              # only the document being written: the text cache outlives it
            block = self._blocks[key] = self._block(canvas)
        canvas._code.append(f"q 1 0 0 1 {fp_str(x, y)} cm {block} Q")

    def _block(self, canvas) -> str:
        """The paragraph's lines as PDF operators from its box's lower left corner, in its colour."""
        metrics = getattr(self, "_metrics", None) or line_metrics(self._lines, self.style, self.width)
        baseline = self.height - metrics.above
        out = [f"{fp_str(*self.style.colour.rgb())} rg"]
        for i, line in enumerate(self._lines):
            if line.tokens:
                out.append(line_code(canvas, line, self.width, self.style, baseline))
            if i < len(metrics.pitches):
                baseline -= metrics.pitches[i]
        return " ".join(out)


_documents = itertools.count(1)


def document_key(canvas) -> int:
    """A number for the PDF being written, never reused (``id`` may be, after a document is freed): glyph
    codes in a font subset are the document's own."""
    doc = canvas._doc
    key = doc.__dict__.get("_kpi_desk_key")
    if key is None:
        key = doc._kpi_desk_key = next(_documents)
    return key


def line_code(canvas, line: Line, width: float, style: TextStyle, baseline: float) -> str:
    """The PDF operators that draw ``line`` on ``baseline`` of a column ``width`` wide, inside a marked
    content span whose ActualText is the line as typed (so copying and searching give the words whatever
    the glyphs are). Glyph codes are the document's own (its font subsets): the paragraph keeps the
    result for the document being written."""
    x, stretch = placement(line, width, style)
    span = f"/Span <</ActualText <FEFF{line.text.encode('utf-16-be').hex().upper()}>>> BDC"
    ops = TextOps(canvas._escape)
    doc = canvas._doc
    pending = 0.0                         # a move not yet made (justification), in points
    for ti, token in enumerate(line.tokens):
        for piece in token.pieces:
            run = piece.run
            font = pdfmetrics.getFont(run.font)
            g0, g1 = run.glyph_range(piece.start, piece.end)
            data = run.data[g0:g1]
            at = 0
            for subset, chunk in font.splitString(run.chars[g0:g1], doc):
                ops.font(font.getSubsetInternalName(subset, doc), run.size)
                for k in range(len(chunk)):
                    sd = data[at + k]
                    # HarfBuzz's offset before the glyph, and after it the difference between the advance
                    # HarfBuzz gives and the font's own, so the next glyph starts where HarfBuzz put it
                    ops.glyph(chunk[k:k + 1], -sd.x_offset - pending * 1000 / run.size,
                              sd.width - sd.x_advance + sd.x_offset, sd.y_offset)
                    pending = 0.0
                at += len(chunk)
        pending += stretch.get(("space", ti), 0.0) + stretch.get(("gap", ti), 0.0)
    return f"{span} BT 1 0 0 1 {fp_str(x, baseline)} Tm {ops.finish()} ET EMC"


class TextOps:
    """PDF text-showing operators for shaped glyphs: consecutive glyphs with no move between them share
    one string of a TJ array; a raised or lowered mark gets its own array with a text rise."""

    EPSILON = 1e-6

    def __init__(self, escape) -> None:
        self.escape = escape
        self.out: list[str] = []
        self.array: list[str] = []
        self.text = bytearray()
        self.current = None
        self.size = 0.0

    def font(self, name: str, size: float) -> None:
        if (name, size) != self.current:
            self._end_array()
            self.out.append(f"{name} {fp_str(size)} Tf")
            self.current, self.size = (name, size), size

    def glyph(self, code: bytes, before: float, after: float, rise: float) -> None:
        """``before`` and ``after``: moves as TJ numbers (thousandths of an em, positive to the left);
        ``rise`` in thousandths of an em up."""
        if rise:
            self._end_array()
            self.out.append(f"{fp_str(self.size * rise / 1000)} Ts")
        if abs(before) > self.EPSILON:
            self._end_text()
            self.array.append(fp_str(before))
        self.text += code
        if abs(after) > self.EPSILON:
            self._end_text()
            self.array.append(fp_str(after))
        if rise:
            self._end_array()
            self.out.append("0 Ts")

    def _end_text(self) -> None:
        if self.text:
            self.array.append("(" + self.escape(bytes(self.text)) + ")")
            self.text.clear()

    def _end_array(self) -> None:
        self._end_text()
        if self.array:
            self.out.append("[" + " ".join(self.array) + "] TJ")
            self.array.clear()

    def finish(self) -> str:
        self._end_array()
        return " ".join(self.out)


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
