"""Engine construction: a path becomes a SQLite URL, any SQLAlchemy URL is taken as it is.

SQLite connections get foreign keys, WAL and full sync, so a killed process never loses a commit.
The driver's own transaction handling is switched off and every transaction is begun by us: a
reading one with ``BEGIN``, a writing one (``WRITE`` execution option) with ``BEGIN IMMEDIATE``, so
the rules a write checks (a round's lock, a year's approval) are read under the write lock and no
second window can change them between the check and the write.

Bound parameter values are never put into error messages (``hide_parameters``): a failed statement
must not carry a member's name or ID number into a log or a dialog.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import create_engine

from app.errors import StoreError

WRITE = "kpi_desk_write"


def database_url(db: str | Path) -> URL:
    text = str(db)
    if "://" in text:
        try:
            return make_url(text)
        except ArgumentError:
            raise StoreError(f"ที่อยู่ฐานข้อมูล “{_safe_url(text)}” ไม่ถูกต้อง (ใช้ชื่อไฟล์ หรือ URL เช่น "
                             "postgresql+psycopg://ผู้ใช้@เครื่อง/ฐานข้อมูล)", "not a database URL") from None
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def _safe_url(text: str) -> str:
    """A URL as it may be shown: without a password."""
    head, sep, tail = text.partition("://")
    if "@" in tail:
        cred, _, host = tail.rpartition("@")
        tail = cred.split(":", 1)[0] + ":***@" + host if ":" in cred else tail
    return head + sep + tail


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()
    dbapi_conn.isolation_level = None   # we say BEGIN ourselves (see _sqlite_begin)


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def make_engine(url: URL) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    except ImportError as exc:
        driver = url.get_driver_name() or url.get_backend_name()
        raise StoreError(
            f"เครื่องนี้ยังไม่ได้ติดตั้งตัวเชื่อมต่อฐานข้อมูล {driver} สำหรับ {url.get_backend_name()} "
            f"(ติดตั้งด้วย pip install \"psycopg[binary]\" สำหรับ PostgreSQL) — {exc.name or exc}",
            f"the database driver {driver} is not installed") from None
    except ArgumentError as exc:
        raise StoreError(f"ที่อยู่ฐานข้อมูล {url.render_as_string(hide_password=True)} ใช้ไม่ได้ ({exc})",
                         f"unusable database URL: {exc}") from None
