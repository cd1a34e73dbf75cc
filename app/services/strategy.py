"""Strategic KPIs (monitored, never scored), the links of department indicators to them or to a Joint KPI,
and the cascade view the FY2567 framework letter reports: how many Strategic KPIs were cascaded, and the
year's distinct department indicators by link class, counted once each, with percentages that add up."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from sqlmodel import Session, select

from app.domain.codes import code_problem
from app.domain.shares import percentages
from app.errors import KpiDeskError
from app.models import (Assignment, FiscalYear, JointAgenda, JointMainIndicator, Ministry, StrategicKpi,
                        StrategicTarget, Unit)
from app.services import lookup
from app.services.framework import ensure_targets_editable

STRATEGIC, JOINT, FUNCTIONAL = "strategic", "joint", "functional"
LINK_CLASSES = (STRATEGIC, JOINT, FUNCTIONAL, "")
LINK_TH = {STRATEGIC: "ถ่ายทอดจาก Strategic KPIs", JOINT: "Joint KPIs", FUNCTIONAL: "ตามภารกิจ (ไม่เชื่อมโยง)",
           "": "ยังไม่ระบุ"}


def create_strategic_kpi(session: Session, *, ministry: Ministry, code: str, name_th: str, plan_from: int,
                         plan_to: int, unit_of_measure: str = "") -> StrategicKpi:
    problem = code_problem(code)
    if problem:
        raise KpiDeskError(f"รหัส Strategic KPI: {problem}", "bad strategic KPI code")
    if not name_th.strip():
        raise KpiDeskError("Strategic KPI ต้องมีชื่อ", "a strategic KPI needs a name")
    plan_from, plan_to = lookup.checked_year(plan_from), lookup.checked_year(plan_to)
    if plan_to < plan_from:
        raise KpiDeskError(f"ช่วงแผน {plan_from}–{plan_to} ไม่ถูกต้อง (ปีสิ้นสุดก่อนปีเริ่ม)", "plan ends before it starts")
    if session.exec(select(StrategicKpi).where(StrategicKpi.code == code)).first():
        raise KpiDeskError(f"มี Strategic KPI รหัส {code} อยู่แล้ว", f"strategic KPI {code} exists")
    count = len(session.exec(select(StrategicKpi.id)).all())
    row = StrategicKpi(ministry_id=ministry.id, code=code, name_th=name_th.strip(), unit_of_measure=unit_of_measure,
                       plan_from=plan_from, plan_to=plan_to, sort_order=count)
    session.add(row)
    session.flush()
    return row


def set_strategic_target(session: Session, kpi: StrategicKpi, year_be: int, *, target: str = "",
                         target_value: Decimal | None = None, result_value: Decimal | None = None) -> StrategicTarget:
    """One year's target and monitored result (within the plan period)."""
    from app.services.numbers import parse_bounded
    target_value = parse_bounded(target_value, "ค่าเป้าหมาย", f"Strategic KPI {kpi.code}: ")
    result_value = parse_bounded(result_value, "ผล", f"Strategic KPI {kpi.code}: ")
    if not kpi.plan_from <= year_be <= kpi.plan_to:
        raise KpiDeskError(f"ปี {year_be} อยู่นอกช่วงแผน {kpi.plan_from}–{kpi.plan_to} ของ {kpi.code}",
                           "year outside the plan period")
    row = session.exec(select(StrategicTarget).where(StrategicTarget.strategic_kpi_id == kpi.id,
                                                     StrategicTarget.year_be == year_be)).first() \
        or StrategicTarget(strategic_kpi_id=kpi.id, year_be=year_be)
    row.target, row.target_value, row.result_value = target, target_value, result_value
    session.add(row)
    session.flush()
    return row


