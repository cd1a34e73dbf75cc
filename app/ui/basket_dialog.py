"""Add from the KPI Basket: search OPDC's list of the year (Thai or code, as you type) and pick one; its
definition, formula and data source show before it is added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout

from app.models.enums import INDICATOR_KIND_EN, INDICATOR_KIND_TH, IndicatorKind
from app.services import basket
from app.ui.i18n import pick
from app.ui.pages.common import ok_cancel


class BasketDialog(QDialog):
    def __init__(self, parent, store, year_be: int) -> None:
        super().__init__(parent)
        self.store, self.year_be = store, year_be
        self.setWindowTitle(self.tr("เพิ่มตัวชี้วัดจาก KPI Basket ปีงบประมาณ {0}").format(year_be))
        self.resize(860, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("ค้นหาชื่อ รหัส หรือคำนิยามของตัวชี้วัด"))
        self.search.textChanged.connect(self.load)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([self.tr("รหัส"), self.tr("ชื่อตัวชี้วัด"), self.tr("หน่วยนับ"), self.tr("ประเภท")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(3, 220)
        self.table.selectionModel().currentRowChanged.connect(self.show_detail)
        self.table.doubleClicked.connect(self.accept)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.count)
        layout.addWidget(ok_cancel(self))
        self.rows: list[basket.BasketRow] = []
        self.load()

    def load(self, *_args) -> None:
        with self.store.reading() as s:
            self.rows = basket.search_basket(s, self.year_be, self.search.text())
        self.model.removeRows(0, self.model.rowCount())
        for r in self.rows:
            kind = IndicatorKind(r.kind)
            items = [QStandardItem(r.code), QStandardItem(r.name_th), QStandardItem(r.unit_of_measure),
                     QStandardItem(pick(INDICATOR_KIND_TH[kind], INDICATOR_KIND_EN[kind]))]
            items[1].setToolTip(r.name_th)
            self.model.appendRow(items)
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("พบ {0} ตัวชี้วัด").format(len(self.rows)) if self.rows else
                           self.tr("ไม่พบตัวชี้วัดใน KPI Basket ของปีนี้ (นำเข้ารายการของ สำนักงาน ก.พ.ร. ก่อน)")
                           if not self.search.text() else self.tr("ไม่พบตัวชี้วัดที่ตรงกับคำค้น"))
        if self.rows:
            self.table.selectRow(0)

    def show_detail(self, current, _previous=None) -> None:
        r = self.chosen_row()
        if r is None:
            self.detail.setText("")
            return
        lines = [f"<b>{r.code} {r.name_th}</b>"]
        for label, text in ((self.tr("คำนิยาม"), r.definition), (self.tr("สูตรการคำนวณ"), r.formula),
                            (self.tr("แหล่งข้อมูล"), r.data_source)):
            if text:
                lines.append(f"{label}: {text}")
        if r.in_catalogue:
            lines.append(self.tr("อยู่ในบัญชีตัวชี้วัดแล้ว"))
        self.detail.setText("<br>".join(lines))

    def chosen_row(self) -> basket.BasketRow | None:
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def chosen(self):
        row = self.chosen_row()
        return row.id if row else None
