"""``kpi-desk template``: the workbook a department fills — its indicators and targets, or its results.

Cells the department may not change are locked (sheet protection without a password: it prevents
slips, not a determined user — the import checks everything again); Monitor has a drop-down list.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from app.domain.calendar import thai_date
from app.errors import KpiDeskError
from app.io.workbook_format import (FORMAT, INSTRUCTIONS_SHEET, LINKS_SHEET, META_SHEET, NO, RESULT_COLUMNS, RESULTS_SHEET,
                                    TARGET_COLUMNS, TARGETS_SHEET, VERSION, YES, Column, put_number, put_text)
from app.models.enums import DIRECTION_TH, Direction
from app.services import Session, lookup
from app.services.grid import assignment_rows, result_rows
from app.services.scoring import load_lines

FONT = "Sarabun"
HEAD_FILL = PatternFill("solid", fgColor="DFE7F2")
EDIT_FILL = PatternFill("solid", fgColor="FFF8DC")


def write_meta(wb: Workbook, **values) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    for r, (key, value) in enumerate({"format": FORMAT, "version": VERSION, **values}.items(), start=1):
        put_text(ws.cell(row=r, column=1), key)
        put_text(ws.cell(row=r, column=2), value)
    ws.protection.sheet = True


def _sheet(wb: Workbook, title: str, columns: list[Column]):
    ws = wb.create_sheet(title)
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i)
        put_text(cell, col.header)
        cell.font = Font(name=FONT, bold=True, size=12)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[cell.column_letter].width = col.width
    ws.freeze_panes = "C2"
    ws.row_dimensions[1].height = 36
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    return ws


def _row(ws, r: int, columns: list[Column], values: dict) -> None:
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=r, column=i)
        value = values.get(col.key)
        if col.number and value is not None:
            put_number(cell, value)
            cell.number_format = "#,##0.######"
        else:
            put_text(cell, value)
        cell.font = Font(name=FONT, size=12)
        cell.alignment = Alignment(wrap_text=col.key == "name", vertical="top")
        if col.editable:
            cell.protection = Protection(locked=False)
            cell.fill = EDIT_FILL


def _instructions(wb: Workbook, lines: list[str]) -> None:
    ws = wb.active
    ws.title = INSTRUCTIONS_SHEET
    ws.column_dimensions["A"].width = 110
    for i, line in enumerate(lines, start=1):
        cell = ws.cell(row=i, column=1)
        put_text(cell, line)
        cell.font = Font(name=FONT, size=14 if i == 1 else 12, bold=i == 1)
        cell.alignment = Alignment(wrap_text=True)
    ws.protection.sheet = True


def _links(wb: Workbook, ws, session: Session, fiscal_year_id, count: int) -> None:
    """The sheet of link labels the year allows (with what each means) and a drop-down on the link column."""
    from app.services.strategy import link_targets
    options = link_targets(session, fiscal_year_id)
    sheet = wb.create_sheet(LINKS_SHEET)
    for col, (text, width) in enumerate((("การเชื่อมโยง", 34), ("ความหมาย", 90)), start=1):
        cell = sheet.cell(row=1, column=col)
        put_text(cell, text)
        cell.font = Font(name=FONT, bold=True, size=12)
        cell.fill = HEAD_FILL
        sheet.column_dimensions[cell.column_letter].width = width
    for r, (label, (_kind, _id, meaning)) in enumerate(options.items(), start=2):
        put_text(sheet.cell(row=r, column=1), label)
        put_text(sheet.cell(row=r, column=2), meaning)
        for c in (1, 2):
            sheet.cell(row=r, column=c).font = Font(name=FONT, size=12)
    sheet.protection.sheet = True
    letter = ws.cell(row=1, column=next(i for i, c in enumerate(TARGET_COLUMNS, start=1) if c.key == "link")).column_letter
    choose = DataValidation(type="list", formula1=f"'{LINKS_SHEET}'!$A$2:$A${len(options) + 1}", allow_blank=True,
                            error=f"เลือกจากรายการในแผ่นงาน “{LINKS_SHEET}”", errorTitle="การเชื่อมโยง",
                            showErrorMessage=True)
    ws.add_data_validation(choose)
    choose.add(f"{letter}2:{letter}{max(2, count + 1)}")


def write_template(session: Session, *, year_be: int, unit_code: str, months: int | None, out: Path) -> Path:
    unit = lookup.unit(session, unit_code)
    fy = lookup.year(session, year_be)
    if not lookup.assigned_by_code(session, fy.id, unit.id):       # a form with no row the unit could fill
        raise KpiDeskError(f"หน่วยงาน {unit.code} ({unit.name_th}) ยังไม่มีตัวชี้วัดในปีงบประมาณ พ.ศ. {year_be} "
                           "แบบฟอร์มจึงไม่มีแถวให้กรอก (เพิ่มตัวชี้วัดในหน้าตัวชี้วัดและค่าเป้าหมาย "
                           "หรือนำเข้ารายการทั้งกระทรวงก่อน)",
                           f"unit {unit.code} has no indicators in {year_be}: the form would have no row to fill")
    ministry = lookup.ministry(session)
    wb = Workbook()
    kind = "results" if months else "targets"
    what = f"ผลการดำเนินงาน รอบ {months} เดือน" if months else "ตัวชี้วัด น้ำหนัก และค่าเป้าหมาย"
    _instructions(wb, [
        f"แบบฟอร์ม{what} ปีงบประมาณ พ.ศ. {year_be}",
        f"หน่วยงาน: {unit.name_th} ({unit.code})   กระทรวง: {ministry.name_th}",
        f"จัดทำโดยโปรแกรม KPI Desk เมื่อ {thai_date(datetime.now().date(), thai_digits=False)}",
        "",
        "วิธีกรอก",
        "๑. กรอกเฉพาะช่องสีเหลือง ช่องอื่นล็อกไว้ ห้ามแก้ไขรหัสตัวชี้วัด และห้ามเปลี่ยนชื่อหรือลำดับแผ่นงาน",
        "๒. ตัวเลขพิมพ์ได้ทั้งเลขไทยและเลขอารบิก ใช้จุดเป็นทศนิยม จะมีเครื่องหมายจุลภาคคั่นหลักพันหรือ % ก็ได้",
        ("๓. น้ำหนักของตัวชี้วัดที่ประเมินผลรวมกันต้องเท่ากับ ๑๐๐ ตัวชี้วัด Monitor มีน้ำหนัก ๐ ค่าเป้าหมายต้องเรียงลำดับ"
         " ขั้นต้น → มาตรฐาน → ขั้นสูง ตามทิศทางของตัวชี้วัด ช่องการเชื่อมโยงเลือกจากรายการ (ดูความหมายในแผ่นงาน"
         " “การเชื่อมโยง”): ถ่ายทอดจาก Strategic KPI ใด ตอบ Joint KPIs ตัวชี้วัดหลักใด หรือตามภารกิจ" if not months else
         "๓. กรอกผลการดำเนินงานตามหน่วยนับของตัวชี้วัด ช่องที่เว้นว่างหมายถึงยังไม่มีผล (จะได้ ๐ คะแนน)"),
        "๔. ไฟล์นี้ใช้นำเข้าได้เฉพาะหน่วยงาน ปีงบประมาณ และรอบที่ระบุข้างต้นเท่านั้น",
        "๕. ส่งไฟล์กลับให้ฝ่ายเลขานุการเพื่อนำเข้าด้วยคำสั่ง kpi-desk import หรือเมนูนำเข้าในโปรแกรม",
    ])
    if months:
        rnd = lookup.round_of(session, year_be, months)
        ws = _sheet(wb, RESULTS_SHEET, RESULT_COLUMNS)
        targets = {ln.key: ln for ln in load_lines(session, fy.id, None, [unit.id], months).get(unit.id, [])}
        codes = {a.id: code for code, a in lookup.assigned_by_code(session, fy.id, unit.id).items()}
        for r, row in enumerate(result_rows(session, rnd, unit.id), start=2):
            line = targets.get(row.assignment_id)
            _row(ws, r, RESULT_COLUMNS, {
                "indicator": codes[row.assignment_id], "name": row.name + (" [Monitor]" if row.monitor else ""),
                "unit_of_measure": row.unit_of_measure, "weight": row.weight,
                "base": line.base if line else None, "standard": line.standard if line else None,
                "advanced": line.advanced if line else None, "actual": row.actual, "note": row.note,
                "evidence_ref": row.evidence_ref})
    else:
        ws = _sheet(wb, TARGETS_SHEET, TARGET_COLUMNS)
        rows = assignment_rows(session, fy.id, unit.id)
        for r, row in enumerate(rows, start=2):
            _row(ws, r, TARGET_COLUMNS, {
                "indicator": row.indicator_code, "name": row.name, "component": row.component,
                "unit_of_measure": row.unit_of_measure, "direction": DIRECTION_TH[Direction(row.direction)],
                "monitor": YES if row.monitor else NO, "weight": row.weight, "base": row.base,
                "standard": row.standard, "advanced": row.advanced, "base_6": row.base_6,
                "standard_6": row.standard_6, "advanced_6": row.advanced_6, "link": row.link})
        monitor = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=False,
                                 error="เลือก ใช่ หรือ ไม่ใช่", errorTitle="Monitor", showErrorMessage=True)
        ws.add_data_validation(monitor)
        monitor.add(f"F2:F{max(2, len(rows) + 1)}")
        _links(wb, ws, session, fy.id, len(rows))
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    write_meta(wb, kind=kind, ministry=ministry.code, year=year_be, unit=unit.code, round=months or "",
               created=datetime.now().isoformat(timespec="seconds"))
    out = Path(out)
    wb.save(out)
    return out


