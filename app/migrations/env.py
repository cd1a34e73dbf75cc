"""Alembic environment: runs on the connection KPI Desk hands it, against ``SQLModel.metadata``."""

from alembic import context
from sqlmodel import SQLModel

import app.models  # noqa: F401

target_metadata = SQLModel.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("KPI Desk migrations run through app.store.migrate, which supplies a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
