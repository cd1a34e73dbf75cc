"""``kpi-desk server`` as a real process: one command gives a working server on a private PostgreSQL with
the demo; killed with SIGKILL in the middle of a push and started again, the retried batch is applied once
and the database is consistent."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = [pytest.mark.server, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data_dir, port, env, demo=True) -> subprocess.Popen:
    args = [sys.executable, "-m", "app", "server", "--data-dir", str(data_dir), "--port", str(port)]
    proc = subprocess.Popen(args + (["--demo"] if demo else []), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    import httpx
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read())
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("the server did not answer /health")


def test_killed_in_the_middle_of_a_push_the_retried_batch_is_applied_once(tmp_path):
    import httpx
    port = _free_port()
    env = {**os.environ, "KPI_DESK_DATA_DIR": str(tmp_path / "data"), "KPI_DESK_PUSH_PAUSE": "30"}
    server = _start(tmp_path / "srv", port, env)
    base = f"http://127.0.0.1:{port}"
    try:
        assert httpx.get(f"{base}/pull").status_code == 401
        token = httpx.post(f"{base}/login", json={"username": "sec1", "password": "kpi-desk-demo"}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        from app.store import open_store
        from app.services import lookup
        url = _url(tmp_path / "srv")
        store = open_store(url)
        with store.reading() as s:
            a = lookup.assigned_by_code(s, lookup.year(s, 2568).id, lookup.unit(s, "PCD").id)
            edits = [{"kind": "assignment", "id": str(x.id), "field": "advanced_6", "value": str(10 + i)}
                     for i, x in enumerate(a.values()) if not x.monitor][:4]
        before = httpx.get(f"{base}/health").json()["revision"]       # the demo's own changes are numbered too
        batch = {"batch_id": str(uuid.uuid4()), "base": before, "edits": edits}
        with pytest.raises(httpx.HTTPError):
            import threading
            killer = threading.Thread(target=_kill_when_paused, args=(server,))
            killer.start()
            httpx.post(f"{base}/push", headers=headers, json=batch, timeout=60)
        killer.join()
        assert server.wait(timeout=10) == -signal.SIGKILL
        with store.reading() as s:
            from app.services.sync import head
            assert head(s) == before                          # nothing of the killed push was committed
        store.close()
        env.pop("KPI_DESK_PUSH_PAUSE")
        server = _start(tmp_path / "srv", port, env, demo=False)
        first = httpx.post(f"{base}/push", headers=headers, json=batch, timeout=60)   # the token outlived the crash
        again = httpx.post(f"{base}/push", headers=headers, json=batch, timeout=60)
        assert first.status_code == again.status_code == 200, first.text
        assert first.json()["applied"] == len(edits) and again.json()["replayed"] is True
        store = open_store(url)
        with store.reading() as s:
            from sqlalchemy import text
            # one change-log row per edit (revisions may skip the numbers the killed push had drawn)
            assert s.execute(text("SELECT count(*) FROM changelog WHERE batch_id = :b"),
                             {"b": uuid.UUID(batch["batch_id"])}).scalar() == len(edits)
            assert s.execute(text("SELECT count(*) FROM changelog WHERE revision > :r"), {"r": before}).scalar() \
                == len(edits)
            assert s.execute(text("SELECT count(*) FROM syncbatch")).scalar() == 1
            assert s.execute(text("SELECT count(*), count(DISTINCT (unit_id, indicator_id, fiscal_year_id)) "
                                  "FROM assignment")).one() in [(n, n) for n in range(1, 10_000)]
            rows = {str(x.id): x.advanced_6 for x in lookup.assigned_by_code(
                s, lookup.year(s, 2568).id, lookup.unit(s, "PCD").id).values()}
        store.close()
        assert all(str(rows[e["id"]]) == e["value"] for e in edits)
        checked = subprocess.run([sys.executable, "-m", "app", "check", "--db", url], env=env, capture_output=True,
                                 text=True, timeout=120)
        assert "ความถูกต้องของไฟล์ฐานข้อมูล: ปกติ" in checked.stdout, checked.stdout + checked.stderr
    finally:
        server.kill()
        server.wait(timeout=10)
        _stop_postgres(tmp_path / "srv")


def _kill_when_paused(server: subprocess.Popen) -> None:
    for line in server.stderr:
        if "applied, not committed" in line:
            server.send_signal(signal.SIGKILL)
            return


def _url(folder) -> str:
    import pgserver
    return pgserver.get_server(folder / "postgres", cleanup_mode=None).get_uri("kpidesk").replace(
        "postgresql://", "postgresql+psycopg://")


def _stop_postgres(folder) -> None:
    """Stop the test's PostgreSQL, whoever pgserver still counts as using it (this process too, after ``_url``):
    SIGINT is PostgreSQL's fast shutdown."""
    import psutil
    pid_file = folder / "postgres" / "postmaster.pid"
    try:
        postmaster = psutil.Process(int(pid_file.read_text().split()[0]))
    except (OSError, ValueError, IndexError, psutil.NoSuchProcess):
        return
    postmaster.send_signal(signal.SIGINT)
    postmaster.wait(timeout=60)


