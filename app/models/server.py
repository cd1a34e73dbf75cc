"""The ministry server's own tables: accounts and their sign-in tokens, the change log that numbers every
change with one revision sequence (what a desktop pulls), the batches already applied (a retried push is
answered, not applied again) and the conflicts kept for the secretariat to resolve."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, Integer, String, Text
from sqlmodel import Field, SQLModel

from app.models.base import TableBase, utcnow


class Account(TableBase, table=True):
    """A person who signs in: administrator, secretary, a department's focal point (its ``unit_id``) or a
    committee member. Passwords are kept only as argon2 hashes."""

    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = ""
    role: str = Field(max_length=16)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="unit.id")
    password_hash: str
    failed_logins: int = 0
    locked_until: datetime | None = None
    active: bool = True


class AccessToken(TableBase, table=True):
    """A session token (its SHA-256 only: the token itself lives in the desktop's keyring)."""

    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    expires_at: datetime
    revoked_at: datetime | None = None


class ChangeLog(SQLModel, table=True):
    """One changed row of one use case on the server, numbered by the one revision sequence (the primary
    key): what ``/pull`` returns above a desktop's last revision. Deletions stay as tombstones."""

    revision: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    table_name: str = Field(max_length=64, index=True)
    row_id: uuid.UUID = Field(index=True)
    op: str = Field(max_length=8)
    fields: str = Field(sa_column=Column(Text, nullable=False))       # JSON {field: [old, new]}
    unit_id: uuid.UUID | None = Field(default=None, index=True)       # whose data it is (None: the ministry's)
    username: str = Field(default="", sa_column=Column(String(64), nullable=False, server_default=""))
    batch_id: uuid.UUID | None = None
    at: datetime = Field(default_factory=utcnow)


class SyncBatch(TableBase, table=True):
    """A pushed batch, by the id its desktop gave it, with the answer it got (a retry gets it again)."""

    batch_id: uuid.UUID = Field(unique=True, index=True)
    account_id: uuid.UUID = Field(foreign_key="account.id")
    answer: str = Field(sa_column=Column(Text, nullable=False))


class SyncConflict(TableBase, table=True):
    """Two edits of one field from the same base: the later one kept here (mine) beside the value the
    server has (theirs) and the value both started from (base), until a secretary chooses."""

    table_name: str = Field(max_length=64)
    row_id: uuid.UUID = Field(index=True)
    field: str = Field(max_length=64)
    unit_id: uuid.UUID | None = None
    base: str | None = None
    mine: str | None = None
    theirs: str | None = None
    mine_by: str = ""
    theirs_by: str = ""
    theirs_revision: int = 0
    batch_id: uuid.UUID | None = None
    edit: str = Field(sa_column=Column(Text, nullable=False))         # the refused edit as pushed (JSON)
    resolved_at: datetime | None = None
    resolved_by: str = ""
    resolution: str = Field(default="", max_length=8)                 # mine | theirs
