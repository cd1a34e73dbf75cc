"""Item model: one row per unit with its score and grade for a round."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.thai_text import format_number
from app.ui.models.sorting import SortsItsRows
from app.domain.unit_score import UnitScore
from app.ui.i18n import pick

HEADERS = ("รหัส", "หน่วยงาน", "คะแนน", "ระดับ", "ไม่มีผล")   # translated in headerData


class UnitScoreTableModel(SortsItsRows, QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[UnitScore] = []

    def unit_at(self, row: int) -> UnitScore:
        return self._rows[row]

    def set_scores(self, rows: list[UnitScore]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._resort()
        self.endResetModel()

    def _reorder(self, column: int, order) -> None:
        """By code, name, score (units without one last), grade or missing results."""
        keys = {0: lambda u: u.unit_code, 1: lambda u: u.unit_name,
                2: lambda u: (u.has_score, u.score), 3: lambda u: (u.has_score, u.score),
                4: lambda u: len(u.missing)}
        self._rows.sort(key=keys.get(column, keys[2]), reverse=order == Qt.DescendingOrder)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(HEADERS):
            return self.tr(HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        u = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            score = format_number(u.shown_score)
            return (u.unit_code, u.unit_name, score, pick(*u.verdict[:2]), str(len(u.missing)))[col]
        if role == Qt.TextAlignmentRole and col in (2, 4):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and col == 3:
            return QBrush(QColor(u.verdict[2]))
        if role == Qt.ToolTipRole:          # the full name, which a narrow column elides, and what is wrong
            return "\n".join([u.unit_name, *(pick(i.th, i.en) for i in u.issues)])
        return None