LOADED = """
import sys
from app.cli import main
code = main(sys.argv[1:])
print("loaded:", sorted(m for m in ("sqlalchemy", "sqlmodel", "alembic") if m in sys.modules))
sys.exit(code)
"""


def test_a_desktop_connects_edits_offline_and_syncs_from_the_command_line(tmp_path):
    import httpx
    from decimal import Decimal

    from app.services import lookup
    from app.services.changes import perform
    from app.services.grid import set_result_field
    from app.store import open_store
    port = _free_port()
    env = {**os.environ, "KPI_DESK_DATA_DIR": str(tmp_path / "data"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}      # no keyring: the password each time
    server = _start(tmp_path / "srv", port, env)
    url = f"http://127.0.0.1:{port}"
    copy = tmp_path / "pcd.sqlite3"

    def kpi(*args, password="kpi-desk-demo"):
        return subprocess.run([sys.executable, "-m", "app", *args], input=password + "\n", env=env,
                              capture_output=True, text=True, timeout=120)
    try:
        done = kpi("sync", "connect", "--server", url, "--username", "pcd", "--password-stdin", "--db", str(copy))
        assert done.returncode == 0, done.stderr
        again = kpi("sync", "connect", "--server", url, "--username", "pcd", "--password-stdin", "--db", str(copy))
        assert again.returncode == 2 and "อยู่แล้ว" in again.stderr
        # the desktop only saves the file the server wrote: no database library is even loaded
        light = subprocess.run([sys.executable, "-c", LOADED, "sync", "connect", "--server", url, "--username", "pcd",
                                "--password-stdin", "--db", str(tmp_path / "second.sqlite3")],
                               input="kpi-desk-demo\n", env=env, capture_output=True, text=True, timeout=120)
        assert light.returncode == 0 and light.stdout.strip().endswith("loaded: []"), light.stdout + light.stderr
        store = open_store(copy)
        with store.reading() as s:
            aid = lookup.assigned_by_code(s, lookup.year(s, 2568).id, lookup.unit(s, "PCD").id)["PCD-02"].id
            rnd = lookup.round_of(s, 2568, 12)
        perform(store, "edit", lambda s: set_result_field(s, s.get(type(rnd), rnd.id), aid, "actual", "๗๒.๕"))
        store.close()
        status = kpi("sync", "status", "--db", str(copy))
        assert "รอส่ง 1 รายการ" in status.stdout, status.stdout + status.stderr
        wrong = kpi("sync", "--password-stdin", "--db", str(copy), password="not the password")
        assert wrong.returncode == 2 and "ไม่ถูกต้อง" in wrong.stderr and "Traceback" not in wrong.stderr
        since = httpx.get(f"{url}/health").json()["revision"]
        synced = kpi("sync", "--password-stdin", "--db", str(copy))
        assert synced.returncode == 0 and "ส่ง 1 รายการ" in synced.stdout, synced.stdout + synced.stderr
        token = httpx.post(f"{url}/login", json={"username": "sec1", "password": "kpi-desk-demo"}).json()["token"]
        pulled = httpx.get(f"{url}/pull?since={since}", headers={"Authorization": f"Bearer {token}"}).json()["changes"]
        assert [(c["table"], c["fields"]["actual"][1], c["by"]) for c in pulled] == [("result", "72.5", "pcd")]
        assert "รอส่ง 0 รายการ" in kpi("sync", "status", "--db", str(copy)).stdout
        local = kpi("unit", "add", "--code", "LOCAL", "--name", "หน่วยงานในเครื่อง", "--db", str(copy))
        assert local.returncode == 2 and "ทำบนข้อมูลของเซิร์ฟเวอร์" in local.stderr and "Traceback" not in local.stderr
        assert "ความถูกต้องของไฟล์ฐานข้อมูล: ปกติ" in kpi("check", "--db", str(copy)).stdout   # PRAGMA integrity_check
        store = open_store(copy)
        with store.reading() as s:
            from sqlmodel import select
            from app.models import Result
            assert s.exec(select(Result).where(Result.assignment_id == aid, Result.round_id == rnd.id)).one().actual \
                == Decimal("72.5")
        store.close()
    finally:
        server.kill()
        server.wait(timeout=10)
        _stop_postgres(tmp_path / "srv")


def test_a_server_on_a_given_postgresql_over_tls(tmp_path, pg_demo_url):
    """--db takes a PostgreSQL the ministry runs; --certfile/--keyfile serve HTTPS."""
    import shutil

    import httpx
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    port = _free_port()
    env = {**os.environ, "KPI_DESK_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen([sys.executable, "-m", "app", "server", "--db", pg_demo_url, "--port", str(port),
                             "--certfile", str(cert), "--keyfile", str(key)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"https://127.0.0.1:{port}/health", verify=str(cert), timeout=1)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "no answer over HTTPS"
                time.sleep(0.3)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        assert httpx.get(f"https://127.0.0.1:{port}/pull", verify=str(cert)).status_code == 401
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)        # plain HTTP is not served
        # a desktop that does not trust this self-made certificate is told so in Thai, before any copy is made
        copy = tmp_path / "copy.sqlite3"
        refused = subprocess.run([sys.executable, "-m", "app", "sync", "connect", "--server", f"https://127.0.0.1:{port}",
                                  "--username", "sec1", "--password-stdin", "--db", str(copy)], input="x\n", env=env,
                                 capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2 and "ใบรับรองความปลอดภัย (TLS) ของเซิร์ฟเวอร์ไม่ผ่าน" in refused.stderr, refused.stderr
        assert "จึงยังไม่ได้สร้างสำเนา" in refused.stderr and not copy.exists()
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is how Unix service managers stop a process")
def test_stopped_by_sigterm_the_server_stops_its_private_postgresql_even_after_a_crash(tmp_path):
    """systemctl stop, docker stop and kill send SIGTERM: the server finishes, exits 0 and stops the PostgreSQL it
    started, as Ctrl+C does — also after an earlier server on the same folder was killed outright (kill -9, a
    power cut), which pgserver kept counting as a user of PostgreSQL for ever."""
    env = {**os.environ, "KPI_DESK_DATA_DIR": str(tmp_path / "data")}
    pid_file = tmp_path / "srv" / "postgres" / "postmaster.pid"
    crashed = _start(tmp_path / "srv", _free_port(), env, demo=False)
    crashed.kill()
    crashed.wait(timeout=30)
    assert pid_file.exists()                                  # PostgreSQL outlives the killed server
    server = _start(tmp_path / "srv", _free_port(), env, demo=False)
    try:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0, server.stderr.read()
        deadline = time.monotonic() + 30
        while pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not pid_file.exists(), "PostgreSQL still running after the server was stopped"
    finally:
        if server.poll() is None:
            server.kill()
        if pid_file.exists():
            _stop_postgres(tmp_path / "srv")


@pytest.mark.skipif(sys.platform == "win32", reason="a smart shutdown by SIGTERM is how PostgreSQL is stopped on Unix")
def test_a_private_postgresql_still_shutting_down_is_said_in_thai(tmp_path):
    """The server started while its PostgreSQL is still stopping (a client holds it open): pgserver asserted,
    and the secretary saw an unexpected AssertionError; now why, in Thai, exit 2."""
    import pgserver
    import psutil
    import psycopg
    folder = tmp_path / "srv" / "postgres"
    folder.parent.mkdir()
    held = psycopg.connect(pgserver.get_server(folder, cleanup_mode=None).get_uri())
    pid_file = folder / "postmaster.pid"
    postmaster = psutil.Process(int(pid_file.read_text().split()[0]))
    try:
        postmaster.send_signal(signal.SIGTERM)                  # a smart shutdown waits for the client above
        deadline = time.monotonic() + 30
        while "stopping" not in pid_file.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        env = {**os.environ, "KPI_DESK_DATA_DIR": str(tmp_path / "data")}
        proc = subprocess.run([sys.executable, "-m", "app", "server", "--data-dir", str(tmp_path / "srv"), "--port",
                               str(_free_port())], env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, proc.stderr
        assert "กำลังหยุดทำงาน" in proc.stderr and "Traceback" not in proc.stderr and "AssertionError" not in proc.stderr
    finally:
        held.close()
        postmaster.wait(timeout=60)
