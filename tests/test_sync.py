"""Three desktop copies (two secretaries, one focal point) of a ministry server on a real PostgreSQL: each
edits offline, they sync in every order; edits of different fields merge, the same field edited from the
same base becomes one conflict, nothing typed is lost, and after a secretary resolves it and a final sync
all three copies equal the server."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal as D

import pytest
from sqlmodel import select

from app.errors import KpiDeskError
from app.io import server_sync
from app.models import Assignment, OutboxEdit, Result
from app.services import lookup
from app.services.changes import perform
from app.services.grid import set_assignment_field, set_result_field

pytestmark = pytest.mark.server

PASSWORD = "รหัสผ่านยาวพอ-2568"


@pytest.fixture
def ministry(pg_demo_url):
    from fastapi.testclient import TestClient

    from app.server.api import create_app
    from app.services import accounts
    from app.store import open_store
    store = open_store(pg_demo_url)
    with store.transaction(user="setup") as s:
        for name, role, unit in (("sec1", "secretary", None), ("sec2", "secretary", None),
                                 ("fp_pcd", "focal_point", "PCD"), ("member1", "member", None)):
            accounts.create_account(s, username=name, password=PASSWORD, role=role, unit_code=unit)
    http = TestClient(create_app(store))
    yield store, http
    http.close()
    store.close()


def copy_for(http, tmp_path, name):
    store, token = server_sync.new_copy(tmp_path / f"{name}.sqlite3", http, name, PASSWORD, "http://testserver")
    return store, token


def assignment(s, unit, code, year=2568):
    return s.exec(select(Assignment).where(Assignment.unit_id == lookup.unit(s, unit).id,
                                           Assignment.indicator_id == lookup.indicator(s, code).id,
                                           Assignment.fiscal_year_id == lookup.year(s, year).id)).one()


def edit_target(store, unit, code, field, value):
    with store.reading() as s:
        aid = assignment(s, unit, code).id
    perform(store, "edit", lambda s: set_assignment_field(s, s.get(Assignment, aid), field, value))


def edit_result(store, unit, code, value, field="actual", months=12):
    with store.reading() as s:
        aid, rnd = assignment(s, unit, code).id, lookup.round_of(s, 2568, months)
    perform(store, "edit", lambda s: set_result_field(s, s.get(type(rnd), rnd.id), aid, field, value))


def state(store) -> dict:
    """What must end equal everywhere: every assignment's targets and every result, by id."""
    with store.reading() as s:
        rows = {("a", str(a.id)): (a.weight, a.base, a.standard, a.advanced, a.base_6, a.standard_6, a.advanced_6,
                                   a.monitor) for a in s.exec(select(Assignment))}
        rows |= {("r", str(r.assignment_id), str(r.round_id)): (r.actual, r.note, r.verified_actual)
                 for r in s.exec(select(Result))}
    return rows


