"""Change records: every write says which rows, fields, units, years and rounds it changed."""

from decimal import Decimal as D

import pytest

from app.errors import KpiDeskError
from app.services import grid, lookup, organisation
from app.services.changes import ChangeSet, perform
from tests.test_hostile import WRITERS, assignment_of


def test_a_result_edit_says_what_changed(demo_store):
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
        rnd = lookup.round_of(s, 2567, 12)
        pcd = lookup.unit(s, "PCD").id
        old = grid.result_rows(s, rnd, pcd)
    before = next(r.actual for r in old if r.assignment_id == a.id)
    done = perform(demo_store, "results", grid.set_result_field, rnd, a.id, "actual", "93.5")
    ch = done.changes
    assert ch.command == "results" and ch.user
    assert ch.tables == {"result"}
    (row,) = ch.rows
    assert row.op == "update" and row.fields["actual"] == (str(before), "93.5")
    assert row.fields["recorded_by"][1] == ch.user and set(row.fields) == {"actual", "recorded_by", "recorded_at"}
    assert ch.units == {pcd} and ch.years == {2567} and ch.rounds == {(2567, 12)}
    assert ch.touches_year(2567) and not ch.touches_year(2568)


def _reopen_2567(store):
    from app.services import framework
    with store.transaction() as s:
        for months in (12, 6):
            rnd = lookup.round_of(s, 2567, months)
            if rnd.status != "open":
                framework.reopen_round(s, rnd, reason="ทดสอบ")
        return lookup.round_of(s, 2567, 6)


def test_a_target_edit_and_its_side_effects_are_recorded(demo_store):
    _reopen_2567(demo_store)
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
        weight = a.weight
    ch = perform(demo_store, "targets", grid.apply_assignment_edits, [(a.id, "monitor", True)]).changes
    (row,) = ch.rows
    assert row.table == "assignment" and row.fields["monitor"] == ("False", "True")
    assert row.fields["weight"][0] == str(weight.normalize()) or D(row.fields["weight"][0]) == weight
    assert ch.rounds == frozenset() and ch.years == {2567}


def test_inserts_and_organisation_changes(demo_store):
    with demo_store.reading() as s:
        ministry = lookup.ministry(s)
    ch = perform(demo_store, "unit", organisation.create_unit, ministry=ministry, code="NEW",
                 name_th="กรมใหม่").changes
    (row,) = ch.rows
    assert row.op == "insert" and row.fields["code"] == (None, "NEW")
    assert ch.units == {row.row_id} and ch.years == frozenset()
    assert ch.touches_year(2567)        # a unit belongs to every year


def test_a_refused_write_changes_nothing_and_a_no_op_is_empty(demo_store):
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
        rnd = lookup.round_of(s, 2567, 12)
        actual = next(r.actual for r in grid.result_rows(s, rnd, a.unit_id) if r.assignment_id == a.id)
    with pytest.raises(KpiDeskError):
        perform(demo_store, "results", grid.set_result_field, rnd, a.id, "actual", "abc")
    same = perform(demo_store, "results", grid.set_result_field, rnd, a.id, "actual", str(actual))
    assert not same.changes and same.changes.rows == ()


def test_the_record_is_serialisable(demo_store):
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
        rnd = lookup.round_of(s, 2567, 12)
    ch = perform(demo_store, "results", grid.set_result_field, rnd, a.id, "note", "ตรวจแล้ว").changes
    assert ChangeSet.from_json(ch.to_json()) == ch


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writing_service_returns_its_change_record(demo_store, name):
    """The writers of test_hostile, each on the reopened 6-month round of 2567 (where the locked-round
    test makes them refuse): each returns a record naming the year it wrote."""
    rnd = _reopen_2567(demo_store)
    from app.models import ChangeReason
    from app.services import change_requests, framework
    # Where the locked-round call would be refused on an open round for another reason, a valid one.
    call = {"framework.approve_round": lambda s, r: framework.approve_round(s, r, reason="ทดสอบ"),
            "framework.lock_round": lambda s, r: framework.lock_round(s, framework.approve_round(s, r, reason="ทดสอบ")),
            "change_requests.submit_change_request": lambda s, r: change_requests.submit_change_request(
                s, assignment=assignment_of(s, "PCD-02"), rnd=r, reason=ChangeReason.DISASTER, proposed_weight=D(5)),
            }.get(name, WRITERS[name])
    if name == "evidence.remove_evidence":      # a file attached in an earlier use case, removed in this one
        from app.services import evidence
        eid = perform(demo_store, "attach", lambda s: evidence.attach_evidence(
            s, s.get(type(rnd), rnd.id), assignment_of(s, "PCD-02").id, "a.pdf", b"%PDF")).value.id
        call = lambda s, r: evidence.remove_evidence(s, eid)  # noqa: E731
    done = perform(demo_store, name, lambda s: call(s, s.get(type(rnd), rnd.id)))
    if name == "indicators.bulk_assign":        # given no items: nothing to write
        assert not done.changes
        return
    assert done.changes and done.changes.years, name


