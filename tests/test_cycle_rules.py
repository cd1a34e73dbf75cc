"""The rules of the cycle one by one: change requests of every kind, attendance in any order, early
warning only where due, what-if in the targets' precision, one rounding rule."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from sqlmodel import select

from app.domain.early_warning import Signal, warn_unit
from app.domain.unit_score import ComponentSpec, Framework, IndicatorLine, score_unit
from app.domain.whatif import plan_next_grade
from app.errors import KpiDeskError, ValidationError
from app.models import Assignment, Attendance, ChangeReason
from app.models.enums import ChangeKind
from app.services import change_requests, lookup, meetings
from app.services.grid import assignment_rows
from app.services.report_data import meeting_by_ref, minutes_data
from app.services.scoring import score_round


def assignment_of(s, code, year=2567):
    return s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, code).id,
                                           Assignment.fiscal_year_id == lookup.year(s, year).id)).one()


def submit_and_approve(store, **kw):
    with store.transaction() as s:
        rnd = lookup.round_of(s, 2567, 12)
        request = change_requests.submit_change_request(s, rnd=rnd, reason=ChangeReason.POLICY_CHANGE, **{
            k: (v(s) if callable(v) else v) for k, v in kw.items()})
        change_requests.decide_change_request(s, request, approve=True, decided_on=rnd.ends_on)


def test_a_request_changes_monitor_name_definition_and_six_month_targets(demo_store):
    with demo_store.reading() as s:
        six_before = {u.unit_code: u.score for u in score_round(s, year_be=2567, months=6).units}
    submit_and_approve(demo_store, assignment=lambda s: assignment_of(s, "PCD-03"), proposed_monitor=True,
                       proposed_name="ร้อยละของแหล่งน้ำผิวดินที่มีคุณภาพน้ำดี (ปรับปรุง)",
                       proposed_definition="นับเฉพาะแหล่งน้ำที่ตรวจวัดครบ ๔ ครั้ง")
    submit_and_approve(demo_store, assignment=lambda s: assignment_of(s, "PCD-02"),
                       proposed_targets_6=("30", "35", "40"))
    with demo_store.reading() as s:
        a3, a2 = assignment_of(s, "PCD-03"), assignment_of(s, "PCD-02")
        assert a3.monitor and a3.weight == 0
        assert lookup.indicator(s, "PCD-03").name_th.endswith("(ปรับปรุง)")
        assert lookup.indicator(s, "PCD-03").definition.startswith("นับเฉพาะ")
        assert (a2.base_6, a2.standard_6, a2.advanced_6) == (D(30), D(35), D(40))
        assert {u.unit_code: u.score for u in score_round(s, year_be=2567, months=6).units} == six_before


def test_a_request_adds_and_withdraws_indicators(demo_store):
    submit_and_approve(demo_store, kind=ChangeKind.ADD, unit=lambda s: lookup.unit(s, "PCD"),
                       indicator=lambda s: lookup.indicator(s, "DGR-01"), proposed_weight="5",
                       proposed_base="1", proposed_standard="2", proposed_advanced="3")
    submit_and_approve(demo_store, kind=ChangeKind.WITHDRAW, assignment=lambda s: assignment_of(s, "PCD-04"))
    with demo_store.reading() as s:
        codes = [r.indicator_code for r in assignment_rows(s, lookup.year(s, 2567).id, lookup.unit(s, "PCD").id)]
        twelve = next(u for u in score_round(s, year_be=2567, months=12).units if u.unit_code == "PCD")
        six = next(u for u in score_round(s, year_be=2567, months=6).units if u.unit_code == "PCD")
    assert "DGR-01" in codes and "PCD-04" not in codes
    assert "PCD-04" not in [ln.line.code for ln in twelve.lines]
    assert "PCD-04" in [ln.line.code for ln in six.lines]            # the locked round keeps its snapshot
    with pytest.raises(KpiDeskError):                                 # a withdrawn indicator takes no request
        with demo_store.transaction() as s:
            change_requests.submit_change_request(s, rnd=lookup.round_of(s, 2567, 12), reason="budget",
                                                  assignment=assignment_of(s, "PCD-04"), proposed_weight="5")


@pytest.mark.parametrize("proposal", [dict(proposed_targets_6=("30", None, "40")), dict(proposed_base="90",
                          proposed_standard="85", proposed_advanced="80"), dict()])
def test_a_proposal_is_checked_when_recorded(demo_store, proposal):
    with pytest.raises((KpiDeskError, ValidationError)):
        with demo_store.transaction() as s:
            change_requests.submit_change_request(s, rnd=lookup.round_of(s, 2567, 12), reason="budget",
                                                  assignment=assignment_of(s, "PCD-02"), **proposal)


def test_attendance_typed_in_any_order_keeps_everything(demo_store):
    with demo_store.transaction() as s:
        m = meeting_by_ref(s, "2/2567")
        member = meetings.roster(s, m)[3]
        meetings.set_attendance(s, meeting=m, member=member, reason="ไปราชการต่างจังหวัด")
        meetings.set_attendance(s, meeting=m, member=member, substitute_name="นายแทน ชั่วคราว")
        meetings.set_attendance(s, meeting=m, member=member, status=Attendance.ABSENT)
        absent = [ln for ln in minutes_data(s, m).absent if ln.name == member.person_name][0]
        assert absent.reason == "ไปราชการต่างจังหวัด"
        meetings.set_attendance(s, meeting=m, member=member, status=Attendance.SUBSTITUTE,
                                substitute_position="รองอธิบดี")
        present = [ln for ln in minutes_data(s, m).present if ln.substitute_for == member.person_name][0]
        assert (present.name, present.position) == ("นายแทน ชั่วคราว", "รองอธิบดี")
        meetings.set_attendance(s, meeting=m, member=member, status=Attendance.UNRECORDED)
        assert meetings.attendance_problems(s, m) == [f"ยังไม่ได้บันทึกการมาประชุมของ {member.person_name}"]
        assert any(ln.reason == "ไม่ได้บันทึกการมาประชุม" for ln in minutes_data(s, m).absent)


FW = Framework([ComponentSpec("1", "ประสิทธิผล", D(70), None, frozenset({6, 12})),
                ComponentSpec("2", "ศักยภาพ", D(30), None, frozenset({12}))])


def test_early_warning_expects_only_what_is_due_and_keeps_steps_whole():
    lines = [IndicatorLine("a", "ตามภารกิจ", "1", D(70), D(10), D(20), D(30), D(12), cumulative=True),
             IndicatorLine("b", "ขั้นความสำเร็จ", "1", D(0), D(1), D(3), D(5), D("2.6"), monitor=True),
             IndicatorLine("c", "ระดับขั้น", "1", D(10), D(1), D(3), D(5), D("3.7"), step=True, cumulative=True),
             IndicatorLine("d", "ดิจิทัล", "2", D(20), D(1), D(2), D(3), None)]
    unit = warn_unit("X", "หน่วยทดสอบ", lines, FW)
    signals = {w.line.key: (w.signal, w.projected) for w in unit.warnings}
    assert signals["a"] == (Signal.ON_TRACK, D(24))                # cumulative: doubled
    assert signals["c"] == (Signal.ON_TRACK, D(3))                  # a step: kept whole, never doubled
    assert signals["d"] == (Signal.NOT_DUE, None)                  # Potential is not due at six months
    assert "b" not in signals


def test_what_if_asks_in_the_targets_precision_and_reaches_the_grade():
    for targets, higher in (((D("0.00001"), D("0.00002"), D("0.00003")), True),
                            ((D("0.00003"), D("0.00002"), D("0.00001")), False)):
        lines = [IndicatorLine("a", "ละเอียด", "1", D(70), *targets, targets[0]),
                 IndicatorLine("b", "ทั่วไป", "1", D(30), D(10), D(20), D(30), D(10))]
        unit = score_unit(lines, [ComponentSpec("1", "ประสิทธิผล", D(100), None, frozenset({12}))], 12)
        plan = plan_next_grade(unit, [ComponentSpec("1", "ประสิทธิผล", D(100), None, frozenset({12}))])
        assert plan.reachable
        for change in plan.improvements:
            exponent = change.new_actual.as_tuple().exponent
            assert exponent >= -5 and change.new_actual != 0
        rescored = score_unit([IndicatorLine(ln.key, ln.name, ln.component_code, ln.weight, ln.base, ln.standard,
                                             ln.advanced, next((c.new_actual for c in plan.improvements
                                                                if c.scored.line.key == ln.key), ln.actual))
                               for ln in lines], [ComponentSpec("1", "ประสิทธิผล", D(100), None, frozenset({12}))], 12)
        assert rescored.score >= plan.target.floor


def test_score_json_carries_the_warnings(demo_path):
    from tests.clirun import run_cli
    out = run_cli("score", "--db", demo_path, "--year", "2567", "--round", "12", "--json", "--warnings").stdout
    doc = json.loads(out)
    ops = next(u for u in doc["warnings"] if u["code"] == "OPS")
    assert {i["signal"] for i in ops["indicators"]} >= {"at_risk", "not_due"}
    assert all(i["signal"] != "no_data" for i in ops["indicators"] if i["code"].startswith(("DIG", "PMQA")))


def test_export_rounds_half_up_like_the_screen(demo_store, tmp_path):
    from openpyxl import load_workbook

    from app.io.export import write_export
    out = tmp_path / "e.xlsx"
    with demo_store.reading() as s:
        write_export(s, year_be=2567, out=out)
        shown = {u.unit_code: u.score for u in score_round(s, year_be=2567, months=12).units}
    ws = load_workbook(out)["คะแนน"]
    exported = {row[1]: D(str(row[3])) for row in ws.iter_rows(min_row=2, values_only=True) if row[0] == 12}
    from app.domain.thai_text import two_places
    assert exported == {code: two_places(score) for code, score in shown.items()}
    assert exported["DMCR"] == D("64.83")           # 64.825 rounds half-up, as on screen, not half-even
