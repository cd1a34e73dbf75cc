"""The results grid of one unit in one round: the unit's actuals, the verified ones, notes and evidence
editable; points computed from the verified figure where there is one (a difference is marked)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.unit_score import UnitScore
from app.ui.models.columns import ColumnsTableModel
from app.services.grid import ResultRow
from app.domain.thai_text import format_number, plain

# What a secretary enters and compares sits beside the indicator's name, so that at 1366 × 768 the
# unit's figure, the verified one and the points are on screen; the descriptive columns follow.
COLUMNS = [("ตัวชี้วัด", "name"), ("น้ำหนัก", "weight"), ("ขั้นต้น", "base"), ("มาตรฐาน", "standard"),
           ("ขั้นสูง", "advanced"), ("ผลการดำเนินงาน", "actual"), ("ผลที่ตรวจสอบแล้ว", "verified_actual"),
           ("คะแนน", "points"), ("คะแนนถ่วงน้ำหนัก", "weighted"), ("หน่วยนับ", "unit_of_measure"),
           ("หมายเหตุ", "note"), ("หลักฐานอ้างอิง", "evidence_ref"), ("ไฟล์หลักฐาน", "evidence_files")]
EDITABLE = {"actual", "verified_actual", "note", "evidence_ref"}
NUMERIC = {"weight", "base", "standard", "advanced", "actual", "verified_actual", "points", "weighted", "evidence_files"}
UNSCORED = {"points", "weighted"}
PROBLEM_BG = QColor("#fde2e1")     # a missing result, or targets that cannot be scored
DIFFERS_BG = QColor("#ffe8b0")
MONITOR_FG = QColor("#6b6b6b")


class ResultsTableModel(ColumnsTableModel):
    COLUMNS = COLUMNS
    edit_requested = Signal(object, str, str, str)   # assignment id, field, old text, new text

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.scored: dict = {}
        self.read_only = False
        self.closed: frozenset = frozenset()      # fields this database's account may not change (a copy's)

    def set_rows(self, rows: list[ResultRow], score: UnitScore | None, read_only: bool,
                 closed: frozenset = frozenset()) -> list[int] | None:
        """The unit's rows and score; the rows that changed (None: all, after a reset)."""
        if closed != self.closed:
            self.closed = closed
            self.read_only = None               # every cell's flags change: ``update`` resets the model
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
            return getattr(s.line, field) if s and not row.by_points else None
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
            if field in UNSCORED and s is not None and s.error:
                return "–"                  # no points: the targets (or OPDC's points) cannot be scored
            if field in ("weight", "points", "weighted"):
                return "" if value is None else format_number(value)
            if field == "actual" and value is None:
                return self.tr("ไม่มีผล") if s is not None and s.missing else ""
            if field in ("base", "standard", "advanced") and row.by_points:
                return "–"
            if field == "evidence_files":
                return format_number(Decimal(value), places=0) if value else ""
            if field in NUMERIC:
                return "" if value is None else format_number(value, places=None)
            if field == "name" and row.monitor:
                return f"{value} [Monitor]"
            return value
        if role == Qt.EditRole:
            return "" if value is None else (plain(value) if field in NUMERIC else value)
        if role == Qt.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole and s is not None and (
                (field == "actual" and s.missing) or (s.error and field in self._at_fault(row))):
            return QBrush(PROBLEM_BG)
        if role == Qt.BackgroundRole and field in ("actual", "verified_actual") and row.differs:
            return QBrush(DIFFERS_BG)
        if role == Qt.ForegroundRole and row.monitor:
            return QBrush(MONITOR_FG)
        if role == Qt.ToolTipRole:
            if s is not None and s.error:
                return s.error
            if field == "name":
                return row.name
            if field in ("actual", "verified_actual") and row.verified_actual is not None:
                return self.verified_tip(row)
            if field in ("base", "standard", "advanced") and row.by_points:
                return self.tr("องค์ประกอบนี้คิดคะแนนจากคะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐) ไม่ใช้ค่าเป้าหมาย")
            if field == "evidence_files":
                return self.tr("ดับเบิลคลิกเพื่อแนบ เปิด หรือลบไฟล์หลักฐาน")
        return None

    @staticmethod
    def _at_fault(row: ResultRow) -> set[str]:
        """The cells marked when a line cannot be scored: its targets, or OPDC's points out of 0–100."""
        return {"points", "actual"} if row.by_points else {"points", "base", "standard", "advanced"}

    def verified_tip(self, row: ResultRow) -> str:
        from app.ui.dates import show_date as thai_date
        from app.services.results import SOURCES_EN, SOURCES_TH
        from app.ui.i18n import pick
        who = pick(SOURCES_TH.get(row.verified_source, ""), SOURCES_EN.get(row.verified_source, ""))
        when = thai_date(row.verified_at.date()) if row.verified_at else ""
        tip = self.tr("ตรวจสอบโดย{0} ({1}) {2}").format(who, row.verified_by, when)
        if row.source_ref or row.source_date:
            tip += "\n" + self.tr("ตาม {0} {1}").format(row.source_ref, thai_date(row.source_date) if row.source_date else "")
        if row.differs:
            reported = format_number(row.actual, places=None) if row.actual is not None else "–"
            tip += "\n" + self.tr("ต่างจากที่หน่วยงานรายงาน ({0}) คะแนนคิดจากผลที่ตรวจสอบแล้ว").format(reported)
        return tip

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if not self.read_only and self.field(index.column()) in EDITABLE - self.closed:
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or self.read_only or not index.isValid():
            return False
        row, field = self.rows[index.row()], self.field(index.column())
        if field not in EDITABLE - self.closed:
            return False
        old = getattr(row, field)
        old_text = "" if old is None else (plain(old) if field in NUMERIC else str(old))
        if str(value).strip() == old_text:
            return False
        self.edit_requested.emit(row.assignment_id, field, old_text, str(value))
        return True