def link_assignment(session: Session, assignment: Assignment, *, strategic: StrategicKpi | None = None,
                    joint_main: JointMainIndicator | None = None, functional: bool = False) -> Assignment:
    """Say what a department indicator of a year serves: one Strategic KPI of its own ministry in force that
    year, one Joint KPI main indicator of the same year, or neither (functional). One link only."""
    if sum(x for x in (strategic is not None, joint_main is not None, functional)) != 1:
        raise KpiDeskError("ระบุการเชื่อมโยงได้อย่างเดียว: Strategic KPI, Joint KPI หรือตามภารกิจ", "exactly one link")
    ensure_targets_editable(session, assignment.fiscal_year_id)
    unit = session.get(Unit, assignment.unit_id)
    year_be = session.get(FiscalYear, assignment.fiscal_year_id).year_be
    if strategic is not None:
        if strategic.ministry_id != unit.ministry_id:
            raise KpiDeskError(f"Strategic KPI {strategic.code} เป็นของกระทรวงอื่น เชื่อมโยงไม่ได้",
                               "a strategic KPI of another ministry")
        if not strategic.plan_from <= year_be <= strategic.plan_to:
            raise KpiDeskError(f"Strategic KPI {strategic.code} ใช้ในแผนปี {strategic.plan_from}–{strategic.plan_to} "
                               f"ไม่ครอบคลุมปี {year_be}", "strategic KPI not in force that year")
    if joint_main is not None:
        agenda = session.get(JointAgenda, joint_main.agenda_id)
        if agenda.fiscal_year_id != assignment.fiscal_year_id:
            raise KpiDeskError("ตัวชี้วัดหลัก Joint KPIs นี้เป็นของปีงบประมาณอื่น", "joint main indicator of another year")
    assignment = session.get(Assignment, assignment.id)
    assignment.link = STRATEGIC if strategic else JOINT if joint_main else FUNCTIONAL
    assignment.strategic_kpi_id = strategic.id if strategic else None
    assignment.joint_main_id = joint_main.id if joint_main else None
    session.add(assignment)
    session.flush()
    return assignment


def link_from_catalogue(session: Session, fy: FiscalYear, unstated: tuple[str, ...] = ()) -> int:
    """Link each of the year's indicators as its catalogue entry says: to the Strategic KPI of the same code
    as the one it was drawn from, to the first main indicator of its Joint KPI agenda when that agenda is the
    year's, else functional (an indicator of another year's agenda is left unstated). Units whose codes are
    in ``unstated`` are left for the secretariat. Returns how many were linked."""
    from app.models import Indicator
    by_code = {k.code: k for k in strategic_kpis_of(session)}
    mains = {agenda.id: session.exec(select(JointMainIndicator).where(JointMainIndicator.agenda_id == agenda.id)
                                     .order_by(JointMainIndicator.number)).first()
             for agenda in session.exec(select(JointAgenda).where(JointAgenda.fiscal_year_id == fy.id))}
    linked = 0
    for a in session.exec(select(Assignment).where(Assignment.fiscal_year_id == fy.id)).all():
        if session.get(Unit, a.unit_id).code in unstated:
            continue
        ind = session.get(Indicator, a.indicator_id)
        drawn_from = session.get(Indicator, ind.strategic_id).code if ind.strategic_id else None
        if drawn_from in by_code:
            link_assignment(session, a, strategic=by_code[drawn_from])
        elif mains.get(ind.joint_agenda_id) is not None:
            link_assignment(session, a, joint_main=mains[ind.joint_agenda_id])
        elif ind.joint_agenda_id is None:
            link_assignment(session, a, functional=True)
        else:
            continue
        linked += 1
    return linked


FUNCTIONAL_LABEL = "ตามภารกิจ"


def strategic_label(code: str) -> str:
    return f"Strategic KPI {code}"


def joint_label(agenda_number: int, main_number: int) -> str:
    return f"Joint KPIs ประเด็นที่ {agenda_number} ({main_number})"


def link_labels(session: Session, assignments: list[Assignment]) -> dict[uuid.UUID, str]:
    """How each assignment's link reads in a grid and in a workbook: "Strategic KPI S-01",
    "Joint KPIs ประเด็นที่ 2 (1)", "ตามภารกิจ", or "" while unstated (``link_targets`` reads them back)."""
    kpis = {k.id: k.code for k in session.exec(select(StrategicKpi)).all()} if any(a.strategic_kpi_id for a in assignments) else {}
    mains = {}
    joint_ids = {a.joint_main_id for a in assignments if a.joint_main_id}
    if joint_ids:
        for m, agenda in session.exec(select(JointMainIndicator, JointAgenda)
                                      .join(JointAgenda, JointAgenda.id == JointMainIndicator.agenda_id)
                                      .where(JointMainIndicator.id.in_(joint_ids))).all():
            mains[m.id] = joint_label(agenda.number, m.number)
    out = {}
    for a in assignments:
        if a.link == STRATEGIC:
            out[a.id] = strategic_label(kpis.get(a.strategic_kpi_id, ""))
        elif a.link == JOINT:
            out[a.id] = mains.get(a.joint_main_id, "Joint KPIs")
        elif a.link == FUNCTIONAL:
            out[a.id] = FUNCTIONAL_LABEL
        else:
            out[a.id] = ""
    return out


