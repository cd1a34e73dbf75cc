"""What the pages share: refreshing from change records, unit picker, message line, table view set-up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHeaderView, QLabel, QLineEdit, QTableView,
                               QVBoxLayout, QWidget)

from app.services.changes import ChangeSet


class LivePage(QWidget):
    """A page that shows data: it refreshes from the change records the state broadcasts — at once
    when it is visible and affected, otherwise it only marks itself stale and refreshes when shown.
    Subclasses list the tables they show in ``WATCHES`` and call ``self.watch()`` once built."""

    WATCHES: frozenset[str] = frozenset()
    YEARLY = True           # shows one fiscal year's data: changes to other years do not concern it

    def __init__(self, state) -> None:
        super().__init__()
        self.state = state
        self.stale = True

    def watch(self) -> None:
        # bound methods: Qt drops the connections with the page (a language switch rebuilds pages)
        self.state.changed.connect(self.on_changed)
        self.state.period_changed.connect(self.on_period_changed)

    def affected_by(self, changes: ChangeSet) -> bool:
        return changes.touches(*self.WATCHES) and (not self.YEARLY or changes.touches_year(self.state.year_be))

    def on_changed(self, changes: ChangeSet) -> None:
        if self.affected_by(changes):
            self.invalidate()

    def on_period_changed(self) -> None:
        if self.YEARLY:
            self.invalidate()

    def invalidate(self) -> None:
        if self.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError


class UnitPicker(QComboBox):
    """Units of the ministry; departments and provinces first (the ones that are evaluated). On a focal
    point's copy of the ministry server the pickers start on its own unit (``preferred``)."""

    preferred = None            # set by the window for the database it shows

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # a long ministry name must not push the page's buttons off their text: the box gives way
        # (the open list still shows each name whole)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)

    def load(self, store, evaluated_only: bool = True) -> None:
        from app.services.organisation import unit_choices
        current = self.currentData() or UnitPicker.preferred
        self.blockSignals(True)
        self.clear()
        with store.reading() as s:
            units = unit_choices(s, evaluated_only)
        for u in units:
            self.addItem(f"{u.code} — {u.name_th}", u.id)
        # by value: findData compares wrapped Python objects by identity, and an id read again is a new object
        index = next((i for i in range(self.count()) if self.itemData(i) == current), 0)
        self.setCurrentIndex(index)
        self.blockSignals(False)


class MessageLine(QLabel):
    """A one-line message under a grid: red for refusals, green for saves."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #b3261e;")
        self.setText(text)

    def info(self, text: str) -> None:
        self.setStyleSheet("color: #1b7f3b;")
        self.setText(text)


class FindBox(QLineEdit):
    """Filters a table as you type: a row stays when one of its cells contains the text (Thai or English,
    code or name, any case); the others are hidden. Kept after each reload of the table."""

    def __init__(self, view: QTableView) -> None:
        super().__init__()
        self.view = view
        self.filtered = False
        self.setPlaceholderText(QApplication.translate("find", "ค้นหา (รหัสหรือชื่อ)…"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.apply)
        view.model().modelReset.connect(self.apply)
        view.model().layoutChanged.connect(self.apply)
        view.find_box = self

    def apply(self, *_args) -> None:
        needle = self.text().strip().casefold()
        if not needle and not self.filtered:
            return
        model = self.view.model()
        columns = range(model.columnCount())
        frozen = getattr(self.view, "frozen", None)
        for r in range(model.rowCount()):
            hit = not needle or any(needle in str(model.data(model.index(r, c)) or "").casefold() for c in columns)
            self.view.setRowHidden(r, not hit)
            if frozen is not None:
                frozen.setRowHidden(r, not hit)
        self.filtered = bool(needle)


def with_find(view: QTableView, sortable: bool = True) -> QWidget:
    """The table under its find box; a read-only list also sorts by a click on a column header."""
    if sortable:
        view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)     # keep the list's own order at first
        view.setSortingEnabled(True)
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(FindBox(view))
    layout.addWidget(view, 1)
    return box


def remember_sizes(splitter, key: str) -> None:
    """A splitter keeps the sizes the secretary gave it, across pages rebuilt and program restarts."""
    from app.ui.i18n import settings
    saved = settings().value(f"splitter/{key}")
    if saved:
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_: settings().setValue(f"splitter/{key}", splitter.saveState()))


def offer_history(view: QTableView, show) -> None:
    """Right-click a cell → ประวัติการแก้ไข…: ``show(index)`` opens that cell's history."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    def menu(pos) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        popup = QMenu(view)
        popup.addAction(QApplication.translate("history", "ประวัติการแก้ไข…"), lambda: show(index))
        popup.exec(view.viewport().mapToGlobal(pos))
    view.setContextMenuPolicy(Qt.CustomContextMenu)
    view.customContextMenuRequested.connect(menu)


