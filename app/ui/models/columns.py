"""The scaffolding the editable grids share: rows of records, columns named by (header, field)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.ui.models.sorting import SortsItsRows


class ColumnsTableModel(SortsItsRows, QAbstractTableModel):
    """Subclasses set ``COLUMNS`` = [(Thai header, record field)] and implement data/flags/setData."""

    COLUMNS: list[tuple[str, str]] = []

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return self.tr(self.COLUMNS[section][0]) if 0 <= section < len(self.COLUMNS) else None
        return str(section + 1)

    def field(self, column: int) -> str:
        return self.COLUMNS[column][1]

    def key(self, row) -> object:
        """What identifies a record across reloads (subclasses name their id field)."""
        return row

    def state(self, index: int) -> object:
        """Everything a row shows (a change in it is a change on screen); by default its record."""
        return self.rows[index]

    def update(self, rows: list, apply, read_only: bool) -> list[int] | None:
        """``replace``, except that a change of ``read_only`` (every cell's flags) resets the model."""
        if read_only != getattr(self, "read_only", False):
            self.read_only = read_only
            self.beginResetModel()
            apply()
            self._resort()
            self.endResetModel()
            return None
        return self.replace(rows, apply)

    def _reorder(self, column: int, order) -> None:
        """A click on a header: the rows by what that column shows (numbers as numbers)."""
        from app.ui.models.rows import sort_key
        values = [sort_key(self.data(self.index(i, column))) for i in range(len(self.rows))]
        ranked = sorted(range(len(self.rows)), key=values.__getitem__, reverse=order == Qt.DescendingOrder)
        self.rows = [self.rows[i] for i in ranked]

    def replace(self, rows: list, apply) -> list[int] | None:
        """Show ``rows``: when they are the same records in the same order, update in place and say only
        the rows that changed (the view keeps its scroll, selection and sizes; nothing else is redrawn);
        otherwise reset. ``apply()`` stores the new state. Returns the changed rows, or None after a reset.
        A list the secretary sorted keeps its order while it is edited (rows do not jump under the cursor)."""
        if self._sorted:
            where = {self.key(r): i for i, r in enumerate(self.rows)}
            rows.sort(key=lambda r: where.get(self.key(r), len(where)))
        if [self.key(r) for r in rows] != [self.key(r) for r in self.rows]:
            self.beginResetModel()
            apply()
            self._resort()
            self.endResetModel()
            return None
        before = [self.state(i) for i in range(len(self.rows))]
        apply()
        changed = [i for i in range(len(self.rows)) if self.state(i) != before[i]]
        for i in changed:
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
        return changed
