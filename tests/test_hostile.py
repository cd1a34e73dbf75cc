"""Hostile input and concurrency (issue 15): bounded numbers, guards inside the write transaction,
locked rounds that nothing alters, no live formula, a real "who", private files, recoverable journals,
and a Thai message with exit code 2 instead of any traceback."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import os
import pkgutil
import sqlite3
import stat
import subprocess
import sys
import threading
import zipfile
from decimal import Decimal as D
from pathlib import Path

import uuid

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

import app.services
from app.cli import main
from app.domain.thai_text import format_number, parse_decimal
from app.errors import KpiDeskError, LockedError, StoreError, ValidationError
from app.io.atomic import write_atomically
from app.io.importer import ImportRefused
from app.io.imports import run_import
from app.io.reader import MAX_ROWS
from app.io.template import write_template
from app.io.workbook_format import META_SHEET, RESULTS_SHEET, TARGETS_SHEET
from app.models import Assignment, AuditEntry, ChangeReason, Result, Round, RoundStatus
from app.services import basket, change_requests, sync, evidence, framework, grid, indicators, lookup, results, settings, strategy, undo
from app.services.scoring import score_round
from app.store import open_store


def digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def assignment_of(s, code, year=2567):
    ind = lookup.indicator(s, code)
    fy = lookup.year(s, year)
    return s.exec(select(Assignment).where(Assignment.indicator_id == ind.id, Assignment.fiscal_year_id == fy.id)).one()


# --- 1. one bounded decimal parser ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["1e999999999", "1e99999999", "1e5000", "1e6000", "1e-6000", "-1e400",
                                  "1000000000000", "0.0000001", "1_000", "٥", "５０", "1,5", "12,34", "nan",
                                  "inf", float("inf"), float("nan"), 1.797e308, True, D("1e13"), 10 ** 30])
def test_out_of_range_and_foreign_numbers_are_refused_in_thai(text):
    with pytest.raises(ValueError) as info:
        parse_decimal(text)
    message = str(info.value)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in message) and len(message) < 200


@pytest.mark.parametrize("text, value", [("๕๐", "50"), ("1,250.5", "1250.5"), ("62.5%", "62.5"), ("1e3", "1000"),
                                         ("999999999999.999999", "999999999999.999999"), (" -0.000001 ", "-0.000001"),
                                         ("1,000,000", "1000000")])
def test_numbers_people_type_are_read(text, value):
    assert parse_decimal(text) == D(value)


def test_a_bomb_in_a_template_cell_is_refused_with_where_and_nothing_changes(demo_store, demo_path, tmp_path):
    path = tmp_path / "t.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2568, unit_code="PCD", months=None, out=path)
    wb = load_workbook(path)
    wb[TARGETS_SHEET]["H2"] = "1e999999999"
    wb.save(path)
    before = digest(demo_path)
    for dry_run in (True, False):
        with pytest.raises(ImportRefused) as info:
            run_import(demo_store, path, dry_run=dry_run)
        assert any("แถว 2" in p and "ใหญ่เกินไป" in p for p in info.value.problems)
    assert digest(demo_path) == before


def test_grid_paste_and_services_use_the_same_bounds(demo_store):
    with demo_store.transaction() as s:
        a = assignment_of(s, "PCD-02", 2568)
        for bad in ("1e400", "1,5", "1_000", D("1e20")):
            with pytest.raises(ValidationError):
                grid.set_assignment_field(s, a, "base", bad)
        with pytest.raises(ValidationError):
            grid.set_assignment_field(s, a, "weight", "")          # blank is "no value", not 0
        with pytest.raises(ValidationError):
            indicators.assign_indicator(s, unit=lookup.unit(s, "PCD"), indicator=lookup.indicator(s, "DGR-01"),
                                        year=lookup.year(s, 2568), weight=D("1e30"))


def test_values_out_of_range_from_an_older_file_never_crash_a_report_or_template(demo_path, tmp_path, capsys):
    conn = sqlite3.connect(demo_path)       # as an older KPI Desk without bounds could have stored them
    conn.execute("UPDATE assignment SET advanced = '1' || substr(replace(hex(zeroblob(2600)), '00', '0'), 1, 5000) "
                 "WHERE id IN (SELECT id FROM assignment LIMIT 3)")
    conn.execute("UPDATE result SET actual = '-1' || substr(replace(hex(zeroblob(2600)), '00', '0'), 1, 5000) "
                 "WHERE id IN (SELECT id FROM result LIMIT 3)")
    conn.commit()
    conn.close()
    assert format_number(D("1e5000")) == "1.000E+5000"
    for args in (("template", "--year", "2567", "--unit", "PCD", "--out", str(tmp_path / "t.xlsx")),
                 ("template", "--year", "2567", "--unit", "PCD", "--round", "12", "--out", str(tmp_path / "r.xlsx")),
                 ("export", "--year", "2567", "--out", str(tmp_path / "e.xlsx")),
                 ("score", "--year", "2567", "--round", "12", "--json"),
                 ("report", "annex", "--year", "2567", "--out", str(tmp_path / "a.pdf")),
                 ("report", "results", "--year", "2567", "--round", "12", "--out", str(tmp_path / "r.pdf"))):
        code, _out, err = cli(capsys, *args, "--db", str(demo_path))
        assert code == 0, (args, err)


# --- 2. locked rounds: one guard for every write path, snapshots ----------------------------------

def _locked_six(store):
    with store.reading() as s:
        return lookup.round_of(s, 2567, 6)


# Every public function of app.services that writes, with a call that targets the locked 6-month round
# of the demo (or its year). A service added later without an entry here fails the test below.
WRITERS = {
    "results.record_result": lambda s, r: results.record_result(
        s, assignment=assignment_of(s, "PCD-02"), rnd=r, actual=D(1)),
    "grid.set_result_field": lambda s, r: grid.set_result_field(s, r, assignment_of(s, "PCD-02").id, "actual", "1"),
    "grid.set_assignment_field": lambda s, r: grid.set_assignment_field(s, assignment_of(s, "PCD-02"), "base", "1"),
    "grid.set_assignment_fields": lambda s, r: grid.set_assignment_fields(s, assignment_of(s, "PCD-02"), {"weight": "5"}),
    "grid.apply_assignment_edits": lambda s, r: grid.apply_assignment_edits(s, [(assignment_of(s, "PCD-02").id, "weight", "5")]),
    "grid.apply_approved_change": lambda s, r: grid.apply_approved_change(s, assignment_of(s, "PCD-02"), r, {"weight": "5"}),
    "indicators.set_targets": lambda s, r: indicators.set_targets(s, assignment_of(s, "PCD-02"), base=D(1),
                                                                  standard=D(2), advanced=D(3)),
    "indicators.assign_indicator": lambda s, r: indicators.assign_indicator(
        s, unit=lookup.unit(s, "PCD"), indicator=lookup.indicator(s, "DGR-01"), year=lookup.year(s, 2567), weight=D(1)),
    "indicators.bulk_assign": lambda s, r: indicators.bulk_assign(s, year=lookup.year(s, 2567), items=[]),
    "change_requests.submit_change_request": lambda s, r: change_requests.submit_change_request(
        s, assignment=assignment_of(s, "PCD-02"), rnd=r, reason=ChangeReason.DISASTER),
    "change_requests.decide_change_request": lambda s, r: change_requests.decide_change_request(
        s, _pending_request(s, r), approve=True, decided_on=r.ends_on),
    "framework.approve_round": lambda s, r: framework.approve_round(s, r),
    "framework.lock_round": lambda s, r: framework.lock_round(s, r),
    "framework.set_grade_floors": lambda s, r: framework.set_grade_floors(s, lookup.year(s, 2567), "85,70,55"),
    "strategy.link_assignment": lambda s, r: strategy.link_assignment(s, assignment_of(s, "PCD-02"), functional=True),
    "strategy.set_link": lambda s, r: strategy.set_link(s, assignment_of(s, "PCD-02").id, "functional", None),
    "results.set_verified": lambda s, r: results.set_verified(s, assignment_id=assignment_of(s, "PCD-02").id, rnd=r, value=D(1)),
    "evidence.attach_evidence": lambda s, r: evidence.attach_evidence(s, r, assignment_of(s, "PCD-02").id, "a.pdf", b"%PDF"),
    "evidence.remove_evidence": lambda s, r: evidence.remove_evidence(s, _stored_evidence(s, r)),
    "framework.set_component_takes": lambda s, r: framework.set_component_takes(s, lookup.year(s, 2567), "2.2", "points"),
    "basket.add_from_basket": lambda s, r: basket.add_from_basket(s, entry_id=_basket_entry(s), unit_id=lookup.unit(s, "PCD").id),
    "sync.apply_batch": lambda s, r: sync.apply_batch(s, _secretary(s), uuid.uuid4(), 0, [_result_edit(s, r)]),
    "sync.resolve": lambda s, r: sync.resolve(s, _secretary(s), _conflict(s, r), "mine"),
    "undo.revert": lambda s, r: undo.revert(s, _weight_edit(s)),
    "undo.reapply": lambda s, r: undo.reapply(s, _weight_edit(s)),
}


def _stored_evidence(s, rnd):
    """A file attached before the round was locked (written straight to the table: the service would refuse)."""
    from app.models import EvidenceFile
    row = EvidenceFile(assignment_id=assignment_of(s, "PCD-02").id, round_id=rnd.id, name="a.pdf", size=4,
                       sha256="0" * 64, content=b"%PDF")
    s.add(row)
    s.flush()
    return row.id


def _basket_entry(s):
    from app.models import BasketEntry
    entry = BasketEntry(fiscal_year_id=lookup.year(s, 2567).id, code="BK-LOCKED", name_th="ตัวชี้วัดใน KPI Basket")
    s.add(entry)
    s.flush()
    return entry.id


def _secretary(s):
    from app.services import accounts
    return accounts.create_account(s, username=f"sec-{uuid.uuid4().hex[:8]}", password="password-2568",
                                   role="secretary")


def _result_edit(s, rnd):
    return sync.Edit("result", assignment_of(s, "PCD-02").id, "actual", "1", None, rnd.id)


def _conflict(s, rnd):
    """A conflict kept from before the lock, whose pushed value a secretary now chooses."""
    import json as _json
    from app.models import SyncConflict
    edit = _result_edit(s, rnd)
    row = SyncConflict(table_name="result", row_id=uuid.uuid4(), field="actual", mine="1",
                       edit=_json.dumps({"kind": "result", "id": str(edit.id), "round_id": str(rnd.id)}))
    s.add(row)
    s.flush()
    return row.id


def _weight_edit(s):
    """A change record of PCD-02's weight 10 → 5 (what undo and redo take)."""
    from app.services.changes import ChangeSet, RowChange
    return ChangeSet(rows=(RowChange("assignment", assignment_of(s, "PCD-02").id, "update", {"weight": ("10", "5")}),))
