"""A whole fiscal year as plain rows and back: what ``kpi-desk export`` writes and what importing an
export into a database without that year recreates (the Excel layout itself lives in ``app.io.export``).

Rows are dicts of column → value with codes in place of ids; scores are computed for reading, never
taken back. Recreating writes through the models here, in the caller's one transaction, and checks the
rounds' approval and lock through ``framework`` so a recreated locked round has its snapshot.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import insert
from sqlmodel import Session, select

from app.domain.thai_text import parse_decimal, two_places
from app.models import (Assignment, ChangeRequest, Committee, CommitteeMember, FiscalYear, FrameworkComponent,
                        Indicator, IndicatorKind, JointAgenda, JointLeadAgency, JointMainIndicator, JointSubIndicator,
                        Ministry, Result, Round, StrategicKpi, StrategicTarget, Unit)
from app.models.audit import audit_bulk_insert
from app.models.base import utcnow
from app.models.enums import DIRECTION_TH, Direction
from app.services import framework, lookup
from app.services.scoring import score_round

def fields(row) -> dict:
    """A row's columns as stored (enum-typed fields hold plain strings here)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def _d(text):
    return date.fromisoformat(str(text)[:10]) if text not in (None, "") else None


def _dec(value):
    return parse_decimal(value)


def _s(value) -> str:
    return "" if value is None else str(value)


def year_tables(session: Session, year_be: int) -> dict[str, list[dict]]:
    """Every table of a fiscal year as plain rows (column → value; codes instead of ids), by entity."""
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
    from app.services.strategy import link_labels, strategic_kpis_of
    links = link_labels(session, assignments)
    kpis = strategic_kpis_of(session, year_be)
    kpi_code = {k.id: k.code for k in kpis}

    return {
        "strategic_kpis": [fields(k) for k in kpis],
        "strategic_targets": sorted(({**fields(t), "kpi": kpi_code[t.strategic_kpi_id]} for t in session.exec(
            select(StrategicTarget).where(StrategicTarget.strategic_kpi_id.in_(list(kpi_code))))),
            key=lambda r: (r["year_be"], r["kpi"])),
        "year": [fields(fy)],
        "ministry": [fields(ministry)],
        "units": [fields(u) for u in units],
        "committee": [fields(committee)] if committee else [],
        "members": [{**fields(m), "unit": code_of_unit.get(m.unit_id, "")} for m in session.exec(
            select(CommitteeMember).where(CommitteeMember.committee_id == committee.id)
            .order_by(CommitteeMember.sort_order))] if committee else [],
        "framework": [{**fields(c), "parent": comp_code.get(c.parent_id, "")} for c in comps],
        "rounds": [fields(r) for r in rounds],
        "catalogue": [{**fields(i), "direction": i.direction, "kind": i.kind,
                            "strategic": by_id[i.strategic_id].code if i.strategic_id else "",
                            "joint_agenda": agenda_no.get(i.joint_agenda_id, "")} for i in indicators if i.id in used],
        "assignments": [{**fields(a), "unit": code_of_unit[a.unit_id], "indicator": by_id[a.indicator_id].code,
                          "name": by_id[a.indicator_id].name_th, "kind": by_id[a.indicator_id].kind,
                          "component": comp_code[a.component_id], "unit_of_measure": by_id[a.indicator_id].unit_of_measure,
                          "direction": DIRECTION_TH[Direction(by_id[a.indicator_id].direction)],
                          "link": links[a.id]} for a in assignments],
        "results": [{**fields(r), "round": rnd.months, "unit": assignment_key[r.assignment_id][0],
                "indicator": assignment_key[r.assignment_id][1]}
               for rnd in rounds for r in session.exec(select(Result).where(Result.round_id == rnd.id))
               if r.assignment_id in assignment_key],
        "scores": [{"round": rnd.months, "unit": u.unit_code, "name": u.unit_name, "score": two_places(u.score) if u.has_score else None,
                   "grade": u.verdict[0], "missing": len(u.missing)}
                  for rnd in rounds for u in score_round(session, year_be=year_be, months=rnd.months).units],
        "joint_agendas": [fields(a) for a in agendas],
        "joint_mains": sorted(({**fields(m), "agenda": agenda_no[m.agenda_id]} for m in session.exec(
            select(JointMainIndicator).where(JointMainIndicator.agenda_id.in_(agenda_no)))),
            key=lambda r: (r["agenda"], r["number"])),
        "joint_leads": [{**fields(m), "agenda": agenda_no[m.agenda_id], "unit": code_of_unit.get(m.unit_id, "")}
                               for m in session.exec(select(JointLeadAgency).where(JointLeadAgency.agenda_id.in_(agenda_no))
                                                     .order_by(JointLeadAgency.agency_name))],
        "joint_subs": [{**fields(m), "agenda": agenda_no[m.agenda_id], "unit": code_of_unit.get(m.unit_id, ""),
                                 "indicator": assignment_key.get(m.assignment_id, ("", ""))[1]}
                                for m in session.exec(select(JointSubIndicator).where(JointSubIndicator.agenda_id.in_(agenda_no))
                                                      .order_by(JointSubIndicator.holder_name, JointSubIndicator.name_th))],
        "change_requests": [{**fields(c), "unit": assignment_key[c.assignment_id][0],
                             "indicator": assignment_key[c.assignment_id][1],
                             "round": next(r.months for r in rounds if r.id == c.round_id)}
                            for c in session.exec(select(ChangeRequest).order_by(ChangeRequest.created_at))
                            if c.assignment_id in assignment_key],
    }


