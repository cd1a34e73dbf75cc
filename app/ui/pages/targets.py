"""Indicators & targets: a unit's assigned indicators, edited in place, with live weight sums and problems."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from app.domain.thai_text import format_sum, plain
from app.errors import KpiDeskError
from app.models import Indicator, IndicatorKind, Unit
from app.models.enums import DIRECTION_EN, DIRECTION_TH, INDICATOR_KIND_EN, INDICATOR_KIND_TH
from app.services import indicators, lookup, replica, undo
from app.services.changes import perform
from app.services.framework import ensure_targets_editable
from app.services.grid import FIELD_TH, apply_assignment_edits, assignment_rows, unit_problems, unit_weight_sums
from app.ui.frozen import FrozenFirstColumn
from app.ui.i18n import pick
from app.ui.models.assignments import EDITABLE, AssignmentTableModel
from app.ui.pages.common import (LivePage, MessageLine, UnitPicker, fit_rows, measured_once, offer_history, ok_cancel,
                                 remember_sizes, table_view, with_find)


class EditCommand(QUndoCommand):
    """Cell edits as one undoable step: the edit's change record, reverted or reapplied through the
    services (``app.services.undo``) in one transaction each way."""

    def __init__(self, page: "TargetsPage", changes, text: str) -> None:
        super().__init__(text)
        self.page, self.changes = page, changes
        self._first = True

    def redo(self) -> None:
        if self._first:        # already applied when the edit was made
            self._first = False
            return
        self.page.run("redo", undo.reapply, self.changes)

    def undo(self) -> None:
        self.page.run("undo", undo.revert, self.changes)


class CatalogueDialog(QDialog):
    """Pick an indicator of the catalogue that the unit does not have yet."""

    def __init__(self, parent, items: list[tuple[str, str, object]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("เพิ่มตัวชี้วัดจากบัญชีตัวชี้วัด"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("ค้นหาชื่อหรือรหัสตัวชี้วัด"))
        self.list = QListWidget()
        for code, name, key in items:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(256, key)
            self.list.addItem(item)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(ok_cancel(self))
        self.filter.textChanged.connect(self._filter)

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(text.lower() not in item.text().lower())

    def chosen(self):
        item = self.list.currentItem()
        return item.data(256) if item else None


class LinkDialog(QDialog):
    """What a department indicator serves: a Strategic KPI, a Joint KPI main indicator, or its own mission."""

    def __init__(self, parent, title: str, choices: list, current: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("การเชื่อมโยงตัวชี้วัด"))
        self.resize(720, 160)
        layout = QVBoxLayout(self)
        head = QLabel(title)
        head.setWordWrap(True)
        self.choice = QComboBox()
        for label, kind, key in choices:
            self.choice.addItem(label, (kind, key))
        at = next((i for i, (label, _k, _key) in enumerate(choices) if current and label.startswith(current)), 0)
        self.choice.setCurrentIndex(at)
        layout.addWidget(head)
        layout.addWidget(self.choice)
        layout.addWidget(ok_cancel(self))

    def chosen(self) -> tuple:
        return self.choice.currentData()


class NewIndicatorDialog(QDialog):
    """A new catalogue indicator (one the unit proposes, not from the KPI Basket), added to the unit."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ตัวชี้วัดใหม่"))
        self.resize(620, 300)
        form = QFormLayout(self)
        self.code, self.name, self.uom = QLineEdit(), QLineEdit(), QLineEdit()
        self.kind, self.direction = QComboBox(), QComboBox()
        for kind, th in INDICATOR_KIND_TH.items():
            if kind != IndicatorKind.STRATEGIC:
                self.kind.addItem(pick(th, INDICATOR_KIND_EN[kind]), kind.value)
        for direction, th in DIRECTION_TH.items():
            self.direction.addItem(pick(th, DIRECTION_EN[direction]), direction.value)
        self.step, self.cumulative, self.basket = (QCheckBox(self.tr("ระดับขั้นความสำเร็จ")),
                                                   QCheckBox(self.tr("ค่าสะสม (นับ/รายได้)")),
                                                   QCheckBox(self.tr("จาก KPI Basket")))
        for label, widget in ((self.tr("รหัส"), self.code), (self.tr("ชื่อตัวชี้วัด"), self.name),
                              (self.tr("ประเภท"), self.kind), (self.tr("ทิศทาง"), self.direction),
                              (self.tr("หน่วยนับ"), self.uom), ("", self.step), ("", self.cumulative), ("", self.basket)):
            form.addRow(label, widget)
        form.addRow(ok_cancel(self))