# Writers that never touch a round's numbers (why, per entry), and functions that only read.
NOT_ROUND_DATA = {
    "framework.reopen_round": "the one sanctioned way out of a lock: needs a reason (tested below)",
    "framework.create_fiscal_year": "a new year has open rounds", "indicators.create_indicator": "catalogue only",
    "change_requests.mark_sent_to_opdc": "a date on a decided request", "organisation.create_ministry": "organisation",
    "organisation.create_unit": "organisation", "organisation.update_unit": "organisation",
    "organisation.retire_unit": "organisation", "organisation.restore_unit": "organisation",
    "organisation.update_member": "organisation", "organisation.retire_member": "organisation",
    "organisation.update_committee": "organisation", "organisation.update_ministry": "organisation",
    "settings.set_settings": "settings",
    "organisation.create_committee": "organisation", "organisation.add_committee_member": "organisation",
    "meetings.create_meeting": "meetings", "meetings.record_attendance": "meetings",
    "meetings.add_agenda_item": "meetings", "meetings.update_agenda_item": "meetings",
    "meetings.set_attendance": "meetings", "meetings.update_meeting": "meetings",
    "meetings.remove_participant": "meetings", "settings.set_setting": "settings", "joint.create_agenda": "joint KPIs",
    "changes.perform": "runs another service in its transaction",
    "basket.replace_basket": "OPDC's catalogue of the year; indicators already drawn from it stay as they are",
    "accounts.create_account": "server accounts", "accounts.sign_in": "a sign-in (its failure count)",
    "accounts.revoke_token": "a sign-out",
    "replica.rows_file": "reads the server's data into a new file", "replica.write_copy": "a new file",
    "replica.refuse": "the outbox",
    "replica.name_batch": "the outbox", "replica.unname_batch": "the outbox", "replica.pushed": "the outbox",
    "replica.apply_pulled": "the server's changes, which its own guards checked, applied to a copy",
    "exchange.recreate_frame": "a new year from an export (refused when the year exists)",
    "strategy.create_strategic_kpi": "the ministry's plan, not a round's numbers",
    "strategy.set_strategic_target": "monitored, never scored",
    "strategy.link_from_catalogue": "links of a year, guarded like link_assignment (demo and migration of old data)",
    "exchange.recreate_rest": "the rest of that new year", "joint.add_main_indicator": "joint KPIs", "joint.add_lead_agency": "joint KPIs", "joint.add_sub_indicator": "joint KPIs",
}
READERS_PREFIXES = ("ensure_", "checked_", "score_", "load_", "latest_", "round_", "live_", "framework_", "unit_",
                    "units_", "check_", "assignment", "result_rows", "due_", "get", "context", "fiscal_year", "joint_rows",
                    "meeting_by_ref", "minutes_data", "as_uuid", "stored", "encode", "decode", "next_snapshot",
                    "parse_bounded", "coerce", "current_round", "year_rounds", "where_label", "component", "indicator", "ministry",
                    "unit", "year", "check_database", "role_label", "roster",
                    "attendance_problems", "agenda_lines", "default_invitation_body", "invitation", "requests_of_year", "request_choices", "organisation_lists",
                    "default_term_start", "serves_on",
                    "all_meetings", "meeting_view", "next_meeting_number", "early_warnings",
                    "describe", "collect", "assigned_by_code", "existing_ministry", "secretary", "annex_units",
                    "addable_indicators", "indicators_by_code", "assignments_of_year", "results_of_round", "years_be",
                    "rounds_ended_before", "indicator_directions", "year_tables", "fields", "grade_floors",
                    "settings_values", "history", "result_history", "strategic_kpis_of", "cascade", "link_labels",
                    "link_choices", "evidence_", "size_problem", "clean_name", "scored_by_points",
                    "search_basket", "checked_entry", "basket_codes", "joint_label", "read_link", "link_targets",
                    "strategic_label", "strategic_rows", "check_token", "may", "parse_batch", "refusal_status",
                    "head", "pull", "conflicts", "account_list", "snapshot", "pending", "revision", "setting",
                    "refused", "copy_info", "refusal", "made_on_the_server", "copy_scope", "words_never_cut")


