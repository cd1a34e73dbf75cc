"""Consistent copies of a SQLite database with SQLite's online backup API (safe while it is in use)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.errors import StoreError


def create_private_file(path: Path) -> None:
    """Create an empty file readable and writable by its owner only (0600 on POSIX; on Windows the
    file inherits the user's profile folder's permissions). SQLite gives its -wal/-shm/-journal
    files the database file's mode, so they are private too."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def backup_sqlite(source: Path, dest: Path) -> Path:
    dest = Path(dest)
    if dest.exists():
        raise StoreError(
            f"มีไฟล์ {dest} อยู่แล้ว จึงไม่เขียนทับ กรุณาเลือกชื่อไฟล์สำรองใหม่",
            f"{dest} already exists; choose a new backup file name",
        )
    if not dest.parent.is_dir():
        raise StoreError(f"ไม่พบโฟลเดอร์ {dest.parent} สำหรับไฟล์สำรอง", f"folder {dest.parent} does not exist")
    try:
        create_private_file(dest)
    except OSError as exc:
        raise StoreError(f"สร้างไฟล์สำรอง {dest} ไม่ได้ ({exc.strerror})", f"cannot create {dest}: {exc}") from None
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise StoreError(f"สำรองฐานข้อมูล {source} ไม่สำเร็จ: {exc}", f"backup of {source} failed: {exc}") from exc
    finally:
        src.close()
    return dest
