"""The ministry server against a real PostgreSQL (started by the tests from the pgserver wheel): sign-in,
tokens, roles, pushes applied once through the guarded services, field-level merge and conflicts, pulls,
and hostile input at the API."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest

pytestmark = pytest.mark.server

PASSWORD = "รหัสผ่านยาวพอ-2568"
ACCOUNTS = [("sec1", "secretary", None), ("sec2", "secretary", None), ("fp_pcd", "focal_point", "PCD"),
            ("member1", "member", None), ("admin1", "admin", None)]


@pytest.fixture
def server(pg_demo_url):
    from fastapi.testclient import TestClient

    from app.server.api import create_app
    from app.services import accounts
    from app.store import open_store

    store = open_store(pg_demo_url)
    with store.transaction(user="setup") as s:
        for name, role, unit in ACCOUNTS:
            accounts.create_account(s, username=name, password=PASSWORD, role=role, unit_code=unit)
    client = TestClient(create_app(store))
    client.store = store
    yield client
    client.close()
    store.close()


def login(client, name: str) -> dict:
    r = client.post("/login", json={"username": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def ids(client, unit: str, code: str, year: int = 2568, months: int = 12) -> tuple[str, str]:
    from sqlmodel import select

    from app.models import Assignment
    from app.services import lookup
    with client.store.reading() as s:
        a = s.exec(select(Assignment).where(Assignment.unit_id == lookup.unit(s, unit).id,
                                            Assignment.indicator_id == lookup.indicator(s, code).id,
                                            Assignment.fiscal_year_id == lookup.year(s, year).id)).one()
        return str(a.id), str(lookup.round_of(s, year, months).id)


def result_edit(client, unit, code, value, field="actual", year=2568, old=None, months=12) -> dict:
    aid, rid = ids(client, unit, code, year, months)
    return {"kind": "result", "id": aid, "round_id": rid, "field": field, "value": value, "old": old}


def target_edit(client, unit, code, field, value, old=None) -> dict:
    return {"kind": "assignment", "id": ids(client, unit, code)[0], "field": field, "value": value, "old": old}


def push(client, headers, edits, base=None, batch=None):
    """A desktop's push; by default from the revision the server is at (a copy that has pulled everything)."""
    base = client.get("/health").json()["revision"] if base is None else base
    return client.post("/push", headers=headers, json={"batch_id": str(batch or uuid.uuid4()), "base": base,
                                                        "edits": edits})


def test_health_answers_and_every_data_route_needs_a_token(server):
    r = server.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    for method, path in (("get", "/pull"), ("get", "/copy"), ("post", "/push"), ("get", "/conflicts"), ("post", "/logout"),
                         ("post", f"/conflicts/{uuid.uuid4()}/resolve")):
        for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic abc"}):
            r = server.request(method.upper(), path, headers=headers, json={})
            assert r.status_code == 401, (method, path, headers, r.text)
            assert "ลงชื่อเข้าใช้" in r.json()["detail"]


def test_tokens_expire_and_are_revoked_and_a_replayed_token_is_refused(server):
    from app.models import AccessToken
    from sqlmodel import select
    headers = login(server, "sec1")
    assert server.get("/pull", headers=headers).status_code == 200
    assert server.post("/logout", headers=headers).status_code == 200
    assert server.get("/pull", headers=headers).status_code == 401          # replayed after sign-out
    headers = login(server, "sec1")
    with server.store.transaction() as s:
        for t in s.exec(select(AccessToken)).all():
            t.expires_at = t.expires_at - timedelta(hours=13)
            s.add(t)
    assert server.get("/pull", headers=headers).status_code == 401          # expired
    with server.store.reading() as s:
        hashes = [t.token_hash for t in s.exec(select(AccessToken)).all()]
    assert headers["Authorization"].split()[1] not in hashes               # only hashes are stored


