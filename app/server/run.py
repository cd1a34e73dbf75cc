"""``kpi-desk server``: the ministry server on a PostgreSQL given by ``--db``, or on a private one started
from the pgserver wheel in the data directory (one command gives a working server); ``--demo`` loads the
demo ministry and the demo accounts into an empty database; TLS with ``--certfile/--keyfile``."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from app.errors import KpiDeskError

DEMO_PASSWORD = "kpi-desk-demo"
# username, role, unit (focal points), name shown
DEMO_ACCOUNTS = [("admin", "admin", None, "ผู้ดูแลระบบ"), ("sec1", "secretary", None, "เลขานุการ ๑"),
                 ("sec2", "secretary", None, "เลขานุการ ๒"), ("pcd", "focal_point", "PCD", "ผู้ประสานงาน กรมควบคุมมลพิษ"),
                 ("member1", "member", None, "กรรมการ")]


def private_postgres(folder: Path) -> str:
    """A PostgreSQL of our own in ``folder`` (started, or found running), as a SQLAlchemy URL."""
    try:
        pgserver = _import_pgserver()
    except ImportError:
        raise KpiDeskError("ยังไม่ได้ติดตั้งส่วนเซิร์ฟเวอร์ (pip install \"kpi-desk[server]\") หรือระบุ --db postgresql+psycopg://…",
                           "the server extra is not installed") from None
    folder.mkdir(parents=True, exist_ok=True)
    with getattr(pgserver.PostgresServer, "_lock", contextlib.nullcontext()):     # the lock pgserver edits it under
        _forget_dead_users(folder)
    try:
        server = pgserver.get_server(folder, cleanup_mode="stop")
    except (AssertionError, subprocess.SubprocessError, OSError) as exc:     # pgserver asserts what it waits for
        raise _not_started(folder, exc) from exc
    if "kpidesk" not in server.psql("SELECT datname FROM pg_database;"):
        server.psql("CREATE DATABASE kpidesk;")
    return server.get_uri("kpidesk").replace("postgresql://", "postgresql+psycopg://")


def _not_started(folder: Path, exc: BaseException) -> KpiDeskError:
    """Why the private PostgreSQL did not start, from its own pid file (status on line 8) and log."""
    try:
        status = (folder / "postmaster.pid").read_text().splitlines()[7].strip()
    except (OSError, IndexError):
        status = ""
    if status == "stopping":
        return KpiDeskError(f"PostgreSQL ส่วนตัวในโฟลเดอร์ {folder} กำลังหยุดทำงาน (ยังมีโปรแกรมเชื่อมต่อค้างอยู่) "
                            "จึงเริ่มเซิร์ฟเวอร์ไม่ได้ ปิดโปรแกรมที่ยังเชื่อมต่ออยู่หรือรอสักครู่ แล้วเริ่มใหม่",
                            f"the private PostgreSQL in {folder} is shutting down; try again when it has stopped")
    return KpiDeskError(f"เริ่ม PostgreSQL ส่วนตัวในโฟลเดอร์ {folder} ไม่ได้ ดูสาเหตุในบันทึกของ PostgreSQL ที่ {folder / 'log'}",
                        f"the private PostgreSQL in {folder} did not start ({type(exc).__name__}); see {folder / 'log'}")


def _forget_dead_users(folder: Path) -> None:
    """pgserver lists the processes using its PostgreSQL (``.handle_pids.json``) and stops it when the last one
    leaves. A server that was killed (kill -9, a power cut) stayed on the list for ever, so no later stop
    stopped PostgreSQL again; processes that no longer run are taken off it before each start."""
    import json

    import psutil                       # pgserver's own dependency
    path = folder / ".handle_pids.json"
    try:
        pids = json.loads(path.read_text())
    except (OSError, ValueError):
        return                          # no list yet (or unreadable: pgserver rewrites it)
    alive = [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]
    if alive != pids:
        path.write_text(json.dumps(alive))


def _import_pgserver():
    """pgserver keeps its lock in the user's runtime folder; with no login session (a service, a container)
    platformdirs falls back to /tmp/runtime-UID, which works, and warns on the console at every start."""
    import warnings
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
        import pgserver
    return pgserver


def load_demo(store) -> bool:
    """The demo ministry and accounts, into an empty database only; False when it already has data."""
    from app.demo import build_demo
    from app.services import accounts, lookup
    with store.reading() as s:
        if lookup.existing_ministry(s) is not None:
            return False
    build_demo(store)
    with store.transaction(user="demo") as s:
        for username, role, unit, name in DEMO_ACCOUNTS:
            accounts.create_account(s, username=username, password=DEMO_PASSWORD, role=role, unit_code=unit,
                                    display_name=name)
    return True


def serve(*, db: str | None, data_dir: Path, host: str, port: int, demo: bool, certfile: str | None,
          keyfile: str | None) -> int:
    import uvicorn

    from app.server.api import create_app
    from app.store import open_store
    url = db or private_postgres(Path(data_dir) / "postgres")
    store = open_store(url, create=True)
    try:
        if demo:
            print("โหลดข้อมูลตัวอย่างและบัญชีผู้ใช้ตัวอย่างแล้ว" if load_demo(store)
                  else "ฐานข้อมูลมีข้อมูลอยู่แล้ว จึงไม่โหลดข้อมูลตัวอย่าง", flush=True)
        scheme = "https" if certfile else "http"
        print(f"เซิร์ฟเวอร์กระทรวงพร้อมที่ {scheme}://{host}:{port} (ฐานข้อมูล {store.label})", flush=True)
        _stop_on_terminate()
        uvicorn.run(create_app(store), host=host, port=port, ssl_certfile=certfile, ssl_keyfile=keyfile,
                    log_level="warning")
    finally:
        store.close()
    return 0


def _stop_on_terminate() -> None:
    """``kill``, ``systemctl stop`` and ``docker stop`` send SIGTERM (Windows' Ctrl+Break, SIGBREAK). uvicorn
    finishes the requests in hand, then raises the signal again; by default that ends the process on the spot,
    leaving the private PostgreSQL running on the data folder. Ending as Ctrl+C does instead lets it stop."""
    import signal

    def leave(_sig, _frame):
        raise SystemExit(0)
    for name in ("SIGTERM", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)
