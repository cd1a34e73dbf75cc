"""Use-cases: one function per action a secretary takes, run inside one ``Store.transaction``.

Each takes the session first and keyword arguments after; audit rows are written by the flush hook
in ``app.models.audit``; refusals raise ``KpiDeskError`` subclasses with a Thai message.
"""

from sqlmodel import Session  # noqa: E402,F401  (the unit-of-work handle callers pass back, never query with)