def link_targets(session: Session, fiscal_year_id: uuid.UUID) -> dict[str, tuple[str, uuid.UUID | None, str]]:
    """Every link an indicator of the year may take, by the label a workbook cell carries:
    label → (kind, id, full description)."""
    fy = session.get(FiscalYear, fiscal_year_id)
    out = {FUNCTIONAL_LABEL: (FUNCTIONAL, None, "ตัวชี้วัดตามภารกิจ ไม่เชื่อมโยงกับ Strategic KPIs หรือ Joint KPIs")}
    for k in strategic_kpis_of(session, fy.year_be):
        out[strategic_label(k.code)] = (STRATEGIC, k.id, k.name_th)
    for m, agenda in session.exec(select(JointMainIndicator, JointAgenda)
                                  .join(JointAgenda, JointAgenda.id == JointMainIndicator.agenda_id)
                                  .where(JointAgenda.fiscal_year_id == fiscal_year_id)
                                  .order_by(JointAgenda.number, JointMainIndicator.number)).all():
        out[joint_label(agenda.number, m.number)] = (JOINT, m.id, f"{agenda.name_th}: {m.name_th}")
    return out


def read_link(session: Session, fiscal_year_id: uuid.UUID, text: str,
              options: dict | None = None) -> tuple[str, uuid.UUID | None] | None:
    """A workbook cell's link label as (kind, id); None for a blank cell (the link stays as it is);
    a Thai refusal naming the labels that may be used."""
    label = " ".join(str(text or "").split())
    if not label:
        return None
    options = link_targets(session, fiscal_year_id) if options is None else options
    found = options.get(label) or next((v for k, v in options.items() if k.casefold() == label.casefold()), None)
    if found is None:
        raise KpiDeskError(f"ไม่รู้จักการเชื่อมโยง “{label}” ของปีนี้ (ใช้ได้: {', '.join(list(options)[:8])}"
                           f"{' …' if len(options) > 8 else ''})", "unknown link")
    return found[0], found[1]


def link_choices(session: Session, fiscal_year_id: uuid.UUID) -> list[tuple[str, str, uuid.UUID | None]]:
    """What an indicator of the year may be linked to: (label, kind, id) — functional first, then the
    Strategic KPIs in force, then the year's Joint KPI main indicators."""
    fy = session.get(FiscalYear, fiscal_year_id)
    out = [("ตามภารกิจ (ไม่เชื่อมโยง)", FUNCTIONAL, None)]
    out += [(f"Strategic KPI {k.code} {k.name_th}", STRATEGIC, k.id) for k in strategic_kpis_of(session, fy.year_be)]
    for m, agenda in session.exec(select(JointMainIndicator, JointAgenda)
                                  .join(JointAgenda, JointAgenda.id == JointMainIndicator.agenda_id)
                                  .where(JointAgenda.fiscal_year_id == fiscal_year_id)
                                  .order_by(JointAgenda.number, JointMainIndicator.number)).all():
        out.append((f"Joint KPIs ประเด็นที่ {agenda.number} ({m.number}) {m.name_th}", JOINT, m.id))
    return out


def set_link(session: Session, assignment_id: uuid.UUID, kind: str, target_id: uuid.UUID | None) -> Assignment:
    """``link_assignment`` by the ids a window or a file carries."""
    a = lookup.assignment(session, assignment_id)
    if kind == STRATEGIC:
        return link_assignment(session, a, strategic=lookup.get(session, StrategicKpi, target_id, "Strategic KPI"))
    if kind == JOINT:
        return link_assignment(session, a, joint_main=lookup.get(session, JointMainIndicator, target_id,
                                                                   "ตัวชี้วัดหลัก Joint KPIs"))
    return link_assignment(session, a, functional=True)


@dataclass(frozen=True)
class StrategicRow:
    """A Strategic KPI with one year's target and monitored result, as the window and the reports show it."""

    id: uuid.UUID
    code: str
    name_th: str
    unit_of_measure: str
    plan_from: int
    plan_to: int
    target: str = ""
    target_value: Decimal | None = None
    result_value: Decimal | None = None
    cascaded: int = 0           # the year's department indicators linked to it


def strategic_rows(session: Session, year_be: int) -> list[StrategicRow]:
    """The Strategic KPIs in force in ``year_be`` with that year's target, result and cascade count."""
    kpis = strategic_kpis_of(session, year_be)
    targets = {t.strategic_kpi_id: t for t in session.exec(select(StrategicTarget).where(
        StrategicTarget.year_be == year_be, StrategicTarget.strategic_kpi_id.in_([k.id for k in kpis])))}
    fy = session.exec(select(FiscalYear).where(FiscalYear.year_be == year_be)).first()
    linked: dict = {}
    if fy is not None:
        for kpi_id in session.exec(select(Assignment.strategic_kpi_id).where(
                Assignment.fiscal_year_id == fy.id, Assignment.link == STRATEGIC, Assignment.withdrawn_on.is_(None))):
            linked[kpi_id] = linked.get(kpi_id, 0) + 1
    out = []
    for k in kpis:
        t = targets.get(k.id)
        out.append(StrategicRow(k.id, k.code, k.name_th, k.unit_of_measure, k.plan_from, k.plan_to,
                                t.target if t else "", t.target_value if t else None, t.result_value if t else None,
                                linked.get(k.id, 0)))
    return out


