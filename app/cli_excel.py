"""``kpi-desk template | import | export``: the Excel exchange from the command line."""

from __future__ import annotations

from pathlib import Path

from app.io.atomic import write_atomically
from app.io.export import write_export
from app.io.importer import ImportRefused
from app.io.imports import run_import
from app.io.template import write_template
from app.store import open_store


def run(args, db: str) -> int:
    store = open_store(db)
    try:
        if args.command == "template":
            with store.reading() as s:
                write_atomically(Path(args.out), lambda p: write_template(s, year_be=args.year, unit_code=args.unit,
                                                                  months=args.months, out=p), ".xlsx")
            print(f"บันทึกแบบฟอร์มที่ {args.out}")
            return 0
        if args.command == "export":
            with store.reading() as s:
                write_atomically(Path(args.out), lambda p: write_export(s, year_be=args.year, out=p), ".xlsx")
            print(f"ส่งออกข้อมูลปีงบประมาณ พ.ศ. {args.year} ที่ {args.out}")
            return 0
        expect = {"year": args.year, "unit": args.unit, "round": args.months}
        try:
            plan = run_import(store, Path(args.file), expect, dry_run=args.dry_run)
        except ImportRefused as exc:
            plan = exc.plan
            print(f"นำเข้าไม่ได้: {plan.description}")
            print(f"พบปัญหา {len(plan.problems)} รายการ (ฐานข้อมูลไม่มีการเปลี่ยนแปลง)")
            for p in plan.problems:
                print(f"  - {p.th}")
            return 2
        counts = plan.counts()
        head = "ตรวจสอบแล้ว (ยังไม่บันทึก)" if args.dry_run else "นำเข้าแล้ว"
        print(f"{head}: {plan.description}")
        print(f"เพิ่ม {counts['added']} รายการ แก้ไข {counts['changed']} รายการ ไม่เปลี่ยนแปลง {counts['unchanged']} รายการ")
        for c in plan.changes:
            if c.action != "unchanged" or args.dry_run:
                print(f"  {c.th}")
        return 0
    finally:
        store.close()