@pytest.mark.parametrize("order", list(itertools.permutations(("sec1", "sec2", "fp_pcd"))))
def test_three_copies_edit_offline_and_sync_in_every_order(ministry, tmp_path, order):
    server, http = ministry
    copies = {name: copy_for(http, tmp_path, name) for name in ("sec1", "sec2", "fp_pcd")}
    assert state(copies["sec1"][0]) == state(server)                # a fresh copy is the server's data
    assert set(state(copies["fp_pcd"][0])) < set(state(server))      # a focal point's: its unit's rows only
    # offline: different fields of one row, one field twice, and a focal point's result
    edit_target(copies["sec1"][0], "DGR", "DGR-01", "base", "11")
    edit_target(copies["sec2"][0], "DGR", "DGR-01", "weight", "25")
    edit_target(copies["sec1"][0], "DGR", "DGR-02", "advanced", "901")
    edit_target(copies["sec2"][0], "DGR", "DGR-02", "advanced", "902")
    edit_result(copies["fp_pcd"][0], "PCD", "PCD-02", "66.5")
    with copies["sec1"][0].reading() as s:
        assert len(s.exec(select(OutboxEdit)).all()) == 2           # queued with the edits themselves
    reports = {name: server_sync.sync(copies[name][0], http, copies[name][1]) for name in order}
    conflicts = [c for r in reports.values() for c in r.conflicts]
    assert len(conflicts) == 1 and conflicts[0]["field"] == "advanced"
    loser, winner = (("sec2", "sec1") if order.index("sec1") < order.index("sec2") else ("sec1", "sec2"))
    assert conflicts[0]["mine"] == {"sec1": "901", "sec2": "902"}[loser]
    assert conflicts[0]["theirs"] == {"sec1": "901", "sec2": "902"}[winner]
    with server.reading() as s:
        a1, a2 = assignment(s, "DGR", "DGR-01"), assignment(s, "DGR", "DGR-02")
        assert (a1.base, a1.weight) == (D(11), D(25))                 # merged
        assert a2.advanced == {"sec1": D(901), "sec2": D(902)}[winner]
        r = s.exec(select(Result).where(Result.assignment_id == assignment(s, "PCD", "PCD-02").id,
                                        Result.round_id == lookup.round_of(s, 2568, 12).id)).one()
        assert r.actual == D("66.5")
    # a secretary takes the pushed value, then everyone syncs again
    token = server_sync.sign_in(http, "sec1", PASSWORD)["token"]
    open_ = server_sync._call(http, "GET", "/conflicts", token)
    assert [c["id"] for c in open_] == [conflicts[0]["id"]]
    server_sync._call(http, "POST", f"/conflicts/{open_[0]['id']}/resolve", token, json={"choose": "mine"})
    for name in order:
        server_sync.sync(copies[name][0], http, copies[name][1])
    final = state(server)
    for name in ("sec1", "sec2"):
        assert state(copies[name][0]) == final, name
    pcd = {k: v for k, v in final.items() if k in state(copies["fp_pcd"][0])}
    assert state(copies["fp_pcd"][0]) == pcd                        # the focal point's copy: its unit's rows
    with server.reading() as s:
        assert assignment(s, "DGR", "DGR-02").advanced == {"sec1": D(901), "sec2": D(902)}[loser]
    for store, _token in copies.values():
        with store.reading() as s:
            assert s.exec(select(OutboxEdit)).all() == []           # nothing left behind
        store.close()


def test_an_unreachable_server_keeps_the_queue_and_a_refused_batch_is_set_aside(ministry, tmp_path):
    import httpx
    server, http = ministry
    store, token = copy_for(http, tmp_path, "fp_pcd")
    edit_result(store, "PCD", "PCD-02", "70")
    dead = httpx.Client(base_url="http://127.0.0.1:9", timeout=0.5)
    with pytest.raises(server_sync.ServerError, match="ติดต่อเซิร์ฟเวอร์ไม่ได้ \\(เซิร์ฟเวอร์ไม่ได้เปิดอยู่ ที่อยู่ผิด "
                       "หรือเครือข่ายขัดข้อง\\) งานที่ทำไว้ยังอยู่ในเครื่อง"):
        server_sync.sync(store, dead, token)
    with pytest.raises(server_sync.ServerError, match="จึงยังไม่ได้สร้างสำเนา"):   # connecting: no work to keep yet
        server_sync.new_copy(tmp_path / "never.sqlite3", dead, "fp_pcd", "x", "http://127.0.0.1:9")
    assert not (tmp_path / "never.sqlite3").exists()
    with store.reading() as s:
        (queued,) = s.exec(select(OutboxEdit)).all()
        assert queued.batch_id is not None                          # named once: a retry is the same batch
    report = server_sync.sync(store, http, token)
    assert report.pushed == 1 and report.waiting == 0
    # a result typed offline into a round the secretariat has since locked on the server, between two that
    # are fine: the server refuses the batch, the copy sends its edits again one at a time — the two go
    # through, the one is set aside with the reason (nothing waits for ever) — and then takes the lock
    edit_result(store, "PCD", "PCD-01", "41", months=6)
    edit_result(store, "PCD", "PCD-02", "71")
    edit_result(store, "PCD", "PCD-02", "42", months=6)
    from app.services.framework import approve_round, lock_round
    with server.transaction(user="sec1") as s:
        lock_round(s, approve_round(s, lookup.round_of(s, 2568, 12), reason="ที่ประชุมเห็นชอบ"))
    report = server_sync.sync(store, http, token)
    assert report.pushed == 2 and len(report.refused) == 1 and "ปิด" in report.refused[0], report.refused
    assert report.waiting == 0
    with server.reading() as s:
        six = lookup.round_of(s, 2568, 6).id
        got = {r.assignment_id: r.actual for r in s.exec(select(Result).where(Result.round_id == six))}
        assert got[assignment(s, "PCD", "PCD-01").id] == D(41) and got[assignment(s, "PCD", "PCD-02").id] == D(42)
    with store.reading() as s:
        assert s.get(type(lookup.round_of(s, 2568, 12)), lookup.round_of(s, 2568, 12).id).status == "locked"
    store.close()


