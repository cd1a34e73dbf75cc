"""Units & committee: the ministry's units and the governing committee — add, edit and retire both.

Everything a new, empty database needs before its first meeting can be done here: the committee, its
chair, vice-chair (the CCO), members and secretaries, and the units they come from.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from app.models import Committee, CommitteeMember, Unit
from app.models.enums import COMMITTEE_ROLE_EN, COMMITTEE_ROLE_TH, UNIT_KIND_EN, UNIT_KIND_TH, CommitteeRole, UnitKind
from app.services import lookup, organisation
from app.ui.dates import ThaiDateEdit, show_date
from app.ui.i18n import pick
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import LivePage, MessageLine, ask, ok_cancel, save, table_view, with_find


class UnitDialog(QDialog):
    def __init__(self, parent, unit: Unit | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("แก้ไขหน่วยงาน") if unit else self.tr("เพิ่มหน่วยงาน"))
        form = QFormLayout(self)
        self.code = QLineEdit(unit.code if unit else "")
        self.code.setEnabled(unit is None)          # files and templates refer to the code
        self.name = QLineEdit(unit.name_th if unit else "")
        self.short = QLineEdit(unit.short_name if unit else "")
        self.name_en = QLineEdit(unit.name_en if unit else "")
        self.kind = QComboBox()
        for kind, th in UNIT_KIND_TH.items():
            self.kind.addItem(pick(th, UNIT_KIND_EN[kind]), kind.value)
        if unit:
            self.kind.setCurrentIndex(self.kind.findData(UnitKind(unit.kind).value))
        self.order = QSpinBox()
        self.order.setRange(0, 9999)
        self.order.setValue(unit.sort_order if unit else 100)
        for label, widget in ((self.tr("รหัส"), self.code), (self.tr("ชื่อหน่วยงาน"), self.name),
                              (self.tr("ชื่อย่อ"), self.short), (self.tr("ชื่ออังกฤษ"), self.name_en),
                              (self.tr("ประเภท"), self.kind), (self.tr("ลำดับ"), self.order)):
            form.addRow(label, widget)
        form.addRow(ok_cancel(self))

    def values(self) -> dict:
        return dict(name_th=self.name.text(), short_name=self.short.text(), name_en=self.name_en.text(),
                    kind=self.kind.currentData(), sort_order=self.order.value())


class MemberDialog(QDialog):
    def __init__(self, parent, units: list[Unit], member: CommitteeMember | None = None,
                 joins_on: date | None = None) -> None:
        """``joins_on``: for a new member, the start the term is given unless the secretary changes it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("แก้ไขกรรมการ") if member else self.tr("เพิ่มกรรมการ"))
        self.resize(640, 320)
        form = QFormLayout(self)
        self.name = QLineEdit(member.person_name if member else "")
        self.position = QLineEdit(member.position if member else "")
        self.role = QComboBox()
        for role, th in COMMITTEE_ROLE_TH.items():
            self.role.addItem(pick(th, COMMITTEE_ROLE_EN[role]), role.value)
        self.role.setCurrentIndex(self.role.findData(CommitteeRole(member.role).value if member else "member"))
        self.cco = QCheckBox(self.tr("เป็นผู้บริหารการเปลี่ยนแปลงระดับกระทรวง (CCO)"))
        self.cco.setChecked(bool(member and member.is_cco))
        self.unit = QComboBox()
        self.unit.addItem(self.tr("ไม่ระบุ"), None)
        for u in units:
            self.unit.addItem(f"{u.code} — {u.name_th}", u.id)
        if member and member.unit_id:
            self.unit.setCurrentIndex(self.unit.findData(member.unit_id))
        self.has_start, self.has_end = QCheckBox(), QCheckBox()
        start = member.term_start if member else joins_on
        self.start = ThaiDateEdit(start or date.today())
        self.end = ThaiDateEdit(member.term_end if member and member.term_end else date.today())
        self.has_start.setChecked(start is not None)
        self.has_end.setChecked(bool(member and member.term_end))
        self.order = QSpinBox()
        self.order.setRange(0, 999)
        self.order.setValue(member.sort_order if member else 100)
        for label, widget in ((self.tr("ชื่อ"), self.name), (self.tr("ตำแหน่ง"), self.position),
                              (self.tr("บทบาทในคณะกรรมการ"), self.role), ("", self.cco),
                              (self.tr("หน่วยงาน"), self.unit), (self.tr("วาระเริ่ม"), _with_box(self.has_start, self.start)),
                              (self.tr("วาระสิ้นสุด"), _with_box(self.has_end, self.end)), (self.tr("ลำดับ"), self.order)):
            form.addRow(label, widget)
        form.addRow(ok_cancel(self))

    def values(self) -> dict:
        return dict(person_name=self.name.text(), position=self.position.text(), role=self.role.currentData(),
                    is_cco=self.cco.isChecked(), unit_id=self.unit.currentData(),
                    term_start=self.start.value() if self.has_start.isChecked() else None,
                    term_end=self.end.value() if self.has_end.isChecked() else None, sort_order=self.order.value())


