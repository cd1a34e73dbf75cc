"""``kpi-desk export``: every table of a fiscal year as readable sheets, and importing such a file.

Importing an export into a database that does not have that year yet recreates it: ministry, units,
committee, framework and rounds, the indicators used, targets, results, Joint KPIs and change
requests (meetings are not part of an export). Scores are written for reading and recomputed, not
imported. Every text cell is written as text, never as a formula.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from app.domain.thai_text import parse_decimal
from app.errors import KpiDeskError
from app.io.importer import Change, ImportPlan, link_op, plan_ministry_rows
from app.io.reader import Problem, read_sheet
from app.io.template import write_meta
from app.io.workbook_format import MINISTRY_COLUMNS, MINISTRY_SHEET, NO, YES, Column, put_number, put_text
from app.domain.codes import code_problem
from app.domain.grades import DEFAULT_FLOORS, floors_problem
from app.models.enums import (DIRECTION_TH, ChangeReason, CommitteeRole, Decision, Direction, IndicatorKind,
                              RoundStatus, UnitKind)
from app.services import Session, exchange, lookup


def C(key: str, header: str, width: int = 16, number: bool = False) -> Column:  # noqa: N802
    return Column(key, header, editable=True, number=number, width=width)


SHEETS: dict[str, list[Column]] = {
    "กระทรวง": [C("code", "รหัส"), C("name_th", "ชื่อ", 50), C("name_en", "ชื่ออังกฤษ", 40), C("short_name", "ชื่อย่อ")],
    "หน่วยงาน": [C("code", "รหัส"), C("name_th", "ชื่อหน่วยงาน", 50), C("short_name", "ชื่อย่อ"), C("name_en", "ชื่ออังกฤษ", 40),
                 C("kind", "ประเภท"), C("sort_order", "ลำดับ", 8, True)],
    "คณะกรรมการ": [C("name_th", "ชื่อคณะกรรมการ", 70), C("appointment_ref", "คำสั่งแต่งตั้ง", 40),
                   C("appointed_on", "วันที่แต่งตั้ง")],
    "กรรมการ": [C("person_name", "ชื่อ", 30), C("position", "ตำแหน่ง", 60), C("role", "บทบาท"), C("unit", "รหัสหน่วยงาน"),
                C("term_start", "วาระเริ่ม"), C("term_end", "วาระสิ้นสุด")],
    "กรอบการประเมิน": [C("code", "รหัส"), C("parent", "องค์ประกอบหลัก"), C("name_th", "ชื่อ", 50), C("name_en", "ชื่ออังกฤษ", 30),
                       C("weight", "น้ำหนัก", 10, True), C("kinds", "ประเภทตัวชี้วัด", 50), C("rounds", "ประเมินในรอบ"),
                       C("takes", "วิธีคิดคะแนน")],
    "รอบการประเมิน": [C("months", "รอบ (เดือน)", 10, True), C("starts_on", "เริ่ม"), C("ends_on", "สิ้นสุด"),
                      C("opdc_due_on", "กำหนดส่ง ก.พ.ร."), C("status", "สถานะ"), C("status_note", "เหตุผลประกอบสถานะ", 40)],
    "บัญชีตัวชี้วัด": [C("code", "รหัส"), C("name_th", "ชื่อ", 60), C("name_en", "ชื่ออังกฤษ", 30), C("definition", "นิยาม", 40),
                       C("unit_of_measure", "หน่วยนับ"), C("direction", "ทิศทาง"), C("kind", "ประเภท"),
                       C("monitor", "Monitor"), C("step", "ระดับขั้น"), C("cumulative", "สะสม"), C("from_basket", "จาก KPI Basket"),
                       C("strategic", "Strategic KPI"), C("joint_agenda", "ประเด็น Joint KPIs")],
    "Strategic KPIs": [C("code", "รหัส"), C("name_th", "ชื่อ", 60), C("unit_of_measure", "หน่วยนับ"),
                       C("plan_from", "แผนตั้งแต่ปี", 10, True), C("plan_to", "ถึงปี", 10, True),
                       C("sort_order", "ลำดับ", 8, True)],
    "Strategic ค่าเป้าหมาย": [C("kpi", "รหัส Strategic KPI"), C("year_be", "ปีงบประมาณ", 10, True), C("target", "ค่าเป้าหมาย", 30),
                              C("target_value", "ค่าเป้าหมาย (ตัวเลข)", 14, True), C("result_value", "ผล", 14, True)],
    MINISTRY_SHEET: MINISTRY_COLUMNS,
    "ผล": [C("round", "รอบ (เดือน)", 10, True), C("unit", "รหัสหน่วยงาน"), C("indicator", "รหัสตัวชี้วัด"),
           C("actual", "ผลการดำเนินงาน", 14, True), C("note", "หมายเหตุ", 40), C("evidence_ref", "หลักฐานอ้างอิง", 24),
           C("recorded_by", "ผู้บันทึก"), C("verified_actual", "ผลที่ตรวจสอบแล้ว", 14, True),
           C("verified_source", "ผู้ตรวจสอบ"), C("verified_by", "ผู้บันทึกผลตรวจสอบ"), C("source_ref", "อ้างอิงหนังสือ", 30),
           C("source_date", "ลงวันที่")],
    "คะแนน": [C("round", "รอบ (เดือน)", 10, True), C("unit", "รหัสหน่วยงาน"), C("name", "หน่วยงาน", 50),
              C("score", "คะแนน", 10, True), C("grade", "ระดับ", 24), C("missing", "ไม่มีผล", 8, True)],
    "Joint ประเด็น": [C("number", "ประเด็นที่", 8, True), C("name_th", "ชื่อประเด็น", 50), C("name_en", "ชื่ออังกฤษ", 30),
                      C("national_sub_count", "ตัวชี้วัดย่อยทั้งประเทศ", 10, True)],
    "Joint ตัวชี้วัดหลัก": [C("agenda", "ประเด็นที่", 8, True), C("number", "ลำดับ", 8, True), C("name_th", "ตัวชี้วัดหลัก", 60),
                            C("target_text", "ค่าเป้าหมาย"), C("target_value", "ค่าเป้าหมาย (ตัวเลข)", 14, True),
                            C("unit_of_measure", "หน่วยนับ")],
    "Joint หน่วยงานหลัก": [C("agenda", "ประเด็นที่", 8, True), C("agency_name", "หน่วยงานหลัก", 50), C("unit", "รหัสหน่วยงาน")],
    "Joint ตัวชี้วัดย่อย": [C("agenda", "ประเด็นที่", 8, True), C("name_th", "ตัวชี้วัดย่อย", 60), C("holder_name", "หน่วยงาน", 40),
                            C("holder_kind", "ประเภทหน่วยงาน"), C("unit", "รหัสหน่วยงาน"), C("indicator", "รหัสตัวชี้วัด"),
                            C("value_chain", "ห่วงโซ่คุณค่า")],
    "คำขอปรับเปลี่ยน": [C("unit", "รหัสหน่วยงาน"), C("indicator", "รหัสตัวชี้วัด"), C("round", "รอบ (เดือน)", 10, True),
                        C("reason", "เหตุ"), C("reason_text", "รายละเอียดเหตุ", 40), C("proposal", "ข้อเสนอ", 40),
                        C("proposed_weight", "น้ำหนักที่เสนอ", 10, True), C("proposed_base", "ขั้นต้นที่เสนอ", 10, True),
                        C("proposed_standard", "มาตรฐานที่เสนอ", 10, True), C("proposed_advanced", "ขั้นสูงที่เสนอ", 10, True),
                        C("submitted_on", "วันที่ยื่น"), C("decision", "ผลการพิจารณา"), C("decided_on", "วันที่พิจารณา"),
                        C("decision_note", "บันทึก", 40), C("sent_to_opdc_on", "วันที่ส่ง ก.พ.ร.")],
}
OPTIONAL = {"Strategic KPIs", "Strategic ค่าเป้าหมาย"}   # sheets an export from an older version does not have
HEAD = PatternFill("solid", fgColor="DFE7F2")
# Sheet → the entity whose rows it holds (``app.services.exchange``'s keys), and back.
ENTITY = {"กระทรวง": "ministry", "หน่วยงาน": "units", "คณะกรรมการ": "committee", "กรรมการ": "members",
          "กรอบการประเมิน": "framework", "รอบการประเมิน": "rounds", "บัญชีตัวชี้วัด": "catalogue",
          "Strategic KPIs": "strategic_kpis", "Strategic ค่าเป้าหมาย": "strategic_targets",
          MINISTRY_SHEET: "assignments", "ผล": "results", "คะแนน": "scores", "Joint ประเด็น": "joint_agendas",
          "Joint ตัวชี้วัดหลัก": "joint_mains", "Joint หน่วยงานหลัก": "joint_leads", "Joint ตัวชี้วัดย่อย": "joint_subs",
          "คำขอปรับเปลี่ยน": "change_requests"}
SHEET_OF = {entity: sheet for sheet, entity in ENTITY.items()}


def _cell_value(value):
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _write_sheet(wb: Workbook, name: str, columns: list[Column], rows: list[dict]) -> None:
    ws = wb.create_sheet(name)
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i)
        put_text(cell, col.header)
        cell.font = Font(name="Sarabun", bold=True)
        cell.fill = HEAD
        ws.column_dimensions[cell.column_letter].width = col.width
    for r, values in enumerate(rows, start=2):
        for i, col in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=i)
            value = _cell_value(values.get(col.key))
            if isinstance(value, Decimal):
                put_number(cell, value)                # exact: openpyxl writes the Decimal's digits
            elif isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
            else:
                put_text(cell, value)
    ws.freeze_panes = "A2"


def write_export(session: Session, *, year_be: int, out: Path) -> Path:
    ministry = lookup.ministry(session)
    tables = exchange.year_tables(session, year_be)
    wb = Workbook()
    wb.remove(wb.active)
    sheets = {name: tables[ENTITY[name]] for name in SHEETS}
    for name, rows in sheets.items():
        _write_sheet(wb, name, SHEETS[name], rows)
    write_meta(wb, kind="export", ministry=ministry.code, year=year_be, grade_floors=tables["year"][0]["grade_floors"],
               created=datetime.now().isoformat(timespec="seconds"))
    out = Path(out)
    wb.save(out)
    return out


# --- importing an export -------------------------------------------------------------------------

def _rows(wb, name: str, problems: list[Problem]) -> list[tuple[int, dict]]:
    if name not in wb.sheetnames:
        return []
    columns = SHEETS[name]
    rows = list(read_sheet(wb, name, columns, problems, tuple(c.key for c in columns if c.key not in ADDED_LATER)))
    for number, values in rows:
        for col in columns:
            reason = _cell_problem(col.key, values.get(col.key), col.number)
            if reason:
                problems.append(Problem(name, number, col.header, reason))
    return rows


ADDED_LATER = {"status_note"}     # columns an export from an older version does not have
_INTEGERS = {"sort_order", "months", "number", "agenda", "round", "national_sub_count", "joint_agenda"}
_DATES = {"appointed_on", "term_start", "term_end", "starts_on", "ends_on", "opdc_due_on", "submitted_on",
          "decided_on", "sent_to_opdc_on"}
_CODES = {"code", "unit", "indicator", "strategic", "parent"}
_CHOICES = {"kind": {k.value for k in IndicatorKind} | {k.value for k in UnitKind},
            "role": {r.value for r in CommitteeRole}, "status": {s.value for s in RoundStatus},
            "direction": {d.value for d in Direction} | set(DIRECTION_TH.values()),
            "reason": {r.value for r in ChangeReason}, "decision": {d.value for d in Decision},
            "holder_kind": {k.value for k in UnitKind}}


def _cell_problem(key: str, value, number: bool) -> str | None:
    """Why one cell of an export cannot be taken as it is (None when it can), checked before anything
    is created, so a hand-edited export is refused with its sheet, row and column."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if key in _DATES:
        try:
            _d(value)
        except ValueError:
            return f"“{str(value)[:20]}” ไม่ใช่วันที่ (ใช้รูปแบบ ปี-เดือน-วัน ค.ศ. เช่น 2024-02-07)"
        return None
    if number or key in _INTEGERS:
        try:
            parsed = parse_decimal(value)
        except ValueError as exc:
            return str(exc)
        if key in _INTEGERS and parsed is not None and (parsed != parsed.to_integral() or not 0 <= parsed < 10 ** 6):
            return f"ต้องเป็นจำนวนเต็มบวก แต่พบ “{str(value)[:20]}”"
        return None
    if key in _CODES and value != "":
        return code_problem(str(value).strip())
    if key in _CHOICES and str(value).strip() not in _CHOICES[key]:
        return f"ไม่รู้จักค่า “{str(value)[:30]}”"
    return None