class TargetsPage(LivePage):
    WATCHES = frozenset({"assignment", "indicator", "round", "unit", "frameworkcomponent", "changerequest"})

    def __init__(self, state) -> None:
        super().__init__(state)
        self.undo_stack = QUndoStack(self)
        self.model = AssignmentTableModel(self)
        self.model.edit_requested.connect(self.on_edit, Qt.QueuedConnection)  # never reset a model inside its commit

        self.unit = UnitPicker()
        self.unit.currentIndexChanged.connect(self.refresh)
        self.add_button = add = QPushButton(self.tr("จากบัญชีตัวชี้วัด…"))
        add.clicked.connect(self.add_from_catalogue)
        self.basket_button = QPushButton(self.tr("จาก KPI Basket…"))
        self.basket_button.clicked.connect(self.add_from_basket)
        self.new_button = new = QPushButton(self.tr("ตัวชี้วัดใหม่…"))
        new.clicked.connect(self.new_indicator)
        self.undo_button = QPushButton(self.tr("เลิกทำ"))
        self.redo_button = QPushButton(self.tr("ทำซ้ำ"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.lock_label = QLabel()
        self.lock_label.setStyleSheet("color: #8a5a00;")
        self.lock_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("หน่วยงาน")))
        top.addWidget(self.unit, 1)
        top.addWidget(QLabel(self.tr("เพิ่ม:")))
        for w in (add, self.basket_button, new, self.undo_button, self.redo_button):
            top.addWidget(w)

        self.view = table_view(self.model, stretch_column=None)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
        self.view.setColumnWidth(0, 420)
        measured_once(self.view)
        offer_history(self.view, self.show_history)
        self.frozen_column = FrozenFirstColumn(self.view)      # the indicator's name stays while columns scroll
        self.view.doubleClicked.connect(self.edit_link)
        self.view.horizontalHeader().setMinimumSectionSize(70)

        self.sums = QLabel()
        self.sums.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.message = MessageLine()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("<b>น้ำหนักรวมตามกรอบการประเมิน</b>")))
        side_layout.addWidget(self.sums)
        side_layout.addWidget(QLabel(self.tr("<b>สิ่งที่ต้องแก้ไข</b>")))
        side_layout.addWidget(self.problems, 1)

        split = QSplitter()
        split.addWidget(with_find(self.view))
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        remember_sizes(split, "targets")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lock_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.watch()

    def showEvent(self, event):  # noqa: N802
        if self.unit.count() == 0:
            self.unit.load(self.state.store)
        super().showEvent(event)

    def on_changed(self, changes) -> None:
        if changes.touches("unit") and self.unit.count():
            self.unit.load(self.state.store)
        super().on_changed(changes)

    def unit_id(self):
        return self.unit.currentData()

    def refresh(self) -> None:
        if self.state.year_be is None or self.unit_id() is None:
            self.model.set_rows([])
            return
        with self.state.store.reading() as s:
            fy = self.state.fiscal_year(s)
            rows = assignment_rows(s, fy.id, self.unit_id())
            sums = unit_weight_sums(s, fy.id, self.unit_id())
            problems = unit_problems(s, fy.id, self.unit_id())
            try:
                ensure_targets_editable(s, fy.id)
                locked = pick(*replica.refusal(s, "assignment", "weight", self.unit_id()))   # a copy's account
            except KpiDeskError as exc:
                locked = pick(exc.th, exc.en or exc.th)
            adding = pick(*replica.made_on_the_server(s, "assignment"))
        for button in (self.add_button, self.basket_button, self.new_button):
            button.setEnabled(not adding)
            button.setToolTip(adding)
        by_cell = {}
        for p in problems:
            if p.indicator_key is not None:
                by_cell[(p.indicator_key, p.field)] = p.th
        changed = self.model.set_rows(rows, by_cell, read_only=bool(locked))
        self.lock_label.setText(locked)
        self.lock_label.setVisible(bool(locked))
        self.problems.clear()
        for p in problems:
            self.problems.addItem(p.th)
        if not problems:
            self.problems.addItem(self.tr("ไม่พบปัญหา น้ำหนักและค่าเป้าหมายครบถ้วน"))
        self._show_sums(sums)
        fit_rows(self.view, changed)

    def _show_sums(self, weights) -> None:
        parts = []
        total = weights.total
        for spec in weights.specs:
            got = weights.sums[spec.code]
            ok = spec.weight is None or got == spec.weight
            target = f" / {format_sum(spec.weight)}" if spec.weight is not None else ""
            colour = "#1b7f3b" if ok else "#b3261e"
            indent = "&nbsp;&nbsp;&nbsp;&nbsp;" if spec.parent_code else ""
            parts.append(f"{indent}<span style='color:{colour}'>{spec.code} {pick(spec.name_th, spec.name_en or spec.name_th)}: "
                         f"{format_sum(got)}{target}</span>")
        colour = "#1b7f3b" if total == 100 else "#b3261e"
        parts.append(f"<b style='color:{colour}'>{self.tr('รวม')} {format_sum(total)} / 100.00</b>")
        self.sums.setText("<br>".join(parts))

    # --- editing -------------------------------------------------------------------------------
    def edit_link(self, index) -> None:
        """Double-click the link cell: choose what the indicator serves (the cascade's classes)."""
        if not index.isValid() or self.model.field(index.column()) != "link" or self.model.read_only:
            return
        from app.services import strategy
        row = self.model.rows[index.row()]
        with self.state.store.reading() as s:
            choices = strategy.link_choices(s, self.state.fiscal_year(s).id)
        dialog = LinkDialog(self, f"{row.indicator_code} {row.name}", choices, row.link)
        if dialog.exec() != QDialog.Accepted:
            return
        kind, key = dialog.chosen()
        self.run("link", strategy.set_link, row.id, kind, key)

    def show_history(self, index) -> None:
        """The history of the cell (its field of the indicator's assignment), from the audit trail."""
        from app.services.history import history
        from app.ui.history_dialog import HistoryDialog
        row, field = self.model.rows[index.row()], self.model.field(index.column())
        with self.state.store.reading() as s:
            entries = history(s, "assignment", row.id, field if field in FIELD_TH or field == "monitor" else None)
        HistoryDialog(self, f"{row.indicator_code} {row.name}", entries, {**FIELD_TH, "monitor": "Monitor"}).exec()

    def run(self, command: str, fn, *args):
        """One use case through the services; its change record (None and why, when refused)."""
        try:
            done = perform(self.state.store, command, fn, *args)
        except KpiDeskError as exc:
            self.message.error(self.tr("ไม่ได้บันทึก: ") + exc.th)
            self.refresh()
            return None
        self.message.info(self.tr("บันทึกแล้ว"))
        self.state.saved(done.changes)
        return done.changes

    def on_edit(self, changes: list) -> None:
        record = self.run("targets", apply_assignment_edits, [(i, f, new) for i, f, _old, new in changes])
        if record:
            self.undo_stack.push(EditCommand(self, record, self.tr("แก้ไข {0} ช่อง").format(len(changes))))

    def paste(self) -> None:
        """A rectangular block copied from Excel (tab-separated), from the current cell down and right."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            return
        block = [line.split("\t") for line in text.rstrip("\r\n").replace("\r\n", "\n").split("\n")]
        start = self.view.currentIndex()
        if not start.isValid():
            self.message.error(self.tr("เลือกช่องเริ่มต้นก่อนวางข้อมูล"))
            return
        changes, skipped = [], 0
        for dr, values in enumerate(block):
            r = start.row() + dr
            if r >= len(self.model.rows):
                skipped += len(values)
                continue
            row = self.model.rows[r]
            for dc, value in enumerate(values):
                c = start.column() + dc
                if c >= self.model.columnCount():
                    skipped += 1
                    continue
                field = self.model.field(c)
                if field not in EDITABLE:
                    skipped += 1
                    continue
                old = getattr(row, field)
                changes.append((row.id, field, "" if old is None else plain(old), value.strip()))
        if not changes:
            self.message.error(self.tr("ไม่มีช่องที่แก้ไขได้ในบริเวณที่วาง"))
            return
        self.on_edit(changes)
        if skipped:
            self.message.info(self.tr("วางข้อมูลแล้ว {0} ช่อง (ข้าม {1} ช่องที่แก้ไขไม่ได้)").format(len(changes), skipped))

    def _unit_or_say(self):
        """The chosen unit's id; None, said in the message line, when the ministry has no unit yet."""
        unit = self.unit_id()
        if unit is None:
            self.message.error(self.tr("ยังไม่มีหน่วยงานให้เพิ่มตัวชี้วัด (เพิ่มหน่วยงานได้ที่หน้า หน่วยงานและคณะกรรมการ)"))
        return unit

    def add_from_catalogue(self) -> None:
        if self._unit_or_say() is None:
            return
        with self.state.store.reading() as s:
            fy = self.state.fiscal_year(s)
            items = [(i.code, i.name_th, i.id) for i in indicators.addable_indicators(s, fy.id, self.unit_id())]
        dialog = CatalogueDialog(self, items)
        if dialog.exec() != QDialog.Accepted or dialog.chosen() is None:
            return
        self.add_indicator(dialog.chosen())

    def add_from_basket(self) -> None:
        """Search OPDC's KPI Basket of the year and give the unit the chosen indicator."""
        from app.services import basket
        from app.ui.basket_dialog import BasketDialog
        if self._unit_or_say() is None or self.state.year_be is None:
            return
        dialog = BasketDialog(self, self.state.store, self.state.year_be)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted or dialog.chosen() is None:
            return
        try:
            self.state.perform("add from basket", basket.add_from_basket, entry_id=dialog.chosen(), unit_id=self.unit_id())
        except KpiDeskError as exc:
            self.message.error(exc.th)
            return
        self.message.info(self.tr("เพิ่มตัวชี้วัดแล้ว กำหนดน้ำหนักและค่าเป้าหมายในตาราง"))

    def new_indicator(self) -> None:
        if self._unit_or_say() is None:
            return
        dialog = NewIndicatorDialog(self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return

        def create(s):
            return indicators.create_indicator(
                s, code=dialog.code.text(), name_th=dialog.name.text(), kind=dialog.kind.currentData(),
                direction=dialog.direction.currentData(), unit_of_measure=dialog.uom.text(),
                step=dialog.step.isChecked(), cumulative=dialog.cumulative.isChecked(),
                from_basket=dialog.basket.isChecked())
        self._assign(create)

    def add_indicator(self, indicator_id) -> None:
        self._assign(lambda s: lookup.get(s, Indicator, indicator_id))

    def _assign(self, indicator_of) -> None:
        """Give the unit the indicator ``indicator_of(session)`` returns, in one transaction."""
        def assign(s):
            return indicators.assign_indicator(s, unit=lookup.get(s, Unit, self.unit_id()), indicator=indicator_of(s),
                                               year=self.state.fiscal_year(s))
        try:
            self.state.perform("assign", assign)
        except KpiDeskError as exc:
            self.message.error(exc.th)
            return
        self.message.info(self.tr("เพิ่มตัวชี้วัดแล้ว กำหนดน้ำหนักและค่าเป้าหมายในตาราง"))
