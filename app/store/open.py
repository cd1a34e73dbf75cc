"""Open a KPI Desk database safely.

Every check runs on a read-only connection first, so a file we refuse (not a database, corrupt,
written by a newer KPI Desk, on a read-only location) is left byte-for-byte untouched. An older
schema is upgraded only after a backup copy has been written beside it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session

import app.models  # noqa: F401  (registers every table)
from app.errors import KpiDeskError, StoreError
from app.running import CURRENT_COMMAND
from app.models import Setting
from app.store import migrate
from app.store.backup import backup_sqlite, create_private_file
from app.store.engine import WRITE, database_url, make_engine, sqlite_path

USER_SETTING = "user_name"
UNKNOWN_USER = "ผู้ใช้ไม่ระบุชื่อ"

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Store:
    """An open database: its engine and a way to run one use-case in one transaction."""

    url: URL
    engine: Engine
    path: Path | None
    upgraded_from: str | None = None
    backup_path: Path | None = None

    @contextmanager
    def transaction(self, user: str | None = None, command: str | None = None) -> Iterator[Session]:
        """One use-case, one transaction: everything commits together or nothing does.

        The transaction takes the database's write lock at its start (``BEGIN IMMEDIATE`` on SQLite;
        services lock the rows they guard on PostgreSQL), so what a service reads to decide whether a
        write is allowed cannot change before the write commits. The acting user is ``user``, else
        ``KPI_DESK_USER``, else the secretary named in the settings, else the computer's account name.
        ``command`` (else the one the command line runs) is recorded beside the user in the audit trail.
        """
        with Session(self.engine.execution_options(**{WRITE: True}), expire_on_commit=False) as session:
            try:
                session.info["user"] = user or os.environ.get("KPI_DESK_USER") or _configured_user(session) \
                    or _os_user() or UNKNOWN_USER
                session.info["command"] = (command or CURRENT_COMMAND.get())[:80]
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                if isinstance(exc, OperationalError):
                    raise _database_refusal(self.label, exc) from None
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except OperationalError as exc:
                raise _database_refusal(self.label, exc) from None

    @property
    def label(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def _configured_user(session: Session) -> str:
    return (session.execute(select(Setting.value).where(Setting.key == USER_SETTING)).scalar() or "").strip()


def _database_refusal(label: str, exc: DBAPIError) -> KpiDeskError:
    """A driver's operational error (locked, busy, disk full, I/O) as a Thai message. Only the driver's own text is kept: SQLAlchemy's message
    would quote the statement (and, without ``hide_parameters``, the values)."""
    text = str(exc.orig) if exc.orig is not None else type(exc).__name__
    if "locked" in text or "busy" in text:
        return KpiDeskError(
            f"ฐานข้อมูล {label} กำลังถูกบันทึกโดยหน้าต่างหรือโปรแกรมอื่น จึงยังบันทึกไม่ได้ "
            "ไม่มีข้อมูลใดถูกเปลี่ยน กรุณาลองอีกครั้ง",
            f"{label} is being written by another window or program; nothing was changed, try again")
    return StoreError(f"ฐานข้อมูล {label} ทำงานไม่สำเร็จ ({text}) ไม่มีข้อมูลใดถูกเปลี่ยน",
                      f"database {label} failed ({text}); nothing was changed")


# a database server's refusal, by the words of its driver's message (PostgreSQL's are the same in every version)
OPEN_CAUSES = (("password authentication failed", "ชื่อผู้ใช้หรือรหัสผ่านของฐานข้อมูลไม่ถูกต้อง",
                "wrong database user or password"),
               ("does not exist", "ไม่มีฐานข้อมูลหรือผู้ใช้ตามที่ระบุบนเซิร์ฟเวอร์ฐานข้อมูล",
                "no such database or user on the database server"),
               ("could not translate host name", "ไม่พบเครื่องตามชื่อที่ระบุ", "unknown host name"),
               ("failed to resolve host", "ไม่พบเครื่องตามชื่อที่ระบุ", "unknown host name"),
               ("Connection refused", "เซิร์ฟเวอร์ฐานข้อมูลไม่ได้เปิดอยู่ หรือชื่อเครื่องหรือพอร์ตผิด",
                "the database server is not running, or the host or port is wrong"),
               ("No such file or directory", "เซิร์ฟเวอร์ฐานข้อมูลไม่ได้เปิดอยู่", "the database server is not running"),
               ("timeout", "เซิร์ฟเวอร์ฐานข้อมูลไม่ตอบภายในเวลาที่กำหนด", "the database server did not answer in time"))


def _open_refusal(label: str, exc: SQLAlchemyError) -> StoreError:
    """Why a database could not be opened, in Thai first; then the driver's own first line for whoever looks
    after the server (not SQLAlchemy's text: it adds the statement and a web link)."""
    orig = getattr(exc, "orig", None)
    detail = (str(orig) if orig is not None else str(exc)).strip().splitlines()[0][:300]
    cause = next(((th, en) for words, th, en in OPEN_CAUSES if words in detail), None)
    if cause is None:
        return StoreError(f"เปิดฐานข้อมูล {label} ไม่สำเร็จ: {detail}", f"cannot open {label}: {detail}")
    return StoreError(f"เปิดฐานข้อมูล {label} ไม่สำเร็จ: {cause[0]} (ระบบฐานข้อมูลแจ้งว่า: {detail})",
                      f"cannot open {label}: {cause[1]} ({detail})")


def _os_user() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER") or os.environ.get("USERNAME") or ""


def _marked_read_only(path: Path) -> bool:
    """True when the OS or the file's own mode says no writing (the mode check also binds root)."""
    if not os.access(path, os.W_OK):
        return True
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _recover_hot_journal(path: Path) -> None:
    """A rollback journal left by a killed writer (``backup`` copies use DELETE journals) is rolled
    back by SQLite itself, which needs a writable connection; a read-only one would refuse the file."""
    journal = Path(f"{path}-journal")
    if not journal.exists() or journal.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass   # the read-only inspection that follows says what is wrong with the file


def _inspect_sqlite(path: Path) -> tuple[str | None, bool]:
    """(alembic revision or None, has any table) read without writing a byte."""
    _recover_hot_journal(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"เปิดไฟล์ {path} ไม่ได้: {exc}", f"cannot open {path}: {exc}") from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise StoreError(
                f"ไฟล์ฐานข้อมูล {path} เสียหาย (ผลตรวจ: {check}) จึงไม่เปิดใช้งานและไม่แก้ไขไฟล์ "
                "กรุณาใช้ไฟล์สำรองล่าสุด",
                f"database {path} is corrupt ({check}); it was not opened or changed",
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(tables)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"ไฟล์ฐานข้อมูล {path} เสียหายหรือไม่ใช่ฐานข้อมูล ({exc}) จึงไม่เปิดใช้งานและไม่แก้ไขไฟล์",
            f"database {path} is corrupt or not a database ({exc}); left untouched",
        ) from exc
    finally:
        conn.close()


def _check_sqlite_file(path: Path, create: bool) -> tuple[str | None, bool]:
    if path.is_dir():
        raise StoreError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", f"{path} is a folder, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(
                f"ไม่พบไฟล์ฐานข้อมูล {path} (สร้างฐานข้อมูลใหม่ได้ด้วยคำสั่ง kpi-desk demo หรือ kpi-desk init)",
                f"database {path} does not exist",
            )
        parent = path.parent
        if not parent.is_dir():
            raise StoreError(f"ไม่พบโฟลเดอร์ {parent} สำหรับสร้างฐานข้อมูล {path.name}", f"folder {parent} does not exist")
        if _marked_read_only(parent):
            raise StoreError(
                f"โฟลเดอร์ {parent} เป็นแบบอ่านอย่างเดียว จึงสร้างฐานข้อมูล {path.name} ไม่ได้",
                f"folder {parent} is read-only",
            )
        return None, False
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(
            f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลของ KPI Desk (ไม่ใช่ไฟล์ SQLite) จึงไม่เปิดและไม่แก้ไขไฟล์นี้",
            f"{path} is not a KPI Desk database (not SQLite); left untouched",
        )
    if _marked_read_only(path) or _marked_read_only(path.parent):
        where = path if _marked_read_only(path) else path.parent
        raise StoreError(
            f"ฐานข้อมูล {path} อยู่ในตำแหน่งที่เขียนไม่ได้ ({where} เป็นแบบอ่านอย่างเดียว) "
            "กรุณาคัดลอกไปไว้ในโฟลเดอร์ที่แก้ไขได้ก่อน",
            f"database {path} is on a read-only location ({where})",
        )
    return _inspect_sqlite(path)


def _check_revision(label: str, revision: str | None, has_tables: bool) -> None:
    if revision is None:
        if has_tables:
            raise StoreError(
                f"ไฟล์ {label} เป็นฐานข้อมูล SQLite แต่ไม่ใช่ของ KPI Desk จึงไม่เปิดและไม่แก้ไขไฟล์นี้",
                f"{label} is an SQLite database but not a KPI Desk one",
            )
        return
    if revision not in migrate.known_revisions():
        raise StoreError(
            f"ฐานข้อมูล {label} ถูกบันทึกโดย KPI Desk รุ่นที่ใหม่กว่ารุ่นนี้ (โครงสร้างรุ่น {revision}) "
            "กรุณาปรับรุ่นโปรแกรมก่อนเปิดไฟล์นี้ ไฟล์ไม่ถูกแก้ไข",
            f"{label} was written by a newer KPI Desk (schema {revision}); upgrade the program",
        )


@contextmanager
def _no_stray_files(path: Path) -> Iterator[None]:
    """A refused file is left as it was: no ``-wal``/``-shm`` that our inspection made beside it."""
    companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    before = {p for p in companions if p.exists()}
    try:
        yield
    except StoreError:
        for p in companions:
            if p not in before and p.exists():
                p.unlink(missing_ok=True)
        raise


def open_store(db: str | Path, *, create: bool = False, upgrade: bool = True) -> Store:
    """Open (or with ``create`` make) the database at a path or SQLAlchemy URL, at the current schema."""
    url = database_url(db)
    path = sqlite_path(url)
    revision, has_tables = (None, False)
    if path is not None:
        with _no_stray_files(path):
            revision, has_tables = _check_sqlite_file(path, create)
            _check_revision(str(path), revision, has_tables)
        if not path.exists():
            create_private_file(path)
    engine = make_engine(url)
    store = Store(url=url, engine=engine, path=path)
    try:
        if path is None:
            with engine.connect() as conn:
                revision = migrate.current_revision(conn)
            _check_revision(store.label, revision, False)
        head = migrate.head_revision()
        if revision != head:
            if revision is not None:
                if not upgrade:
                    raise StoreError(
                        f"ฐานข้อมูล {store.label} เป็นรุ่นเก่า ต้องปรับโครงสร้างก่อนใช้งาน",
                        f"{store.label} has an older schema",
                    )
                if path is not None:
                    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                    store.backup_path = backup_sqlite(path, path.with_name(f"{path.stem}.before-{head}-{stamp}{path.suffix}"))
                store.upgraded_from = revision
            migrate.upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise _open_refusal(store.label, exc) from exc
    except BaseException:
        engine.dispose()
        raise
    return store
