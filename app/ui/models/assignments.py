"""The editable indicators-and-targets grid: one row per assigned indicator of a unit.

The model never writes to the database: an edit becomes ``edit_requested`` and the page turns it
into an undoable command that calls the services; the page then reloads the rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.models.enums import DIRECTION_EN, DIRECTION_TH, INDICATOR_KIND_EN, INDICATOR_KIND_TH, Direction, IndicatorKind
from app.ui.models.columns import ColumnsTableModel
from app.services.grid import AssignmentRow
from app.ui.i18n import pick
from app.domain.thai_text import format_number, plain

# (header, field or None for read-only computed columns)
# The columns a secretary edits come right after the indicator's name, so that at 1366 × 768 they are on
# screen beside it; the descriptive ones follow.
COLUMNS = [
    ("ตัวชี้วัด", "name"), ("น้ำหนัก", "weight"), ("ขั้นต้น (๕๐)", "base"), ("มาตรฐาน (๗๕)", "standard"),
    ("ขั้นสูง (๑๐๐)", "advanced"), ("หน่วยนับ", "unit_of_measure"), ("ทิศทาง", "direction"), ("Monitor", "monitor"),
    ("ขั้นต้น ๖ ด.", "base_6"), ("มาตรฐาน ๖ ด.", "standard_6"), ("ขั้นสูง ๖ ด.", "advanced_6"),
    ("การเชื่อมโยง", "link"), ("องค์ประกอบ", "component"), ("ประเภท", "kind"), ("ที่มา", "origin"),
]
EDITABLE = {"weight", "base", "standard", "advanced", "base_6", "standard_6", "advanced_6"}
TARGETS = {"base", "standard", "advanced", "base_6", "standard_6", "advanced_6"}
PROBLEM_BG = QColor("#fde2e1")


class AssignmentTableModel(ColumnsTableModel):
    COLUMNS = COLUMNS
    edit_requested = Signal(list)     # [(assignment_id, field, old, new)]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AssignmentRow] = []
        self.problems: dict[tuple, str] = {}     # (assignment_id or None, field) → Thai message
        self.read_only = False

    def set_rows(self, rows: list[AssignmentRow], problems: dict | None = None,
                 read_only: bool = False) -> list[int] | None:
        """The unit's rows and their problems; the rows that changed (None: all, after a reset)."""
        def apply():
            self.rows, self.problems = list(rows), dict(problems or {})
        return self.update(rows, apply, read_only)

    def key(self, row: AssignmentRow):
        return row.id

    def state(self, index: int):
        row = self.rows[index]
        return row, tuple(sorted((f, t) for (key, f), t in self.problems.items() if key == row.id))

    def _display(self, row: AssignmentRow, field: str) -> str:
        if field == "origin":
            return "KPI Basket" if row.from_basket else self.tr("หน่วยงานเสนอ")
        value = getattr(row, field)
        if field == "kind":
            return pick(INDICATOR_KIND_TH[IndicatorKind(value)], INDICATOR_KIND_EN[IndicatorKind(value)])
        if field == "direction":
            return pick(DIRECTION_TH[Direction(value)], DIRECTION_EN[Direction(value)])
        if field == "weight":
            return format_number(value)
        if field in TARGETS and row.by_points:
            return "–"                      # the component takes OPDC's points: no targets
        if field in EDITABLE:
            return "" if value is None else format_number(value, places=None)
        if field == "monitor":
            return ""
        return "" if value is None else str(value)

    def _problem(self, row: AssignmentRow, field: str) -> str | None:
        if (row.id, field) in self.problems:
            return self.problems[(row.id, field)]
        if field in ("base", "standard", "advanced"):
            return self.problems.get((row.id, "targets"))
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, field = self.rows[index.row()], self.field(index.column())
        if role == Qt.DisplayRole:
            return self._display(row, field)
        if role == Qt.EditRole:
            if field == "origin":
                return self._display(row, field)
            value = getattr(row, field)
            return "" if value is None else (plain(value) if field in EDITABLE else value)
        if role == Qt.CheckStateRole and field == "monitor":
            return Qt.Checked if row.monitor else Qt.Unchecked
        if role == Qt.TextAlignmentRole and field in EDITABLE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        problem = self._problem(row, field)
        if role == Qt.BackgroundRole and problem:
            return QBrush(PROBLEM_BG)
        if role == Qt.ToolTipRole:
            if field in TARGETS and row.by_points:
                return self.tr("องค์ประกอบนี้คิดคะแนนจากคะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐) จึงไม่ต้องกำหนดค่าเป้าหมาย")
            return problem or (row.name if field == "name" else None)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.read_only:
            return base
        field = self.field(index.column())
        if field in TARGETS and self.rows[index.row()].by_points:
            return base
        if field in EDITABLE:
            return base | Qt.ItemIsEditable
        if field == "monitor":
            return base | Qt.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if not index.isValid() or self.read_only:
            return False
        row, field = self.rows[index.row()], self.field(index.column())
        if role == Qt.CheckStateRole and field == "monitor":
            new = value in (Qt.Checked, Qt.Checked.value, 2)
            self.edit_requested.emit([(row.id, "monitor", row.monitor, new)])
            return True
        if role == Qt.EditRole and field in EDITABLE:
            old = getattr(row, field)
            old_text = "" if old is None else plain(old)
            if str(value).strip() == old_text:
                return False
            self.edit_requested.emit([(row.id, field, old_text, str(value))])
            return True
        return False
