"""Importing OPDC's KPI Basket of a year from its Excel list (sheet "KPI Basket"), through the same
guarded reader and all-or-nothing transaction as every other workbook: the list replaces the year's basket."""

from __future__ import annotations

from app.errors import KpiDeskError, ValidationError
from app.io.importer import KIND_WORDS, Change, ImportPlan
from app.io.reader import Problem, read_sheet
from app.io.workbook_format import BASKET_COLUMNS, BASKET_SHEET, DIRECTION_WORDS
from app.services import Session, basket, lookup


def plan_basket(session: Session, wb, meta: dict, expect: dict) -> ImportPlan:
    year = expect.get("year") or meta.get("year")
    if not year:
        raise KpiDeskError("รายการ KPI Basket ต้องระบุปีงบประมาณ (--year)", "the KPI Basket list needs --year")
    fy = lookup.year(session, year)
    plan = ImportPlan("basket", f"KPI Basket ปีงบประมาณ พ.ศ. {fy.year_be}", fiscal_year_id=fy.id,
                      place={"year": fy.year_be})
    current = {row.code: row for row in basket.search_basket(session, fy.year_be)}
    entries, seen = [], set()
    for number, values in read_sheet(wb, BASKET_SHEET, BASKET_COLUMNS, plan.problems, ("code", "name_th")):
        where = f"{BASKET_SHEET} แถว {number}"
        raw = {k: ("" if v is None else str(v).strip()) for k, v in values.items()}
        direction = DIRECTION_WORDS.get(raw.get("direction") or "higher")
        kind = KIND_WORDS.get(raw.get("kind") or "functional")
        if direction is None or kind is None:
            what = "ทิศทาง" if direction is None else "ประเภท"
            plan.problems.append(Problem(BASKET_SHEET, number, what, f"ไม่รู้จัก{what} “{raw.get('direction' if direction is None else 'kind')}”"))
            continue
        try:
            entry = basket.checked_entry({**raw, "direction": direction, "kind": kind})
        except (KpiDeskError, ValidationError) as exc:
            plan.problems.append(Problem(BASKET_SHEET, number, "", exc.th))
            continue
        if entry["code"] in seen:
            plan.problems.append(Problem(BASKET_SHEET, number, "รหัสตัวชี้วัด", f"รหัส {entry['code']} ซ้ำกับแถวก่อนหน้า"))
            continue
        seen.add(entry["code"])
        entries.append(entry)
        old = current.pop(entry["code"], None)
        if old is None:
            plan.changes.append(Change("added", where, entry["code"], "name_th", "", entry["name_th"]))
            continue
        diffs = [(k, getattr(old, k), v) for k, v in entry.items() if getattr(old, k) != v]
        plan.changes += [Change("changed", where, entry["code"], k, a, b) for k, a, b in diffs] or \
            [Change("unchanged", where, entry["code"])]
    for code, old in current.items():
        plan.changes.append(Change("changed", BASKET_SHEET, f"{code} (ไม่อยู่ในรายการใหม่ จึงนำออก)", "name_th", old.name_th, ""))
    plan.ops.append((Problem(BASKET_SHEET, None, "", ""), lambda s: basket.replace_basket(s, lookup.year(s, fy.year_be), entries)))
    return plan
