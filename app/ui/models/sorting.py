"""Sorting a read-only list by a click on a column header: the model reorders its own rows (and
whatever travels with them), and keeps that order when the list is loaded again."""

from __future__ import annotations

from PySide6.QtCore import Qt


class SortsItsRows:
    """Mixin for a QAbstractTableModel: implement ``_reorder(column, order)``; call ``_resort()`` after
    loading new rows (inside the model reset)."""

    _sorted: tuple | None = None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        self._sorted = (column, order)
        self._reorder(column, order)
        self.layoutChanged.emit()

    def _resort(self) -> None:
        if self._sorted:
            self._reorder(*self._sorted)

    def _reorder(self, column: int, order) -> None:
        raise NotImplementedError
