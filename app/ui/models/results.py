"""The results grid of one unit in one round: actuals, notes and evidence editable; points computed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.unit_score import UnitScore
from app.ui.models.columns import ColumnsTableModel
from app.services.grid import ResultRow
from app.domain.thai_text import format_number, plain

COLUMNS = [("ตัวชี้วัด", "name"), ("หน่วยนับ", "unit_of_measure"), ("น้ำหนัก", "weight"), ("ขั้นต้น", "base"),
           ("มาตรฐาน", "standard"), ("ขั้นสูง", "advanced"), ("ผลการดำเนินงาน", "actual"), ("คะแนน", "points"),
           ("คะแนนถ่วงน้ำหนัก", "weighted"), ("หมายเหตุ", "note"), ("หลักฐานอ้างอิง", "evidence_ref")]
EDITABLE = {"actual", "note", "evidence_ref"}
NUMERIC = {"weight", "base", "standard", "advanced", "actual", "points", "weighted"}
MISSING_BG = QColor("#fde2e1")
MONITOR_FG = QColor("#6b6b6b")


class ResultsTableModel(ColumnsTableModel):
    COLUMNS = COLUMNS
    edit_requested = Signal(object, str, str, str)   # assignment id, field, old text, new text

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.scored: dict = {}
        self.read_only = False

    def set_rows(self, rows: list[ResultRow], score: UnitScore | None, read_only: bool) -> list[int] | None:
        """The unit's rows and score; the rows that changed (None: all, after a reset)."""
        def apply():
            self.rows = list(rows)
            self.scored = {s.line.key: s for s in (score.lines if score else [])}
        return self.update(rows, apply, read_only)

    def key(self, row: ResultRow):
        return row.assignment_id

    def state(self, index: int):
        row = self.rows[index]
        return row, self.scored.get(row.assignment_id)

    def _scored(self, row: ResultRow):
        return self.scored.get(row.assignment_id)

    def _value(self, row: ResultRow, field: str):
        s = self._scored(row)
        if field in ("base", "standard", "advanced"):
            return getattr(s.line, field) if s else None
        if field == "points":
            return s.points if s else None
        if field == "weighted":
            return s.weighted if s else None
        return getattr(row, field)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, field = self.rows[index.row()], self.field(index.column())
        value = self._value(row, field)
        s = self._scored(row)
        if role == Qt.DisplayRole:
            if field in ("weight", "points", "weighted"):
                return "" if value is None else format_number(value)
            if field == "actual" and value is None:
                return self.tr("ไม่มีผล") if s is not None and s.missing else ""
            if field in NUMERIC:
                return "" if value is None else format_number(value, places=None)
            if field == "name" and row.monitor:
                return f"{value} [Monitor]"
            return value
        if role == Qt.EditRole:
            return "" if value is None else (plain(value) if field in NUMERIC else value)
        if role == Qt.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole and field == "actual" and s is not None and s.missing:
            return QBrush(MISSING_BG)
        if role == Qt.ForegroundRole and row.monitor:
            return QBrush(MONITOR_FG)
        if role == Qt.ToolTipRole:
            if s is not None and s.error:
                return s.error
            if field == "name":
                return row.name
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if not self.read_only and self.field(index.column()) in EDITABLE:
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or self.read_only or not index.isValid():
            return False
        row, field = self.rows[index.row()], self.field(index.column())
        if field not in EDITABLE:
            return False
        old = getattr(row, field)
        old_text = "" if old is None else (plain(old) if field == "actual" else str(old))
        if str(value).strip() == old_text:
            return False
        self.edit_requested.emit(row.assignment_id, field, old_text, str(value))
        return True
