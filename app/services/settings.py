"""Reading and writing per-database settings."""

from __future__ import annotations

from sqlmodel import Session, select

from app.models import Setting

DEFAULTS = {"table_thai_digits": "0"}


def get_setting(session: Session, key: str) -> str:
    row = session.exec(select(Setting).where(Setting.key == key)).first()
    return row.value if row else DEFAULTS.get(key, "")


def set_setting(session: Session, key: str, value: str) -> Setting:
    row = session.exec(select(Setting).where(Setting.key == key)).first() or Setting(key=key)
    row.value = value
    session.add(row)
    session.flush()
    return row
