"""Planning the import of a template or the ministry-wide list: read the rows, say what would change.

Kinds: a department's targets template, its results template (both carry where they belong), the
ministry-wide list of indicators and targets (sheet "ตัวชี้วัดทั้งกระทรวง"), and a full export. After
the changes are made inside the transaction, every touched unit is validated with the grid's rules
(weights add up, targets in order); any problem rolls everything back. A dry run does the same and
then rolls back on purpose, so what it reports is exactly what a real import would do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


from app.domain.thai_text import parse_decimal, plain
from app.services.changes import ChangeSet
from app.errors import KpiDeskError, ValidationError
from app.io.reader import Problem, read_sheet
from app.io.workbook_format import (DIRECTION_WORDS, MINISTRY_COLUMNS, MINISTRY_SHEET, NO, RESULT_COLUMNS,
                                    RESULTS_SHEET, TARGET_COLUMNS, TARGETS_SHEET, YES)
from app.models import FiscalYear, IndicatorKind, Round, Unit
from app.models.enums import INDICATOR_KIND_TH
from app.services import Session, framework, indicators, lookup, strategy
from app.services.strategy import link_labels
from app.services.grid import FIELD_TH, set_assignment_fields, set_result_field

TARGET_FIELDS = ("monitor", "weight", "base", "standard", "advanced", "base_6", "standard_6", "advanced_6")
KIND_WORDS = {**{v: k.value for k, v in INDICATOR_KIND_TH.items()}, **{k.value: k.value for k in IndicatorKind}}


@dataclass
class Change:
    action: str            # "added", "changed", "unchanged"
    where: str
    subject: str
    field: str = ""
    old: str = ""
    new: str = ""

    @property
    def th(self) -> str:
        word = {"added": "เพิ่ม", "changed": "แก้ไข", "unchanged": "ไม่เปลี่ยนแปลง"}[self.action]
        detail = f" {FIELD_TH.get(self.field, self.field)}: {self.old or '–'} → {self.new or '–'}" if self.field else ""
        return f"{word}  {self.where}  {self.subject}{detail}"


@dataclass
class ImportPlan:
    kind: str
    description: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ops: list[tuple[Problem, Callable[[Session], None]]] = field(default_factory=list)
    pending: list[dict] = field(default_factory=list)     # new assignments, inserted together
    cache: dict = field(default_factory=dict)
    units: set = field(default_factory=set)
    fiscal_year_id: object = None
    place: dict = field(default_factory=dict)   # year / unit / round the file says it is for (shown in previews)
    record: ChangeSet = field(default_factory=ChangeSet)  # what the applied import changed (empty before)
    links: list = field(default_factory=list)   # (where, unit id, indicator code, label): set once the rows exist

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "changed": 0, "unchanged": 0}
        subjects = {}
        for c in self.changes:
            subjects.setdefault((c.where, c.subject), set()).add(c.action)
        for actions in subjects.values():
            out["added" if "added" in actions else "changed" if "changed" in actions else "unchanged"] += 1
        return out


class ImportRefused(ValidationError):
    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__([p.th for p in plan.problems], "import refused")


def _text(value) -> str:
    if value is None:
        return ""
    return plain(value) if hasattr(value, "as_tuple") else str(value)


def _number(plan: ImportPlan, sheet: str, row: int, header: str, raw):
    try:
        return parse_decimal(raw), True
    except ValueError as exc:
        plan.problems.append(Problem(sheet, row, header, str(exc)))
        return None, False


def _monitor(plan: ImportPlan, sheet: str, row: int, raw):
    text = "" if raw is None else str(raw).strip()
    if text in (YES, "Y", "y", "TRUE", "True", "1", "yes"):
        return True, True
    if text in (NO, "", "N", "n", "FALSE", "False", "0", "no"):
        return False, True
    plan.problems.append(Problem(sheet, row, "Monitor", f"ต้องเป็น “{YES}” หรือ “{NO}” แต่พบ “{text}”"))
    return None, False


def _header(columns, key: str) -> str:
    return next(c.header for c in columns if c.key == key)


def _check_place(meta: dict, expect: dict, plan: ImportPlan, session: Session, sheet: str) -> None:
    ministry = lookup.ministry(session)
    if meta.get("ministry") and meta["ministry"] != ministry.code:
        plan.problems.append(Problem(sheet, None, "", f"ไฟล์นี้เป็นของกระทรวงรหัส {meta['ministry']} "
                                                      f"ไม่ใช่ {ministry.code} ของฐานข้อมูลนี้"))
    for key, label in (("year", "ปีงบประมาณ"), ("unit", "หน่วยงาน"), ("round", "รอบการประเมิน")):
        want = expect.get(key)
        if want is not None and str(meta.get(key, "")) != str(want):
            plan.problems.append(Problem(sheet, None, "", f"ไฟล์นี้เป็นแบบฟอร์มของ{label} {meta.get(key) or '–'} "
                                                          f"แต่กำลังนำเข้าใน{label} {want}"))


def _cache(plan: ImportPlan, session: Session, fy: FiscalYear) -> dict:
    """The catalogue and the year's assignments, loaded once per plan instead of once per row."""
    if not plan.cache:
        plan.cache["indicators"] = lookup.indicators_by_code(session)
        plan.cache["assignments"] = lookup.assignments_of_year(session, fy.id)
    return plan.cache


