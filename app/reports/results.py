"""ผลการประเมิน: actuals, points, weighted scores and grade per unit; the ministry summary with a chart."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Spacer
from app.services import Session

from app.domain.calendar import thai_date
from app.domain.thai_text import format_number, to_thai_digits
from app.domain.unit_score import UnitScore, ranked
from app.reports.chart import ScoreBarChart
from app.domain.calendar import round_name, round_period
from app.reports.common import heading, refuse_if_no_unit, title_block, year_text
from app.reports.paragraph import ThaiParagraph
from app.reports.styles import SMALL, TABLE, WARNING
from app.reports.tables import Cell, build_table, number, plain_number
from app.services import lookup
from app.services.check import units_without_indicators
from app.services.report_data import context, round_scores

BOLD = TABLE.but(bold=True)
MISSING = TABLE.but(colour=HexColor("#b3261e"), bold=True, align="center")
NOTE = SMALL.but(colour=HexColor("#444444"))
WIDTHS = [0.9 * cm, 9.5 * cm, 1.6 * cm, 2.0 * cm, 2.0 * cm, 2.0 * cm, 3.0 * cm, 1.8 * cm, 1.9 * cm]
HEADER = ["ที่", "ตัวชี้วัด", "น้ำหนัก", "ขั้นต้น\n(๕๐)", "มาตรฐาน\n(๗๕)", "ขั้นสูง\n(๑๐๐)", "ผลการดำเนินงาน",
          "คะแนน", "คะแนน\nถ่วงน้ำหนัก"]


def results_story(session: Session, year_be: int, months: int, unit_code: str | None = None,
                  bookmarks: bool = False) -> list:
    ctx = context(session, year_be)
    rs = round_scores(session, year_be, months, unit_code)
    refuse_if_no_unit(rs.units, ("ผลการประเมิน", "results"), year_be, unit_code)
    thai = ctx.table_thai_digits
    period = round_period(rs.round.starts_on, rs.round.ends_on)
    story = title_block("ผลการประเมินผลการปฏิบัติราชการ", ctx.ministry, f"{year_text(year_be)} {round_name(months)} ({period})",
                        bookmark="ผลการประเมิน" if bookmarks else None)
    if rs.snapshot_revision is not None:
        locked = rs.round.locked_at
        story.append(ThaiParagraph(
            f"ปิดรอบแล้ว: คะแนนจากข้อมูลที่เก็บไว้เมื่อปิดรอบ ฉบับที่ {to_thai_digits(str(rs.snapshot_revision))}"
            + (f" (ปิดรอบเมื่อ {thai_date(locked.astimezone().date())})" if locked else ""), NOTE))
    scope = rs.components.round_scope_th(months)
    if scope:
        story.append(ThaiParagraph(scope, NOTE))
    if not unit_code:
        story += _summary(rs.units, thai, bookmarks, rs.components.grades)
        left_out = units_without_indicators(session, lookup.year(session, year_be))
        if left_out:
            story.append(ThaiParagraph(f"หน่วยงานที่ยังไม่มีตัวชี้วัดในปีนี้ จึงไม่มีผลการประเมิน: {', '.join(left_out)}", NOTE))
    for u in rs.units:
        story.append(PageBreak())
        story += _unit_section(u, thai, bookmarks, rs.components.by_points)
    return story


def _summary(units: list[UnitScore], thai: bool, bookmarks: bool, grades) -> list:
    order = ranked(units)
    rows = []
    for i, u in enumerate(order, start=1):
        flag = "".join(f"\n{issue.th}" for issue in u.issues)
        verdict_th, _en, colour = u.verdict
        rows.append([Cell(to_thai_digits(str(i)) if thai else str(i), TABLE.but(align="center")), Cell(u.unit_name + flag),
                     number(u.shown_points, thai), number(u.out_of, thai), number(u.shown_score, thai, style=BOLD.but(align="right")),
                     Cell(verdict_th, TABLE.but(colour=HexColor(colour), bold=True))])
    table = build_table(["ที่", "หน่วยงาน", "คะแนนที่ได้", "คะแนนเต็ม", "คะแนน\n(ร้อยละ)", "ระดับผลการประเมิน"], rows,
                        [1.2 * cm, 10.5 * cm, 2.4 * cm, 2.2 * cm, 2.2 * cm, 4.4 * cm])
    chart = ScoreBarChart([(u.unit_name, u.shown_score, u.verdict[2]) for u in order], 24.7 * cm, 9.5 * cm, thai,
                          grades=grades)
    legend = "พื้นสีแสดงช่วงคะแนนของระดับผลการประเมิน: " + " · ".join(
        f"{g.th} ตั้งแต่ {to_thai_digits(format_number(g.floor, places=0))} คะแนน" for g in grades[:-1])
    # the legend reads the chart's tints: the two stay on one page (a chart taller than a page is still cut)
    return [*heading("สรุปผลการประเมินทั้งกระทรวง (เรียงตามคะแนน)", 1 if bookmarks else None), table, Spacer(1, 10),
            KeepTogether([chart, ThaiParagraph(legend, NOTE)])]


def _unit_section(u: UnitScore, thai: bool, bookmarks: bool, by_points: frozenset = frozenset()) -> list:
    story = heading(u.unit_name, 1 if bookmarks else None)
    rows, totals, bands = [], [], []
    evaluated = [s for s in u.lines if not s.line.monitor and s.evaluated]

    for i, s in enumerate(evaluated, start=1):
        ln = s.line
        name = ln.name + (f"\n{s.error}" if s.error else "")
        rows.append([Cell(to_thai_digits(str(i)) if thai else str(i), TABLE.but(align="center")), Cell(name),
                     number(ln.weight, thai), *_targets(ln, by_points, thai), _actual(s, thai),
                     number(s.points, thai), number(s.weighted, thai)])
    for c in u.components:
        if c.spec.parent_code is None and c.evaluated:
            totals.append(len(rows))
            rows.append([Cell(f"องค์ประกอบที่ {to_thai_digits(c.spec.code)} {c.spec.name_th}", BOLD, span=2),
                         number(c.weight, thai, style=BOLD.but(align="right")), Cell("", span=5),
                         number(c.shown_points, thai, style=BOLD.but(align="right"))])
    totals.append(len(rows))
    total = f"คะแนนรวม {format_number(u.score, thai=thai)} คะแนน" if u.has_score else "ยังไม่มีคะแนนรวม"
    rows.append([Cell(f"{total} — {u.verdict[0]}", BOLD.but(colour=HexColor(u.verdict[2])), span=8),
                 number(u.shown_points, thai, style=BOLD.but(align="right"))])
    monitors = u.monitor
    if monitors:
        bands.append(len(rows))
        rows.append([Cell("ตัวชี้วัด Monitor (ติดตามผล ไม่นำมาคิดคะแนน)", BOLD, span=9)])
        for s in monitors:
            ln = s.line
            rows.append([Cell("M", TABLE.but(align="center")), Cell(ln.name), Cell("–", TABLE.but(align="center")),
                         *_targets(ln, by_points, thai),
                         _actual(s, thai) if ln.actual is not None else Cell("ไม่มีผล", TABLE.but(align="right")),
                         number(s.points, thai), Cell("–", TABLE.but(align="center"))])
    story.append(build_table(HEADER, rows, WIDTHS, bands=bands, totals=totals, continued=u.unit_name))
    differ = [s for s in u.lines if s.line.reported is not None]
    if differ:
        story.append(ThaiParagraph(
            "* ผลที่ตรวจสอบแล้ว (โดยฝ่ายเลขานุการหรือสำนักงาน ก.พ.ร.) ต่างจากที่หน่วยงานรายงาน ซึ่งแสดงในวงเล็บ "
            "คะแนนคิดจากผลที่ตรวจสอบแล้ว: " + "; ".join(f"“{s.line.name}”" for s in differ), NOTE.but(space_before=4)))
    if u.missing:
        names = "; ".join(f"“{s.line.name}”" for s in u.missing)
        story.append(ThaiParagraph(f"หมายเหตุ: ตัวชี้วัดที่ยังไม่มีผลการดำเนินงานได้ ๐ คะแนน ได้แก่ {names}",
                                   WARNING))
    for issue in u.issues:
        if issue.blocking:
            story.append(ThaiParagraph(f"ยังให้ระดับผลการประเมินไม่ได้: {issue.th}",
                                       WARNING))
    return story


def _targets(ln, by_points, thai: bool) -> list:
    if ln.component_code in by_points:      # scored on the points OPDC supplies: there are no targets
        return [Cell("คะแนนที่ สำนักงาน ก.พ.ร. ให้", TABLE.but(align="center", colour=HexColor("#444444")), span=3)]
    return [Cell(plain_number(v, thai), TABLE.but(align="right")) for v in (ln.base, ln.standard, ln.advanced)]


def _actual(s, thai: bool) -> Cell:
    """The actual scored; a verified figure that differs from the unit's is starred, the unit's beneath it."""
    ln = s.line
    if s.missing:
        return Cell("ไม่มีผล", MISSING)
    if ln.reported is not None:
        return Cell(f"{plain_number(ln.actual, thai)}*\n({plain_number(ln.reported, thai)})", TABLE.but(align="right"))
    return Cell(plain_number(ln.actual, thai), TABLE.but(align="right"))


def build(session: Session, request) -> list:
    return results_story(session, request.year, request.months, request.unit)
