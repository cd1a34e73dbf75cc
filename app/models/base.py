"""Shared column types and the base every table inherits: a UUID key and created/updated times.

UUID keys and timestamps let two secretariats' copies be merged later on a ministry server.
Decimals are stored as canonical text so that SQLite never turns a weight or a target into a float.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from app.domain.thai_text import bounded


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class DecimalText(TypeDecorator):
    """A Decimal kept exactly as text (``"62.50"``); SQLite's NUMERIC would round-trip through float."""

    impl = String(48)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(str(value))
        # last net behind the services' bounded parser: nothing unbounded reaches the file
        return format(bounded(value), "f")

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(value)


class TableBase(SQLModel):
    """Columns every table has."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, nullable=False, sa_column_kwargs={"onupdate": utcnow})


def DecimalField(default=None, nullable: bool = True, **kw):  # noqa: N802 - reads like a type
    return Field(default=default, sa_type=DecimalText, nullable=nullable, **kw)
