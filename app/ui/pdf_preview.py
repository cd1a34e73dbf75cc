"""A PDF preview with what a reader expects: zoom in and out, fit width or page, go to a page, find text.

QtPdf (pdfium) draws the pages and finds the text; the report's text layer (ToUnicode maps repaired,
ActualText on every line) is what makes Thai words findable.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 4.0


class PdfPreview(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self.view.setSearchModel(self.search)

        def button(text: str, tip: str, slot, keys=None) -> QToolButton:
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            if keys is not None:
                b.setShortcut(keys)
            return b

        self.zoom_out = button("−", self.tr("ย่อ"), self.zoom_out_once, QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_in = button("+", self.tr("ขยาย"), self.zoom_in_once, QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.fit_width = button(self.tr("พอดีความกว้าง"), self.tr("ขยายให้พอดีความกว้าง"), self.fit_to_width)
        self.fit_page = button(self.tr("ทั้งหน้า"), self.tr("แสดงทั้งหน้า"), self.fit_to_page)
        self.previous_page = button("◀", self.tr("หน้าก่อน"), lambda: self.go_to(self.current_page() - 1))
        self.next_page = button("▶", self.tr("หน้าถัดไป"), lambda: self.go_to(self.current_page() + 1))
        self.page = QSpinBox()
        self.page.setMinimum(1)
        self.page.editingFinished.connect(self._page_typed)
        self.pages = QLabel("/ 0")
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("ค้นหาในรายงาน…"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.search.setSearchString)
        self.find.returnPressed.connect(self.next_match)
        self.matches = QLabel()
        self.previous_match = button("↑", self.tr("คำที่พบก่อนหน้า"), self.previous_match_once)
        self.following_match = button("↓", self.tr("คำที่พบถัดไป"), self.next_match)
        self.search.countChanged.connect(self._count)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.document.statusChanged.connect(self._loaded)

        bar = QHBoxLayout()
        for w in (self.zoom_out, self.zoom_in, self.fit_width, self.fit_page, self.previous_page, self.page,
                  self.pages, self.next_page):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.find, self.previous_match, self.following_match, self.matches):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def load(self, path) -> None:
        self.document.load(str(path))

    # --- zoom ---------------------------------------------------------------------------------------
    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))

    def zoom_in_once(self) -> None:
        self._zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out_once(self) -> None:
        self._zoom(self.view.zoomFactor() / ZOOM_STEP)

    def fit_to_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_to_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    # --- pages ---------------------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _page_typed(self) -> None:
        self.go_to(self.page.value() - 1)

    def _page_shown(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)

    def _loaded(self, status) -> None:
        count = self.document.pageCount()
        self.page.setMaximum(max(1, count))
        self.pages.setText(f"/ {count}")
        self._page_shown(0)

    # --- find ----------------------------------------------------------------------------------------
    def _count(self) -> None:
        n = self.search.count()
        self.matches.setText(self.tr("พบ {0} แห่ง").format(n) if self.find.text() else "")
        if n:
            self.view.setCurrentSearchResultIndex(0)

    def next_match(self) -> None:
        n = self.search.count()
        if n:
            self.view.setCurrentSearchResultIndex((self.view.currentSearchResultIndex() + 1) % n)

    def previous_match_once(self) -> None:
        n = self.search.count()
        if n:
            self.view.setCurrentSearchResultIndex((self.view.currentSearchResultIndex() - 1) % n)
