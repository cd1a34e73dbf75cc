"""A table whose first column stays in place while the others scroll sideways (Qt's "frozen column"
pattern): a second view over the same model shows only that column, laid over the left edge of the
main view and kept in step with its scrolling, row heights and selection. Identifying a row (the
indicator's name) never scrolls out of sight while its targets or results are edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


BORDER = 2      # the line that marks the frozen column's edge


class FrozenFirstColumn:
    def __init__(self, view: QTableView) -> None:
        self.view = view
        frozen = self.frozen = QTableView(view)
        frozen.setModel(view.model())
        frozen.setSelectionModel(view.selectionModel())
        frozen.setFocusPolicy(Qt.NoFocus)
        frozen.setEditTriggers(QAbstractItemView.NoEditTriggers)
        frozen.setWordWrap(view.wordWrap())
        frozen.setAlternatingRowColors(view.alternatingRowColors())
        frozen.verticalHeader().hide()
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        frozen.setVerticalScrollMode(view.verticalScrollMode())
        frozen.setStyleSheet(f"QTableView {{ border: none; border-right: {BORDER}px solid #9aa7b5; }}")
        view.viewport().stackUnder(frozen)
        view.frozen = frozen                 # the find box hides the same rows in both
        self._columns()
        model = view.model()
        model.modelReset.connect(self._columns)
        model.layoutChanged.connect(self._columns)
        view.horizontalHeader().sectionResized.connect(self._width)
        view.verticalHeader().sectionResized.connect(self._height)
        view.verticalHeader().geometriesChanged.connect(self.geometry)   # row numbers widen as rows come
        view.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        frozen.doubleClicked.connect(view.doubleClicked)
        view.installEventFilter(self.filter())
        self.geometry()

    def filter(self):
        from PySide6.QtCore import QEvent, QObject

        owner = self

        class Resize(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
                if event.type() in (QEvent.Resize, QEvent.Show, QEvent.LayoutRequest):
                    owner.geometry()
                return False
        self._filter = Resize(self.view)
        return self._filter

    def _columns(self) -> None:
        model = self.view.model()
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setColumnWidth(0, self.view.columnWidth(0))
        for row in range(model.rowCount()):
            self.frozen.setRowHeight(row, self.view.rowHeight(row))
            self.frozen.setRowHidden(row, self.view.isRowHidden(row))
        self.geometry()

    def _width(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self.geometry()

    def _height(self, row: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(row, new)
        self.frozen.setRowHidden(row, self.view.isRowHidden(row))

    def geometry(self) -> None:
        v = self.view
        self.frozen.setGeometry(v.verticalHeader().width() + v.frameWidth(), v.frameWidth(),
                                v.columnWidth(0) + BORDER,     # the border is drawn outside the column, over
                                v.viewport().height() + v.horizontalHeader().height())  # the main view's own
        self.frozen.horizontalHeader().setFixedHeight(v.horizontalHeader().height())