def test_what_a_secretary_does_on_the_server_database_reaches_the_copies(ministry, pg_demo_url, tmp_path):
    """Not only pushes are numbered: a command run on the server's own database (a new unit, a target, a round
    approved with a reason; the unit by the command line with ``--db`` the server's URL) is in the change log, and a desktop's sync brings it — and the copy then refuses
    what the server would refuse."""
    from app.errors import LockedError
    from app.models import ChangeLog, Round, RoundStatus, Unit
    from tests.clirun import run_cli
    from app.services.framework import approve_round, lock_round
    server, http = ministry
    store, token = copy_for(http, tmp_path, "sec1")
    added = run_cli("unit", "add", "--code", "NEWDEPT", "--name", "กรมตั้งใหม่", "--db", pg_demo_url)
    assert added.returncode == 0, added.stderr
    edit_target(server, "PCD", "PCD-02", "advanced", "91")
    with server.transaction(user="เลขานุการ", command="round lock") as s:
        rnd = lookup.round_of(s, 2568, 12)
        approve_round(s, rnd, reason="ที่ประชุมเห็นชอบ")
        lock_round(s, rnd)
    report = server_sync.sync(store, http, token)
    assert report.pulled >= 3
    assert state(store) == state(server)
    with store.reading() as s:
        unit = s.exec(select(Unit).where(Unit.code == "NEWDEPT")).one()
        assert unit.name_th == "กรมตั้งใหม่"
        assert assignment(s, "PCD", "PCD-02").advanced == D("91")
        copied = s.get(Round, lookup.round_of(s, 2568, 12).id)
        assert copied.status == RoundStatus.LOCKED and copied.status_note == "ที่ประชุมเห็นชอบ"
    with pytest.raises(LockedError):
        edit_result(store, "PCD", "PCD-02", "55")               # the copy follows the server's lock
    removed = run_cli("unit", "retire", "--code", "NEWDEPT", "--db", pg_demo_url)   # a unit with no data: removed
    assert removed.returncode == 0, removed.stderr
    with server.reading() as s:
        gone = s.exec(select(ChangeLog).where(ChangeLog.table_name == "unit")
                      .order_by(ChangeLog.revision.desc())).first()
        assert gone.op == "delete"                              # the tombstone a copy pulls
    server_sync.sync(store, http, token)
    with store.reading() as s:
        assert s.exec(select(Unit).where(Unit.code == "NEWDEPT")).first() is None
    assert state(store) == state(server)


