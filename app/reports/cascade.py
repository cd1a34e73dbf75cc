"""The cascade of the ministry's Strategic KPIs into department indicators, as the FY2567 framework letter
reports it nationally: Strategic KPIs cascaded and not (listed), and the year's distinct department
indicators by link class, counted once each, with percentages that add up to 100.00 — for the ministry and
per department."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import cm

from app.domain.shares import percentages
from app.reports.common import heading, title_block, year_text
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import PLAIN, TABLE
from app.domain.thai_text import to_thai_digits
from app.reports.tables import Cell, build_table, number, plain_number
from app.services import Session
from app.services.report_data import context
from app.services.strategy import FUNCTIONAL, JOINT, LINK_TH, STRATEGIC, cascade, strategic_rows

BOLD = TABLE.but(bold=True)
ORIGIN_TH = {"basket": "จาก KPI Basket ของสำนักงาน ก.พ.ร.", "proposed": "หน่วยงานเสนอเอง",
             "evaluated": "ตัวชี้วัดที่ประเมินผล", "monitor": "ตัวชี้วัด Monitor (ติดตามผลเท่านั้น)"}
CLASSES = (STRATEGIC, JOINT, FUNCTIONAL, "")


def cascade_story(session: Session, year_be: int, bookmarks: bool = False) -> list:
    ctx = context(session, year_be)
    thai = ctx.table_thai_digits
    view = cascade(session, year_be)
    n = lambda v: number(Decimal(v), thai, places=0)                      # noqa: E731
    pct = lambda v: number(v, thai)                                       # noqa: E731
    story = title_block("การถ่ายทอดตัวชี้วัดยุทธศาสตร์ (Strategic KPIs) สู่ตัวชี้วัดของหน่วยงาน", ctx.ministry,
                        year_text(year_be), bookmark="การถ่ายทอด Strategic KPIs" if bookmarks else None)
    total_kpis = len(view.strategic_cascaded) + len(view.strategic_not_cascaded)
    story += heading("Strategic KPIs ของกระทรวง", 1 if bookmarks else None)
    story.append(build_table(
        ["", "จำนวน", "ร้อยละ"],
        [[Cell("ถ่ายทอดสู่ตัวชี้วัดของหน่วยงานแล้ว"), n(len(view.strategic_cascaded)), pct(view.strategic_share)],
         [Cell("ยังไม่ได้ถ่ายทอด"), n(len(view.strategic_not_cascaded)),
          pct(Decimal("100.00") - view.strategic_share if total_kpis else Decimal("0.00"))],
         [Cell("รวม", BOLD), n(total_kpis), pct(Decimal("100.00") if total_kpis else Decimal("0.00"))]],
        [11 * cm, 3 * cm, 3 * cm], totals=[2]))
    monitored = {r.code: r for r in strategic_rows(session, year_be)}
    for title, kpis in (("Strategic KPIs ที่ถ่ายทอดแล้ว", view.strategic_cascaded),
                        ("Strategic KPIs ที่ยังไม่ได้ถ่ายทอด", view.strategic_not_cascaded)):
        story += heading(title)
        if kpis:
            # monitored, never scored: the year's target as the plan states it and the result beside it
            story.append(build_table(
                ["รหัส", "Strategic KPI", "หน่วยนับ", f"ค่าเป้าหมายปี {to_thai_digits(str(year_be))}", "ผล (ติดตาม)"],
                [[k.code, k.name_th, k.unit_of_measure, monitored[k.code].target or "–",
                  Cell(plain_number(monitored[k.code].result_value, thai), TABLE.but(align="right"))
                  if monitored[k.code].result_value is not None else "–"] for k in kpis],
                [3.0 * cm, 11.2 * cm, 3.5 * cm, 4.0 * cm, 3.0 * cm]))
        else:
            story.append(ThaiParagraph("ไม่มี", PLAIN))
    distinct = view.total.total
    story += heading("ที่มาและการประเมินของตัวชี้วัด (นับไม่ซ้ำ)")
    story.append(build_table(
        ["", "จำนวน", "ร้อยละ"],
        [[Cell(label), n(count), pct(share)] for part in (view.origin, view.evaluation)
         for (label, count), share in zip(
             [(ORIGIN_TH[k], v) for k, v in part.items()],
             percentages(part).values())] + [[Cell("จำนวนตัวชี้วัด (ไม่นับซ้ำ)", BOLD), n(distinct), Cell("")]],
        [11 * cm, 3 * cm, 3 * cm], totals=[4]))
    story += heading("ตัวชี้วัดของหน่วยงานจำแนกตามการเชื่อมโยง (นับไม่ซ้ำ)", 1 if bookmarks else None)
    header = [[Cell("หน่วยงาน"), Cell("จำนวนตัวชี้วัด"), *[Cell(LINK_TH[c], span=2) for c in CLASSES]],
              ["", "", *["จำนวน", "ร้อยละ"] * len(CLASSES)]]
    rows = [[Cell(line.name, BOLD if line is view.total else TABLE), n(line.total),
             *[x for c in CLASSES for x in (n(line.counts[c]), pct(line.shares[c]))]]
            for line in [*view.units, view.total]]
    story.append(build_table(header, rows, [6.6 * cm, 1.9 * cm] + [1.5 * cm, 2.0 * cm] * len(CLASSES),
                             totals=[len(rows) - 1]))
    return story


def build(session: Session, request) -> list:
    return cascade_story(session, request.year)
