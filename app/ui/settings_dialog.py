"""The Settings dialog: who the secretary is (the user recorded on every change), the ministry's names
as reports print them, the digits of table reports and the words reports never cut at a line end."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout)

from app.services import lookup, organisation, settings
from app.ui.pages.common import MessageLine, ok_cancel


class SettingsDialog(QDialog):
    def __init__(self, parent, state) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("ตั้งค่า"))
        self.resize(640, 320)
        with state.store.reading() as s:
            values = settings.settings_values(s)
            ministry = lookup.existing_ministry(s)
        self.ministry_id = ministry.id if ministry else None
        self.user_name = QLineEdit(values["user_name"])
        self.user_name.setPlaceholderText(self.tr("เช่น นางสาวสมศรี ใจดี"))
        self.user_position = QLineEdit(values["user_position"])
        self.thai_digits = QCheckBox(self.tr("ใช้เลขไทยในรายงานตาราง (ภาคผนวก ผลการประเมิน Joint KPIs)"))
        self.thai_digits.setChecked(values["table_thai_digits"] == "1")
        self.paper = QComboBox()
        self.paper.addItems(list(settings.PAPERS))
        self.paper.setCurrentText(values["paper"] or "A4")
        self.printer = QComboBox()
        self.printer.addItem(self.tr("เครื่องพิมพ์หลักของเครื่อง"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if values["printer"] and self.printer.findData(values["printer"]) < 0:
            self.printer.addItem(values["printer"], values["printer"])      # set on another computer
        self.printer.setCurrentIndex(max(0, self.printer.findData(values["printer"])))
        self.words = QPlainTextEdit(values["words_never_cut"])
        self.words.setPlaceholderText(self.tr("เช่น ประชารัฐ ราชประชาสมาสัย (คั่นด้วยช่องว่าง)"))
        self.words.setToolTip(self.tr("รายงานจะไม่ตัดคำเหล่านี้แยกบรรทัด นอกเหนือจากชื่อหน่วยงานและคำในพจนานุกรมของโปรแกรม"))
        self.words.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.ministry_name = QLineEdit(ministry.name_th if ministry else "")
        self.ministry_short = QLineEdit(ministry.short_name if ministry else "")
        self.ministry_en = QLineEdit(ministry.name_en if ministry else "")
        form = QFormLayout()
        form.addRow(self.tr("ชื่อเลขานุการ (ผู้บันทึก)"), self.user_name)
        form.addRow(self.tr("ตำแหน่ง"), self.user_position)
        form.addRow("", self.thai_digits)
        form.addRow(self.tr("กระดาษที่พิมพ์"), self.paper)
        form.addRow(self.tr("เครื่องพิมพ์ที่ใช้ประจำ"), self.printer)
        form.addRow(self.tr("คำที่ไม่ตัดแยกบรรทัด"), self.words)
        if ministry:
            form.addRow(QLabel(self.tr("กระทรวง รหัส {0}").format(ministry.code)))
            form.addRow(self.tr("ชื่อกระทรวง"), self.ministry_name)
            form.addRow(self.tr("ชื่อย่อ"), self.ministry_short)
            form.addRow(self.tr("ชื่ออังกฤษ"), self.ministry_en)
        note = QLabel(self.tr("ชื่อเลขานุการบันทึกเป็นผู้แก้ไขในประวัติการแก้ไขทุกรายการ"))
        note.setWordWrap(True)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        from app.errors import KpiDeskError
        values = {"user_name": self.user_name.text(), "user_position": self.user_position.text(),
                  "table_thai_digits": "1" if self.thai_digits.isChecked() else "0",
                  "paper": self.paper.currentText(), "printer": self.printer.currentData() or "",
                  "words_never_cut": self.words.toPlainText()}
        ministry_id = self.ministry_id

        def save(s):
            settings.set_settings(s, values)
            if ministry_id is not None:
                organisation.update_ministry(s, lookup.ministry(s), name_th=self.ministry_name.text(),
                                             name_en=self.ministry_en.text(), short_name=self.ministry_short.text())
        try:
            self.state.perform("settings", save)
        except KpiDeskError as exc:
            self.message.error(exc.th)
            return
        super().accept()
