"""A read-only table model over plain rows (lists of display values), for the simpler lists."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.ui.models.sorting import SortsItsRows


def sort_key(value) -> tuple:
    """Numbers before text, numbers by value (Thai or Arabic digits, separators), text as Thai sorts it."""
    from app.domain.thai_text import to_arabic_digits
    text = "" if value is None else str(value)
    try:
        return (0, float(to_arabic_digits(text).replace(",", "").strip()), "")
    except ValueError:
        return (1, 0.0, text)


class RowsTableModel(SortsItsRows, QAbstractTableModel):
    """``rows``: display values per column; ``keys``: an object per row; ``colours``: {(row, col): "#hex"}."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[list] = []
        self.keys: list = []
        self.colours: dict = {}
        self.numeric: set[int] = set()

    def set_rows(self, rows: list[list], keys: list | None = None, colours: dict | None = None) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.keys = list(keys) if keys is not None else [None] * len(self.rows)
        self.colours = colours or {}
        self._resort()
        self.endResetModel()

    def _reorder(self, column: int, order) -> None:
        """By a column (numbers as numbers, Thai digits too); rows keep their keys and colours."""
        indexed = list(range(len(self.rows)))
        indexed.sort(key=lambda i: sort_key(self.rows[i][column]), reverse=order == Qt.DescendingOrder)
        where = {old: new for new, old in enumerate(indexed)}
        self.rows = [self.rows[i] for i in indexed]
        self.keys = [self.keys[i] for i in indexed]
        self.colours = {(where[r], c): v for (r, c), v in self.colours.items()}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < len(self.headers)):
            return None
        value = self.rows[index.row()][index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return "" if value is None else str(value)
        if role == Qt.ForegroundRole and (index.row(), index.column()) in self.colours:
            return QBrush(QColor(self.colours[(index.row(), index.column())]))
        if role == Qt.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def key(self, row: int):
        return self.keys[row] if 0 <= row < len(self.keys) else None
