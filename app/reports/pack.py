"""The meeting pack: invitation memo, agenda, and the annexes chosen for the meeting, with bookmarks."""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak
from app.services import Session, lookup

from app.domain.agenda import with_parents
from app.domain.calendar import fiscal_year_of, thai_date, thai_time
from app.domain.thai_text import to_thai_digits
from app.models import FiscalYear
from app.reports import notices
from app.reports.annex import annex_story
from app.reports.common import NothingToPrint
from app.reports.document import Bookmark
from app.reports.joint import joint_story
from app.reports.invitation import invitation_story
from app.reports.paragraph import ThaiParagraph
from app.reports.results import results_story
from app.reports.styles import CENTER, PLAIN, TITLE, TextStyle
from app.services.report_data import meeting_by_ref, minutes_data

DEFAULT_ANNEXES = "annex,results,joint"


def pack_story(session: Session, meeting_ref: str) -> list:
    meeting = meeting_by_ref(session, meeting_ref)
    data = minutes_data(session, meeting)
    fy = lookup.get(session, FiscalYear, meeting.fiscal_year_id) if meeting.fiscal_year_id else \
        lookup.year(session, fiscal_year_of(meeting.held_on))
    year_be = fy.year_be
    ref = to_thai_digits(f"{meeting.number}/{meeting.year_be}")
    when = f"{thai_date(meeting.held_on, weekday=True)}" + (f" เวลา {thai_time(meeting.start_time)}" if meeting.start_time else "")
    story = [NextPageTemplate("portrait"), *invitation_story(session, meeting, bookmarks=True), PageBreak()]
    story += [Bookmark("ระเบียบวาระการประชุม", 0), ThaiParagraph("ระเบียบวาระการประชุม", TITLE),
              ThaiParagraph(f"{data.committee}", TextStyle(align=CENTER)),
              ThaiParagraph(f"ครั้งที่ {ref} {when}", TextStyle(align=CENTER, space_after=10))]
    for number, index in with_parents([item.number for item in data.items]):
        sub = "." in number
        title = f" {data.items[index].title}" if index is not None else ""
        label = number if sub else f"ระเบียบวาระที่ {to_thai_digits(number)}"
        story.append(ThaiParagraph(f"{label}{title}", PLAIN.but(bold=not sub, left_indent=28 if sub else 0)))
    for kind in [k.strip() for k in (meeting.annexes or DEFAULT_ANNEXES).split(",") if k.strip()]:
        part = _annex_part(session, kind, year_be, fy.id, meeting.held_on)
        if part:
            story += [NextPageTemplate("landscape"), PageBreak(), *part]
    return story


def _annex_part(session: Session, kind: str, year_be: int, fiscal_year_id, held_on) -> list:
    """The annex's pages; none, and the secretary told why, when there is nothing to print in it."""
    try:
        return _part(session, kind, year_be, fiscal_year_id, held_on)
    except NothingToPrint as exc:    # a year with no indicators yet: the pack has no such annex
        notices.note_left_out(exc.th)
        return []


def _part(session: Session, kind: str, year_be: int, fiscal_year_id, held_on) -> list:
    if kind == "annex":
        return annex_story(session, year_be, bookmarks=True)
    if kind == "joint":
        return joint_story(session, year_be, bookmarks=True)
    if kind == "results":
        rounds = lookup.rounds_ended_before(session, fiscal_year_id, held_on)
        if not rounds:
            raise NothingToPrint(f"ไม่มีผลการประเมินให้พิมพ์: ยังไม่มีรอบการประเมินของปีงบประมาณ พ.ศ. {year_be} "
                                 "ที่สิ้นสุดก่อนวันประชุม", "no round of the year ended before the meeting")
        return results_story(session, year_be, rounds[0].months, bookmarks=True)
    return []


def build(session: Session, request) -> list:
    return pack_story(session, request.meeting)