def _with_box(box: QCheckBox, edit: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(box)
    row.addWidget(edit, 1)
    return holder


class CommitteeDialog(QDialog):
    def __init__(self, parent, committee: Committee | None, default_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("คณะกรรมการ"))
        self.resize(640, 200)
        form = QFormLayout(self)
        self.name = QLineEdit(committee.name_th if committee else default_name)
        self.ref = QLineEdit(committee.appointment_ref if committee else "")
        self.appointed = ThaiDateEdit(committee.appointed_on if committee and committee.appointed_on else date.today())
        form.addRow(self.tr("ชื่อคณะกรรมการ"), self.name)
        form.addRow(self.tr("คำสั่งแต่งตั้ง"), self.ref)
        form.addRow(self.tr("วันที่แต่งตั้ง"), self.appointed)
        form.addRow(ok_cancel(self))


class UnitsPage(LivePage):
    WATCHES = frozenset({"unit", "committee", "committeemember", "ministry"})
    YEARLY = False

    def __init__(self, state) -> None:
        super().__init__(state)
        self.units = RowsTableModel([self.tr("รหัส"), self.tr("ชื่อหน่วยงาน"), self.tr("ชื่อย่อ"), self.tr("ประเภท"),
                                     self.tr("สถานะ")], self)
        self.members = RowsTableModel([self.tr("ชื่อ"), self.tr("ตำแหน่ง"), self.tr("บทบาทในคณะกรรมการ"),
                                       self.tr("วาระเริ่ม"), self.tr("วาระสิ้นสุด"), self.tr("สถานะ")], self)
        self.message = MessageLine()
        self.unit_view = table_view(self.units, stretch_column=1)
        self.member_view = table_view(self.members, stretch_column=1)
        for view in (self.unit_view, self.member_view):      # small lists: rows fit their wrapped text
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        units_box = QGroupBox(self.tr("หน่วยงานในสังกัด"))
        ul = QVBoxLayout(units_box)
        ul.addLayout(self._bar(((self.tr("เพิ่มหน่วยงาน…"), self.add_unit), (self.tr("แก้ไข…"), self.edit_unit),
                                (self.tr("ยุบเลิก/เลิกติดตาม…"), self.retire_unit))))
        ul.addWidget(with_find(self.unit_view))
        self.committee_box = QGroupBox(self.tr("คณะกรรมการ"))
        self.committee_box.setObjectName("data")         # titled with the committee's own name
        cl = QVBoxLayout(self.committee_box)
        cl.addLayout(self._bar(((self.tr("คณะกรรมการ…"), self.edit_committee), (self.tr("เพิ่มกรรมการ…"), self.add_member),
                                (self.tr("แก้ไข…"), self.edit_member), (self.tr("พ้นจากตำแหน่ง…"), self.retire_member))))
        cl.addWidget(with_find(self.member_view))
        layout = QVBoxLayout(self)
        layout.addWidget(units_box, 1)
        layout.addWidget(self.committee_box, 1)
        layout.addWidget(self.message)
        self.watch()

    def _bar(self, buttons) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addStretch(1)
        for text, handler in buttons:
            button = QPushButton(text)
            button.clicked.connect(handler)
            bar.addWidget(button)
        return bar

    def refresh(self) -> None:
        with self.state.store.reading() as s:
            units, committee, members = organisation.organisation_lists(s)
        self.units.set_rows([[u.code, u.name_th, u.short_name, pick(UNIT_KIND_TH[UnitKind(u.kind)], UNIT_KIND_EN[UnitKind(u.kind)]),
                              self.tr("ยุบเลิก/เลิกติดตามตั้งแต่ {0}").format(show_date(u.retired_on)) if u.retired_on else ""]
                             for u in units], keys=[u.id for u in units])
        self.members.set_rows([[m.person_name, m.position, pick(COMMITTEE_ROLE_TH[CommitteeRole(m.role)], COMMITTEE_ROLE_EN[CommitteeRole(m.role)])
                                + (" (CCO)" if m.is_cco else ""),
                                show_date(m.term_start), show_date(m.term_end),
                                self.tr("พ้นจากตำแหน่ง {0}").format(show_date(m.retired_on)) if m.retired_on else ""]
                               for m in members], keys=[m.id for m in members])
        self.committee_box.setTitle(committee.name_th if committee else self.tr("คณะกรรมการ (ยังไม่ได้จัดตั้ง)"))

    def _selected(self, view, model):
        index = view.currentIndex()
        key = model.key(index.row()) if index.isValid() else None
        if key is None:
            self.message.error(self.tr("เลือกรายการในตารางก่อน"))
        return key

    def add_unit(self) -> None:
        dialog = UnitDialog(self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        save(self.state, self.message, lambda s: organisation.create_unit(
            s, ministry=lookup.ministry(s), code=dialog.code.text(), **dialog.values()), self.tr("เพิ่มหน่วยงานแล้ว"), "units")

    def edit_unit(self) -> None:
        key = self._selected(self.unit_view, self.units)
        if key is None:
            return
        with self.state.store.reading() as s:
            unit = lookup.get(s, Unit, key)
        dialog = UnitDialog(self, unit)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return
        save(self.state, self.message, lambda s: organisation.update_unit(s, lookup.get(s, Unit, key), **dialog.values()),
             self.tr("บันทึกหน่วยงานแล้ว"), "units")

    def retire_unit(self) -> None:
        key = self._selected(self.unit_view, self.units)
        if key is None or not ask(self, self.tr("ยุบเลิกหรือเลิกติดตามหน่วยงานนี้ตั้งแต่วันนี้? หน่วยงานที่มีข้อมูลแล้วจะถูกเก็บไว้ "
                                                 "(ไม่ลบ) เพื่อให้รายงานปีก่อน ๆ ยังพิมพ์ได้")):
            return
        outcome = {}
        ok = save(self.state, self.message,
                  lambda s: outcome.setdefault("done", organisation.retire_unit(s, lookup.get(s, Unit, key), date.today())),
                  self.tr("บันทึกแล้ว"), "units")
        if ok:
            self.message.info(self.tr("ลบหน่วยงานที่ยังไม่มีข้อมูลแล้ว") if outcome["done"] == "removed"
                              else self.tr("ยุบเลิก/เลิกติดตามแล้ว ข้อมูลเดิมยังอยู่ครบ"))

    def edit_committee(self) -> None:
        with self.state.store.reading() as s:
            _units, committee, _members = organisation.organisation_lists(s)
            ministry = lookup.ministry(s)
        default = f"คณะกรรมการกำกับการประเมินผลการปฏิบัติราชการของ{ministry.name_th}"
        dialog = CommitteeDialog(self, committee, default)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted:
            return

        def write(s):
            if committee is None:
                organisation.create_committee(s, ministry=lookup.ministry(s), name_th=dialog.name.text(),
                                              appointment_ref=dialog.ref.text(), appointed_on=dialog.appointed.value())
            else:
                organisation.update_committee(s, lookup.get(s, Committee, committee.id), name_th=dialog.name.text(),
                                              appointment_ref=dialog.ref.text(), appointed_on=dialog.appointed.value())
        save(self.state, self.message, write, self.tr("บันทึกคณะกรรมการแล้ว"), "committee")

    def _member_dialog(self, member=None) -> MemberDialog | None:
        with self.state.store.reading() as s:
            units, committee, _members = organisation.organisation_lists(s)
            joins_on = organisation.default_term_start(s, committee, date.today()) if committee and not member else None
        if committee is None:
            self.message.error(self.tr("จัดตั้งคณะกรรมการก่อน (ปุ่ม “คณะกรรมการ…”)"))
            return None
        dialog = MemberDialog(self, [u for u in units if u.retired_on is None], member, joins_on)
        self.last_dialog = dialog
        return dialog if dialog.exec() == QDialog.Accepted else None

    def add_member(self) -> None:
        dialog = self._member_dialog()
        if dialog is None:
            return
        values = dialog.values()
        unit_id = values.pop("unit_id")

        def write(s):
            _u, committee, _m = organisation.organisation_lists(s)
            member = organisation.add_committee_member(
                s, committee=committee, person_name=values["person_name"], position=values["position"],
                role=values["role"], unit=lookup.get(s, Unit, unit_id) if unit_id else None, term_start=values["term_start"],
                term_end=values["term_end"], is_cco=values["is_cco"])
            organisation.update_member(s, member, sort_order=values["sort_order"])
        save(self.state, self.message, write, self.tr("เพิ่มกรรมการแล้ว"), "committee")

    def edit_member(self) -> None:
        key = self._selected(self.member_view, self.members)
        if key is None:
            return
        with self.state.store.reading() as s:
            member = lookup.get(s, CommitteeMember, key)
        dialog = self._member_dialog(member)
        if dialog is None:
            return
        save(self.state, self.message, lambda s: organisation.update_member(s, lookup.get(s, CommitteeMember, key), **dialog.values()),
             self.tr("บันทึกกรรมการแล้ว"), "committee")

    def retire_member(self) -> None:
        key = self._selected(self.member_view, self.members)
        if key is None or not ask(self, self.tr("บันทึกว่ากรรมการท่านนี้พ้นจากตำแหน่งตั้งแต่วันนี้? "
                                                 "ชื่อยังคงอยู่ในรายงานการประชุมที่ผ่านมา")):
            return
        save(self.state, self.message,
             lambda s: organisation.retire_member(s, lookup.get(s, CommitteeMember, key), date.today()),
             self.tr("บันทึกแล้ว"), "committee")
