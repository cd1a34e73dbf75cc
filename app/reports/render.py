"""One entry point for every report: build its story from the database and write the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services import Session

from app.errors import KpiDeskError
from app.reports import digits, notices
from app.services.report_data import words_never_cut_in
from app.services.settings import get_setting
from app.reports.common import write
from app.reports.kinds import KINDS, NEEDS_TH
from app.reports.memo import Memo
from app.reports.segment import set_document_words


@dataclass
class ReportRequest:
    kind: str
    year: int | None = None
    months: int | None = None
    unit: str | None = None
    meeting: str | None = None
    memo: Memo | None = None


def render(session: Session, request: ReportRequest, out: Path, on_progress=None) -> Path:
    kind = KINDS.get(request.kind)
    if kind is None:
        raise KpiDeskError(f"ไม่รู้จักรายงาน “{request.kind}” (มี {', '.join(KINDS)})", f"unknown report {request.kind!r}")
    fields = {"year": request.year, "round": request.months, "meeting": request.meeting, "memo": request.memo}
    for need in sorted(kind.needs):
        if fields[need] is None:
            raise KpiDeskError(f"รายงาน {kind.code} ต้องระบุ{NEEDS_TH[need]}", f"report {kind.code} needs {need}")
    title = f"{kind.title} {request.memo.subject}" if request.memo else kind.title
    notices.start()
    set_document_words(words_never_cut_in(session))
    digits.set_thai(get_setting(session, "table_thai_digits") == "1" if kind.code in digits.TABLE_REPORTS else True)
    story = (lambda: kind.build(session, request)) if kind.continuation else kind.build(session, request)
    return write(story, out, title, kind.landscape, on_progress=on_progress)