def recreate_frame(s: Session, data: dict, year_be: int, grade_floors: str) -> FiscalYear:
    """Ministry (when the database has none), units, committee, the year with its framework and rounds,
    Joint KPI agendas and the catalogue's indicators, from an export's rows (``year_tables``' keys with
    (row number, values) pairs; yes/no cells already as booleans). The assignments come next (the Excel importer's ministry-wide rules),
    then ``recreate_rest``."""

    ministry = s.exec(select(Ministry)).first()
    if ministry is None:
        (_n, m), = data["ministry"]
        ministry = Ministry(code=_s(m["code"]), name_th=_s(m["name_th"]), name_en=_s(m.get("name_en")),
                            short_name=_s(m.get("short_name")))
        s.add(ministry)
        s.flush()
    units = {u.code: u for u in s.exec(select(Unit))}
    for _n, u in data["units"]:
        if _s(u["code"]) not in units:
            unit = Unit(ministry_id=ministry.id, code=_s(u["code"]), name_th=_s(u["name_th"]), short_name=_s(u.get("short_name")),
                        name_en=_s(u.get("name_en")), kind=_s(u.get("kind")) or "department",
                        sort_order=int(_dec(u.get("sort_order")) or 0))
            s.add(unit)
            units[unit.code] = unit
    s.flush()
    if data["committee"] and s.exec(select(Committee)).first() is None:
        (_n, c), = data["committee"][:1]
        committee = Committee(ministry_id=ministry.id, name_th=_s(c["name_th"]), appointment_ref=_s(c.get("appointment_ref")),
                              appointed_on=_d(c.get("appointed_on")))
        s.add(committee)
        s.flush()
        for order, (_n, m) in enumerate(data["members"]):
            s.add(CommitteeMember(committee_id=committee.id, person_name=_s(m["person_name"]), position=_s(m.get("position")),
                                  role=_s(m.get("role")) or "member", unit_id=units[_s(m["unit"])].id if m.get("unit") else None,
                                  term_start=_d(m.get("term_start")), term_end=_d(m.get("term_end")), sort_order=order))
    kpis = {k.code: k for k in s.exec(select(StrategicKpi))}
    for _n, k in data.get("strategic_kpis", []):
        if _s(k["code"]) not in kpis:
            kpi = StrategicKpi(ministry_id=ministry.id, code=_s(k["code"]), name_th=_s(k["name_th"]),
                               unit_of_measure=_s(k.get("unit_of_measure")), plan_from=int(_dec(k["plan_from"])),
                               plan_to=int(_dec(k["plan_to"])), sort_order=int(_dec(k.get("sort_order")) or 0))
            s.add(kpi)
            kpis[kpi.code] = kpi
    s.flush()
    have = {(t.strategic_kpi_id, t.year_be) for t in s.exec(select(StrategicTarget))}
    for _n, t in data.get("strategic_targets", []):
        kpi = kpis[_s(t["kpi"])]
        if (kpi.id, int(_dec(t["year_be"]))) not in have:
            s.add(StrategicTarget(strategic_kpi_id=kpi.id, year_be=int(_dec(t["year_be"])), target=_s(t.get("target")),
                                  target_value=_dec(t.get("target_value")), result_value=_dec(t.get("result_value"))))
    from app.domain.calendar import fiscal_year_bounds
    start, end = fiscal_year_bounds(year_be)
    fy = FiscalYear(year_be=year_be, starts_on=start, ends_on=end, grade_floors=framework.checked_floors(grade_floors))
    s.add(fy)
    s.flush()
    comp_ids = {}
    for order, (_n, c) in enumerate(data["framework"]):
        comp = FrameworkComponent(fiscal_year_id=fy.id, parent_id=comp_ids.get(_s(c.get("parent"))), code=_s(c["code"]),
                                  name_th=_s(c["name_th"]), name_en=_s(c.get("name_en")), weight=_dec(c.get("weight")),
                                  kinds=_s(c.get("kinds")), rounds=_s(c.get("rounds")), sort_order=order,
                                  takes=_s(c.get("takes")) or "targets")
        s.add(comp)
        s.flush()
        comp_ids[comp.code] = comp.id
    for _n, r in data["rounds"]:
        s.add(Round(fiscal_year_id=fy.id, months=int(_dec(r["months"])), starts_on=_d(r["starts_on"]),
                    ends_on=_d(r["ends_on"]), opdc_due_on=_d(r.get("opdc_due_on"))))
    agendas = {}
    for _n, a in data["joint_agendas"]:
        agenda = JointAgenda(fiscal_year_id=fy.id, number=int(_dec(a["number"])), name_th=_s(a["name_th"]),
                             name_en=_s(a.get("name_en")), national_sub_count=int(_dec(a["national_sub_count"]))
                             if a.get("national_sub_count") not in (None, "") else None)
        s.add(agenda)
        agendas[agenda.number] = agenda
    s.flush()
    catalogue = {i.code: i for i in s.exec(select(Indicator))}
    pending_links = []
    for _n, i in data["catalogue"]:
        code = _s(i["code"])
        if code in catalogue:
            continue
        ind = Indicator(code=code, name_th=_s(i["name_th"]), name_en=_s(i.get("name_en")), definition=_s(i.get("definition")),
                        unit_of_measure=_s(i.get("unit_of_measure")), direction=_s(i.get("direction")) or "higher",
                        kind=_s(i.get("kind")) or IndicatorKind.FUNCTIONAL, monitor=i.get("monitor") is True,
                        step=i.get("step") is True, cumulative=i.get("cumulative") is True,
                        from_basket=i.get("from_basket") is True,
                        joint_agenda_id=agendas[int(_dec(i["joint_agenda"]))].id if i.get("joint_agenda") not in (None, "") else None)
        s.add(ind)
        catalogue[code] = ind
        if i.get("strategic"):
            pending_links.append((ind, _s(i["strategic"])))
    s.flush()
    for ind, strategic in pending_links:
        ind.strategic_id = catalogue[strategic].id
    s.flush()
    return fy