def _d(text):
    return date.fromisoformat(str(text)[:10]) if text not in (None, "") else None


def _s(value) -> str:
    return "" if value is None else str(value)


def plan_export(session: Session, wb, meta: dict, expect: dict) -> ImportPlan:
    year_be = lookup.checked_year(meta.get("year", ""))
    plan = ImportPlan("export", f"ข้อมูลส่งออกทั้งปี พ.ศ. {year_be} (กระทรวง {meta.get('ministry')})",
                      place={"year": year_be})
    if expect.get("year") and int(expect["year"]) != year_be:
        plan.problems.append(Problem("_kpidesk", None, "", f"ไฟล์นี้เป็นข้อมูลปี {year_be} ไม่ใช่ปี {expect['year']}"))
    if lookup.year_exists(session, year_be):
        plan.problems.append(Problem("รอบการประเมิน", None, "", f"ฐานข้อมูลนี้มีปีงบประมาณ พ.ศ. {year_be} อยู่แล้ว "
                                     "ข้อมูลส่งออกทั้งปีนำเข้าได้เฉพาะฐานข้อมูลที่ยังไม่มีปีนั้น"))
    existing = lookup.existing_ministry(session)
    if existing and existing.code != meta.get("ministry"):
        plan.problems.append(Problem("กระทรวง", None, "", f"ฐานข้อมูลนี้เป็นของกระทรวง {existing.code} "
                                     f"ไม่ใช่ {meta.get('ministry')}"))
    data = {name: _rows(wb, name, plan.problems) for name in SHEETS if name not in ("คะแนน", MINISTRY_SHEET)
            and (name in wb.sheetnames or name not in OPTIONAL)}
    data[MINISTRY_SHEET] = list(read_sheet(wb, MINISTRY_SHEET, MINISTRY_COLUMNS, plan.problems,
                                           ("unit", "indicator", "weight"))) if MINISTRY_SHEET in wb.sheetnames else []
    if existing is None and len(data["กระทรวง"]) != 1:
        plan.problems.append(Problem("กระทรวง", None, "", f"ต้องมีข้อมูลกระทรวง ๑ แถว แต่พบ {len(data['กระทรวง'])} แถว"))
    months = {int(parse_decimal(r["months"])) for _n, r in data["รอบการประเมิน"] if r.get("months") is not None}
    for name in ("ผล", "คำขอปรับเปลี่ยน"):
        for number, values in data[name]:
            if values.get("round") is not None and int(parse_decimal(values["round"])) not in months:
                plan.problems.append(Problem(name, number, "รอบ (เดือน)", f"ไม่มีรอบ {values['round']} เดือน ในแผ่นงานรอบการประเมิน"))
    floors = meta.get("grade_floors") or DEFAULT_FLOORS        # an export from before bands were stored
    if floors_problem(floors):
        plan.problems.append(Problem("_kpidesk", None, "grade_floors", floors_problem(floors)))
    if plan.problems:
        return plan
    for name, rows in data.items():
        if name == MINISTRY_SHEET:
            continue
        for number, values in rows:
            plan.changes.append(Change("added", f"{name} แถว {number}",
                                       _s(values.get("code") or values.get("name_th") or values.get("indicator")
                                          or values.get("person_name"))))
    plan.ops.append((Problem("_kpidesk", None, "", ""), lambda s: _recreate(s, data, year_be, floors, plan)))
    return plan