def test_five_failed_sign_ins_in_a_row_slow_the_account_down(server):
    for _ in range(5):
        r = server.post("/login", json={"username": "sec2", "password": "wrong password"})
        assert r.status_code == 401
    r = server.post("/login", json={"username": "sec2", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1 and "รอ" in r.json()["detail"]
    assert server.post("/login", json={"username": "nobody", "password": "x" * 8}).status_code == 401
    from app.models import Account, AuditEntry
    from sqlmodel import select
    with server.store.reading() as s:
        secrets = [e for e in s.exec(select(AuditEntry).where(AuditEntry.table_name == "account")).all()
                   if "argon2" in (e.new_value or "") + (e.old_value or "")]
        assert secrets == []                                                  # the hash never reaches the audit
        assert s.exec(select(Account).where(Account.username == "sec2")).one().failed_logins == 5


def test_a_retried_batch_is_applied_once_and_edits_are_audited_under_the_real_user(server):
    from app.models import AuditEntry, Result
    from sqlmodel import select
    headers = login(server, "fp_pcd")
    batch = uuid.uuid4()
    edits = [result_edit(server, "PCD", "PCD-02", "77.5"), result_edit(server, "PCD", "PCD-02", "ตรวจแล้ว", "note")]
    since = server.get("/health").json()["revision"]
    first = push(server, headers, edits, batch=batch, base=since)
    assert first.status_code == 200, first.text
    again = push(server, headers, edits, batch=batch, base=since)
    assert again.status_code == 200 and again.json()["replayed"] is True
    assert again.json()["revisions"] == first.json()["revisions"]
    with server.store.reading() as s:
        results = s.exec(select(Result).where(Result.assignment_id == uuid.UUID(edits[0]["id"]))).all()
        assert len(results) == 1 and str(results[0].actual) == "77.5"
        users = {e.user for e in s.exec(select(AuditEntry).where(AuditEntry.table_name == "result")).all()}
    assert "fp_pcd" in users
    pulled = server.get(f"/pull?since={since}", headers=login(server, "sec1")).json()
    assert [c["revision"] for c in pulled["changes"]] == first.json()["revisions"]
    assert pulled["changes"][0]["by"] == "fp_pcd"


def test_different_fields_merge_and_the_same_field_from_the_same_base_is_a_conflict(server):
    one, two = login(server, "sec1"), login(server, "sec2")
    base = server.get("/health").json()["revision"]
    a = push(server, one, [target_edit(server, "DGR", "DGR-01", "base", "11")], base=base)
    b = push(server, two, [target_edit(server, "DGR", "DGR-01", "weight", "25")], base=base)   # another field
    assert a.status_code == b.status_code == 200 and not a.json()["conflicts"] and not b.json()["conflicts"]
    c = push(server, two, [target_edit(server, "DGR", "DGR-01", "base", "12", old="10")], base=base)  # same field
    assert c.status_code == 200 and c.json()["applied"] == 0
    (conflict,) = c.json()["conflicts"]
    assert (conflict["mine"], conflict["theirs"], conflict["theirs_by"], conflict["base"]) == ("12", "11", "sec1", "10")
    listed = server.get("/conflicts", headers=one).json()
    assert [x["id"] for x in listed] == [conflict["id"]] and listed[0]["mine_by"] == "sec2"
    assert server.get("/conflicts", headers=login(server, "fp_pcd")).status_code == 403
    r = server.post(f"/conflicts/{conflict['id']}/resolve", headers=one, json={"choose": "mine"})
    assert r.status_code == 200 and r.json()["revisions"]
    assert server.get("/conflicts", headers=one).json() == []
    last = server.get(f"/pull?since={base}", headers=two).json()["changes"][-1]
    assert last["fields"]["base"] == ["11", "12"] and last["by"] == "sec1"


# role × kind of change × own/other unit × open/locked round → HTTP status
MATRIX = [
    ("secretary", "result", "own", "open", 200), ("secretary", "target", "own", "open", 200),
    ("secretary", "verified", "own", "open", 200), ("secretary", "result", "own", "locked", 403),
    ("secretary", "target", "own", "locked", 403),
    ("focal_point", "result", "own", "open", 200), ("focal_point", "result", "other", "open", 403),
    ("focal_point", "result", "own", "locked", 403), ("focal_point", "target", "own", "open", 403),
    ("focal_point", "verified", "own", "open", 403),
    ("member", "result", "own", "open", 403), ("member", "target", "own", "open", 403),
    ("admin", "result", "own", "open", 403), ("admin", "target", "own", "open", 403),
    # a round's status, pushed from a copy: the whole ministry's, so "own" only
    ("secretary", "lock", "own", "open", 200), ("secretary", "reopen", "own", "locked", 200),
    ("secretary", "reopen without a reason", "own", "locked", 403),
    ("focal_point", "lock", "own", "open", 403), ("focal_point", "reopen", "own", "locked", 403),
    ("member", "lock", "own", "open", 403), ("admin", "lock", "own", "open", 403),
    # a change request made on a copy
    ("secretary", "request", "other", "open", 200), ("focal_point", "request", "own", "open", 200),
    ("focal_point", "request", "other", "open", 403), ("focal_point", "request", "own", "locked", 403),
    ("member", "request", "own", "open", 403), ("admin", "request", "own", "open", 403),
]
USER_OF = {"secretary": "sec1", "focal_point": "fp_pcd", "member": "member1", "admin": "admin1"}


@pytest.mark.parametrize("role, kind, whose, state, status", MATRIX)
def test_permission_matrix(server, role, kind, whose, state, status):
    unit, code = ("PCD", "PCD-02") if whose == "own" else ("DGR", "DGR-01")
    year, months = (2568, 12) if state == "open" else (2567, 6)     # the demo locked FY2567's 6-month round
    if kind == "result":
        edit = result_edit(server, unit, code, "50", year=year, months=months)
    elif kind == "verified":
        edit = result_edit(server, unit, code, "50", field="verified_actual", year=year, months=months)
    elif kind == "request":
        aid, rid = ids(server, unit, code, year, months)
        edit = {"kind": "change_request", "id": str(uuid.uuid4()), "field": "submit", "value": None,
                "request": {"kind": "modify", "assignment_id": aid, "round_id": rid, "reason": "disaster",
                            "reason_text": "อุทกภัย", "proposed_base": "1", "proposed_standard": "2",
                            "proposed_advanced": "3", "submitted_on": "2025-03-04"}}
    elif kind in ("lock", "reopen", "reopen without a reason"):
        edit = {"kind": "round", "id": ids(server, unit, code, year, months)[1], "field": "status", "value": "locked" if kind == "lock" else "open",
                "reason": "" if kind.endswith("reason") else "คณะกรรมการมีมติ"}
    else:
        aid = ids(server, unit, code, year)[0]
        edit = {"kind": "assignment", "id": aid, "field": "advanced", "value": "999"}
    before = server.get("/health").json()["revision"]
    r = push(server, login(server, USER_OF[role]), [edit])
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["detail"] and any("\u0e00" <= ch <= "\u0e7f" for ch in r.json()["detail"])
        assert server.get("/health").json()["revision"] == before          # nothing stored


def test_hostile_input_is_a_clear_4xx_and_stores_nothing(server):
    headers = login(server, "sec1")
    before = server.get("/health").json()["revision"]
    bad = [
        (b"{not json", 400), (b"[]", 422), (json.dumps({"batch_id": "x", "base": 0, "edits": []}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": "0", "edits": []}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0, "edits": {"a": 1}}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{"kind": "assignment", "id": "1; DROP TABLE result;--", "field": "weight",
                                "value": "1"}]}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{"kind": "unit", "id": str(uuid.uuid4()), "field": "name_th", "value": "x"}]}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{**target_edit(server, "PCD", "PCD-02", "weight", "'; DELETE FROM assignment;--")}]}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{**target_edit(server, "PCD", "PCD-02", "weight", 12)}]}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{"kind": "change_request", "id": str(uuid.uuid4()), "field": "submit",
                                "request": {"kind": "modify", "decision": "approved"}}]}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{"kind": "change_request", "id": str(uuid.uuid4()), "field": "submit",
                                "request": {"kind": "bogus", "round_id": ids(server, "PCD", "PCD-02")[1],
                                            "reason": "disaster"}}]}).encode(), 422),
        (json.dumps({"batch_id": str(uuid.uuid4()), "base": 0,
                     "edits": [{**result_edit(server, "PCD", "PCD-02", "50", field="verified_actual"),
                                "verification": {"source": "opdc", "source_date": "31/02/2568"}}]}).encode(), 422),
        (b"x" * (5 * 1024 * 1024 + 1), 413),
    ]
    for body, status in bad:
        r = server.post("/push", headers={**headers, "Content-Type": "application/json"}, content=body)
        assert r.status_code == status, (body[:80], r.status_code, r.text[:200])
        assert "Traceback" not in r.text and r.json()["detail"]
    assert server.post("/login", content=b"\xff\xfe", headers={"Content-Type": "application/json"}).status_code == 400
    assert server.get("/pull?since=-1", headers=headers).status_code == 422
    assert server.get("/pull?since=abc", headers=headers).status_code == 422
    assert server.get("/health").json()["revision"] == before