def test_a_round_approved_and_locked_on_a_copy_is_locked_on_the_server_and_every_copy(ministry, tmp_path):
    """A secretary runs the committee's decision on a copy: the approval (with its reason) and the lock travel
    like any edit, the server locks through its own guards and keeps one snapshot, the copy ends with the
    server's snapshot rather than a second one, and a focal point's copy refuses results after pulling."""
    from app.errors import LockedError
    from app.models import Round, RoundSnapshot, RoundStatus
    from app.services.framework import approve_round, lock_round
    server, http = ministry
    sec, sec_token = copy_for(http, tmp_path, "sec1")
    fp, fp_token = copy_for(http, tmp_path, "fp_pcd")
    edit_result(sec, "PCD", "PCD-02", "66")
    with sec.transaction(user="sec1", command="round approve") as s:
        approve_round(s, lookup.round_of(s, 2568, 12), reason="ที่ประชุมครั้งที่ ๒ เห็นชอบ")
    with sec.transaction(user="sec1", command="round lock") as s:
        lock_round(s, lookup.round_of(s, 2568, 12))
    report = server_sync.sync(sec, http, sec_token)
    assert report.pushed == 3 and report.refused == []
    for store in (server, sec):
        with store.reading() as s:
            rnd = s.get(Round, lookup.round_of(s, 2568, 12).id)
            assert (rnd.status, rnd.status_note) == (RoundStatus.LOCKED, "ที่ประชุมครั้งที่ ๒ เห็นชอบ")
            snaps = s.exec(select(RoundSnapshot).where(RoundSnapshot.round_id == rnd.id)).all()
            assert [x.revision for x in snaps] == [1]
    with server.reading() as s, sec.reading() as t:
        rid = lookup.round_of(s, 2568, 12).id
        assert s.exec(select(RoundSnapshot.id).where(RoundSnapshot.round_id == rid)).one() == \
            t.exec(select(RoundSnapshot.id).where(RoundSnapshot.round_id == rid)).one()
    server_sync.sync(fp, http, fp_token)
    with pytest.raises(LockedError):
        edit_result(fp, "PCD", "PCD-02", "12")
    assert state(sec) == state(server)
    assert state(fp) == {k: v for k, v in state(server).items() if k in state(fp)}
    with fp.reading() as s:
        assert s.get(Round, lookup.round_of(s, 2568, 12).id).status == RoundStatus.LOCKED


def test_a_request_and_an_opdc_verification_made_on_copies_reach_the_server_whole(ministry, tmp_path):
    """A focal point's change request travels under its own id with every proposed value; the committee's
    decision on it is the server's (a copy refuses it, saying where it is done); OPDC's verified figure
    entered on a copy keeps its source, letter and date on the server."""
    from datetime import date

    from app.models import ChangeReason, ChangeRequest, Decision, Unit
    from app.models.server import NotOnACopy
    from app.services.change_requests import decide_change_request, submit_change_request
    from app.services.results import set_verified
    server, http = ministry
    fp, fp_token = copy_for(http, tmp_path, "fp_pcd")
    sec, sec_token = copy_for(http, tmp_path, "sec1")
    with fp.transaction(user="fp_pcd", command="request add") as s:
        request = submit_change_request(s, rnd=lookup.round_of(s, 2568, 12), reason=ChangeReason.DISASTER,
                                        assignment=assignment(s, "PCD", "PCD-02"), reason_text="น้ำท่วมพื้นที่ตรวจวัด",
                                        proposed_base="60", proposed_standard="65", proposed_advanced="70",
                                        submitted_on=date(2025, 3, 4))
        rid = request.id
    with sec.transaction(user="sec1", command="verify") as s:
        set_verified(s, assignment_id=assignment(s, "PCD", "PCD-02").id, rnd=lookup.round_of(s, 2568, 12),
                     value="63.5", source="opdc", source_ref="นร ๑๒๐๐/๑๒๓", source_date=date(2025, 10, 20))
    assert server_sync.sync(fp, http, fp_token).pushed == 1
    assert server_sync.sync(sec, http, sec_token).pushed == 1
    with server.reading() as s:
        cr = s.get(ChangeRequest, rid)
        assert (cr.reason, cr.reason_text, cr.proposed_base, cr.proposed_advanced, cr.submitted_on) == \
            (ChangeReason.DISASTER, "น้ำท่วมพื้นที่ตรวจวัด", D(60), D(70), date(2025, 3, 4))
        assert cr.decision == Decision.PENDING
        r = s.exec(select(Result).where(Result.assignment_id == assignment(s, "PCD", "PCD-02").id,
                                        Result.round_id == lookup.round_of(s, 2568, 12).id)).one()
        assert (r.verified_actual, r.verified_source, r.source_ref, r.source_date, r.verified_by) == \
            (D("63.5"), "opdc", "นร ๑๒๐๐/๑๒๓", date(2025, 10, 20), "sec1")
    server_sync.sync(sec, http, sec_token)
    with pytest.raises(NotOnACopy, match="เซิร์ฟเวอร์"):
        with sec.transaction(user="sec1", command="request decide") as s:
            decide_change_request(s, s.get(ChangeRequest, rid), approve=True, decided_on=date(2025, 4, 1))
    with pytest.raises(NotOnACopy):
        with sec.transaction(user="sec1", command="unit add") as s:
            s.add(Unit(ministry_id=lookup.unit(s, "PCD").ministry_id, code="LOCAL", name_th="หน่วยงานในเครื่อง"))
    with sec.reading() as s:
        assert s.get(ChangeRequest, rid).decision == Decision.PENDING          # nothing of the refusal written
        assert s.exec(select(Unit).where(Unit.code == "LOCAL")).first() is None
        assert s.exec(select(OutboxEdit)).all() == []
    assert state(sec) == state(server)