def test_undo_and_redo_are_use_cases_built_from_the_record(demo_store):
    """Monitor on resets the weight; undoing the record puts both back, redoing applies both again, and
    each returns its own record."""
    from app.services import undo
    _reopen_2567(demo_store)
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
    weight = a.weight
    edit = perform(demo_store, "targets", grid.apply_assignment_edits, [(a.id, "monitor", True)]).changes
    back = perform(demo_store, "undo", undo.revert, edit).changes
    with demo_store.reading() as s:
        now = s.get(type(a), a.id)
        assert (now.monitor, now.weight) == (False, weight)
    assert back.rows[0].fields["monitor"] == ("True", "False")
    again = perform(demo_store, "redo", undo.reapply, edit).changes
    with demo_store.reading() as s:
        now = s.get(type(a), a.id)
        assert (now.monitor, now.weight) == (True, 0)
    assert again.rows[0].fields["monitor"] == ("False", "True")


def test_undo_is_refused_where_the_edit_would_be(demo_store):
    """An edit made while the year was open cannot be undone after a round is approved."""
    from app.services import framework, undo
    rnd = _reopen_2567(demo_store)
    with demo_store.reading() as s:
        a = assignment_of(s, "PCD-02")
    edit = perform(demo_store, "targets", grid.apply_assignment_edits, [(a.id, "base", "1")]).changes
    perform(demo_store, "approve", lambda s: framework.approve_round(s, s.get(type(rnd), rnd.id), reason="ทดสอบ"))
    with pytest.raises(KpiDeskError):
        perform(demo_store, "undo", undo.revert, edit)


def test_six_month_targets_out_of_order_are_found_by_check(demo_store):
    """The 6-month targets are judged too (they were skipped while line keys were stored text and the
    set of rows with 6-month targets held UUIDs)."""
    from app.models import Assignment
    from app.services.check import check_database
    with demo_store.transaction() as s:
        a = s.get(Assignment, assignment_of(s, "DGR-01", 2568).id)
        a.base_6, a.standard_6, a.advanced_6 = D(50), D(40), D(60)     # a "higher" indicator, out of order
    with demo_store.reading() as s:
        found = [p.th for p in check_database(s).problems if "ค่าเป้าหมายรอบ ๖ เดือน" in p.th]
    assert any("ปีงบประมาณ" in t or "2568" in t for t in found) and found, found


def test_grades_follow_the_years_bands(demo_store, tmp_path):
    """A year's bands decide its grades everywhere: scores, the results report's legend, an export and
    its re-import; once a round is approved the bands cannot move."""
    from app.errors import LockedError
    from app.io.export import write_export
    from app.io.imports import run_import
    from app.reports.render import ReportRequest, render
    from app.services import framework
    from app.services.scoring import score_round
    from app.store import open_store
    from pdftext import text
    rnd = _reopen_2567(demo_store)
    with demo_store.reading() as s:
        before = {u.unit_code: (u.score, u.grade.code) for u in score_round(s, year_be=2567, months=12).units}
    perform(demo_store, "bands", lambda s: framework.set_grade_floors(s, lookup.year(s, 2567), "80,65,50"))
    with demo_store.reading() as s:
        after = {u.unit_code: (u.score, u.grade.code) for u in score_round(s, year_be=2567, months=12).units}
        render(s, ReportRequest("results", year=2567, months=12), tmp_path / "r.pdf")
        write_export(s, year_be=2567, out=tmp_path / "e.xlsx")
    for code, (score, grade) in after.items():
        expected = "quality" if score >= 80 else "upper_standard" if score >= 65 else \
            "basic_standard" if score >= 50 else "needs_improvement"
        assert grade == expected and before[code][0] == score
    assert any(before[c][1] != after[c][1] for c in after)       # the demo has scores the bands move
    legend = " ".join(text(tmp_path / "r.pdf").split())
    assert "ตั้งแต่ 80 คะแนน" in legend and "ตั้งแต่ 65 คะแนน" in legend and "ตั้งแต่ 75" not in legend
    other = open_store(tmp_path / "other.sqlite3", create=True)
    run_import(other, tmp_path / "e.xlsx")
    with other.reading() as s:
        assert lookup.year(s, 2567).grade_floors == "80,65,50"
    other.close()
    perform(demo_store, "approve", lambda s: framework.approve_round(s, s.get(type(rnd), rnd.id), reason="ทดสอบ"))
    with pytest.raises(LockedError):
        perform(demo_store, "bands", lambda s: framework.set_grade_floors(s, lookup.year(s, 2567), "90,75,60"))


def test_the_audit_trail_names_the_command_of_each_change(demo_path, tmp_path):
    """Every audit row carries the use case: a window action, an import (with its file), a CLI command."""
    from app.services.history import history
    from app.store import open_store
    from tests.clirun import run_cli
    assert run_cli("unit", "add", "--db", demo_path, "--code", "NEWU", "--name", "กรมทดสอบประวัติ").returncode == 0
    store = open_store(demo_path)
    with store.reading() as s:
        unit = lookup.unit(s, "NEWU")
        added = history(s, "unit", unit.id, "name_th")
    assert added[0].command == "kpi-desk unit" and added[0].new == "กรมทดสอบประวัติ" and added[0].old is None
    perform(store, "units", lambda s: organisation.update_unit(s, lookup.unit(s, "NEWU"), name_th="กรมทดสอบสอง"))
    with store.reading() as s:
        latest = history(s, "unit", unit.id, "name_th")[0]
    assert (latest.command, latest.old, latest.new) == ("units", "กรมทดสอบประวัติ", "กรมทดสอบสอง")
    store.close()
