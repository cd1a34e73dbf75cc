"""Pieces every report shares: the title block, section headings and the writer."""

from __future__ import annotations

from pathlib import Path

from app.domain.thai_text import to_thai_digits
from app.errors import KpiDeskError
from app.reports import continuation
from app.reports.document import Bookmark, OfficialDocument
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import CENTER, HEADING, TITLE, TextStyle

SUBTITLE = TextStyle(size=16, align=CENTER, space_after=8)


def title_block(title: str, *lines: str, bookmark: str | None = None) -> list:
    story = [Bookmark(bookmark, 0)] if bookmark else []
    story.append(ThaiParagraph(title, TITLE))
    story += [ThaiParagraph(line, SUBTITLE if i == len(lines) - 1 else SUBTITLE.but(space_after=0))
              for i, line in enumerate(lines)]
    return story


def heading(text: str, bookmark_level: int | None = None) -> list:
    story = [Bookmark(text, bookmark_level)] if bookmark_level is not None else []
    return story + [ThaiParagraph(text, HEADING)]


class NothingToPrint(KpiDeskError):
    """A table report with no unit in it: refused rather than printed as an official page with an empty
    table; the meeting pack leaves such a part out."""


def refuse_if_no_unit(units, what: tuple[str, str], year_be: int, unit_code: str | None) -> None:
    """``what``: the report's name in Thai and in English."""
    if units:
        return
    th, en = what
    whose_th = f"หน่วยงาน {unit_code} ยังไม่มีตัวชี้วัด" if unit_code else "ยังไม่มีหน่วยงานใดมีตัวชี้วัด"
    whose_en = f"unit {unit_code} has no indicators" if unit_code else "no unit has indicators"
    raise NothingToPrint(f"ไม่มี{th}ให้พิมพ์: {whose_th}ในปีงบประมาณ พ.ศ. {year_be} "
                         "(บันทึกตัวชี้วัดในหน้าตัวชี้วัดและค่าเป้าหมาย หรือนำเข้าจาก Excel)",
                         f"No {en} to print: {whose_en} in fiscal year {year_be} B.E. "
                         "(enter them on the Indicators & targets page, or import them from Excel)")


def year_text(year_be: int) -> str:
    return f"ประจำปีงบประมาณ พ.ศ. {to_thai_digits(str(year_be))}"


def write(story, out: Path, title: str, landscape: bool = False, on_progress=None) -> Path:
    """Build the PDF; ``on_progress(done, total)`` is told how far layout got (it may raise to cancel).
    ``story`` is a list of flowables, or a function that makes it: then the document is a letter or
    minutes, and a first pass finds each page's first word so that the second can write it at the foot
    of the page before (ReportLab flowables are not reused between passes: each pass gets a new story)."""
    out = Path(out)
    next_words = {}
    if callable(story):
        import io
        make = story
        continuation.start_recording()
        try:
            OfficialDocument(io.BytesIO(), title, landscape_pages=landscape).build(make())
        finally:
            firsts = continuation.stop_recording()
        next_words = {page: continuation.first_word(line) for page, line in firsts.items() if page > 1}
        story = make()
    doc = OfficialDocument(out, title, landscape_pages=landscape)
    doc.next_words = next_words
    if on_progress is not None:
        total = [1]

        def callback(kind, value):
            if kind == "SIZE_EST":
                total[0] = max(1, value)
            elif kind == "PROGRESS":
                on_progress(value, total[0])
        doc.setProgressCallBack(callback)
    doc.build(story)
    return out
