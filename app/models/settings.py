"""Per-database settings (key → text), e.g. whether numeric tables print Thai digits."""

from __future__ import annotations

from sqlmodel import Field

from app.models.base import TableBase


class Setting(TableBase, table=True):
    key: str = Field(max_length=64, unique=True, index=True)
    value: str = ""
