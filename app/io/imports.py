"""Importing any KPI Desk workbook: recognise it, plan it, apply all of it in one transaction or none.

The planners live beside their formats (``importer`` for templates and the ministry-wide list,
``export`` for a whole year); this module only chooses one and runs it.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import KpiDeskError
from app.io.export import plan_export
from app.io.importer import ImportPlan, ImportRefused, Problem, plan_ministry, plan_results, plan_targets
from app.io.reader import open_workbook, read_meta
from app.io.basket import plan_basket
from app.io.workbook_format import BASKET_SHEET, MINISTRY_SHEET
from app.services import Session
from app.services.changes import collect
from app.services.grid import units_problems


class _DryRun(Exception):
    pass


def build_plan(session: Session, path: Path, expect: dict) -> ImportPlan:
    wb = open_workbook(path)
    try:
        meta = read_meta(wb)
        kind = meta.get("kind")
        if kind == "targets":
            return plan_targets(session, wb, meta, expect)
        if kind == "results":
            return plan_results(session, wb, meta, expect)
        if kind == "export":
            return plan_export(session, wb, meta, expect)
        if MINISTRY_SHEET in wb.sheetnames:
            return plan_ministry(session, wb, meta, expect)
        if BASKET_SHEET in wb.sheetnames:
            return plan_basket(session, wb, meta, expect)
        raise KpiDeskError(
            f"ไฟล์ {Path(path).name} ไม่ใช่แบบฟอร์มของ KPI Desk และไม่มีแผ่นงาน “{MINISTRY_SHEET}” หรือ “{BASKET_SHEET}” "
            "(ดูรูปแบบใน README หัวข้อ import)", "not a KPI Desk workbook")
    finally:
        wb.close()


def run_import(store, path: Path, expect: dict | None = None, dry_run: bool = False, user: str | None = None) -> ImportPlan:
    """Plan, apply, validate — in one transaction; a refusal or a dry run leaves the database as it was."""
    expect = {k: v for k, v in (expect or {}).items() if v is not None}
    plan = None
    try:
        with store.transaction(user=user, command=f"import {Path(path).name}"[:80]) as s:
            plan = build_plan(s, Path(path), expect)
            if plan.problems:
                raise ImportRefused(plan)
            for where, op in plan.ops:
                try:
                    op(s)
                except KpiDeskError as exc:
                    plan.problems.append(Problem(where.sheet, where.row, where.column, exc.th))
                except (LookupError, ValueError, TypeError, ArithmeticError) as exc:
                    # a hand-edited file whose parts no longer agree (a code in one sheet missing from
                    # another…): refused like any other problem, never a traceback
                    plan.problems.append(Problem(where.sheet, where.row, where.column,
                                                 f"ข้อมูลในไฟล์ไม่สอดคล้องกัน ({type(exc).__name__}: {str(exc)[:120]})"))
            if plan.problems:
                raise ImportRefused(plan)
            plan.problems += [Problem("ผลหลังนำเข้า", None, "", p.th)
                              for p in units_problems(s, plan.fiscal_year_id, sorted(plan.units, key=str))]
            if plan.problems:
                raise ImportRefused(plan)
            if dry_run:
                raise _DryRun()
            plan.record = collect(s, "import")
    except _DryRun:
        pass
    return plan
