"""``kpi-desk report``: arguments to a ReportRequest, then an atomic write of the PDF."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from sqlmodel import select

from app.domain.calendar import BE_OFFSET
from app.domain.thai_text import to_arabic_digits
from app.errors import KpiDeskError
from app.models import CommitteeMember, CommitteeRole, Unit
from app.reports.memo import Memo
from app.reports.render import ReportRequest, render
from app.store import open_store


def parse_date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        y, m, d = (int(x) for x in to_arabic_digits(text).strip().split("-"))
        return date(y - BE_OFFSET if y > 2400 else y, m, d)
    except ValueError:
        raise KpiDeskError(f"วันที่ “{text}” ไม่ถูกต้อง (ใช้รูปแบบ ปี-เดือน-วัน เช่น 2567-02-07)", f"bad date {text!r}") from None


def _memo(args, session) -> Memo:
    missing = [flag for flag, value in (("--subject", args.subject), ("--to", args.to), ("--body", args.body))
               if not value]
    if missing:
        raise KpiDeskError(f"บันทึกข้อความต้องระบุ {' '.join(missing)}", f"memo needs {missing}")
    body_path = Path(args.body)
    try:
        body = body_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KpiDeskError(f"ไม่พบไฟล์เนื้อความ {body_path}", f"{body_path} not found") from None
    except UnicodeDecodeError:
        raise KpiDeskError(f"ไฟล์เนื้อความ {body_path} ไม่ได้บันทึกเป็น UTF-8", f"{body_path} is not UTF-8") from None
    secretary = session.exec(select(CommitteeMember).where(CommitteeMember.role == CommitteeRole.SECRETARY)).first()
    unit = session.get(Unit, secretary.unit_id) if secretary and secretary.unit_id else None
    return Memo(subject=args.subject, to=args.to, from_unit=args.from_unit or (unit.name_th if unit else ""),
                number=args.number or "", on=parse_date(args.date), body=body,
                signer=args.signer or (secretary.person_name if secretary else ""),
                signer_position=args.signer_position or (secretary.position if secretary else ""))


def run_report(args, db: str) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():
        raise KpiDeskError(f"ไม่พบโฟลเดอร์ {out.parent} สำหรับบันทึกรายงาน", f"folder {out.parent} does not exist")
    store = open_store(db)
    try:
        with store.reading() as s:
            request = ReportRequest(args.kind, args.year, args.months, args.unit, args.meeting,
                                    _memo(args, s) if args.kind == "memo" else None)
            fd, tmp = tempfile.mkstemp(suffix=".pdf", dir=out.parent)
            os.close(fd)
            try:
                render(s, request, Path(tmp))
                os.replace(tmp, out)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    finally:
        store.close()
    print(f"บันทึกรายงานที่ {out}")
    return 0