def strategic_kpis_of(session: Session, year_be: int | None = None) -> list[StrategicKpi]:
    """The ministry's Strategic KPIs (those in force in ``year_be`` when given), in their order."""
    rows = session.exec(select(StrategicKpi).order_by(StrategicKpi.sort_order, StrategicKpi.code)).all()
    return [k for k in rows if year_be is None or k.plan_from <= year_be <= k.plan_to]


@dataclass
class CascadeLine:
    """Counts and percentages of one scope (a department, or the whole ministry)."""

    name: str
    counts: dict[str, int]
    shares: dict[str, Decimal]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Cascade:
    year_be: int
    strategic_cascaded: list[StrategicKpi] = field(default_factory=list)
    strategic_not_cascaded: list[StrategicKpi] = field(default_factory=list)
    strategic_share: Decimal = Decimal("0.00")
    units: list[CascadeLine] = field(default_factory=list)
    total: CascadeLine | None = None
    origin: dict[str, int] = field(default_factory=dict)        # distinct indicators: from the KPI Basket / proposed
    evaluation: dict[str, int] = field(default_factory=dict)    # distinct indicators: evaluated / Monitor only

    def to_dict(self) -> dict:
        line = lambda c: {"name": c.name, "indicators": c.total, "counts": c.counts,  # noqa: E731
                          "percent": {k: f"{v:.2f}" for k, v in c.shares.items()}}
        return {"year": self.year_be,
                "strategic_kpis": {"total": len(self.strategic_cascaded) + len(self.strategic_not_cascaded),
                                   "cascaded": [k.code for k in self.strategic_cascaded],
                                   "not_cascaded": [k.code for k in self.strategic_not_cascaded],
                                   "cascaded_percent": f"{self.strategic_share:.2f}"},
                "departments": [line(u) for u in self.units], "ministry": line(self.total),
                "origin": self.origin, "evaluation": self.evaluation}


def cascade(session: Session, year_be: int) -> Cascade:
    """The year's cascade: every distinct department indicator counted once in the class of its link
    (an indicator several departments share, as a Joint KPI often is, counts once in the ministry's total)."""
    fy = lookup.year(session, year_be)
    rows = session.exec(select(Assignment, Unit).join(Unit, Unit.id == Assignment.unit_id)
                        .where(Assignment.fiscal_year_id == fy.id, Assignment.withdrawn_on.is_(None))
                        .order_by(Unit.sort_order, Unit.code)).all()
    out = Cascade(year_be)
    kpis = strategic_kpis_of(session, year_be)
    linked = {a.strategic_kpi_id for a, _u in rows if a.link == STRATEGIC}
    out.strategic_cascaded = [k for k in kpis if k.id in linked]
    out.strategic_not_cascaded = [k for k in kpis if k.id not in linked]
    out.strategic_share = percentages({"c": len(out.strategic_cascaded), "n": len(out.strategic_not_cascaded)})["c"] \
        if kpis else Decimal("0.00")
    per_unit: dict[uuid.UUID, tuple[str, dict[uuid.UUID, str]]] = {}
    ministry: dict[uuid.UUID, str] = {}
    for a, unit in rows:
        name, seen = per_unit.setdefault(unit.id, (unit.name_th, {}))
        seen[a.indicator_id] = _stronger(seen.get(a.indicator_id), a.link)
        ministry[a.indicator_id] = _stronger(ministry.get(a.indicator_id), a.link)
    out.units = [_line(name, seen) for name, seen in per_unit.values()]
    out.total = _line("รวมทั้งกระทรวง", ministry)
    from app.models import Indicator
    basket = {i.id: i.from_basket for i in session.exec(select(Indicator).where(Indicator.id.in_(list(ministry))))}
    evaluated = {a.indicator_id for a, _u in rows if not a.monitor}
    out.origin = {"basket": sum(1 for i in ministry if basket.get(i)), "proposed": sum(1 for i in ministry if not basket.get(i))}
    out.evaluation = {"evaluated": len(evaluated), "monitor": len(set(ministry) - evaluated)}
    return out


def _stronger(current: str | None, new: str) -> str:
    """One class for an indicator linked differently by two departments: strategic, then joint, then
    functional, then unstated."""
    order = {STRATEGIC: 0, JOINT: 1, FUNCTIONAL: 2, "": 3}
    return new if current is None or order[new] < order[current] else current


def _line(name: str, classes: dict) -> CascadeLine:
    counts = {c: 0 for c in LINK_CLASSES}
    for link in classes.values():
        counts[link] += 1
    return CascadeLine(name, counts, percentages(counts))