def test_a_copy_keeps_only_what_its_account_may_send(ministry, tmp_path):
    """The server's rule for each role, applied on the copy as the user types: a focal point enters its own
    unit's results (its copy holds no other unit's), not the verified figure, not targets, not a round's
    approval; a committee member changes nothing. Each refusal is a Thai message naming the role, and nothing of it waits to be pushed."""
    from app.models.server import NotOnACopy
    from app.services.framework import approve_round
    server, http = ministry
    fp, _ = copy_for(http, tmp_path, "fp_pcd")
    member, _ = copy_for(http, tmp_path, "member1")
    edit_result(fp, "PCD", "PCD-02", "61")                                  # its own unit: kept, queued
    for attempt in (lambda: edit_target(fp, "PCD", "PCD-02", "advanced", "99"),
                    lambda: edit_result(fp, "PCD", "PCD-02", "60", field="verified_actual")):
        with pytest.raises(NotOnACopy, match="ผู้ประสานงานตัวชี้วัด"):
            attempt()
    with pytest.raises(NotOnACopy, match="เฉพาะฝ่ายเลขานุการ"):
        with fp.transaction(user="fp_pcd") as s:
            approve_round(s, lookup.round_of(s, 2568, 12), reason="ทดลอง")
    with pytest.raises(NotOnACopy, match="กรรมการ"):
        edit_result(member, "PCD", "PCD-02", "61")
    with fp.reading() as s:
        assert [json.loads(q.edit)["value"] for q in s.exec(select(OutboxEdit))] == ["61"]
        assert s.get(type(lookup.round_of(s, 2568, 12)), lookup.round_of(s, 2568, 12).id).status == "open"
    with member.reading() as s:
        assert s.exec(select(OutboxEdit)).all() == []


@pytest.mark.parametrize("typed, ok", [("https://kpi.example.go.th", True), (" http://10.0.0.5:8470/ ", True),
                                       ("kpi.example.go.th", False), ("htp:/kpi", False), ("https://", False),
                                       ("https://kpi:port", False), ("ftp://kpi.example.go.th", False)])
def test_a_server_address_is_checked_before_a_password_is_sent(typed, ok):
    """A slip in the address (no https://, a word for a port) is said in Thai with an example, before any
    connection, rather than as the network library's error name."""
    if ok:
        assert server_sync.server_address(typed) == typed.strip()
    else:
        with pytest.raises(KpiDeskError, match="ไม่ถูกต้อง: ต้องขึ้นต้นด้วย https:// หรือ http://"):
            server_sync.server_address(typed)