def recreate_rest(s: Session, data: dict, fy: FiscalYear, links=None) -> list[tuple[str, int, str, str]]:
    """Results, Joint KPIs, change requests and the rounds' statuses of an export, once the year's
    assignments exist; ``links(s)`` sets the indicators' links once the Joint KPIs exist and before a
    round is approved. Returns (entity, row, column, Thai reason) for the rows refused."""
    problems = []
    agendas = {a.number: a for a in s.exec(select(JointAgenda).where(JointAgenda.fiscal_year_id == fy.id))}
    units = {u.code: u for u in s.exec(select(Unit))}
    rounds = {r.months: r for r in s.exec(select(Round).where(Round.fiscal_year_id == fy.id))}
    s.flush()
    assignment = {(units_code, ind_code): a for a, units_code, ind_code in (
        (a, u.code, i.code) for a, u, i in s.exec(
            select(Assignment, Unit, Indicator).join(Unit, Unit.id == Assignment.unit_id)
            .join(Indicator, Indicator.id == Assignment.indicator_id).where(Assignment.fiscal_year_id == fy.id)))}
    results, now = [], utcnow()
    for number, r in data["results"]:
        a = assignment.get((_s(r["unit"]), _s(r["indicator"])))
        if a is None:
            problems.append(("results", number, "รหัสตัวชี้วัด", "ไม่พบตัวชี้วัดนี้ของหน่วยงานในแผ่นงานตัวชี้วัดทั้งกระทรวง"))
            continue
        try:
            actual = _dec(r.get("actual"))
        except ValueError as exc:
            problems.append(("results", number, "ผลการดำเนินงาน", str(exc)))
            continue
        results.append({"id": uuid.uuid4(), "created_at": now, "updated_at": now, "assignment_id": a.id,
                        "round_id": rounds[int(_dec(r["round"]))].id, "actual": actual, "note": _s(r.get("note")),
                        "evidence_ref": _s(r.get("evidence_ref")), "recorded_by": _s(r.get("recorded_by")),
                        "recorded_at": None, "verified_actual": _dec(r.get("verified_actual")),
                        "verified_source": _s(r.get("verified_source")), "verified_by": _s(r.get("verified_by")),
                        "verified_at": None, "source_ref": _s(r.get("source_ref")),
                        "source_date": _d(r.get("source_date"))})
    if results:
        s.execute(insert(Result.__table__), results)
        audit_bulk_insert(s, Result.__table__, results)
    for _n, m in data["joint_mains"]:
        s.add(JointMainIndicator(agenda_id=agendas[int(_dec(m["agenda"]))].id, number=int(_dec(m["number"])),
                                 name_th=_s(m["name_th"]), target_text=_s(m.get("target_text")),
                                 target_value=_dec(m.get("target_value")), unit_of_measure=_s(m.get("unit_of_measure"))))
    for _n, m in data["joint_leads"]:
        s.add(JointLeadAgency(agenda_id=agendas[int(_dec(m["agenda"]))].id, agency_name=_s(m["agency_name"]),
                              unit_id=units[_s(m["unit"])].id if m.get("unit") else None))
    for _n, m in data["joint_subs"]:
        a = assignment.get((_s(m.get("unit")), _s(m.get("indicator"))))
        s.add(JointSubIndicator(agenda_id=agendas[int(_dec(m["agenda"]))].id, name_th=_s(m["name_th"]),
                                holder_name=_s(m["holder_name"]), holder_kind=_s(m.get("holder_kind")) or "department",
                                unit_id=units[_s(m["unit"])].id if m.get("unit") else None,
                                assignment_id=a.id if a else None, value_chain=_s(m.get("value_chain"))))
    for number, c in data["change_requests"]:
        a = assignment.get((_s(c["unit"]), _s(c["indicator"])))
        if a is None:
            problems.append(("change_requests", number, "รหัสตัวชี้วัด", "ไม่พบตัวชี้วัดของคำขอนี้"))
            continue
        s.add(ChangeRequest(assignment_id=a.id, round_id=rounds[int(_dec(c["round"]))].id, reason=_s(c["reason"]),
                            reason_text=_s(c.get("reason_text")), proposal=_s(c.get("proposal")),
                            proposed_weight=_dec(c.get("proposed_weight")), proposed_base=_dec(c.get("proposed_base")),
                            proposed_standard=_dec(c.get("proposed_standard")),
                            proposed_advanced=_dec(c.get("proposed_advanced")), submitted_on=_d(c.get("submitted_on")),
                            decision=_s(c.get("decision")) or "pending", decided_on=_d(c.get("decided_on")),
                            decision_note=_s(c.get("decision_note")), sent_to_opdc_on=_d(c.get("sent_to_opdc_on"))))
    s.flush()
    if links is not None:
        links(s)
    for _n, r in data["rounds"]:
        status, note = _s(r.get("status")) or "open", _s(r.get("status_note"))
        rnd = rounds[int(_dec(r["months"]))]
        if status in ("approved", "locked"):
            framework.approve_round(s, rnd, reason=note or "สถานะตามไฟล์ส่งออกที่นำเข้า")
        if status == "locked":
            framework.lock_round(s, rnd)
    return problems
