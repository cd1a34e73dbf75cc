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

import uuid

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from sqlalchemy import insert
from sqlmodel import Session, select

from app.domain.thai_text import parse_decimal, two_places
from app.errors import KpiDeskError
from app.io.importer import Change, ImportPlan
from app.io.reader import Problem, read_sheet
from app.io.template import write_meta
from app.io.workbook_format import MINISTRY_COLUMNS, MINISTRY_SHEET, NO, YES, Column, put_number, put_text
from app.models import (Assignment, ChangeRequest, Committee, CommitteeMember, FiscalYear, FrameworkComponent,
                        Indicator, JointAgenda, JointLeadAgency, JointMainIndicator, JointSubIndicator, Ministry, Result,
                        Round, Unit)
from app.models.audit import audit_bulk_insert
from app.models.base import utcnow
from app.domain.codes import code_problem
from app.models.enums import (DIRECTION_TH, ChangeReason, CommitteeRole, Decision, Direction, IndicatorKind,
                              RoundStatus, UnitKind)
from app.services import lookup
from app.services.scoring import score_round


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
                       C("weight", "น้ำหนัก", 10, True), C("kinds", "ประเภทตัวชี้วัด", 50), C("rounds", "ประเมินในรอบ")],
    "รอบการประเมิน": [C("months", "รอบ (เดือน)", 10, True), C("starts_on", "เริ่ม"), C("ends_on", "สิ้นสุด"),
                      C("opdc_due_on", "กำหนดส่ง ก.พ.ร."), C("status", "สถานะ"), C("status_note", "เหตุผลประกอบสถานะ", 40)],
    "บัญชีตัวชี้วัด": [C("code", "รหัส"), C("name_th", "ชื่อ", 60), C("name_en", "ชื่ออังกฤษ", 30), C("definition", "นิยาม", 40),
                       C("unit_of_measure", "หน่วยนับ"), C("direction", "ทิศทาง"), C("kind", "ประเภท"),
                       C("monitor", "Monitor"), C("step", "ระดับขั้น"), C("cumulative", "สะสม"), C("from_basket", "จาก KPI Basket"),
                       C("strategic", "Strategic KPI"), C("joint_agenda", "ประเด็น Joint KPIs")],
    MINISTRY_SHEET: MINISTRY_COLUMNS,
    "ผล": [C("round", "รอบ (เดือน)", 10, True), C("unit", "รหัสหน่วยงาน"), C("indicator", "รหัสตัวชี้วัด"),
           C("actual", "ผลการดำเนินงาน", 14, True), C("note", "หมายเหตุ", 40), C("evidence_ref", "หลักฐานอ้างอิง", 24),
           C("recorded_by", "ผู้บันทึก")],
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
HEAD = PatternFill("solid", fgColor="DFE7F2")


