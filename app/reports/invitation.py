"""หนังสือเชิญประชุม: a meeting's invitation memo, with the list of members it goes to."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Spacer
from app.services import Session

from app.domain.thai_text import thai_digits_in_text, to_thai_digits
from app.models import Meeting
from app.reports.memo import Memo, memo_story
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import PLAIN
from app.services.meetings import invitation
from app.services.report_data import meeting_by_ref


def invitation_story(session: Session, meeting: Meeting, bookmarks: bool = False) -> list:
    inv = invitation(session, meeting)
    memo = Memo(subject=inv.subject, to=inv.to, from_unit=inv.from_unit, number=inv.number, on=inv.on, body=inv.body,
                closing=inv.closing, signer=inv.signer, signer_position=inv.signer_position)
    story = memo_story(memo, bookmarks=bookmarks)
    if inv.recipients:
        story += [Spacer(1, 18), CondPageBreak(80),
                  ThaiParagraph("บัญชีรายชื่อผู้รับ", PLAIN.but(bold=True, space_after=4))]
        story += [ThaiParagraph(f"{to_thai_digits(str(i))}. {thai_digits_in_text(name)}", PLAIN.but(left_indent=18))
                  for i, name in enumerate(inv.recipients, start=1)]
    return story


def build(session: Session, request) -> list:
    return invitation_story(session, meeting_by_ref(session, request.meeting))
