"""The ministry server at national scale, as whole processes, against baselines measured in the same run.

    python -m benchmarks.bench_server [--clients 50] [--edits 20] [--runs 7]

(1) A desktop's first copy of one national year (``benchmarks/national.py`` data on the server's
    PostgreSQL): ``kpi-desk sync connect`` as a process, from launch to a ready local database, against a
    process that runs PostgreSQL's own ``COPY (SELECT …) TO STDOUT`` of the same tables' rows (psycopg);
    once just after a change on the server (the copy's rows written for the new revision) and once more at
    that revision (the rows file reused).
(2) ``--clients`` concurrent desktops, each signing in, pushing ``--edits`` edits one push at a time
    (each a different indicator's target, so none conflicts) and pulling: requests per second, median
    and p95 latency of a push, and the proof that no edit was lost or applied twice (the change log holds
    exactly clients × edits rows, and every edited value is on the server).
A private PostgreSQL is started from the pgserver wheel in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

COPY_BASELINE = r"""
import sys, psycopg
tables = sys.argv[2].split(",")
with psycopg.connect(sys.argv[1]) as conn, open(os.devnull, "wb") as out:
    for t in tables:
        with conn.cursor().copy(f'COPY (SELECT * FROM "{t}") TO STDOUT') as copy:
            for block in copy:
                out.write(block)
""".replace("import sys, psycopg", "import os, sys, psycopg")


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc) -> None:
    import httpx
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(proc.stderr.read())
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    import pgserver

    from app.services import accounts
    from app.services.replica import NOT_COPIED
    from app.store import open_store
    from benchmarks.national import generate
    from sqlmodel import SQLModel

    work = Path(tempfile.mkdtemp(prefix="kpi-bench-server-"))
    pg = pgserver.get_server(work / "pg", cleanup_mode="stop")
    pg.psql("CREATE DATABASE nation;")
    raw = pg.get_uri("nation")
    url = raw.replace("postgresql://", "postgresql+psycopg://")
    counts = generate(url, years=1)
    store = open_store(url)
    with store.transaction(user="bench") as s:
        accounts.create_account(s, username="sec", password="password-2568", role="secretary")
        for i in range(args.clients):
            accounts.create_account(s, username=f"c{i}", password="password-2568", role="secretary")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KPI_DESK_DATA_DIR": str(work / "data"), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    server = subprocess.Popen([sys.executable, "-m", "app", "server", "--db", url, "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait(base, server)
        print(f"national year: {sum(counts.values()):,} rows ({', '.join(f'{k} {v:,}' for k, v in counts.items() if v)})")
        tables = [t.name for t in SQLModel.metadata.sorted_tables if t.name not in NOT_COPIED]
        copy_times, cold_times, warm_times = [], [], []

        def connect(target: Path) -> float:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "app", "sync", "connect", "--server", base, "--username",
                                   "sec", "--password-stdin", "--db", str(target)], input="password-2568\n", env=env,
                                  capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(done.stderr)
            return time.perf_counter() - start

        for run in range(args.runs + 1):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", COPY_BASELINE, raw, ",".join(tables)], check=True, env=env)
            copy_times.append(time.perf_counter() - start)
            _edit_one_target(store, run)          # the revision moves: the next copy's rows are written afresh
            cold_times.append(connect(work / f"cold{run}.sqlite3"))
            warm_times.append(connect(work / f"warm{run}.sqlite3"))   # the same revision: its rows file reused
        copy_s = statistics.median(copy_times[1:])
        for label, times in (("just after a change (rows written for the new revision)", cold_times),
                             ("at a revision already copied (rows file reused)", warm_times)):
            clone_s = statistics.median(times[1:])
            print(f"(1) first copy of the year {label}: kpi-desk sync connect {clone_s:.2f} s, COPY TO STDOUT of "
                  f"the same tables {copy_s:.2f} s — ratio {clone_s / copy_s:.2f}× (medians of {args.runs} after a "
                  f"warm-up)")
        _concurrent(base, store, args.clients, args.edits)
    finally:
        server.kill()
        server.wait()
        store.close()
        pg.cleanup()


def _edit_one_target(store, run: int) -> None:
    """One target changed on the server's data through the services, as a secretary's command would."""
    from sqlmodel import select

    from app.models import Assignment
    from app.services.grid import set_assignment_field
    with store.transaction(user="bench", command="edit") as s:
        a = s.exec(select(Assignment).where(Assignment.monitor.is_(False)).order_by(Assignment.id.desc())).first()
        set_assignment_field(s, a, "advanced_6", str(500 + run))


def _concurrent(base: str, store, clients: int, edits: int) -> None:
    import httpx
    from sqlalchemy import text
    from sqlmodel import select

    from app.models import Assignment
    from app.services.sync import head
    with store.reading() as s:
        targets = [a.id for a in s.exec(select(Assignment).where(Assignment.monitor.is_(False))
                                        .order_by(Assignment.id).limit(clients * edits))]
        start_revision = head(s)         # the national data's own rows are numbered too; every desktop has them
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client(i: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            token = http.post("/login", json={"username": f"c{i}", "password": "password-2568"}).json()["token"]
            headers = {"Authorization": f"Bearer {token}"}
            barrier.wait()
            for j in range(edits):
                aid = targets[i * edits + j]
                body = {"batch_id": str(uuid.uuid4()), "base": start_revision,
                        "edits": [{"kind": "assignment", "id": str(aid), "field": "advanced_6", "value": str(1000 + j)}]}
                t = time.perf_counter()
                r = http.post("/push", headers=headers, json=body)
                with lock:
                    latencies.append(time.perf_counter() - t)
                    if r.status_code != 200 or r.json().get("applied") != 1:
                        failures.append(r.text[:200])
            r = http.get(f"/pull?since={start_revision}", headers=headers)
            if r.status_code != 200:
                failures.append(r.text[:200])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    with store.reading() as s:
        logged = s.execute(text("SELECT count(*) FROM changelog WHERE revision > :r"), {"r": start_revision}).scalar()
        batches = s.execute(text("SELECT count(*) FROM syncbatch")).scalar()
        values = dict(s.execute(text("SELECT id, advanced_6 FROM assignment WHERE advanced_6 IS NOT NULL")).all())
    expected = clients * edits
    right = sum(1 for i in range(clients) for j in range(edits)
                if str(values.get(targets[i * edits + j])) == str(1000 + j))
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"(2) {clients} clients × {edits} pushes, then a pull each: {len(latencies) / elapsed:.1f} pushes/s, "
          f"push latency median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms; "
          f"change log {logged} rows for {expected} edits, {batches} batches, {right} values on the server, "
          f"{len(failures)} failures — {'0 lost, 0 duplicated' if logged == right == expected and not failures else 'MISMATCH'}")


if __name__ == "__main__":
    main()
