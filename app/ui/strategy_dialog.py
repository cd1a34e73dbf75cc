"""The ministry's Strategic KPIs (แฟ้ม → Strategic KPIs ของกระทรวง…): those in force in the year chosen in
the toolbar, with the year's target and monitored result typed in place, how many department indicators
cascade from each, and a form to add one. Monitored, never scored: nothing here touches a score."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout)

from app.domain.thai_text import plain
from app.errors import KpiDeskError
from app.services import lookup, strategy
from app.ui.pages.common import MessageLine, ok_cancel

EDITABLE = {4: "target", 5: "target_value", 6: "result_value"}


class StrategyDialog(QDialog):
    def __init__(self, parent, state) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Strategic KPIs ของกระทรวง ปีงบประมาณ {0}").format(state.year_be))
        self.resize(1100, 560)
        note = QLabel(self.tr("ตัวชี้วัดเชิงยุทธศาสตร์ติดตามผลเท่านั้น ไม่นำมาคิดคะแนน "
                              "พิมพ์ค่าเป้าหมายและผลของปีนี้ในตารางได้ทันที"))
        note.setWordWrap(True)
        self.model = QStandardItemModel(0, 8, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("รหัส"), self.tr("Strategic KPI"), self.tr("หน่วยนับ"), self.tr("แผน"), self.tr("ค่าเป้าหมาย"),
            self.tr("ค่าเป้าหมาย (ตัวเลข)"), self.tr("ผล (ติดตาม)"), self.tr("ถ่ายทอดสู่ตัวชี้วัด")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.model.itemChanged.connect(self.on_item_changed)
        self.add_button = QPushButton(self.tr("เพิ่ม Strategic KPI…"))
        self.add_button.clicked.connect(self.add_kpi)
        self.message = MessageLine()
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.rows: list[strategy.StrategicRow] = []
        self.load()

    def load(self) -> None:
        with self.state.store.reading() as s:
            self.rows = strategy.strategic_rows(s, self.state.year_be)
        self.model.blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        for r in self.rows:
            cells = [r.code, r.name_th, r.unit_of_measure, f"{r.plan_from}–{r.plan_to}", r.target,
                     plain(r.target_value) if r.target_value is not None else "",
                     plain(r.result_value) if r.result_value is not None else "", str(r.cascaded)]
            items = [QStandardItem(text) for text in cells]
            for column, item in enumerate(items):
                if column not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                if column in (5, 6, 7):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.model.appendRow(items)
        self.model.blockSignals(False)
        self.table.resizeRowsToContents()

    def on_item_changed(self, item: QStandardItem) -> None:
        """A typed target or result: the row's three monitored values saved together, in one use case."""
        row = self.rows[item.row()]
        values = {name: self.model.item(item.row(), column).text().strip() for column, name in EDITABLE.items()}

        def save(s):
            kpi = next(k for k in strategy.strategic_kpis_of(s) if k.id == row.id)
            return strategy.set_strategic_target(s, kpi, self.state.year_be, target=values["target"],
                                                 target_value=values["target_value"] or None,
                                                 result_value=values["result_value"] or None)
        try:
            self.state.perform("strategic target", save)
        except KpiDeskError as exc:
            self.message.error(self.tr("ไม่ได้บันทึก: ") + exc.th)
            self.load()
            return
        self.message.info(self.tr("บันทึกแล้ว"))
        self.load()

    def add_kpi(self) -> None:
        form = NewStrategicDialog(self, self.state.year_be)
        self.last_form = form
        if form.exec() != QDialog.Accepted:
            return
        try:
            self.state.perform("add strategic KPI", lambda s: strategy.create_strategic_kpi(
                s, ministry=lookup.ministry(s), code=form.code.text().strip(), name_th=form.name.text(),
                plan_from=form.plan_from.value(), plan_to=form.plan_to.value(), unit_of_measure=form.uom.text()))
        except KpiDeskError as exc:
            self.message.error(self.tr("ไม่ได้เพิ่ม: ") + exc.th)
            return
        self.message.info(self.tr("เพิ่มแล้ว"))
        self.load()


class NewStrategicDialog(QDialog):
    def __init__(self, parent, year_be: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("เพิ่ม Strategic KPI"))
        self.code, self.name, self.uom = QLineEdit(), QLineEdit(), QLineEdit()
        self.plan_from, self.plan_to = QSpinBox(), QSpinBox()
        for box, value in ((self.plan_from, year_be), (self.plan_to, year_be + 4)):
            box.setRange(2500, 2700)
            box.setValue(value)
        form = QFormLayout(self)
        form.addRow(self.tr("รหัส"), self.code)
        form.addRow(self.tr("ชื่อ"), self.name)
        form.addRow(self.tr("หน่วยนับ"), self.uom)
        form.addRow(self.tr("แผนตั้งแต่ปี"), self.plan_from)
        form.addRow(self.tr("ถึงปี"), self.plan_to)
        form.addRow(ok_cancel(self))
