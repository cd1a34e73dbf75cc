"""What every page shares: the open database, the fiscal year and round, and change notifications."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.services import lookup
from app.services.changes import ChangeSet, perform
from app.store import Store


class DeskState(QObject):
    period_changed = Signal()         # year or round switched
    changed = Signal(object)          # a ChangeSet: what one use case changed (pages refresh where affected)

    def __init__(self, store: Store, year_be: int | None = None, months: int = 12) -> None:
        super().__init__()
        self.store = store
        self.year_be = year_be or self.latest_year()
        self.months = months
        self.saved_at: datetime | None = None

    def latest_year(self) -> int | None:
        """The latest year with results (what a secretary reviews), else the latest year at all."""
        with self.store.reading() as s:
            return lookup.latest_year_be(s)

    def years(self) -> list[int]:
        with self.store.reading() as s:
            return lookup.years_be(s)

    def set_period(self, year_be: int, months: int) -> None:
        if (year_be, months) != (self.year_be, self.months):
            self.year_be, self.months = year_be, months
            self.period_changed.emit()

    def perform(self, command: str, fn, *args, **kwargs):
        """Run one use case through the services and broadcast its change record; returns its value."""
        done = perform(self.store, command, fn, *args, **kwargs)
        self.saved(done.changes)
        return done.value

    def saved(self, changes: ChangeSet) -> None:
        if changes:
            self.saved_at = datetime.now()
            self.changed.emit(changes)

    def round(self, session):
        return lookup.round_of(session, self.year_be, self.months)

    def fiscal_year(self, session):
        return lookup.year(session, self.year_be)