def test_accounts_are_added_and_listed_from_the_command_line(pg_demo_url, monkeypatch):
    import io
    from tests.clirun import run_cli
    monkeypatch.setattr("sys.stdin", io.StringIO("รหัสผ่านที่ยาวพอ\n"))
    done = run_cli("account", "add", "--username", "somchai", "--role", "focal_point", "--unit", "DGR",
                   "--password-stdin", "--db", pg_demo_url)
    assert done.returncode == 0, done.stderr
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    short = run_cli("account", "add", "--username", "somsri", "--role", "secretary", "--password-stdin",
                    "--db", pg_demo_url)
    assert short.returncode == 2 and "อย่างน้อย" in short.stderr
    monkeypatch.setattr("sys.stdin", io.StringIO("รหัสผ่านที่ยาวพอ\n"))
    no_unit = run_cli("account", "add", "--username", "somsak", "--role", "focal_point", "--password-stdin",
                      "--db", pg_demo_url)
    assert no_unit.returncode == 2 and "ผู้ประสานงานตัวชี้วัดต้องระบุรหัสหน่วยงานที่ดูแล" in no_unit.stderr
    monkeypatch.setattr("sys.stdin", io.StringIO("รหัสผ่านที่ยาวพอ\n"))
    wrong_unit = run_cli("account", "add", "--username", "somsak", "--role", "focal_point", "--unit", "NOPE",
                         "--password-stdin", "--db", pg_demo_url)
    assert wrong_unit.returncode == 2 and "ไม่พบหน่วยงานรหัส “NOPE”" in wrong_unit.stderr
    listed = run_cli("account", "list", "--db", pg_demo_url)
    assert listed.returncode == 0 and "somchai" in listed.stdout and "somsri" not in listed.stdout