def _fields(row) -> dict:
    """A row's columns as stored (enum-typed fields hold plain strings here)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


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
    fy = lookup.year(session, year_be)
    units = session.exec(select(Unit).order_by(Unit.sort_order, Unit.code)).all()
    code_of_unit = {u.id: u.code for u in units}
    comps = session.exec(select(FrameworkComponent).where(FrameworkComponent.fiscal_year_id == fy.id)
                         .order_by(FrameworkComponent.sort_order)).all()
    comp_code = {c.id: c.code for c in comps}
    rounds = session.exec(select(Round).where(Round.fiscal_year_id == fy.id).order_by(Round.months)).all()
    assignments = session.exec(select(Assignment).join(Unit, Unit.id == Assignment.unit_id)
                               .where(Assignment.fiscal_year_id == fy.id, Assignment.withdrawn_on.is_(None))
                               .order_by(Unit.sort_order, Unit.code, Assignment.sort_order)).all()
    used = {a.indicator_id for a in assignments}
    indicators = session.exec(select(Indicator).order_by(Indicator.code)).all()
    by_id = {i.id: i for i in indicators}
    used |= {i.strategic_id for i in indicators if i.id in used and i.strategic_id}
    agendas = session.exec(select(JointAgenda).where(JointAgenda.fiscal_year_id == fy.id).order_by(JointAgenda.number)).all()
    agenda_no = {a.id: a.number for a in agendas}
    assignment_key = {a.id: (code_of_unit[a.unit_id], by_id[a.indicator_id].code) for a in assignments}
    committee = session.exec(select(Committee).where(Committee.ministry_id == ministry.id)).first()

    wb = Workbook()
    wb.remove(wb.active)
    sheets = {
        "กระทรวง": [_fields(ministry)],
        "หน่วยงาน": [_fields(u) for u in units],
        "คณะกรรมการ": [_fields(committee)] if committee else [],
        "กรรมการ": [{**_fields(m), "unit": code_of_unit.get(m.unit_id, "")} for m in session.exec(
            select(CommitteeMember).where(CommitteeMember.committee_id == committee.id)
            .order_by(CommitteeMember.sort_order))] if committee else [],
        "กรอบการประเมิน": [{**_fields(c), "parent": comp_code.get(c.parent_id, "")} for c in comps],
        "รอบการประเมิน": [_fields(r) for r in rounds],
        "บัญชีตัวชี้วัด": [{**_fields(i), "direction": i.direction, "kind": i.kind,
                            "strategic": by_id[i.strategic_id].code if i.strategic_id else "",
                            "joint_agenda": agenda_no.get(i.joint_agenda_id, "")} for i in indicators if i.id in used],
        MINISTRY_SHEET: [{**_fields(a), "unit": code_of_unit[a.unit_id], "indicator": by_id[a.indicator_id].code,
                          "name": by_id[a.indicator_id].name_th, "kind": by_id[a.indicator_id].kind,
                          "component": comp_code[a.component_id], "unit_of_measure": by_id[a.indicator_id].unit_of_measure,
                          "direction": DIRECTION_TH[Direction(by_id[a.indicator_id].direction)]} for a in assignments],
        "ผล": [{**_fields(r), "round": rnd.months, "unit": assignment_key[r.assignment_id][0],
                "indicator": assignment_key[r.assignment_id][1]}
               for rnd in rounds for r in session.exec(select(Result).where(Result.round_id == rnd.id))
               if r.assignment_id in assignment_key],
        "คะแนน": [{"round": rnd.months, "unit": u.unit_code, "name": u.unit_name, "score": two_places(u.score),
                   "grade": u.verdict[0], "missing": len(u.missing)}
                  for rnd in rounds for u in score_round(session, year_be=year_be, months=rnd.months).units],
        "Joint ประเด็น": [_fields(a) for a in agendas],
        "Joint ตัวชี้วัดหลัก": sorted(({**_fields(m), "agenda": agenda_no[m.agenda_id]} for m in session.exec(
            select(JointMainIndicator).where(JointMainIndicator.agenda_id.in_(agenda_no)))),
            key=lambda r: (r["agenda"], r["number"])),
        "Joint หน่วยงานหลัก": [{**_fields(m), "agenda": agenda_no[m.agenda_id], "unit": code_of_unit.get(m.unit_id, "")}
                               for m in session.exec(select(JointLeadAgency).where(JointLeadAgency.agenda_id.in_(agenda_no))
                                                     .order_by(JointLeadAgency.agency_name))],
        "Joint ตัวชี้วัดย่อย": [{**_fields(m), "agenda": agenda_no[m.agenda_id], "unit": code_of_unit.get(m.unit_id, ""),
                                 "indicator": assignment_key.get(m.assignment_id, ("", ""))[1]}
                                for m in session.exec(select(JointSubIndicator).where(JointSubIndicator.agenda_id.in_(agenda_no))
                                                      .order_by(JointSubIndicator.holder_name, JointSubIndicator.name_th))],
        "คำขอปรับเปลี่ยน": [{**_fields(c), "unit": assignment_key[c.assignment_id][0],
                             "indicator": assignment_key[c.assignment_id][1],
                             "round": next(r.months for r in rounds if r.id == c.round_id)}
                            for c in session.exec(select(ChangeRequest).order_by(ChangeRequest.created_at))
                            if c.assignment_id in assignment_key],
    }
    for name, rows in sheets.items():
        _write_sheet(wb, name, SHEETS[name], rows)
    write_meta(wb, kind="export", ministry=ministry.code, year=year_be, created=datetime.now().isoformat(timespec="seconds"))
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


def _dec(value):
    return parse_decimal(value)


def _s(value) -> str:
    return "" if value is None else str(value)


def plan_export(session: Session, wb, meta: dict, expect: dict) -> ImportPlan:
    year_be = lookup.checked_year(meta.get("year", ""))
    plan = ImportPlan("export", f"ข้อมูลส่งออกทั้งปี พ.ศ. {year_be} (กระทรวง {meta.get('ministry')})",
                      place={"year": year_be})
    if expect.get("year") and int(expect["year"]) != year_be:
        plan.problems.append(Problem("_kpidesk", None, "", f"ไฟล์นี้เป็นข้อมูลปี {year_be} ไม่ใช่ปี {expect['year']}"))
    if session.exec(select(FiscalYear).where(FiscalYear.year_be == year_be)).first():
        plan.problems.append(Problem("รอบการประเมิน", None, "", f"ฐานข้อมูลนี้มีปีงบประมาณ พ.ศ. {year_be} อยู่แล้ว "
                                     "ข้อมูลส่งออกทั้งปีนำเข้าได้เฉพาะฐานข้อมูลที่ยังไม่มีปีนั้น"))
    existing = session.exec(select(Ministry)).first()
    if existing and existing.code != meta.get("ministry"):
        plan.problems.append(Problem("กระทรวง", None, "", f"ฐานข้อมูลนี้เป็นของกระทรวง {existing.code} "
                                     f"ไม่ใช่ {meta.get('ministry')}"))
    data = {name: _rows(wb, name, plan.problems) for name in SHEETS if name not in ("คะแนน", MINISTRY_SHEET)}
    data[MINISTRY_SHEET] = list(read_sheet(wb, MINISTRY_SHEET, MINISTRY_COLUMNS, plan.problems,
                                           ("unit", "indicator", "weight"))) if MINISTRY_SHEET in wb.sheetnames else []
    if existing is None and len(data["กระทรวง"]) != 1:
        plan.problems.append(Problem("กระทรวง", None, "", f"ต้องมีข้อมูลกระทรวง ๑ แถว แต่พบ {len(data['กระทรวง'])} แถว"))
    months = {int(parse_decimal(r["months"])) for _n, r in data["รอบการประเมิน"] if r.get("months") is not None}
    for name in ("ผล", "คำขอปรับเปลี่ยน"):
        for number, values in data[name]:
            if values.get("round") is not None and int(parse_decimal(values["round"])) not in months:
                plan.problems.append(Problem(name, number, "รอบ (เดือน)", f"ไม่มีรอบ {values['round']} เดือน ในแผ่นงานรอบการประเมิน"))
    if plan.problems:
        return plan
    for name, rows in data.items():
        if name == MINISTRY_SHEET:
            continue
        for number, values in rows:
            plan.changes.append(Change("added", f"{name} แถว {number}",
                                       _s(values.get("code") or values.get("name_th") or values.get("indicator")
                                          or values.get("person_name"))))
    plan.ops.append((Problem("_kpidesk", None, "", ""), lambda s: _recreate(s, data, year_be, plan)))
    return plan


def _recreate(s: Session, data: dict, year_be: int, plan: ImportPlan) -> None:
    from app.io.importer import plan_ministry_rows
    from app.services import framework as fw_service

    ministry = s.exec(select(Ministry)).first()
    if ministry is None:
        (_n, m), = data["กระทรวง"]
        ministry = Ministry(code=_s(m["code"]), name_th=_s(m["name_th"]), name_en=_s(m.get("name_en")),
                            short_name=_s(m.get("short_name")))
        s.add(ministry)
        s.flush()
    units = {u.code: u for u in s.exec(select(Unit))}
    for _n, u in data["หน่วยงาน"]:
        if _s(u["code"]) not in units:
            unit = Unit(ministry_id=ministry.id, code=_s(u["code"]), name_th=_s(u["name_th"]), short_name=_s(u.get("short_name")),
                        name_en=_s(u.get("name_en")), kind=_s(u.get("kind")) or "department",
                        sort_order=int(_dec(u.get("sort_order")) or 0))
            s.add(unit)
            units[unit.code] = unit
    s.flush()
    if data["คณะกรรมการ"] and s.exec(select(Committee)).first() is None:
        (_n, c), = data["คณะกรรมการ"][:1]
        committee = Committee(ministry_id=ministry.id, name_th=_s(c["name_th"]), appointment_ref=_s(c.get("appointment_ref")),
                              appointed_on=_d(c.get("appointed_on")))
        s.add(committee)
        s.flush()
        for order, (_n, m) in enumerate(data["กรรมการ"]):
            s.add(CommitteeMember(committee_id=committee.id, person_name=_s(m["person_name"]), position=_s(m.get("position")),
                                  role=_s(m.get("role")) or "member", unit_id=units[_s(m["unit"])].id if m.get("unit") else None,
                                  term_start=_d(m.get("term_start")), term_end=_d(m.get("term_end")), sort_order=order))
    from app.domain.calendar import fiscal_year_bounds
    start, end = fiscal_year_bounds(year_be)
    fy = FiscalYear(year_be=year_be, starts_on=start, ends_on=end)
    s.add(fy)
    s.flush()
    comp_ids = {}
    for order, (_n, c) in enumerate(data["กรอบการประเมิน"]):
        comp = FrameworkComponent(fiscal_year_id=fy.id, parent_id=comp_ids.get(_s(c.get("parent"))), code=_s(c["code"]),
                                  name_th=_s(c["name_th"]), name_en=_s(c.get("name_en")), weight=_dec(c.get("weight")),
                                  kinds=_s(c.get("kinds")), rounds=_s(c.get("rounds")), sort_order=order)
        s.add(comp)
        s.flush()
        comp_ids[comp.code] = comp.id
    statuses = {}
    for _n, r in data["รอบการประเมิน"]:
        months = int(_dec(r["months"]))
        s.add(Round(fiscal_year_id=fy.id, months=months, starts_on=_d(r["starts_on"]), ends_on=_d(r["ends_on"]),
                    opdc_due_on=_d(r.get("opdc_due_on"))))
        statuses[months] = (_s(r.get("status")) or "open", _s(r.get("status_note")))
    agendas = {}
    for _n, a in data["Joint ประเด็น"]:
        agenda = JointAgenda(fiscal_year_id=fy.id, number=int(_dec(a["number"])), name_th=_s(a["name_th"]),
                             name_en=_s(a.get("name_en")), national_sub_count=int(_dec(a["national_sub_count"]))
                             if a.get("national_sub_count") not in (None, "") else None)
        s.add(agenda)
        agendas[agenda.number] = agenda
    s.flush()
    catalogue = {i.code: i for i in s.exec(select(Indicator))}
    pending_links = []
    for _n, i in data["บัญชีตัวชี้วัด"]:
        code = _s(i["code"])
        if code in catalogue:
            continue
        ind = Indicator(code=code, name_th=_s(i["name_th"]), name_en=_s(i.get("name_en")), definition=_s(i.get("definition")),
                        unit_of_measure=_s(i.get("unit_of_measure")), direction=_s(i.get("direction")) or "higher",
                        kind=_s(i.get("kind")) or IndicatorKind.FUNCTIONAL, monitor=_s(i.get("monitor")) == YES,
                        step=_s(i.get("step")) == YES, cumulative=_s(i.get("cumulative")) == YES,
                        from_basket=_s(i.get("from_basket")) == YES,
                        joint_agenda_id=agendas[int(_dec(i["joint_agenda"]))].id if i.get("joint_agenda") not in (None, "") else None)
        s.add(ind)
        catalogue[code] = ind
        if i.get("strategic"):
            pending_links.append((ind, _s(i["strategic"])))
    s.flush()
    for ind, strategic in pending_links:
        ind.strategic_id = catalogue[strategic].id
    s.flush()
    ministry_plan = plan_ministry_rows(s, fy, data[MINISTRY_SHEET])
    plan.problems += ministry_plan.problems
    for where, op in ministry_plan.ops:
        try:
            op(s)
        except KpiDeskError as exc:
            plan.problems.append(Problem(where.sheet, where.row, where.column, exc.th))
    plan.units |= ministry_plan.units
    plan.fiscal_year_id = fy.id
    s.flush()
    rounds = {r.months: r for r in s.exec(select(Round).where(Round.fiscal_year_id == fy.id))}
    s.flush()
    assignment = {(units_code, ind_code): a for a, units_code, ind_code in (
        (a, u.code, i.code) for a, u, i in s.exec(
            select(Assignment, Unit, Indicator).join(Unit, Unit.id == Assignment.unit_id)
            .join(Indicator, Indicator.id == Assignment.indicator_id).where(Assignment.fiscal_year_id == fy.id)))}
    results, now = [], utcnow()
    for number, r in data["ผล"]:
        a = assignment.get((_s(r["unit"]), _s(r["indicator"])))
        if a is None:
            plan.problems.append(Problem("ผล", number, "รหัสตัวชี้วัด", "ไม่พบตัวชี้วัดนี้ของหน่วยงานในแผ่นงานตัวชี้วัดทั้งกระทรวง"))
            continue
        try:
            actual = _dec(r.get("actual"))
        except ValueError as exc:
            plan.problems.append(Problem("ผล", number, "ผลการดำเนินงาน", str(exc)))
            continue
        results.append({"id": uuid.uuid4(), "created_at": now, "updated_at": now, "assignment_id": a.id,
                        "round_id": rounds[int(_dec(r["round"]))].id, "actual": actual, "note": _s(r.get("note")),
                        "evidence_ref": _s(r.get("evidence_ref")), "recorded_by": _s(r.get("recorded_by")),
                        "recorded_at": None})
    if results:
        s.execute(insert(Result.__table__), results)
        audit_bulk_insert(s, Result.__table__, results)
    for _n, m in data["Joint ตัวชี้วัดหลัก"]:
        s.add(JointMainIndicator(agenda_id=agendas[int(_dec(m["agenda"]))].id, number=int(_dec(m["number"])),
                                 name_th=_s(m["name_th"]), target_text=_s(m.get("target_text")),
                                 target_value=_dec(m.get("target_value")), unit_of_measure=_s(m.get("unit_of_measure"))))
    for _n, m in data["Joint หน่วยงานหลัก"]:
        s.add(JointLeadAgency(agenda_id=agendas[int(_dec(m["agenda"]))].id, agency_name=_s(m["agency_name"]),
                              unit_id=units[_s(m["unit"])].id if m.get("unit") else None))
    for _n, m in data["Joint ตัวชี้วัดย่อย"]:
        a = assignment.get((_s(m.get("unit")), _s(m.get("indicator"))))
        s.add(JointSubIndicator(agenda_id=agendas[int(_dec(m["agenda"]))].id, name_th=_s(m["name_th"]),
                                holder_name=_s(m["holder_name"]), holder_kind=_s(m.get("holder_kind")) or "department",
                                unit_id=units[_s(m["unit"])].id if m.get("unit") else None,
                                assignment_id=a.id if a else None, value_chain=_s(m.get("value_chain"))))
    for number, c in data["คำขอปรับเปลี่ยน"]:
        a = assignment.get((_s(c["unit"]), _s(c["indicator"])))
        if a is None:
            plan.problems.append(Problem("คำขอปรับเปลี่ยน", number, "รหัสตัวชี้วัด", "ไม่พบตัวชี้วัดของคำขอนี้"))
            continue
        s.add(ChangeRequest(assignment_id=a.id, round_id=rounds[int(_dec(c["round"]))].id, reason=_s(c["reason"]),
                            reason_text=_s(c.get("reason_text")), proposal=_s(c.get("proposal")),
                            proposed_weight=_dec(c.get("proposed_weight")), proposed_base=_dec(c.get("proposed_base")),
                            proposed_standard=_dec(c.get("proposed_standard")),
                            proposed_advanced=_dec(c.get("proposed_advanced")), submitted_on=_d(c.get("submitted_on")),
                            decision=_s(c.get("decision")) or "pending", decided_on=_d(c.get("decided_on")),
                            decision_note=_s(c.get("decision_note")), sent_to_opdc_on=_d(c.get("sent_to_opdc_on"))))
    s.flush()
    for months, (status, note) in statuses.items():
        if status in ("approved", "locked"):
            fw_service.approve_round(s, rounds[months], reason=note or "สถานะตามไฟล์ส่งออกที่นำเข้า")
        if status == "locked":
            fw_service.lock_round(s, rounds[months])
