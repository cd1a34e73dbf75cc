"""รายงานการประชุม in the official order (ระเบียบงานสารบรรณ), Thai digits and B.E. dates throughout."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle
from app.services import Session

from app.domain.agenda import with_parents
from app.domain.calendar import thai_date, thai_time
from app.domain.thai_text import thai_digits_in_text, to_thai_digits
from app.models import Attendance
from app.reports import notices
from app.reports.document import Bookmark
from app.reports.paragraph import Run, ThaiParagraph
from app.reports.styles import BODY, CENTER, PLAIN, TITLE, TextStyle
from app.services.report_data import MinutesData, meeting_by_ref, minutes_data

CENTRE = TextStyle(align=CENTER)
BOLD = PLAIN.but(bold=True, keepWithNext=True)
ITEM = PLAIN.but(bold=True, space_before=8, keepWithNext=True)
TEXT_WIDTH = 16 * cm


def minutes_story(session: Session, meeting_ref: str, bookmarks: bool = False) -> list:
    return build_minutes(minutes_data(session, meeting_by_ref(session, meeting_ref)), bookmarks)


def _t(text: str) -> str:
    return thai_digits_in_text(text)


def _people(lines, with_reason: bool = False) -> Table:
    rows = []
    for i, line in enumerate(lines, start=1):
        if line.substitute_for:
            name = f"{line.name} {line.position} มาประชุมแทน {line.substitute_for}"
        else:
            name = f"{line.name}\n{line.position}" if line.position else line.name
        row = [ThaiParagraph(f"{to_thai_digits(str(i))}.", PLAIN.but(align="right")),
               ThaiParagraph(_t(name), PLAIN), ThaiParagraph(_t(line.role), PLAIN)]
        if with_reason:
            row.append(ThaiParagraph(_t(line.reason), PLAIN))
        rows.append(row)
    widths = [1.3 * cm, 6.5 * cm, 5.0 * cm, 3.2 * cm] if with_reason else [1.3 * cm, 9.3 * cm, 5.4 * cm]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def build_minutes(d: MinutesData, bookmarks: bool = False) -> list:
    m = d.meeting
    notices.note_unrecorded([line.name for line in d.absent if line.status == Attendance.UNRECORDED])
    story = [Bookmark(f"รายงานการประชุม ครั้งที่ {to_thai_digits(f'{m.number}/{m.year_be}')}", 0)] if bookmarks else []
    story += [
        ThaiParagraph(f"รายงานการประชุม{d.committee}", TITLE.but(size=16)),
        ThaiParagraph(f"ครั้งที่ {to_thai_digits(f'{m.number}/{m.year_be}')}", CENTRE),
        ThaiParagraph(f"เมื่อ{thai_date(m.held_on, weekday=True)}", CENTRE),
        ThaiParagraph(f"ณ {_t(m.place)}", CENTRE.but(space_after=10)),
        ThaiParagraph("ผู้มาประชุม", BOLD), _people(d.present),
    ]
    if d.absent:
        story += [ThaiParagraph("ผู้ไม่มาประชุม", BOLD.but(space_before=6)), _people(d.absent, with_reason=True)]
    if d.participants:
        story += [ThaiParagraph("ผู้เข้าร่วมประชุม", BOLD.but(space_before=6)), _people(d.participants)]
    if m.start_time:
        story.append(ThaiParagraph(f"เริ่มประชุมเวลา {thai_time(m.start_time)}", BOLD.but(space_before=10, space_after=4)))
    for number, index in with_parents([item.number for item in d.items]):
        if index is None:
            story.append(ThaiParagraph(f"ระเบียบวาระที่ {to_thai_digits(number)}", ITEM))
            continue
        item = d.items[index]
        label = f"ระเบียบวาระที่ {item.number}" if "." not in item.number else item.number
        story.append(ThaiParagraph(f"{label} {_t(item.title)}", ITEM))
        for block in (item.report, item.discussion):
            for para in _paragraphs(block):
                story.append(ThaiParagraph(_t(para), BODY))
        if item.resolution:
            story.append(ThaiParagraph(style=BODY.but(space_before=2),
                                       runs=[Run("มติ", bold=True), Run(f" {_t(item.resolution)}")]))
    if m.end_time:
        story.append(ThaiParagraph(f"เลิกประชุมเวลา {thai_time(m.end_time)}", BOLD.but(space_before=10)))
    story.append(Spacer(1, 24))
    for role, name, position in (("ผู้จดรายงานการประชุม", m.minute_taker_name, m.minute_taker_position),
                                 ("ผู้ตรวจรายงานการประชุม", m.checker_name, m.checker_position)):
        if name:
            story += _signature(name, position, role)
    return story


def _signature(name: str, position: str, role: str) -> list:
    block = TextStyle(align=CENTER, left_indent=7 * cm)
    # room to sign above the name, as the minutes are signed on paper
    return [KeepTogether([Spacer(1, 22), ThaiParagraph("ลงชื่อ ......................................................", block),
                          ThaiParagraph(f"({name})", block), ThaiParagraph(_t(position), block),
                          ThaiParagraph(role, block)])]


def _paragraphs(text: str) -> list[str]:
    return [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]


def build(session: Session, request) -> list:
    return minutes_story(session, request.meeting)
