"""Alembic glue: the migration scripts ship inside the package (``app/migrations``).

Opening a database at the current schema must not pay for importing Alembic (about 0.1 s): the
revisions are listed here (``REVISIONS``, checked against the scripts by the tests) and the version is
read with one query. Alembic is imported only to upgrade.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")      # oldest first; the last is the head


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def current_revision(connection: Connection) -> str | None:
    """The schema revision stamped in the database (None when it has no ``alembic_version`` table)."""
    try:
        with connection.begin_nested() if connection.in_transaction() else connection.begin():
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_revisions() -> list[str]:
    """The revisions of the migration scripts, oldest first (what ``REVISIONS`` must equal)."""
    from alembic.script import ScriptDirectory
    scripts = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(scripts.walk_revisions()))]


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
