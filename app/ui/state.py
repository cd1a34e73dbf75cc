"""What every page shares: the open database, the fiscal year and round, and change notifications."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.services import lookup
from app.store import Store


class DeskState(QObject):
    period_changed = Signal()         # year or round switched
    data_changed = Signal(str)        # something was saved; the argument says what (for the status bar)

    def __init__(self, store: Store, year_be: int | None = None, months: int = 12) -> None:
        super().__init__()
        self.store = store
        self.year_be = year_be or self.latest_year()
        self.months = months
        self.saved_at: datetime | None = None

    def latest_year(self) -> int | None:
        """The latest year with results (what a secretary reviews), else the latest year at all."""
        from sqlmodel import select

        from app.models import FiscalYear, Result, Round
        with self.store.reading() as s:
            with_results = s.exec(select(FiscalYear.year_be).join(Round, Round.fiscal_year_id == FiscalYear.id)
                                  .join(Result, Result.round_id == Round.id)
                                  .order_by(FiscalYear.year_be.desc())).first()
            latest = s.exec(select(FiscalYear.year_be).order_by(FiscalYear.year_be.desc())).first()
        return with_results or latest

    def years(self) -> list[int]:
        from sqlmodel import select

        from app.models import FiscalYear
        with self.store.reading() as s:
            return [fy.year_be for fy in s.exec(select(FiscalYear).order_by(FiscalYear.year_be.desc()))]

    def set_period(self, year_be: int, months: int) -> None:
        if (year_be, months) != (self.year_be, self.months):
            self.year_be, self.months = year_be, months
            self.period_changed.emit()

    def saved(self, what: str) -> None:
        self.saved_at = datetime.now()
        self.data_changed.emit(what)

    def round(self, session):
        return lookup.round_of(session, self.year_be, self.months)

    def fiscal_year(self, session):
        return lookup.year(session, self.year_be)
