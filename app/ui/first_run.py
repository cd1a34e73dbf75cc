"""The first start: no database yet in the user's data directory — open the demo ministry or start empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout)

from app.domain.calendar import fiscal_year_of


class FirstRunDialog(QDialog):
    def __init__(self, path) -> None:
        super().__init__()
        self.choice = None
        self.setWindowTitle(self.tr("เริ่มใช้งาน KPI Desk"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("ยังไม่มีฐานข้อมูลในเครื่องนี้ ฐานข้อมูลจะเก็บไว้ที่\n{0}").format(path))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        demo = QPushButton(self.tr("เปิดด้วยข้อมูลตัวอย่าง (กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม)"))
        demo.clicked.connect(lambda: self._choose("demo"))
        layout.addWidget(demo)
        box = QGroupBox(self.tr("หรือเริ่มฐานข้อมูลว่างของกระทรวง"))
        form = QFormLayout(box)
        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setPlaceholderText(self.tr("เช่น MOI"))
        self.name.setPlaceholderText(self.tr("เช่น กระทรวงมหาดไทย"))
        form.addRow(self.tr("รหัสกระทรวง"), self.code)
        form.addRow(self.tr("ชื่อกระทรวง"), self.name)
        self.empty_button = QPushButton(self.tr("เริ่มฐานข้อมูลว่าง"))
        self.empty_button.clicked.connect(lambda: self._choose("empty"))
        form.addRow(self.empty_button)
        layout.addWidget(box)

    def _choose(self, choice: str) -> None:
        if choice == "empty" and not (self.code.text().strip() and self.name.text().strip()):
            self.name.setFocus()
            return
        self.choice = choice
        self.accept()


def prepare(store, dialog: FirstRunDialog) -> None:
    """Fill a new database as the dialog chose (one transaction)."""
    from app.demo import build_demo
    from app.services import framework, organisation
    if dialog.choice == "demo":
        build_demo(store)
        return
    with store.transaction() as s:
        organisation.create_ministry(s, code=dialog.code.text().strip(), name_th=dialog.name.text().strip())
        framework.create_fiscal_year(s, year_be=fiscal_year_of(date.today()))
