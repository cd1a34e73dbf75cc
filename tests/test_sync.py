"""Three desktop copies (two secretaries, one focal point) of a ministry server on a real PostgreSQL: each
edits offline, they sync in every order; edits of different fields merge, the same field edited from the
same base becomes one conflict, nothing typed is lost, and after a secretary resolves it and a final sync
all three copies equal the server."""

from __future__ import annotations

import itertools
from decimal import Decimal as D

import pytest
from sqlmodel import select

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
                                 ("fp_pcd", "focal_point", "PCD")):
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


def edit_result(store, unit, code, value):
    with store.reading() as s:
        aid, rnd = assignment(s, unit, code).id, lookup.round_of(s, 2568, 12)
    perform(store, "edit", lambda s: set_result_field(s, s.get(type(rnd), rnd.id), aid, "actual", value))


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
    with pytest.raises(server_sync.ServerError, match="ติดต่อเซิร์ฟเวอร์ไม่ได้"):
        server_sync.sync(store, dead, token)
    with store.reading() as s:
        (queued,) = s.exec(select(OutboxEdit)).all()
        assert queued.batch_id is not None                          # named once: a retry is the same batch
    report = server_sync.sync(store, http, token)
    assert report.pushed == 1 and report.waiting == 0
    # the focal point's copy may hold a weight edit, but the server refuses it: set aside with the reason
    edit_target(store, "PCD", "PCD-02", "weight", "10")
    report = server_sync.sync(store, http, token)
    assert report.refused and "ผู้ประสานงาน" in report.refused[0] and report.waiting == 0
    store.close()
