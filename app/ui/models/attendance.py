"""Attendance of one meeting: one row per committee member; status, substitute and reason editable."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from app.ui.models.columns import ColumnsTableModel
from app.models.enums import ATTENDANCE_EN, ATTENDANCE_TH, Attendance
from app.ui.i18n import pick

STATUSES = [Attendance.UNRECORDED, Attendance.PRESENT, Attendance.SUBSTITUTE, Attendance.ABSENT]
COLUMNS = [("กรรมการ", "name"), ("บทบาท", "role"), ("การมาประชุม", "status"), ("ผู้มาประชุมแทน", "substitute"),
           ("ตำแหน่งผู้มาแทน", "substitute_position"), ("เหตุที่ไม่มาประชุม", "reason")]


@dataclass
class AttendanceRow:
    member_id: object
    name: str
    role: str
    status: Attendance | None
    substitute: str = ""
    substitute_position: str = ""
    reason: str = ""
    problem: str = ""          # what the minutes would still miss for this member


class AttendanceTableModel(ColumnsTableModel):
    COLUMNS = COLUMNS
    edit_requested = Signal(object, dict)     # member id, {field: new value} — only the field edited

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, field = self.rows[index.row()], COLUMNS[index.column()][1]
        value = getattr(row, field)
        if field == "status":
            if role == Qt.DisplayRole:
                return pick(ATTENDANCE_TH[value], ATTENDANCE_EN[value]) if value else self.tr("ยังไม่บันทึก")
            if role == Qt.EditRole:
                return value.value if value else ""
            return None
        if role in (Qt.DisplayRole, Qt.EditRole):
            return value
        if role == Qt.ToolTipRole:
            return row.problem or value or None
        if role == Qt.ForegroundRole and row.problem and field in ("name", "status"):
            from PySide6.QtGui import QBrush, QColor
            return QBrush(QColor("#b3261e"))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        field = COLUMNS[index.column()][1]
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if field in ("status", "substitute", "substitute_position", "reason") else base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or not index.isValid():
            return False
        row, field = self.rows[index.row()], COLUMNS[index.column()][1]
        if field == "status":
            value = Attendance(value) if value else Attendance.UNRECORDED
            if value == row.status:
                return False
        elif (value or "") == getattr(row, field):
            return False
        self.edit_requested.emit(row.member_id, {field: value})
        return True


class StatusDelegate(QStyledItemDelegate):
    """A combo box for the attendance status cell."""

    def createEditor(self, parent, option, index):  # noqa: N802
        box = QComboBox(parent)
        for status in STATUSES:
            box.addItem(pick(ATTENDANCE_TH[status], ATTENDANCE_EN[status]), status.value)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        i = editor.findData(index.data(Qt.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.EditRole)
