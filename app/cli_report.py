"""``kpi-desk report``: arguments to a ReportRequest, then an atomic write of the PDF."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.errors import KpiDeskError
from app.io.atomic import check_target, write_atomically
from app.services import organisation
from app.reports.memo import Memo
from app.reports.render import ReportRequest, render
from app.store import open_store


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
    except IsADirectoryError:
        raise KpiDeskError(f"{body_path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์เนื้อความ", f"{body_path} is a folder") from None
    except OSError as exc:
        raise KpiDeskError(f"อ่านไฟล์เนื้อความ {body_path} ไม่ได้ ({exc.strerror or exc})", f"cannot read {body_path}") from None
    except UnicodeDecodeError:
        raise KpiDeskError(f"ไฟล์เนื้อความ {body_path} ไม่ได้บันทึกเป็น UTF-8", f"{body_path} is not UTF-8") from None
    on = args.date or date.today()
    secretary, unit = organisation.secretary(session, on)
    return Memo(subject=args.subject, to=args.to, from_unit=args.from_unit or (unit.name_th if unit else ""),
                number=args.number or "", on=on, body=body,
                signer=args.signer or (secretary.person_name if secretary else ""),
                signer_position=args.signer_position or (secretary.position if secretary else ""))


def run_report(args, db: str) -> int:
    out = check_target(Path(args.out), ".pdf")
    store = open_store(db)
    try:
        with store.reading() as s:
            request = ReportRequest(args.kind, args.year, args.months, args.unit, args.meeting,
                                    _memo(args, s) if args.kind == "memo" else None)
            write_atomically(out, lambda tmp: render(s, request, tmp), ".pdf")
    finally:
        store.close()
    from app.reports import notices
    for warning in notices.collected():
        print(f"คำเตือน: {warning}", file=sys.stderr)
    print(f"บันทึกรายงานที่ {out}")
    return 0
