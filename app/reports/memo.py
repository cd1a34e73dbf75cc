"""บันทึกข้อความ: the internal memo / cover letter, with its header lines and signature block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from app.domain.calendar import thai_date
from app.domain.thai_text import thai_digits_in_text
from app.reports.document import Bookmark
from app.reports.paragraph import Run, ThaiParagraph
from app.reports.styles import BODY, CENTER, PLAIN, TextStyle

MEMO_TITLE = TextStyle(size=29, bold=True, align=CENTER, space_after=6)
SIGN = TextStyle(align=CENTER, left_indent=7 * cm)


@dataclass
class Memo:
    subject: str
    to: str
    from_unit: str
    number: str
    on: date
    body: str
    signer: str = ""
    signer_position: str = ""
    closing: str = ""


def body_paragraphs(text: str) -> list[str]:
    """A blank line starts a new paragraph; single line breaks inside a paragraph are joined."""
    paragraphs = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if lines:
            paragraphs.append(" ".join(lines))
    return paragraphs


LABEL = PLAIN.but(size=20, bold=True)
HEADER_WIDTH = 16 * cm


def _label_width(label: str) -> float:
    from app.reports.fonts import font_name
    from app.reports.shaping import shape
    return shape(label, font_name(bold=True), LABEL.size).width(0, len(label)) + 0.25 * cm


def _header_row(cells: list[tuple[str, str]], widths: list[float] | None = None) -> Table:
    """Labels at 20 pt bold (the form's size) and values at 16 pt, each value in its own cell so that a
    wrapped value hangs under its own text, not back at the margin."""
    row, cols = [], []
    rest = HEADER_WIDTH
    for i, (label, value) in enumerate(cells):
        lw = _label_width(label)
        vw = widths[i] - lw if widths else rest - lw
        row += [ThaiParagraph(label, LABEL), ThaiParagraph(value, PLAIN.but(space_before=3))]
        cols += [lw, vw]
    table = Table([row], colWidths=cols, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def memo_story(memo: Memo, bookmarks: bool = False) -> list:
    t = thai_digits_in_text
    story = [Bookmark(f"บันทึกข้อความ เรื่อง {memo.subject}", 0)] if bookmarks else []
    story.append(ThaiParagraph("บันทึกข้อความ", MEMO_TITLE))
    subject = _header_row([("เรื่อง", t(memo.subject))])
    subject.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.5, "#000000"),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    header = [_header_row([("ส่วนราชการ", t(memo.from_unit))]),
              _header_row([("ที่", t(memo.number)), ("วันที่", thai_date(memo.on))], [8 * cm, 8 * cm]),
              subject]
    story += [*header, Spacer(1, 6), ThaiParagraph(style=PLAIN.but(space_after=6),
                                                  runs=[Run("เรียน  ", bold=True), Run(t(memo.to))])]
    story += [ThaiParagraph(t(p), BODY) for p in body_paragraphs(memo.body)]
    signature = [Spacer(1, 36)]
    if memo.signer:
        signature.append(ThaiParagraph(f"({memo.signer})", SIGN))
    if memo.signer_position:
        signature.append(ThaiParagraph(t(memo.signer_position), SIGN))
    # the closing line and the signature block are never split across pages
    story.append(KeepTogether(([ThaiParagraph(t(memo.closing), BODY)] if memo.closing else []) + signature))
    return story


def build(_session, request) -> list:
    return memo_story(request.memo)