def _targets_row(plan, session, sheet, columns, number, values, unit: Unit, fy: FiscalYear, seen: set) -> None:
    code = "" if values.get("indicator") is None else str(values["indicator"]).strip()
    if not code:
        plan.problems.append(Problem(sheet, number, _header(columns, "indicator"), "ไม่มีรหัสตัวชี้วัด"))
        return
    if (unit.id, code) in seen:
        plan.problems.append(Problem(sheet, number, _header(columns, "indicator"),
                                     f"ตัวชี้วัด {code} ของ{unit.name_th} ซ้ำกับแถวก่อนหน้า"))
        return
    seen.add((unit.id, code))
    new = {}
    ok = True
    for key in TARGET_FIELDS:
        if key not in values:
            continue
        if key == "monitor":
            new[key], good = _monitor(plan, sheet, number, values[key])
        else:
            new[key], good = _number(plan, sheet, number, _header(columns, key), values[key])
        ok = ok and good
    cache = _cache(plan, session, fy)
    ind = cache["indicators"].get(code)
    where, subject = f"{sheet} แถว {number}", f"{unit.code} / {code}"
    if ind is None:
        name = str(values.get("name") or "").strip()
        if not name:
            plan.problems.append(Problem(sheet, number, _header(columns, "indicator"),
                                         f"ไม่พบตัวชี้วัดรหัส {code} ในบัญชีตัวชี้วัด (ตัวชี้วัดใหม่ต้องมีชื่อ)"))
            return
        kind = KIND_WORDS.get(str(values.get("kind") or "functional").strip())
        direction = DIRECTION_WORDS.get(str(values.get("direction") or "higher").strip())
        if kind is None or direction is None:
            plan.problems.append(Problem(sheet, number, "ประเภท/ทิศทาง", "ไม่รู้จักประเภทหรือทิศทางของตัวชี้วัดใหม่"))
            return
        uom = str(values.get("unit_of_measure") or "")
        plan.changes.append(Change("added", where, subject, "name", "", name))
        plan.ops.append((Problem(sheet, number, "", ""), lambda s, c=code, n=name, k=kind, d=direction, u=uom:
                         indicators.create_indicator(s, code=c, name_th=n, kind=k, direction=d, unit_of_measure=u)))
    a = cache["assignments"].get((unit.id, ind.id)) if ind else None
    if not ok:
        return
    plan.units.add(unit.id)
    label = " ".join(str(values.get("link") or "").split())
    if label:
        old = link_labels(session, [a])[a.id] if a is not None else ""
        if label != old:
            plan.changes.append(Change("changed" if a is not None else "added", where, subject, "link", old, label))
            plan.links.append((Problem(sheet, number, _header(columns, "link"), ""), unit.id, code, label))
    if a is None:
        plan.changes.append(Change("added", where, subject))
        for key, value in new.items():
            if value not in (None, False):
                plan.changes.append(Change("added", where, subject, key, "", _text(value)))
        plan.pending.append({"ref": Problem(sheet, number, "", ""), "unit_id": unit.id, "code": code,
                             "component": str(values.get("component") or "").strip() or None, **new})
        return
    changed = [(k, getattr(a, k), v) for k, v in new.items() if getattr(a, k) != v and not (k == "weight" and v is None)]
    if not changed:
        plan.changes.append(Change("unchanged", where, subject))
        return
    for key, old, value in changed:
        plan.changes.append(Change("changed", where, subject, key, _text(old), _text(value)))
    ordered = changed

    def edit(s, aid=a.id, edits=ordered):
        set_assignment_fields(s, lookup.assignment(s, aid), {key: value for key, _old, value in edits})
    plan.ops.append((Problem(sheet, number, "", ""), edit))


