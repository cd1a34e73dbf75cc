"""ภาคผนวก: indicators, kinds, weights, three targets and units of measure, per unit and ministry-wide."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.colors import HexColor
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak

from app.domain.thai_text import to_thai_digits
from app.domain.unit_score import Framework
from app.domain.validation import component_sums, evaluated_weight, validate_unit
from app.models.enums import DIRECTION_TH, INDICATOR_KIND_TH, Direction, IndicatorKind
from app.reports.common import heading, refuse_if_no_unit, title_block, year_text
from app.reports import notices
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import TABLE, WARNING
from app.reports.tables import Cell, build_table, number, plain_number
from app.services import Session, lookup
from app.services.report_data import annex_units, basket_codes, context, indicator_directions
from app.services.scoring import framework_specs, load_lines

BOLD = TABLE.but(bold=True)
BOLD_RIGHT = BOLD.but(align="right")
MUTED = TABLE.but(colour=HexColor("#555555"), size=11)
RIGHT = TABLE.but(align="right")
CENTRE = TABLE.but(align="center")
WIDTHS = [1.0 * cm, 9.6 * cm, 3.4 * cm, 2.6 * cm, 1.7 * cm, 2.1 * cm, 2.1 * cm, 2.1 * cm]
HEADER = ["ที่", "ตัวชี้วัด", "ประเภท", "หน่วยนับ", "น้ำหนัก", "ขั้นต้น\n(๕๐ คะแนน)", "มาตรฐาน\n(๗๕ คะแนน)",
          "ขั้นสูง\n(๑๐๐ คะแนน)"]


def annex_story(session: Session, year_be: int, unit_code: str | None = None, bookmarks: bool = False) -> list:
    ctx = context(session, year_be)
    fy = lookup.year(session, year_be)
    fw = Framework(framework_specs(session, fy.id))
    unit_filter = [lookup.unit(session, unit_code).id] if unit_code else None
    annual = load_lines(session, fy.id, None, unit_filter, months=12)
    half = load_lines(session, fy.id, None, unit_filter, months=6)
    units = annex_units(session, annual)
    refuse_if_no_unit(units, ("ภาคผนวกตัวชี้วัด", "annex"), year_be, unit_code)
    directions = indicator_directions(session)
    thai = ctx.table_thai_digits
    story = title_block("ตัวชี้วัด น้ำหนัก และค่าเป้าหมายการประเมินผลการปฏิบัติราชการ", ctx.ministry, year_text(year_be),
                        bookmark="ภาคผนวก ตัวชี้วัดและค่าเป้าหมาย" if bookmarks else None)
    summary = []
    for n, (uid, name) in enumerate(units):
        if n:
            story.append(PageBreak())
        story += heading(name, 1 if bookmarks else None)
        lines = annual[uid]
        halves = {ln.key: ln for ln in half.get(uid, [])}
        rows, bands, totals, headings = [], [], [], []
        sums = component_sums(lines, fw)
        seq = 0
        for top in (s for s in fw.specs if s.parent_code is None):
            subs = [s for s in fw.specs if s.parent_code == top.code] or [top]
            bands.append(len(rows))
            rows.append([Cell(f"องค์ประกอบที่ {to_thai_digits(top.code)} {top.name_th}", BOLD, span=len(WIDTHS))])
            for sub in subs:
                mine = [ln for ln in lines if ln.component_code == sub.code and not ln.monitor]
                if sub is not top:
                    headings.append(len(rows))
                    rows.append([Cell(f"{to_thai_digits(sub.code)} {sub.name_th}", BOLD.but(italic=True), span=len(WIDTHS))])
                for ln in mine:
                    seq += 1
                    rows.append(_indicator_row(seq, ln, halves.get(ln.key), directions.get(ln.code), thai,
                                               ln.component_code in fw.by_points))
                if sub is not top:
                    totals.append(len(rows))
                    rows.append([Cell(f"รวม {to_thai_digits(sub.code)}", BOLD, span=4), number(sums[sub.code], thai, style=BOLD_RIGHT),
                                 Cell("", span=3)])
            totals.append(len(rows))
            rows.append([Cell(f"รวมองค์ประกอบที่ {to_thai_digits(top.code)}", BOLD, span=4),
                         number(sums[top.code], thai, style=BOLD_RIGHT), Cell("", span=3)])
        total = evaluated_weight(lines)
        totals.append(len(rows))
        rows.append([Cell("รวมทั้งสิ้น", BOLD, span=4), number(total, thai, style=BOLD_RIGHT), Cell("", span=3)])
        monitors = [ln for ln in lines if ln.monitor]
        if monitors:
            bands.append(len(rows))
            rows.append([Cell("ตัวชี้วัด Monitor (ติดตามผล ไม่นำมาประเมิน ไม่มีน้ำหนัก)", BOLD, span=len(WIDTHS))])
            for ln in monitors:
                rows.append(_indicator_row("M", ln, None, directions.get(ln.code), thai,
                                               ln.component_code in fw.by_points))
        story.append(build_table(HEADER, rows, WIDTHS, bands=bands, totals=totals, continued=name,
                                 keep_with_next=headings))
        problems = validate_unit(name, lines, fw, {ln.key: directions.get(ln.code) for ln in lines})
        story += [ThaiParagraph(f"ยังต้องแก้ไข: {p.th}", WARNING) for p in problems]   # never a silent bad annex
        if problems:
            notices.note_unfinished(name)
        summary.append((name, lines))
    if not unit_code:
        story += [PageBreak(), *heading("สรุปน้ำหนักตัวชี้วัดรายองค์ประกอบ ทั้งกระทรวง", 1 if bookmarks else None)]
        story.append(_summary_table(summary, fw, thai, basket_codes(session)))
    return story


POINTS_TH = "คะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐)"


def _indicator_row(seq, ln, half, direction, thai: bool, by_points: bool = False) -> list:
    name = ln.name
    extra = []
    if direction == Direction.LOWER_IS_BETTER:
        extra.append(DIRECTION_TH[Direction.LOWER_IS_BETTER])
    if half is not None and (half.base, half.standard, half.advanced) != (ln.base, ln.standard, ln.advanced):
        extra.append("เป้าหมายรอบ ๖ เดือน " + " / ".join(plain_number(v, thai) for v in (half.base, half.standard, half.advanced)))
    if extra:
        name += "\n" + " · ".join(extra)
    kind = INDICATOR_KIND_TH.get(IndicatorKind(ln.kind), ln.kind) if ln.kind else ""
    targets = [Cell(plain_number(v, thai), RIGHT) for v in (ln.base, ln.standard, ln.advanced)]
    if by_points:           # the component takes OPDC's points: no three targets to print
        targets = [Cell(POINTS_TH, MUTED.but(align="center"), span=3)]
    seq_text = to_thai_digits(str(seq)) if thai and isinstance(seq, int) else str(seq)
    return [Cell(seq_text, CENTRE), Cell(name), Cell(kind, MUTED), Cell(ln.unit_of_measure, MUTED),
            number(ln.weight, thai), *targets]


def _summary_table(summary, fw: Framework, thai: bool, basket: set[str]):
    """Per unit: indicators evaluated and Monitor, from the KPI Basket and proposed by the unit, and the
    weights per component. The totals count lines (one unit's indicator each), as OPDC's working group did."""
    leaves = [s for s in fw.specs if not any(c.parent_code == s.code for c in fw.specs)]
    header = ["หน่วยงาน", "ประเมิน", "Monitor", "จาก\nKPI Basket", "หน่วยงาน\nเสนอ",
              *[f"องค์ประกอบ\n{to_thai_digits(s.code)}" for s in leaves], "รวม"]
    width_rest = (24.7 * cm - 7.0 * cm - 4 * 1.9 * cm) / (len(leaves) + 1)
    widths = [7.0 * cm] + [1.9 * cm] * 4 + [width_rest] * (len(leaves) + 1)
    rows = []
    grand = {s.code: Decimal(0) for s in leaves}
    counts = [0, 0, 0, 0]
    for name, lines in summary:
        evaluated = [ln for ln in lines if not ln.monitor]
        from_basket = sum(1 for ln in lines if ln.code in basket)
        sums = component_sums(lines, fw)
        per = {s.code: sums[s.code] for s in leaves}
        for k, v in per.items():
            grand[k] += v
        mine = (len(evaluated), len(lines) - len(evaluated), from_basket, len(lines) - from_basket)
        counts = [a + b for a, b in zip(counts, mine)]
        rows.append([Cell(name), *[number(Decimal(n), thai, places=0) for n in mine],
                     *[number(per[s.code], thai) for s in leaves], number(sum(per.values(), Decimal(0)), thai)])
    bold = TABLE.but(bold=True, align="right")
    rows.append([Cell(f"รวม {to_thai_digits(str(len(summary))) if thai else len(summary)} หน่วยงาน", TABLE.but(bold=True)),
                 *[number(Decimal(n), thai, places=0, style=bold) for n in counts],
                 *[Cell("", TABLE) for _ in leaves], Cell("", TABLE)])
    return build_table(header, rows, widths, totals=[len(rows) - 1])


def build(session: Session, request) -> list:
    return annex_story(session, request.year, request.unit)
