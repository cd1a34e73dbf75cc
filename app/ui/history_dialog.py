"""The history of a cell: who changed it, when, from what to what, through which command."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from app.domain.calendar import thai_date_short
from app.domain.thai_text import to_thai_digits
from app.ui.i18n import english
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import ok_cancel, table_view


def when(at) -> str:
    """A B.E. date and local time, as the window shows dates."""
    local = at.astimezone() if at.tzinfo else at
    text = f"{thai_date_short(local.date(), thai_digits=False)} {local:%H:%M:%S}"
    return text if english() else to_thai_digits(text)


class HistoryDialog(QDialog):
    def __init__(self, parent, title: str, entries, field_names: dict[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ประวัติการแก้ไข"))
        self.resize(900, 420)
        self.model = RowsTableModel([self.tr("เมื่อ"), self.tr("ผู้แก้ไข"), self.tr("ช่อง"), self.tr("เดิม"),
                                     self.tr("ใหม่"), self.tr("ผ่านคำสั่ง")], self)
        self.model.set_rows([[when(e.at), e.user, field_names.get(e.field, e.field), e.old or "–", e.new or "–",
                              e.command or "–"] for e in entries])
        view = table_view(self.model, stretch_column=None)
        head = QLabel(title)
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        if not entries:
            layout.addWidget(QLabel(self.tr("ยังไม่มีการแก้ไขช่องนี้")))
        layout.addWidget(view, 1)
        box = ok_cancel(self)
        layout.addWidget(box)