def fit_rows(view: QTableView, changed: list[int] | None) -> None:
    """Column widths and row heights to their (wrapped) contents after a reset; after an edit only the
    heights of the rows that changed (measuring a long grid on each keystroke is what made an edit slow;
    grids are ``measured_once``)."""
    if changed is None:
        measure_columns(view)
        view.resizeRowsToContents()
    else:
        for row in changed:
            view.resizeRowToContents(row)


def measured_once(view: QTableView) -> QTableView:
    """Columns sized when the page loads (``resizeColumnsToContents``), not re-measured on every update:
    for the long, often-updated lists of the dashboard."""
    header = view.horizontalHeader()
    view.measured_columns = [c for c in range(view.model().columnCount())
                             if header.sectionResizeMode(c) == QHeaderView.ResizeToContents]
    for column in view.measured_columns:
        header.setSectionResizeMode(column, QHeaderView.Interactive)
    return view


def measure_columns(view: QTableView) -> None:
    """Size the columns ``measured_once`` took over to their contents (the others keep their widths)."""
    for column in getattr(view, "measured_columns", ()):
        view.resizeColumnToContents(column)


def table_view(model, stretch_column: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectItems)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    # column widths from the first 100 rows, not from every row on every reset (a national table has
    # thousands; the full text of a long cell is in its tooltip)
    header.setResizeContentsPrecision(100)
    header.setStretchLastSection(False)
    view.verticalHeader().setDefaultSectionSize(28)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.Stretch)
    return view


def dialog_buttons():
    """OK/Cancel with the interface's own words (Qt ships no Thai translation for its standard buttons)."""
    from PySide6.QtWidgets import QDialogButtonBox
    box = QDialogButtonBox()
    box.addButton(QApplication.translate("dialog", "ตกลง"), QDialogButtonBox.AcceptRole)
    box.addButton(QApplication.translate("dialog", "ยกเลิก"), QDialogButtonBox.RejectRole)
    return box


def ask(parent, text: str) -> bool:
    """A yes/no question with Thai (or English) buttons."""
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Question, "KPI Desk", text, parent=parent)
    yes = box.addButton(QApplication.translate("dialog", "ตกลง"), QMessageBox.AcceptRole)
    box.addButton(QApplication.translate("dialog", "ยกเลิก"), QMessageBox.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def save(state, message: MessageLine, fn, done: str, what: str) -> bool:
    """Run ``fn(session)`` as one use-case in one transaction; say what happened under the page."""
    from app.errors import KpiDeskError
    try:
        state.perform(what, fn)
    except KpiDeskError as exc:
        message.error(exc.th)
        return False
    message.info(done)
    return True


def ok_cancel(dialog):
    """The dialog's OK/Cancel row, wired to accept and reject."""
    box = dialog_buttons()
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def reason_despite(parent, title: str, problems: list[str]) -> str | None:
    """Show what is wrong and ask for the reason to go ahead anyway; None when the user does not."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QVBoxLayout
    dialog = QDialog(parent)
    dialog.setWindowTitle("KPI Desk")
    dialog.resize(720, 420)
    layout = QVBoxLayout(dialog)
    head = QLabel(title)
    head.setWordWrap(True)
    listing = QPlainTextEdit("\n".join(problems))
    listing.setReadOnly(True)
    reason = QLineEdit()
    reason.setPlaceholderText(QApplication.translate("dialog", "เหตุผล (บันทึกไว้ในประวัติ)"))
    buttons = dialog_buttons()
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for w in (head, listing, reason, buttons):
        layout.addWidget(w)
    dialog.reason_edit = reason
    parent.last_dialog = dialog        # tests answer it
    if dialog.exec() != QDialog.Accepted or not reason.text().strip():
        return None
    return reason.text().strip()