def _recreate(s: Session, data: dict, year_be: int, floors: str, plan: ImportPlan) -> None:
    """The year through the services: its frame, then the assignments by the ministry-wide list's rules,
    then results, Joint KPIs, change requests and round statuses."""
    rows = {ENTITY[name]: [(n, _booleans(values)) for n, values in rows] for name, rows in data.items()}
    fy = exchange.recreate_frame(s, rows, year_be, floors)
    ministry_plan = plan_ministry_rows(s, fy, data[MINISTRY_SHEET])
    plan.problems += ministry_plan.problems
    ministry_plan.problems = plan.problems        # the links, set later, report on the same list
    for where, op in ministry_plan.ops:
        try:
            op(s)
        except KpiDeskError as exc:
            plan.problems.append(Problem(where.sheet, where.row, where.column, exc.th))
    plan.units |= ministry_plan.units
    plan.fiscal_year_id = fy.id
    _where, links = link_op(ministry_plan)
    for entity, number, column, reason in exchange.recreate_rest(s, rows, fy, links if ministry_plan.links else None):
        plan.problems.append(Problem(SHEET_OF[entity], number, column, reason))


def _booleans(values: dict) -> dict:
    """Yes/no cells as booleans (what the services take)."""
    return {k: (str(v).strip() == YES if k in _FLAGS and v is not None else v) for k, v in values.items()}


_FLAGS = {"monitor", "step", "cumulative", "from_basket"}

