"""The meeting pack: invitation memo, agenda, and the annexes chosen for the meeting, with bookmarks."""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak
from sqlmodel import Session, select

from app.domain.calendar import thai_date, thai_time
from app.domain.thai_text import to_thai_digits
from app.models import FiscalYear, Round, Unit
from app.reports.annex import annex_story
from app.reports.document import Bookmark
from app.reports.joint import joint_story
from app.reports.memo import Memo, memo_story
from app.reports.paragraph import ThaiParagraph
from app.reports.results import results_story
from app.reports.styles import CENTER, PLAIN, TITLE, TextStyle
from app.services import lookup
from app.services.report_data import meeting_by_ref, minutes_data

DEFAULT_ANNEXES = "annex,results,joint"


def pack_story(session: Session, meeting_ref: str) -> list:
    meeting = meeting_by_ref(session, meeting_ref)
    data = minutes_data(session, meeting)
    ministry = lookup.ministry(session)
    fy = session.get(FiscalYear, meeting.fiscal_year_id) if meeting.fiscal_year_id else lookup.year(session, meeting.year_be)
    year_be = fy.year_be
    secretary = data.secretary
    ref = to_thai_digits(f"{meeting.number}/{meeting.year_be}")
    when = f"{thai_date(meeting.held_on, weekday=True)}" + (f" เวลา {thai_time(meeting.start_time)}" if meeting.start_time else "")
    body = (f"ด้วย{data.committee} กำหนดประชุม ครั้งที่ {ref} ใน{when} ณ {meeting.place}\n\n"
            f"ฝ่ายเลขานุการจึงขอเรียนเชิญท่านเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว "
            f"โดยได้แนบระเบียบวาระการประชุมและเอกสารประกอบการประชุมมาพร้อมนี้")
    memo = Memo(subject=f"ขอเชิญประชุม{data.committee} ครั้งที่ {ref}", to=f"กรรมการ{data.committee}",
                from_unit=_secretary_unit(session, secretary) or ministry.name_th,
                number=f"{ministry.short_name} {to_thai_digits(str(meeting.number))}/{to_thai_digits(str(meeting.year_be))}", on=meeting.held_on,
                body=body, closing="จึงเรียนมาเพื่อโปรดทราบและเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว",
                signer=secretary.person_name if secretary else "", signer_position="กรรมการและเลขานุการ")
    story = [NextPageTemplate("portrait"), *memo_story(memo, bookmarks=True), PageBreak()]
    story += [Bookmark("ระเบียบวาระการประชุม", 0), ThaiParagraph("ระเบียบวาระการประชุม", TITLE),
              ThaiParagraph(f"{data.committee}", TextStyle(align=CENTER)),
              ThaiParagraph(f"ครั้งที่ {ref} {when}", TextStyle(align=CENTER, space_after=10))]
    for item in data.items:
        label = f"ระเบียบวาระที่ {item.number}" if "." not in item.number else f"    {item.number}"
        story.append(ThaiParagraph(f"{label} {item.title}", PLAIN.but(bold="." not in item.number, left_indent=0 if "." not in item.number else 28)))
    for kind in [k.strip() for k in (meeting.annexes or DEFAULT_ANNEXES).split(",") if k.strip()]:
        part = _annex_part(session, kind, year_be, fy.id, meeting.held_on)
        if part:
            story += [NextPageTemplate("landscape"), PageBreak(), *part]
    return story


def _annex_part(session: Session, kind: str, year_be: int, fiscal_year_id, held_on) -> list:
    if kind == "annex":
        return annex_story(session, year_be, bookmarks=True)
    if kind == "joint":
        return joint_story(session, year_be, bookmarks=True)
    if kind == "results":
        rounds = session.exec(select(Round).where(Round.fiscal_year_id == fiscal_year_id, Round.ends_on < held_on)
                              .order_by(Round.months.desc())).all()
        return results_story(session, year_be, rounds[0].months, bookmarks=True) if rounds else []
    return []


def _secretary_unit(session: Session, secretary) -> str:
    unit = session.get(Unit, secretary.unit_id) if secretary and secretary.unit_id else None
    return unit.name_th if unit else ""