def _queue_bulk_adds(plan: ImportPlan, fiscal_year_id) -> None:
    """One operation that inserts every new assignment of the plan (after any new indicators)."""
    if not plan.pending:
        return
    items = plan.pending

    def add_all(s):
        codes = lookup.indicators_by_code(s, {it["code"] for it in items})
        refused = indicators.bulk_assign(s, year=lookup.get(s, FiscalYear, fiscal_year_id, "ปีงบประมาณ"),
                                         items=[{**it, "indicator": codes[it["code"]]} for it in items])
        for ref, reason in refused:
            plan.problems.append(Problem(ref.sheet, ref.row, ref.column, reason))
    plan.ops.append((Problem("", None, "", ""), add_all))


def link_op(plan: ImportPlan):
    """One operation that sets the links the rows named, once every row (and, for an export, every Joint
    KPI) exists; a label the year does not know is refused on its row."""
    items, fiscal_year_id = list(plan.links), plan.fiscal_year_id

    def set_links(s):
        options = strategy.link_targets(s, fiscal_year_id)
        assigned = lookup.assignments_of_year(s, fiscal_year_id)
        catalogue = lookup.indicators_by_code(s, {code for _r, _u, code, _l in items})
        for ref, unit_id, code, label in items:
            try:
                kind, target = strategy.read_link(s, fiscal_year_id, label, options)
                a = assigned.get((unit_id, catalogue[code].id)) if code in catalogue else None
                if a is None:
                    raise KpiDeskError(f"ไม่พบตัวชี้วัด {code} ของหน่วยงานนี้", "assignment not found")
                strategy.set_link(s, a.id, kind, target)
            except KpiDeskError as exc:
                plan.problems.append(Problem(ref.sheet, ref.row, ref.column, exc.th))
    return Problem("", None, "", ""), set_links


def plan_targets(session: Session, wb, meta: dict, expect: dict) -> ImportPlan:
    unit = lookup.unit(session, meta.get("unit", ""))
    fy = lookup.year(session, meta.get("year", ""))
    plan = ImportPlan("targets", f"ตัวชี้วัดและค่าเป้าหมาย {unit.name_th} ปีงบประมาณ พ.ศ. {fy.year_be}", fiscal_year_id=fy.id,
                      place={"year": fy.year_be, "unit": unit.code})
    _check_place(meta, expect, plan, session, TARGETS_SHEET)
    try:
        framework.ensure_targets_editable(session, fy.id)
    except KpiDeskError as exc:
        plan.problems.append(Problem(TARGETS_SHEET, None, "", exc.th))
    if TARGETS_SHEET not in wb.sheetnames:
        plan.problems.append(Problem(TARGETS_SHEET, None, "", "ไม่พบแผ่นงานนี้ในไฟล์ (อย่าเปลี่ยนชื่อแผ่นงาน)"))
        return plan
    seen: set = set()
    for number, values in read_sheet(wb, TARGETS_SHEET, TARGET_COLUMNS, plan.problems, ("indicator", "weight")):
        _targets_row(plan, session, TARGETS_SHEET, TARGET_COLUMNS, number, values, unit, fy, seen)
    _queue_bulk_adds(plan, fy.id)
    if plan.links:
        plan.ops.append(link_op(plan))
    return plan


def plan_ministry(session: Session, wb, meta: dict, expect: dict) -> ImportPlan:
    year = expect.get("year") or meta.get("year")
    if not year:
        raise KpiDeskError("รายการตัวชี้วัดทั้งกระทรวงต้องระบุปีงบประมาณ (--year)", "the ministry-wide list needs --year")
    problems: list[Problem] = []
    rows = list(read_sheet(wb, MINISTRY_SHEET, MINISTRY_COLUMNS, problems, ("unit", "indicator", "weight")))
    plan = plan_ministry_rows(session, lookup.year(session, year), rows)
    plan.problems[:0] = problems
    if plan.links:
        plan.ops.append(link_op(plan))
    return plan