def _pending_request(s, rnd):
    from app.models import ChangeRequest
    request = ChangeRequest(assignment_id=assignment_of(s, "PCD-02").id, round_id=rnd.id, reason=ChangeReason.DISASTER)
    s.add(request)
    s.flush()
    return request


def test_every_writing_service_is_listed():
    seen = set()
    for info in pkgutil.iter_modules(app.services.__path__):
        module = importlib.import_module(f"app.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                seen.add(f"{info.name}.{name}")
    unlisted = {n for n in seen - WRITERS.keys() - NOT_ROUND_DATA.keys()
                if not n.split(".", 1)[1].startswith(READERS_PREFIXES)}
    assert unlisted == set(), "classify these services in test_hostile.py (writer or not)"


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writing_service_refuses_a_locked_round(demo_store, demo_path, name):
    rnd = _locked_six(demo_store)
    assert rnd.status == RoundStatus.LOCKED
    before = digest(demo_path)
    with pytest.raises(LockedError):
        with demo_store.transaction() as s:
            WRITERS[name](s, s.get(Round, rnd.id))
    assert digest(demo_path) == before


def test_an_approved_change_request_never_moves_a_locked_round(demo_store):
    with demo_store.reading() as s:
        locked = {u.unit_code: u.score for u in score_round(s, year_be=2567, months=6).units}
    with demo_store.transaction() as s:
        r12 = lookup.round_of(s, 2567, 12)
        a = assignment_of(s, "DGR-02")
        req = change_requests.submit_change_request(s, assignment=a, rnd=r12, reason=ChangeReason.BUDGET,
                                                    proposed_base=D(80), proposed_standard=D(85), proposed_advanced=D(91))
        change_requests.decide_change_request(s, req, approve=True, decided_on=r12.ends_on)
    with demo_store.reading() as s:
        six = score_round(s, year_be=2567, months=6)
        assert {u.unit_code: u.score for u in six.units} == locked and six.snapshot_revision == 1
        assert assignment_of(s, "DGR-02").base == D(80)     # the open 12-month round takes the change


@pytest.mark.parametrize("weight", ["-5", "150", "1e400", "abc"])
def test_a_proposed_weight_is_checked_with_the_grids_rule(demo_store, weight):
    with pytest.raises(ValidationError):
        with demo_store.transaction() as s:
            change_requests.submit_change_request(s, assignment=assignment_of(s, "DGR-02"), rnd=lookup.round_of(s, 2567, 12),
                                                  reason=ChangeReason.BUDGET, proposed_weight=weight)


def test_reopening_a_locked_round_needs_a_reason_and_the_next_lock_is_a_new_revision(demo_store):
    rnd = _locked_six(demo_store)
    with pytest.raises(LockedError):
        with demo_store.transaction() as s:
            framework.reopen_round(s, rnd)
    with demo_store.transaction(user="ผู้ทดสอบ") as s:
        framework.reopen_round(s, rnd, reason="แก้ไขผลตามมติที่ประชุม")
    with demo_store.transaction() as s:
        grid.set_result_field(s, s.get(Round, rnd.id), assignment_of(s, "PCD-02").id, "actual", "99")
        framework.approve_round(s, rnd, reason="ตามมติที่ประชุม")
        framework.lock_round(s, rnd)
    with demo_store.reading() as s:
        assert score_round(s, year_be=2567, months=6).snapshot_revision == 2
        notes = s.exec(select(AuditEntry).where(AuditEntry.table_name == "round", AuditEntry.field == "status_note",
                                                AuditEntry.new_value == "แก้ไขผลตามมติที่ประชุม")).all()
        assert [n.user for n in notes] == ["ผู้ทดสอบ"]


# --- 3. check-then-write race ---------------------------------------------------------------------

def test_a_lock_committed_by_another_window_is_seen_by_the_write_it_guards(demo_path):
    """Window B starts saving a result while window A locks the 12-month round. B's guard runs inside
    B's write transaction, which cannot begin until A commits: B is refused, the locked round is clean."""
    a_store, b_store = open_store(demo_path), open_store(demo_path)
    a_inside, b_tried = threading.Event(), threading.Event()
    outcome = {}
    with a_store.transaction() as s:
        framework.approve_round(s, lookup.round_of(s, 2567, 12), reason="ตามมติที่ประชุม")

    def window_a():
        with a_store.transaction() as s:
            rnd = lookup.round_of(s, 2567, 12)
            a_inside.set()
            b_tried.wait(2)                      # B is now waiting for the write lock
            framework.reopen_round(s, rnd)       # …and A, holding it, moves the round through open
            framework.approve_round(s, rnd, reason="ตามมติที่ประชุม")
            framework.lock_round(s, rnd)

    def window_b():
        a_inside.wait(5)
        try:
            b_tried.set()
            with b_store.transaction() as s:
                grid.set_result_field(s, lookup.round_of(s, 2567, 12), assignment_of(s, "PCD-02").id, "actual", "99.99")
            outcome["b"] = "saved"
        except LockedError:
            outcome["b"] = "refused"

    threads = [threading.Thread(target=window_a), threading.Thread(target=window_b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert outcome == {"b": "refused"}
    with a_store.reading() as s:
        r = s.exec(select(Result).where(Result.assignment_id == assignment_of(s, "PCD-02").id,
                                        Result.round_id == lookup.round_of(s, 2567, 12).id)).one()
        assert r.actual != D("99.99")
    a_store.close()
    b_store.close()


@pytest.mark.slow
def test_a_busy_database_is_a_thai_message_without_the_values(demo_path):
    store = open_store(demo_path)
    holder = sqlite3.connect(demo_path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(KpiDeskError) as info:
            with store.transaction() as s:
                settings.set_setting(s, "user_name", "นางสาวข้อมูล ส่วนบุคคล 1-2345-67890-12-3")
    finally:
        holder.rollback()
        holder.close()
        store.close()
    assert "กำลังถูกบันทึก" in info.value.th and "1-2345" not in info.value.th and "ส่วนบุคคล" not in info.value.th


# --- 4. every expected failure: Thai, exit 2, nothing changed ------------------------------------

def _meta_variant(demo_store, tmp_path, name, changes) -> Path:
    path = tmp_path / f"{name}.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2567, unit_code="PCD", months=12, out=path)
    wb = load_workbook(path)
    ws = wb[META_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for key, value in changes.items():
        if key == "duplicate":
            ws.append([value, "2567"])
        else:
            ws.cell(rows[key], 2).value = value
    wb.save(path)
    return path


@pytest.mark.parametrize("name, changes", [
    ("text-year", {"year": "สองห้าหกเจ็ด"}), ("empty-year", {"year": None}), ("bool-year", {"year": True}),
    ("zero-year", {"year": 0}), ("huge-year", {"year": 99999999999999999999}), ("text-round", {"round": "หก"}),
    ("bool-round", {"round": False}), ("empty-round", {"round": None}), ("dup-year", {"duplicate": "year"}),
    ("dup-round", {"duplicate": "round"})])
def test_an_edited_hidden_sheet_is_a_thai_refusal(demo_store, demo_path, tmp_path, capsys, name, changes):
    path = _meta_variant(demo_store, tmp_path, name, changes)
    before = digest(demo_path)
    code, _out, err = cli(capsys, "import", str(path), "--db", str(demo_path))
    assert code == 2 and "ข้อผิดพลาด" in err or "นำเข้าไม่ได้" in _out, err
    assert code == 2 and "Traceback" not in err
    assert digest(demo_path) == before


def test_an_infinite_float_cell_is_refused(demo_store, demo_path, tmp_path, capsys):
    path = tmp_path / "inf.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2567, unit_code="DMCR", months=12, out=path)
    wb = load_workbook(path)
    wb[RESULTS_SHEET]["H2"] = 1.797e308
    wb.save(path)
    code, out, _err = cli(capsys, "import", str(path), "--db", str(demo_path))
    assert code == 2 and "แถว 2" in out and "ใหญ่เกินไป" in out


def test_an_export_with_an_edited_header_or_a_bad_value(demo_store, tmp_path, capsys):
    from app.io.export import write_export
    out = tmp_path / "e.xlsx"
    with demo_store.reading() as s:
        write_export(s, year_be=2567, out=out)
    for sheet, cell, value, needle in (("Joint ตัวชี้วัดหลัก", "A1", "ประเด็น", "ไม่พบคอลัมน์"),
                                       ("Joint ตัวชี้วัดหลัก", "B2", "สอง", "ไม่ใช่ตัวเลข"),
                                       ("รอบการประเมิน", "B2", "เมื่อวาน", "ไม่ใช่วันที่"),
                                       ("ผล", "A2", 7, "ไม่มีรอบ 7")):
        wb = load_workbook(out)
        wb[sheet][cell] = value
        path = tmp_path / f"edited-{sheet}-{cell}.xlsx"
        wb.save(path)
        empty = tmp_path / f"empty-{sheet}-{cell}.sqlite3"
        cli(capsys, "init", "--db", str(empty))
        code, text, err = cli(capsys, "import", str(path), "--db", str(empty))
        assert code == 2 and needle in text, (sheet, cell, text, err)


def _rezip(src: Path, dst: Path, mutate) -> Path:
    with zipfile.ZipFile(src) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            z.writestr(info, data)
    data = bytearray(dst.read_bytes())
    mutate(data)
    dst.write_bytes(bytes(data))
    return dst


@pytest.mark.parametrize("how", ["version", "method", "crc", "truncated"])
def test_zip_level_damage_is_a_thai_refusal(demo_store, demo_path, tmp_path, capsys, how):
    base = tmp_path / "base.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2568, unit_code="PCD", months=None, out=base)

    def mutate(data: bytearray):
        at = data.find(b"PK\x03\x04", 100)             # the second local header
        central = data.find(b"PK\x01\x02")
        if how == "version":
            data[at + 4:at + 6] = (172).to_bytes(2, "little")
            data[central + 6:central + 8] = (172).to_bytes(2, "little")
        elif how == "method":
            data[at + 8:at + 10] = (14).to_bytes(2, "little")
            data[central + 10:central + 12] = (14).to_bytes(2, "little")
        elif how == "crc":
            data[at + 40] ^= 0xFF
        else:
            del data[len(data) // 2:len(data) // 2 + 200]
    path = _rezip(base, tmp_path / f"{how}.xlsx", mutate)
    before = digest(demo_path)
    code, out, err = cli(capsys, "import", str(path), "--db", str(demo_path))
    assert code == 2 and "Traceback" not in err and ("ข้อผิดพลาด" in err or "นำเข้าไม่ได้" in out)
    assert digest(demo_path) == before


@pytest.mark.parametrize("args, needle", [
    (("report", "annex", "--year", "2567", "--out", "{tmp}"), "เป็นโฟลเดอร์"),
    (("template", "--year", "2567", "--unit", "PCD", "--out", "{tmp}"), "เป็นโฟลเดอร์"),
    (("export", "--year", "2567", "--out", "{tmp}"), "เป็นโฟลเดอร์"),
    (("report", "minutes", "--meeting", "99999999999999999999/2567", "--out", "{tmp}/m.pdf"), "ไม่พบการประชุม"),
    (("report", "memo", "--subject", "ทดสอบ", "--to", "ปลัด", "--body", "{tmp}", "--out", "{tmp}/x.pdf"), "เป็นโฟลเดอร์"),
    (("score", "--year", "0", "--round", "6"), "นอกช่วง"),
    (("score", "--year", "99999999999999999999", "--round", "6"), "ไม่ถูกต้อง"),
])
def test_commands_refuse_in_thai_with_exit_2(demo_path, tmp_path, capsys, args, needle):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    before = digest(demo_path)
    try:
        code, _out, err = cli(capsys, *args, "--db", str(demo_path))
    except SystemExit as exit_:           # argparse refusing a bad --year
        code, err = exit_.code, capsys.readouterr().err
    assert code == 2 and needle in err and "Traceback" not in err
    assert digest(demo_path) == before
    assert list(tmp_path.glob(".kpi-desk-*")) == []


def test_init_twice_and_a_formula_as_a_code_are_refused(tmp_path, capsys):
    db = str(tmp_path / "new.sqlite3")
    assert cli(capsys, "init", "--db", db, "--ministry-code", "M1", "--ministry-name", "กระทรวงทดสอบ")[0] == 0
    code, _out, err = cli(capsys, "init", "--db", db, "--ministry-code", "M2", "--ministry-name", "กระทรวงอื่น")
    assert code == 2 and "มีข้อมูลกระทรวงอยู่แล้ว" in err
    fresh = str(tmp_path / "fresh.sqlite3")
    code, _out, err = cli(capsys, "init", "--db", fresh, "--ministry-code", '=HYPERLINK("http://x","y")',
                          "--ministry-name", "ก")
    assert code == 2 and "รหัสกระทรวง" in err


def test_a_postgresql_url_without_its_driver_is_a_thai_refusal(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)        # as on a machine without the driver
    code, _out, err = cli(capsys, "check", "--db", "postgresql+psycopg://kpi@127.0.0.1:1/kpi")
    assert code == 2 and "ตัวเชื่อมต่อฐานข้อมูล" in err


def test_undecodable_argument_is_a_thai_refusal(demo_path):
    proc = subprocess.run([sys.executable.encode(), b"-m", b"app", b"score", b"--db", str(demo_path).encode(),
                           b"--year", b"2567", b"--round", b"6", b"--unit", b"\xff\xfe"],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "UTF-8" in err and "Traceback" not in err


# --- 5. nothing written to xlsx becomes a formula -------------------------------------------------

def test_every_string_cell_is_escaped_and_the_hidden_sheet_is_protected(demo_store, tmp_path):
    with demo_store.transaction() as s:
        for text in ("=1+1", "+SUM(A1)", "-2+3", "@A1", "\t=1+1", "\r=1", "\n=1"):
            grid.set_result_field(s, lookup.round_of(s, 2567, 12), assignment_of(s, "PCD-02").id, "note", text)
            path = tmp_path / f"r{len(text)}{ord(text[0])}.xlsx"
            write_template(s, year_be=2567, unit_code="PCD", months=12, out=path)
            with zipfile.ZipFile(path) as z:
                assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.endswith(".xml"))
            wb = load_workbook(path)
            assert wb[META_SHEET].protection.sheet
            read_back = text.replace("\r", "\n")           # XML reads a lone CR as LF
            cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == read_back]
            assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


# --- 6. workbook limits, before parsing -----------------------------------------------------------

def _sheet_zip(path: Path, sheet_xml: bytes, shared: bytes = b"") -> Path:
    base = Workbook()
    base.active["A1"] = "x"
    base.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml
    if shared:
        parts["xl/sharedStrings.xml"] = shared
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", ["rows", "ratio", "columns", "strings"])
def test_workbook_bombs_are_refused_before_parsing(demo_store, tmp_path, kind):
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    if kind == "rows":
        body = b"".join(b'<row r="%d"/>' % i for i in range(1, MAX_ROWS + 3))
        path = _sheet_zip(tmp_path / "rows.xlsx", head + b"<sheetData>" + body + b"</sheetData></worksheet>")
    elif kind == "ratio":
        path = _sheet_zip(tmp_path / "ratio.xlsx", head + b"<sheetData>" + b" " * (8 << 20) + b"</sheetData></worksheet>")
    elif kind == "columns":
        path = _sheet_zip(tmp_path / "cols.xlsx", head + b'<dimension ref="A1:XFD2"/><sheetData/></worksheet>')
    else:
        sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si><t>a</t></si>" * 1_000_001
        path = _sheet_zip(tmp_path / "sst.xlsx", head + b"<sheetData/></worksheet>", sst)
    with pytest.raises(KpiDeskError) as info:
        run_import(demo_store, path)
    assert "เกิน" in info.value.th or "บีบอัด" in info.value.th or "กว้าง" in info.value.th


# --- 7-9. private files, a real "who" -------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_database_backups_log_and_data_folder_are_private(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KPI_DESK_DATA_DIR", str(tmp_path / "fresh-data"))
    os.umask(0o022)
    db = tmp_path / "p.sqlite3"
    assert cli(capsys, "init", "--db", str(db), "--year", "2568")[0] == 0
    assert cli(capsys, "backup", "--db", str(db), "--out", str(tmp_path / "b.sqlite3"))[0] == 0
    from app.paths import data_dir, open_log
    with open_log() as fh:
        fh.write("x\n")
    modes = {p.name: p.stat().st_mode & 0o777 for p in (db, tmp_path / "b.sqlite3", data_dir() / "kpi-desk.log")}
    assert set(modes.values()) == {0o600}, modes
    assert data_dir().stat().st_mode & 0o777 == 0o700


def test_the_audit_names_the_configured_secretary_never_nobody(demo_store, monkeypatch):
    monkeypatch.delenv("KPI_DESK_USER")
    with demo_store.transaction() as s:
        settings.set_setting(s, "user_name", "นางสาวเลขา ทดสอบ")
    with demo_store.transaction() as s:
        grid.set_result_field(s, lookup.round_of(s, 2567, 12), assignment_of(s, "PCD-02").id, "note", "ตรวจแล้ว")
    with demo_store.reading() as s:
        users = {e.user for e in s.exec(select(AuditEntry))}
        last = s.exec(select(AuditEntry).where(AuditEntry.field == "note").order_by(AuditEntry.at.desc())).first()
    assert "" not in users and last.user == "นางสาวเลขา ทดสอบ"


# --- 10. a hot journal is rolled back, refusals leave no stray files --------------------------------

KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=DELETE")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE ministry SET name_th = 'ครึ่งทาง'")
conn.execute("UPDATE unit SET name_th = name_th || ' (ครึ่งทาง)'")
conn.execute("PRAGMA cache_spill=ON")
conn.execute("CREATE TABLE filler(x)")
conn.execute("INSERT INTO filler SELECT randomblob(4000) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n < 3000) SELECT n FROM c)")
os.kill(os.getpid(), 9)
"""


def test_a_copy_killed_mid_write_is_recovered_not_refused(demo_path, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    from app.store.backup import backup_sqlite
    backup_sqlite(demo_path, copy)                        # a DELETE-journal copy, as `backup` writes
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(copy)], capture_output=True)
    assert Path(f"{copy}-journal").exists() and Path(f"{copy}-journal").stat().st_size > 0
    store = open_store(copy)
    with store.reading() as s:
        assert lookup.ministry(s).name_th == "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม"
    store.close()


def test_a_refused_file_gets_no_wal_or_shm_beside_it(demo_path):
    data = bytearray(demo_path.read_bytes())
    for i in range(8192, min(len(data), 40960)):
        data[i] = (data[i] * 7 + 13) % 256
    demo_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{demo_path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(StoreError):
        open_store(demo_path)
    assert sorted(p.name for p in demo_path.parent.glob("demo.sqlite3*")) == ["demo.sqlite3"]


# --- 11. smaller ones -------------------------------------------------------------------------------

def test_a_refused_import_exits_2(demo_path, tmp_path, capsys):
    path = tmp_path / "bad.xlsx"
    wb = Workbook()
    wb.active.title = "ตัวชี้วัดทั้งกระทรวง"
    wb.active.append(["รหัสหน่วยงาน", "รหัสตัวชี้วัด", "ชื่อตัวชี้วัด", "น้ำหนัก"])
    wb.active.append(["NOPE", "X-1", "ตัวชี้วัด", "10"])
    wb.save(path)
    code, out, _err = cli(capsys, "import", str(path), "--db", str(demo_path), "--year", "2568")
    assert code == 2 and "ไม่พบหน่วยงานรหัส" in out


def test_the_place_a_preview_showed_is_the_place_applied(demo_store, tmp_path):
    path = tmp_path / "t.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2567, unit_code="PCD", months=12, out=path)
    plan = run_import(demo_store, path, {"year": 2567}, dry_run=True)
    assert plan.place == {"year": 2567, "unit": "PCD", "round": 12}
    wb = load_workbook(path)                      # the file is edited between preview and apply
    ws = wb[META_SHEET]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == "unit":
            ws.cell(r, 2).value = "DGR"
    wb.save(path)
    with pytest.raises(ImportRefused) as info:
        run_import(demo_store, path, plan.place)
    assert any("หน่วยงาน" in p for p in info.value.problems)


def test_a_failed_write_leaves_no_file(tmp_path):
    out = tmp_path / "report.pdf"

    def half(tmp: Path):
        tmp.write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("killed")
    with pytest.raises(RuntimeError):
        write_atomically(out, half)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_saved_report_or_workbook_has_the_permissions_of_any_saved_file(demo_path, tmp_path, capsys):
    """Written through a temporary file, reports and workbooks came out 0600 (mkstemp's mode): a colleague
    on a shared folder could not open the annex. A new file takes the user's umask; a replaced file keeps
    its own mode; a read-only file is not replaced, as Word does not save over one."""
    folder = tmp_path / "shared"
    folder.mkdir()
    old = os.umask(0o022)
    try:
        annex, book = folder / "annex.pdf", folder / "targets.xlsx"
        assert cli(capsys, "report", "annex", "--db", str(demo_path), "--year", "2567", "--out", str(annex))[0] == 0
        assert cli(capsys, "export", "--db", str(demo_path), "--year", "2567", "--out", str(book))[0] == 0
        assert stat.S_IMODE(annex.stat().st_mode) == 0o644
        assert stat.S_IMODE(book.stat().st_mode) == 0o644
        annex.chmod(0o664)                              # the group's shared copy, printed again
        assert cli(capsys, "report", "annex", "--db", str(demo_path), "--year", "2567", "--out", str(annex))[0] == 0
        assert stat.S_IMODE(annex.stat().st_mode) == 0o664
        annex.chmod(0o444)                              # a signed copy, made read-only to keep it
        signed = annex.read_bytes()
        code, _out, err = cli(capsys, "report", "annex", "--db", str(demo_path), "--year", "2567", "--out", str(annex))
        assert code == 2 and "อ่านอย่างเดียว" in err and annex.read_bytes() == signed
        os.umask(0o077)
        private = folder / "private.pdf"
        assert cli(capsys, "report", "annex", "--db", str(demo_path), "--year", "2567", "--out", str(private))[0] == 0
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)
    assert sorted(p.name for p in folder.iterdir()) == ["annex.pdf", "private.pdf", "targets.xlsx"]


def test_a_file_is_written_only_under_the_name_of_its_type(demo_path, tmp_path, capsys):
    """`--out targets.xlsx` for a report replaced the secretary's workbook with a PDF (and an export
    named .pdf replaced a report): the name must carry the type written, or nothing is touched."""
    workbook, annex = tmp_path / "targets.xlsx", tmp_path / "annex.pdf"
    workbook.write_bytes(b"PK workbook")
    annex.write_bytes(b"%PDF annex")
    for args, kept in ((("report", "annex", "--year", "2567", "--out", str(workbook)), workbook),
                       (("export", "--year", "2567", "--out", str(annex)), annex),
                       (("template", "--year", "2567", "--unit", "DMR", "--out", str(annex)), annex)):
        before = kept.read_bytes()
        code, _out, err = cli(capsys, *args, "--db", str(demo_path))
        assert code == 2 and "นามสกุล" in err and kept.name in err and "Traceback" not in err
        assert kept.read_bytes() == before
    code, _out, err = cli(capsys, "report", "annex", "--year", "2567", "--db", str(demo_path), "--out", str(tmp_path / "annex"))
    assert code == 2 and "annex.pdf" in err and not (tmp_path / "annex").exists()
    code, _out, err = cli(capsys, "report", "annex", "--year", "2567", "--db", str(demo_path), "--out", str(tmp_path / ".pdf"))
    assert code == 2 and "ชื่อไฟล์.pdf" in err and not (tmp_path / ".pdf").exists()
    upper = tmp_path / "ANNEX.PDF"
    assert cli(capsys, "report", "annex", "--year", "2567", "--db", str(demo_path), "--out", str(upper))[0] == 0
    assert upper.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("demo", "userdata"))) == \
        ["ANNEX.PDF", "annex.pdf", "targets.xlsx"]


def test_a_failed_statement_never_carries_its_values(empty_store):
    from sqlalchemy.exc import IntegrityError
    from app.models import Unit
    import uuid
    with pytest.raises(IntegrityError) as info:
        with empty_store.transaction() as s:
            s.add(Unit(ministry_id=uuid.uuid4(), code="X", name_th="นายสมชาย 3-1001-00234-56-7"))
            s.flush()
    assert "3-1001" not in str(info.value) and "hidden" in str(info.value)


def test_a_score_that_means_nothing_carries_its_reason_and_no_grade(demo_path, capsys):
    import json
    code, out, _err = cli(capsys, "score", "--db", str(demo_path), "--year", "2568", "--round", "12", "--json")
    doc = json.loads(out)
    dmr = next(u for u in doc["units"] if u["code"] == "DMR")
    kinds = {p["kind"] for p in dmr["problems"]}
    assert {"weights", "targets", "no_results"} <= kinds and dmr["grade"] is None and dmr["grade_th"] == "ยังให้ระดับไม่ได้"
    conn = sqlite3.connect(demo_path)         # weights that add up to 123 in a round with results
    conn.execute("UPDATE assignment SET weight = '43' WHERE id = (SELECT a.id FROM assignment a JOIN indicator i "
                 "ON i.id = a.indicator_id WHERE i.code = 'DGR-01')")
    conn.commit()
    conn.close()
    code, out, _err = cli(capsys, "score", "--db", str(demo_path), "--year", "2567", "--round", "12", "--json")
    dgr = next(u for u in json.loads(out)["units"] if u["code"] == "DGR")
    assert dgr["grade"] is None and any(p["kind"] == "weights" and "กรอบการประเมินกำหนด" in p["th"] for p in dgr["problems"])
    code, out, _err = cli(capsys, "score", "--db", str(demo_path), "--year", "2567", "--round", "12")
    assert "ยังให้ระดับไม่ได้" in next(line for line in out.splitlines() if line.startswith("DGR"))
