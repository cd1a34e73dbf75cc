"""Units & committee: the ministry's units and the governing committee with roles and terms."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)
from sqlmodel import select

from app.domain.calendar import thai_date_short
from app.models import Committee, CommitteeMember, Unit, UnitKind
from app.models.enums import COMMITTEE_ROLE_TH, UNIT_KIND_TH, CommitteeRole
from app.services import lookup, organisation
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import MessageLine, dialog_buttons, save, table_view


class UnitDialog(QDialog):
    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("เพิ่มหน่วยงาน"))
        form = QFormLayout(self)
        self.code, self.name, self.short = QLineEdit(), QLineEdit(), QLineEdit()
        self.kind = QComboBox()
        for kind, th in UNIT_KIND_TH.items():
            self.kind.addItem(th, kind)
        form.addRow(self.tr("รหัส"), self.code)
        form.addRow(self.tr("ชื่อหน่วยงาน"), self.name)
        form.addRow(self.tr("ชื่อย่อ"), self.short)
        form.addRow(self.tr("ประเภท"), self.kind)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UnitsPage(QWidget):
    def __init__(self, state) -> None:
        super().__init__()
        self.state = state
        self.units = RowsTableModel([self.tr("รหัส"), self.tr("ชื่อหน่วยงาน"), self.tr("ชื่อย่อ"), self.tr("ประเภท")], self)
        self.members = RowsTableModel([self.tr("ชื่อ"), self.tr("ตำแหน่ง"), self.tr("บทบาทในคณะกรรมการ"),
                                       self.tr("วาระเริ่ม"), self.tr("วาระสิ้นสุด")], self)
        add = QPushButton(self.tr("เพิ่มหน่วยงาน…"))
        add.clicked.connect(self.add_unit)
        self.message = MessageLine()
        units_box = QGroupBox(self.tr("หน่วยงานในสังกัด"))
        ul = QVBoxLayout(units_box)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(add)
        ul.addLayout(bar)
        ul.addWidget(table_view(self.units, stretch_column=1))
        self.committee_box = QGroupBox(self.tr("คณะกรรมการ"))
        QVBoxLayout(self.committee_box).addWidget(table_view(self.members, stretch_column=1))
        layout = QVBoxLayout(self)
        layout.addWidget(units_box, 1)
        layout.addWidget(self.committee_box, 1)
        layout.addWidget(self.message)
        state.data_changed.connect(lambda _w: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        with self.state.store.reading() as s:
            units = s.exec(select(Unit).order_by(Unit.sort_order, Unit.code)).all()
            committee = s.exec(select(Committee)).first()
            members = s.exec(select(CommitteeMember).where(CommitteeMember.committee_id == committee.id)
                             .order_by(CommitteeMember.sort_order)).all() if committee else []
        self.units.set_rows([[u.code, u.name_th, u.short_name, UNIT_KIND_TH[UnitKind(u.kind)]] for u in units])
        self.members.set_rows([[m.person_name, m.position, COMMITTEE_ROLE_TH[CommitteeRole(m.role)],
                                thai_date_short(m.term_start) if m.term_start else "",
                                thai_date_short(m.term_end) if m.term_end else ""] for m in members])
        if committee:
            self.committee_box.setTitle(committee.name_th)

    def add_unit(self) -> None:
        dialog = UnitDialog(self)
        if dialog.exec() != QDialog.Accepted:
            return
        save(self.state, self.message, lambda s: organisation.create_unit(
            s, ministry=lookup.ministry(s), code=dialog.code.text(), name_th=dialog.name.text(),
            short_name=dialog.short.text(), kind=dialog.kind.currentData(), sort_order=999),
            self.tr("เพิ่มหน่วยงานแล้ว"), "units")