def test_a_copy_is_a_ready_sqlite_file_holding_what_the_account_may_hold(server, tmp_path):
    """``GET /copy``: a SQLite database at the current migration, sound, with the rows the account may hold
    (a focal point: its own unit's assignments and results, every unit's name), where it syncs to and as
    whom, at the revision in X-Revision; opened by the desktop as any database."""
    import sqlite3

    from app.models.server import REVISION_SETTING, ROLE_SETTING, SERVER_SETTING, UNIT_SETTING, USER_SETTING
    from app.store import open_store
    from app.store.migrate import head_revision
    held = {}
    for name in ("sec1", "fp_pcd"):
        r = server.get("/copy", params={"server": "https://kpi.example.go.th"}, headers=login(server, name))
        assert r.status_code == 200 and r.content[:16] == b"SQLite format 3\x00"
        path = tmp_path / f"{name}.sqlite3"
        path.write_bytes(r.content)
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        settings = dict(db.execute("SELECT key, value FROM setting"))
        units = {code for (code,) in db.execute("SELECT u.code FROM assignment a JOIN unit u ON u.id = a.unit_id")}
        held[name] = (units, db.execute("SELECT count(*) FROM unit").fetchone()[0])
        db.close()
        assert settings[SERVER_SETTING] == "https://kpi.example.go.th" and settings[USER_SETTING] == name
        assert settings[REVISION_SETTING] == r.headers["x-revision"] == str(server.get("/health").json()["revision"])
        assert settings[ROLE_SETTING] == {"sec1": "secretary", "fp_pcd": "focal_point"}[name]
        assert bool(settings[UNIT_SETTING]) == (name == "fp_pcd")
        store = open_store(path)                        # the desktop opens it as it is: nothing to migrate
        store.close()
    assert held["fp_pcd"][0] == {"PCD"} and len(held["sec1"][0]) > 1
    assert held["fp_pcd"][1] == held["sec1"][1]


def test_a_copy_made_after_a_change_holds_it_and_one_at_the_same_revision_is_the_same(server, tmp_path):
    """The rows of a copy are written once per revision and reused: a copy made after any change (a push,
    a command on the server's data) holds it, never an older file's rows."""
    import sqlite3

    def copy(name):
        r = server.get("/copy", headers=login(server, "sec1"))
        assert r.status_code == 200
        (tmp_path / name).write_bytes(r.content)
        db = sqlite3.connect(tmp_path / name)
        try:
            return int(r.headers["x-revision"]), db.execute(
                "SELECT r.actual FROM result r WHERE r.assignment_id = ? AND r.round_id = ?",
                tuple(uuid.UUID(x).hex for x in ids(server, "PCD", "PCD-02"))).fetchone()
        finally:
            db.close()

    first = copy("a.sqlite3")
    assert copy("b.sqlite3") == first
    assert push(server, login(server, "sec1"), [result_edit(server, "PCD", "PCD-02", "41.25")]).status_code == 200
    revision, actual = copy("c.sqlite3")
    assert revision > first[0] and actual == ("41.25",)
    with server.store.transaction(user="เลขานุการ") as s:
        from app.services.grid import set_result_field
        from app.models import Round
        aid, rid = (uuid.UUID(x) for x in ids(server, "PCD", "PCD-02"))
        set_result_field(s, s.get(Round, rid), aid, "actual", "42")
    later, actual = copy("d.sqlite3")
    assert later > revision and actual == ("42",)


def test_the_private_postgresql_starts_quietly_without_a_login_session():
    """Run as a service or in a container (no XDG_RUNTIME_DIR), pgserver's lock folder falls back to
    /tmp/runtime-UID: that works, and the server's console shows no Python warning about it."""
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    proc = subprocess.run([sys.executable, "-W", "default", "-c",
                           "from app.server.run import _import_pgserver; _import_pgserver()"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_an_empty_account_list_says_so(pg_url):
    from tests.clirun import run_cli
    assert run_cli("init", "--db", pg_url, "--year", "2569", "--ministry-code", "M", "--ministry-name", "กระทรวงทดสอบ"
                   ).returncode == 0
    listed = run_cli("account", "list", "--db", pg_url)
    assert listed.returncode == 0 and listed.stdout.startswith("ยังไม่มีบัญชีผู้ใช้ (เพิ่มด้วย: kpi-desk account add")
