"""Consistent copies of a SQLite database with SQLite's online backup API (safe while it is in use)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.errors import StoreError


def backup_sqlite(source: Path, dest: Path) -> Path:
    dest = Path(dest)
    if dest.exists():
        raise StoreError(
            f"มีไฟล์ {dest} อยู่แล้ว จึงไม่เขียนทับ กรุณาเลือกชื่อไฟล์สำรองใหม่",
            f"{dest} already exists; choose a new backup file name",
        )
    if not dest.parent.is_dir():
        raise StoreError(f"ไม่พบโฟลเดอร์ {dest.parent} สำหรับไฟล์สำรอง", f"folder {dest.parent} does not exist")
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
