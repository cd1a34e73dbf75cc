"""Dates in the window: always the Buddhist era ("๑ ธ.ค. ๒๕๖๙"), typed or picked from a calendar."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QDate, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from app.domain.calendar import parse_thai_date, thai_date_short
from app.ui.i18n import english


def show_date(d: date | None) -> str:
    """A date for a table cell: "๑ ธ.ค. ๒๕๖๙" in Thai, "1 Dec 2026 (B.E. 2569)" in English."""
    if d is None:
        return ""
    if english():
        return f"{d.day} {d.strftime('%b')} {d.year} (B.E. {d.year + 543})"
    return thai_date_short(d)


def _parse(text: str) -> date:
    head = text.split(" (B.E.")[0].strip()
    try:
        return datetime.strptime(head, "%d %b %Y").date()
    except ValueError:
        return parse_thai_date(head)


class ThaiDateEdit(QWidget):
    """A line edit showing the B.E. date, accepting what people type, with a calendar button."""

    changed = Signal()

    def __init__(self, value: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self._value = value or date.today()
        self.edit = QLineEdit()
        self.edit.editingFinished.connect(self._typed)
        button = QToolButton()
        button.setArrowType(Qt.DownArrow)      # as QDateEdit's calendar pop-up (an emoji may have no glyph)
        button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        button.setMenu(menu)
        self._menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(button)
        self.setValue(self._value)

    def value(self) -> date:
        self._typed()
        return self._value

    def setValue(self, value: date) -> None:  # noqa: N802 - Qt naming
        self._value = value
        self.edit.setText(show_date(value))
        self.edit.setStyleSheet("")
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def _typed(self) -> None:
        text = self.edit.text().strip()
        if text == show_date(self._value):
            return
        try:
            self.setValue(_parse(text))
            self.changed.emit()
        except ValueError as exc:
            self.edit.setStyleSheet("color: #b3261e;")
            self.edit.setToolTip(str(exc))

    def _picked(self, qdate: QDate) -> None:
        self.setValue(date(qdate.year(), qdate.month(), qdate.day()))
        self._menu.close()
        self.changed.emit()
