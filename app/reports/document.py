"""The page: A4 with official margins, "- ๒ -" page numbers top centre from page 2, bookmarks.

Documents are built in ReportLab's invariant mode, so the same data gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.tables import CellStyle
from reportlab.platypus.flowables import Flowable, KeepTogether

from app import APP_NAME, __version__
from app.reports import digits
from app.reports.fonts import font_name, register_fonts
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import CENTER, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, RIGHT, TextStyle

PAGE_NUMBER = TextStyle(size=16, align=CENTER)
CONTINUATION = TextStyle(size=16, align=RIGHT)
rl_config.useA85 = 0    # binary (deflated) streams: smaller files, and no time spent on ASCII85


def _page_number(canvas, doc) -> None:
    number = canvas.getPageNumber()
    if number < 2:
        return
    width, height = doc.pageTemplate.pagesize or doc.pagesize   # this page's size: a pack mixes orientations
    p = ThaiParagraph(digits.page_number(number), PAGE_NUMBER)
    p.furniture = True
    p.wrapOn(canvas, width, 40)
    p.drawOn(canvas, 0, height - MARGIN_TOP / 2 - p.height / 2)


def _continuation_word(canvas, doc) -> None:
    """The next page's first word, bottom right, on every page but the last (second pass only)."""
    words = getattr(doc, "next_words", None)
    if not words:
        return
    word = words.get(canvas.getPageNumber() + 1)
    if not word:
        return
    width, _height = doc.pageTemplate.pagesize or doc.pagesize
    p = ThaiParagraph(f"/{word}…", CONTINUATION)
    p.furniture = True
    p.wrapOn(canvas, width - MARGIN_LEFT - MARGIN_RIGHT, 40)
    p.drawOn(canvas, MARGIN_LEFT, MARGIN_BOTTOM - p.height - 6)


def _template(name: str, size) -> PageTemplate:
    width, height = size
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width - MARGIN_LEFT - MARGIN_RIGHT, height - MARGIN_TOP - MARGIN_BOTTOM,
                  id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id=name, frames=[frame], onPage=_page_number, onPageEnd=_continuation_word, pagesize=size)


class KeepWithNextStart(KeepTogether):
    """What ``keepWithNext`` means on paper: a heading stays with the *start* of what follows it.

    ReportLab's ``KeepTogether`` moves the heading and the whole next flowable to a new page whenever
    they do not fit together, so a heading over a long table or list left a page all but empty (the
    annex's title alone on page 1, the minutes' first page with no one present). Here the last flowable
    is split into what fits under the headings and the rest; only when not even its first row or line
    fits does the group move on."""

    def split(self, aW, aH):  # noqa: N803 (ReportLab's names)
        *leading, last = self._content
        used = 0.0
        for f in leading:
            _w, h = f.wrapOn(self.canv, aW, aH - used)
            used += h + f.getSpaceBefore() + f.getSpaceAfter()
        room = aH - used - last.getSpaceBefore()
        if room > 0:
            _w, h = last.wrapOn(self.canv, aW, room)
            if h <= room:
                return [*leading, last]
            parts = last.splitOn(self.canv, aW, room)
            if len(parts) > 1:
                return [*leading, *parts]
        return super().split(aW, aH)


class OfficialDocument(BaseDocTemplate):
    """A4 with the official margins: a "portrait" and a "landscape" page template (wide tables).

    The first page uses landscape when ``landscape_pages``; switch with ``NextPageTemplate``.
    """

    def __init__(self, path: str | Path, title: str, landscape_pages: bool = False, subject: str = "") -> None:
        register_fonts()
        CellStyle.fontname = font_name()      # an empty table cell would otherwise pull in Helvetica
        size = landscape(A4) if landscape_pages else A4
        super().__init__(path if hasattr(path, "write") else str(path), pagesize=size, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=f"{APP_NAME} {__version__}",
                         subject=subject, creator=f"{APP_NAME} {__version__}", invariant=1, pageCompression=1,
                         # the canvas starts in Sarabun: ReportLab's default Helvetica would be listed in every
                         # file as an unused, non-embedded font
                         initialFontName=font_name(), initialFontSize=16, keepTogetherClass=KeepWithNextStart)
        templates = [_template("portrait", A4), _template("landscape", landscape(A4))]
        self.addPageTemplates(templates[::-1] if landscape_pages else templates)


class Bookmark(Flowable):
    """An invisible mark that adds an outline entry (PDF bookmark) at its place."""

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.level = title, level
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self):
        key = f"bm{id(self)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.title, key, level=self.level, closed=False)
