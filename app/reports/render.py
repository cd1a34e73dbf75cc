"""One entry point for every report: build its story from the database and write the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.errors import KpiDeskError
from app.reports.annex import annex_story
from app.reports.common import write
from app.reports.joint import joint_story
from app.reports.memo import Memo, memo_story
from app.reports.minutes import minutes_story
from app.reports.pack import pack_story
from app.reports.results import results_story

KINDS = {
    "annex": "ภาคผนวก ตัวชี้วัด น้ำหนัก และค่าเป้าหมาย",
    "results": "ผลการประเมิน",
    "joint": "ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน (Joint KPIs)",
    "minutes": "รายงานการประชุม",
    "memo": "บันทึกข้อความ",
    "pack": "เอกสารประกอบการประชุม",
}


@dataclass
class ReportRequest:
    kind: str
    year: int | None = None
    months: int | None = None
    unit: str | None = None
    meeting: str | None = None
    memo: Memo | None = None


def _need(value, what_th: str, kind: str):
    if value is None:
        raise KpiDeskError(f"รายงาน {kind} ต้องระบุ{what_th}", f"report {kind} needs {what_th}")
    return value


def render(session: Session, request: ReportRequest, out: Path, on_progress=None) -> Path:
    kind = request.kind
    if kind not in KINDS:
        raise KpiDeskError(f"ไม่รู้จักรายงาน “{kind}” (มี {', '.join(KINDS)})", f"unknown report {kind!r}")
    title = KINDS[kind]
    if kind == "annex":
        return write(annex_story(session, _need(request.year, "ปีงบประมาณ (--year)", kind), request.unit), out, title, True, on_progress=on_progress)
    if kind == "results":
        story = results_story(session, _need(request.year, "ปีงบประมาณ (--year)", kind),
                              _need(request.months, "รอบการประเมิน (--round)", kind), request.unit)
        return write(story, out, title, True, on_progress=on_progress)
    if kind == "joint":
        return write(joint_story(session, _need(request.year, "ปีงบประมาณ (--year)", kind)), out, title, True, on_progress=on_progress)
    if kind == "minutes":
        return write(minutes_story(session, _need(request.meeting, "การประชุม (--meeting)", kind)), out, title, on_progress=on_progress)
    if kind == "memo":
        memo = _need(request.memo, "รายละเอียดบันทึกข้อความ", kind)
        return write(memo_story(memo), out, f"{title} {memo.subject}", on_progress=on_progress)
    return write(pack_story(session, _need(request.meeting, "การประชุม (--meeting)", kind)), out, title, on_progress=on_progress)
