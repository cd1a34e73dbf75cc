"""The scaffolding the editable grids share: rows of records, columns named by (header, field)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class ColumnsTableModel(QAbstractTableModel):
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