def plan_ministry_rows(session: Session, fy: FiscalYear, rows: list[tuple[int, dict]]) -> ImportPlan:
    """The ministry-wide list's rows (already read) as a plan for year ``fy`` (the links named are left in
    ``plan.links`` for the caller to set last: ``link_op``)."""
    plan = ImportPlan("ministry", f"ตัวชี้วัดและค่าเป้าหมายทั้งกระทรวง ปีงบประมาณ พ.ศ. {fy.year_be}", fiscal_year_id=fy.id,
                      place={"year": fy.year_be})
    try:
        framework.ensure_targets_editable(session, fy.id)
    except KpiDeskError as exc:
        plan.problems.append(Problem(MINISTRY_SHEET, None, "", exc.th))
    seen: set = set()
    units = lookup.units_by_code(session)
    for number, values in rows:
        code = str(values.get("unit") or "").strip()
        unit = units.get(code)
        if unit is None:
            plan.problems.append(Problem(MINISTRY_SHEET, number, _header(MINISTRY_COLUMNS, "unit"),
                                         f"ไม่พบหน่วยงานรหัส “{code}” ในฐานข้อมูล"))
            continue
        _targets_row(plan, session, MINISTRY_SHEET, MINISTRY_COLUMNS, number, values, unit, fy, seen)
    _queue_bulk_adds(plan, fy.id)
    return plan


def plan_results(session: Session, wb, meta: dict, expect: dict) -> ImportPlan:
    unit = lookup.unit(session, meta.get("unit", ""))
    months = lookup.checked_round(meta.get("round", ""))
    rnd = lookup.round_of(session, meta.get("year", ""), months)
    year_be = lookup.checked_year(meta.get("year", ""))
    plan = ImportPlan("results", f"ผลการดำเนินงาน {unit.name_th} รอบ {months} เดือน ปีงบประมาณ พ.ศ. {year_be}",
                      fiscal_year_id=rnd.fiscal_year_id, place={"year": year_be, "unit": unit.code, "round": months})
    _check_place(meta, expect, plan, session, RESULTS_SHEET)
    try:
        framework.ensure_results_editable(session, rnd)
    except KpiDeskError as exc:
        plan.problems.append(Problem(RESULTS_SHEET, None, "", exc.th))
    if RESULTS_SHEET not in wb.sheetnames:
        plan.problems.append(Problem(RESULTS_SHEET, None, "", "ไม่พบแผ่นงานนี้ในไฟล์ (อย่าเปลี่ยนชื่อแผ่นงาน)"))
        return plan
    assigned = lookup.assigned_by_code(session, rnd.fiscal_year_id, unit.id)
    current = lookup.results_of_round(session, rnd.id)
    seen: set = set()
    for number, values in read_sheet(wb, RESULTS_SHEET, RESULT_COLUMNS, plan.problems, ("indicator", "actual")):
        code = str(values.get("indicator") or "").strip()
        a = assigned.get(code)
        if a is None:
            plan.problems.append(Problem(RESULTS_SHEET, number, "รหัสตัวชี้วัด",
                                         f"ตัวชี้วัด “{code}” ไม่ได้กำหนดให้{unit.name_th}ในปีนี้"))
            continue
        if code in seen:
            plan.problems.append(Problem(RESULTS_SHEET, number, "รหัสตัวชี้วัด", f"ตัวชี้วัด {code} ซ้ำกับแถวก่อนหน้า"))
            continue
        seen.add(code)
        actual, ok = _number(plan, RESULTS_SHEET, number, "ผลการดำเนินงาน", values.get("actual"))
        if not ok:
            continue
        old = current.get(a.id)
        new = {"actual": actual, "note": str(values.get("note") or ""), "evidence_ref": str(values.get("evidence_ref") or "")}
        before = {"actual": old.actual if old else None, "note": old.note if old else "",
                  "evidence_ref": old.evidence_ref if old else ""}
        changed = [(k, before[k], v) for k, v in new.items() if before[k] != v]
        where, subject = f"{RESULTS_SHEET} แถว {number}", f"{unit.code} / {code}"
        if not changed:
            plan.changes.append(Change("unchanged", where, subject))
            continue
        for key, old_value, value in changed:
            plan.changes.append(Change("added" if old is None else "changed", where, subject, key,
                                       _text(old_value), _text(value)))

        def record(s, aid=a.id, edits=changed, rid=rnd.id):
            for key, _old, value in edits:
                set_result_field(s, lookup.get(s, Round, rid, "รอบการประเมิน"), aid, key, value)
        plan.ops.append((Problem(RESULTS_SHEET, number, "", ""), record))
    return plan
