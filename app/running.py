"""What is running: the command the audit trail records beside the user ("kpi-desk import" …).

Its own small module so the command line can set it without importing the database layer (the
window must paint before SQLAlchemy is even imported)."""

from contextvars import ContextVar

CURRENT_COMMAND: ContextVar[str] = ContextVar("kpi_desk_command", default="")
