"""Joint KPIs by Agenda as in the cabinet letter's table, with totals always computed from the rows."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import cm
from app.services import Session

from app.domain.thai_text import to_thai_digits
from app.models.enums import UNIT_KIND_TH, UnitKind
from app.reports.common import NothingToPrint, heading, title_block, year_text
from app.reports.paragraph import Run, ThaiParagraph
from app.reports.styles import SMALL, TABLE
from app.reports.tables import Cell, build_table, number
from app.services.report_data import context, joint_rows

BOLD = TABLE.but(bold=True)
KINDS = [UnitKind.DEPARTMENT, UnitKind.STATE_ENTERPRISE, UnitKind.PUBLIC_ORG, UnitKind.PROVINCE, UnitKind.OTHER]


def joint_story(session: Session, year_be: int, bookmarks: bool = False) -> list:
    ctx = context(session, year_be)
    thai = ctx.table_thai_digits
    agendas = joint_rows(session, year_be)
    if not agendas:
        raise NothingToPrint(f"ไม่มี Joint KPIs ให้พิมพ์: ยังไม่ได้บันทึกประเด็น Joint KPIs ของปีงบประมาณ พ.ศ. {year_be} "
                             "(บันทึกในหน้า Joint KPIs)", f"No Joint KPIs to print: no agenda is recorded for fiscal "
                             f"year {year_be} B.E. (enter them on the Joint KPIs page)")
    story = title_block("ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน (Joint KPIs)", ctx.ministry, year_text(year_be),
                        bookmark="ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน (Joint KPIs)" if bookmarks else None)
    header = [[Cell("ประเด็น Joint KPIs"), Cell("ตัวชี้วัดที่ใช้ในการติดตามและค่าเป้าหมาย"), Cell("จำนวนตัวชี้วัดย่อย"),
               Cell("ตัวชี้วัดย่อยของหน่วยงานในสังกัดกระทรวง จำแนกตามประเภทหน่วยงาน", span=6)],
              ["", "", "ทั้งประเทศ", *[UNIT_KIND_TH[k] for k in KINDS], "รวม"]]
    widths = [3.8 * cm, 5.4 * cm, 1.7 * cm] + [2.5 * cm] * 5 + [1.3 * cm]
    rows = []
    national_total, ours_total = 0, {k: 0 for k in KINDS}
    for a in agendas:
        mains = []
        for i, m in enumerate(a.mains):
            mains += [Run(("\n" if i else "") + f"({to_thai_digits(str(m.number))}) {m.name_th} "),
                      Run(f"เป้าหมาย {m.target_text}", bold=True)]
        national_total += a.national_subs or 0
        for k in KINDS:
            ours_total[k] += a.ours.get(k, 0)
        rows.append([Cell(f"ประเด็นที่ {to_thai_digits(str(a.number))} {a.name}"), Cell("", runs=mains),
                     _count(a.national_subs, thai), *[_count(a.ours.get(k, 0), thai) for k in KINDS],
                     _count(sum(a.ours.values()), thai, bold=True)])
    rows.append([Cell(f"รวม {to_thai_digits(str(len(agendas)))} ประเด็น {to_thai_digits(str(sum(len(a.mains) for a in agendas)))} ตัวชี้วัดหลัก", BOLD, span=2),
                 _count(national_total, thai, bold=True), *[_count(ours_total[k], thai, bold=True) for k in KINDS],
                 _count(sum(ours_total.values()), thai, bold=True)])
    story.append(build_table(header, rows, widths, totals=[len(rows) - 1]))
    story.append(ThaiParagraph("จำนวนตัวชี้วัดย่อยทั้งประเทศตามที่สำนักงาน ก.พ.ร. แจ้ง ผลรวมคำนวณจากรายประเด็น "
                               "จำนวนของกระทรวงนับจากตัวชี้วัดย่อยที่บันทึกไว้ในฐานข้อมูลตามประเภทหน่วยงานผู้รับผิดชอบ",
                               SMALL.but(space_before=4)))
    story += heading("จำนวนหน่วยงานที่รับผิดชอบตัวชี้วัดย่อย (นับไม่ซ้ำ) จำแนกตามประเภทหน่วยงาน")
    agency_rows = [[Cell(f"ประเด็นที่ {to_thai_digits(str(a.number))} {a.name}"),
                    *[_count(a.agencies.get(k, 0), thai) for k in KINDS], _count(sum(a.agencies.values()), thai, bold=True)]
                   for a in agendas]
    story.append(build_table(["ประเด็น Joint KPIs", *[UNIT_KIND_TH[k] for k in KINDS], "รวม"], agency_rows,
                             [9.2 * cm] + [2.6 * cm] * 5 + [2.5 * cm]))
    story += heading("ตัวชี้วัดย่อยที่หน่วยงานในสังกัดกระทรวงรับผิดชอบ", 1 if bookmarks else None)
    sub_rows, bands = [], []
    for a in agendas:
        bands.append(len(sub_rows))
        sub_rows.append([Cell(f"ประเด็นที่ {to_thai_digits(str(a.number))} {a.name} — หน่วยงานหลัก: {', '.join(a.leads)}",
                              BOLD, span=3)])
        for i, sub in enumerate(a.subs, start=1):
            sub_rows.append([Cell(to_thai_digits(str(i)) if thai else str(i), TABLE.but(align="center")), Cell(sub.name_th),
                             Cell(_holder(sub))])
        if not a.subs:
            sub_rows.append([Cell("–", TABLE.but(align="center")), Cell("ไม่มีหน่วยงานในสังกัดรับผิดชอบ", span=2)])
    story.append(build_table(["ที่", "ตัวชี้วัดย่อย", "หน่วยงานผู้รับผิดชอบ"], sub_rows, [1.0 * cm, 13.2 * cm, 10.5 * cm],
                             bands=bands))
    return story


def _count(value, thai: bool, bold: bool = False) -> Cell:
    style = TABLE.but(align="right", bold=bold)
    if value is None:
        return Cell("–", style)
    return number(Decimal(value), thai, places=0, style=style)


def _holder(sub) -> str:
    kind = UNIT_KIND_TH[UnitKind(sub.holder_kind)]
    return sub.holder_name if kind in sub.holder_name else f"{sub.holder_name} ({kind})"


def build(session: Session, request) -> list:
    return joint_story(session, request.year)
