"""The main window: navigation on the left, year and round in the toolbar, database and save state below.

It opens in two steps so that it appears at once: the empty frame is painted first, then the database is
opened and the pages are built (``attach``). Nothing that reads data is imported before that.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QSizePolicy, QStackedWidget, QToolBar, QWidget)

from app import APP_NAME, __version__
from app.domain.thai_text import to_thai_digits
from app.errors import KpiDeskError
from app.ui import i18n

# (title, module, class): the pages, imported when the window is attached to a database
PAGES = [("แดชบอร์ด", "dashboard", "DashboardPage"), ("หน่วยงานและคณะกรรมการ", "units", "UnitsPage"),
         ("ตัวชี้วัดและค่าเป้าหมาย", "targets", "TargetsPage"), ("ผลการดำเนินงาน", "results", "ResultsPage"),
         ("Joint KPIs", "joint", "JointPage"), ("คำขอปรับเปลี่ยนตัวชี้วัด", "changes", "ChangesPage"),
         ("การประชุม", "meetings", "MeetingsPage"), ("รายงาน", "reports", "ReportsPage")]


def page_icon(module: str) -> QIcon:
    """The page's icon (Phosphor, MIT, vendored in resources/icons/phosphor with its licence)."""
    from app.paths import resources_dir
    return QIcon(str(resources_dir() / "icons" / "phosphor" / f"{module}.svg"))


class MainWindow(QMainWindow):
    def __init__(self, store=None, label: str = "") -> None:
        super().__init__()
        self.store = self.state = None
        self.resize(1360, 820)
        self.setWindowTitle(f"{APP_NAME} {__version__} — {label}" if label else f"{APP_NAME} {__version__}")
        self.statusBar().showMessage(self.tr("กำลังเปิดฐานข้อมูล…"))
        if store is not None:
            self.attach(store)

    def attach(self, store) -> None:
        """Open the window on ``store``: the state every page shares, then the pages."""
        from app.ui.state import DeskState
        from app.services.replica import copy_info
        from app.ui.pages.common import UnitPicker
        self.store = store
        self.state = DeskState(store)
        with store.reading() as s:
            self.server_copy = copy_info(s)    # None unless this database is a copy of a ministry server
        UnitPicker.preferred = (self.server_copy.unit_id if self.server_copy and self.server_copy.role == "focal_point"
                                else None)
        self.statusBar().clearMessage()
        self.build_ui()

    # Everything with text is built here, so a language switch simply builds it again.
    def build_ui(self) -> None:
        from PySide6.QtWidgets import QMenu
        for old in self.menuBar().findChildren(QMenu):     # the menus of the language before
            old.deleteLater()
        self.menuBar().clear()
        for bar in self.findChildren(QToolBar):
            self.removeToolBar(bar)
            bar.deleteLater()
        self.setWindowTitle(self._title())
        self._menus()
        self._toolbar()
        self.nav = QListWidget()
        self.nav.setFixedWidth(230)
        self.nav.setIconSize(QSize(22, 22))          # SVG: sharp at any screen scale
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages = {}
        from importlib import import_module
        for title, module, name in PAGES:
            page = getattr(import_module(f"app.ui.pages.{module}"), name)(self.state)
            self.pages[name] = page
            self.nav.addItem(QListWidgetItem(page_icon(module), self.tr(title)))
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._page_shown)
        self.nav.setCurrentRow(0)
        self.pages["MeetingsPage"].minutes_requested.connect(self.open_minutes)
        self.pages["MeetingsPage"].report_requested.connect(self.open_report)
        self.pages["DashboardPage"].results_requested.connect(self.open_results)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.db_label = QLabel(self.tr("ฐานข้อมูล: {0}").format(self.store.label))
        self.save_label = QLabel(self.tr("บันทึกอัตโนมัติทุกครั้งที่แก้ไข"))
        status = self.statusBar()
        for w in status.findChildren(QLabel):
            status.removeWidget(w)
        status.addWidget(self.db_label, 1)
        if getattr(self, "sync", None) is not None:
            self.sync.timer.stop()
            self.sync.deleteLater()
            self.sync = None
        if self.server_copy is not None:
            from app.ui.server_sync import SyncIndicator
            self.sync = SyncIndicator(self)
            status.addPermanentWidget(self.sync.label)
        status.addPermanentWidget(self.save_label)
        self.state.changed.connect(self._saved)

    def _title(self) -> str:
        """The ministry and the file, as the title bar shows them."""
        from app.services import lookup
        with self.store.reading() as s:
            ministry = lookup.existing_ministry(s)
        name = f"{ministry.name_th} — " if ministry else ""
        return f"{name}{self.store.label} — {APP_NAME} {__version__}"

    def _menus(self) -> None:
        from app.ui import databases, excel
        file_menu = self.menuBar().addMenu(self.tr("แฟ้ม"))
        new_db = QAction(self.tr("ฐานข้อมูลใหม่…"), self)
        new_db.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.New))
        new_db.triggered.connect(lambda _checked=False: databases.new_database(self))
        open_db = QAction(self.tr("เปิดฐานข้อมูล…"), self)
        open_db.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Open))
        open_db.triggered.connect(lambda _checked=False: databases.open_database(self))
        file_menu.addAction(new_db)
        file_menu.addAction(open_db)
        recent_menu = file_menu.addMenu(self.tr("เปิดล่าสุด"))
        for path in databases.recent():
            action = QAction(path, self)
            action.triggered.connect(lambda _checked=False, p=path: databases.open_database(self, p))
            recent_menu.addAction(action)
        recent_menu.setEnabled(bool(recent_menu.actions()))
        file_menu.addSeparator()
        for text, handler in ((self.tr("สร้างแบบฟอร์ม Excel ให้หน่วยงาน…"), excel.template_for_unit),
                              (self.tr("นำเข้าจาก Excel…"), excel.import_workbook),
                              (self.tr("ส่งออกทั้งปีเป็น Excel…"), excel.export_workbook)):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, h=handler: h(self))
            file_menu.addAction(action)
        file_menu.addSeparator()
        new_year = QAction(self.tr("ปีงบประมาณใหม่…"), self)
        new_year.triggered.connect(self.new_fiscal_year)
        file_menu.addAction(new_year)
        from app.ui import server_sync
        connect = QAction(self.tr("เชื่อมต่อเซิร์ฟเวอร์กระทรวง…"), self)
        connect.triggered.connect(lambda _checked=False: server_sync.connect(self))
        file_menu.addAction(connect)
        if self.server_copy is not None:
            self.sync_action = QAction(self.tr("ซิงก์กับเซิร์ฟเวอร์ตอนนี้"), self)
            self.sync_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh))
            self.sync_action.triggered.connect(self.sync_now)
            file_menu.addAction(self.sync_action)
            if self.server_copy.role == "secretary":
                conflicts = QAction(self.tr("ข้อขัดแย้งของการซิงก์…"), self)
                conflicts.triggered.connect(lambda _checked=False: server_sync.open_conflicts(self))
                file_menu.addAction(conflicts)
        self.strategy_action = QAction(self.tr("Strategic KPIs ของกระทรวง…"), self)
        self.strategy_action.triggered.connect(self.open_strategy)
        file_menu.addAction(self.strategy_action)
        file_menu.addSeparator()
        if getattr(self, "demo", False):
            rebuild = QAction(self.tr("เริ่มข้อมูลตัวอย่างใหม่…"), self)
            rebuild.triggered.connect(self.rebuild_demo)
            file_menu.addAction(rebuild)
        preferences = QAction(self.tr("ตั้งค่า…"), self)
        preferences.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")])
        preferences.triggered.connect(self.open_settings)
        file_menu.addAction(preferences)
        print_ = QAction(self.tr("พิมพ์รายงาน…"), self)
        print_.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        print_.triggered.connect(self.print_report)
        file_menu.addAction(print_)
        restore = QAction(self.tr("กู้คืนจากไฟล์สำรอง…"), self)
        restore.triggered.connect(lambda _checked=False: databases.restore_backup(self))
        backup = QAction(self.tr("สำรองฐานข้อมูล (บันทึกสำเนา)…"), self)
        backup.triggered.connect(self.backup)
        quit_ = QAction(self.tr("ออกจากโปรแกรม"), self)
        quit_.setShortcut(QKeySequence.Quit)           # Ctrl+Q where the platform has it (Alt+F4 is the window's)
        quit_.triggered.connect(self.close)
        file_menu.addAction(backup)
        file_menu.addAction(restore)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        self._edit_menu()
        self._view_menu()
        language = self.menuBar().addMenu(self.tr("ภาษา / Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
            group.addAction(action)
            language.addAction(action)
            self.language_actions[code] = action
        help_menu = self.menuBar().addMenu(self.tr("ช่วยเหลือ"))
        about = QAction(self.tr("เกี่ยวกับ KPI Desk"), self)
        about.triggered.connect(lambda: QMessageBox.about(self, APP_NAME, self.tr(
            "KPI Desk {0}\nงานเลขานุการคณะกรรมการกำกับการประเมินผลการปฏิบัติราชการ").format(__version__)))
        help_menu.addAction(about)

    def _edit_menu(self) -> None:
        """แก้ไข: undo and redo of the page in view (its own history), paste a block copied from Excel.
        The platform's standard keys, plus Ctrl+Y for redo, which Windows users type everywhere."""
        menu = self.menuBar().addMenu(self.tr("แก้ไข"))
        self.undo_group = QUndoGroup(self)
        undo = self.undo_group.createUndoAction(self, self.tr("เลิกทำ"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_group.createRedoAction(self, self.tr("ทำซ้ำ"))
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        ctrl_y = QKeySequence("Ctrl+Y")
        redo.setShortcuts(keys + ([ctrl_y] if ctrl_y not in keys else []))
        copy = QAction(self.tr("คัดลอก"), self)
        copy.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Copy))
        copy.triggered.connect(self.copy)
        paste = QAction(self.tr("วางจาก Excel"), self)
        paste.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Paste))
        paste.triggered.connect(self.paste)
        find = QAction(self.tr("ค้นหา"), self)
        find.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.find)
        for action in (undo, redo):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(copy)
        menu.addAction(paste)
        menu.addAction(find)

    def _view_menu(self) -> None:
        """มุมมอง: every page, Ctrl+1 … Ctrl+8."""
        menu = self.menuBar().addMenu(self.tr("มุมมอง"))
        for row, (title, _module, _name) in enumerate(PAGES):
            action = QAction(self.tr(title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
            menu.addAction(action)

    def _page_shown(self, row: int) -> None:
        """The Edit menu acts on the page in view."""
        page = self.stack.widget(row)
        stack = getattr(page, "undo_stack", None)
        if stack is not None and stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)

    def copy(self) -> None:
        """The selected cells of the table in focus, as tab-separated lines (what Excel pastes)."""
        from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit):
            widget.copy()
            return
        view = widget if isinstance(widget, QTableView) else None
        if view is None and widget is not None and isinstance(widget.parent(), QTableView):
            view = widget.parent()
        if view is None:
            return
        cells = sorted((i.row(), i.column()) for i in view.selectionModel().selectedIndexes()
                       if not view.isRowHidden(i.row()))
        if not cells:
            return
        model, rows = view.model(), {}
        for r, c in cells:
            rows.setdefault(r, {})[c] = str(model.data(model.index(r, c)) or "")
        columns = sorted({c for _r, c in cells})
        QApplication.clipboard().setText("\n".join("\t".join(row.get(c, "") for c in columns) for row in rows.values()))

    def print_report(self) -> None:
        """Print the report in the preview (build one on the Reports page first)."""
        page = self.pages["ReportsPage"]
        if page.pdf_path is None:
            self.go("ReportsPage")
            self.statusBar().showMessage(self.tr("สร้างรายงานก่อน แล้วจึงพิมพ์"), 8000)
            return
        page.print_()

    def find(self) -> None:
        """Into the first find box of the page in view."""
        from app.ui.pages.common import FindBox
        boxes = [b for b in self.stack.currentWidget().findChildren(FindBox) if b.isVisible()]
        if boxes:
            boxes[0].setFocus()
            boxes[0].selectAll()

    def paste(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "paste"):
            page.paste()

    def _toolbar(self) -> None:
        bar = QToolBar(self.tr("ปีงบประมาณและรอบ"), self)
        bar.setMovable(False)
        self.addToolBar(Qt.TopToolBarArea, bar)
        bar.addWidget(QLabel(self.tr(" ปีงบประมาณ พ.ศ. ")))
        self.year_box = QComboBox()
        for year in self.state.years():
            self.year_box.addItem(str(year) if i18n.english() else to_thai_digits(str(year)), year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(self.state.year_be)))
        bar.addWidget(self.year_box)
        bar.addWidget(QLabel(self.tr("  รอบการประเมิน ")))
        self.round_box = QComboBox()
        self.round_box.addItem(self.tr("๖ เดือน"), 6)
        self.round_box.addItem(self.tr("๑๒ เดือน"), 12)
        self.round_box.setCurrentIndex(self.round_box.findData(self.state.months))
        bar.addWidget(self.round_box)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        bar.addWidget(spacer)
        self.year_box.currentIndexChanged.connect(self._period)
        self.round_box.currentIndexChanged.connect(self._period)

    def _period(self) -> None:
        if self.year_box.currentData() is not None:
            self.state.set_period(self.year_box.currentData(), self.round_box.currentData())

    def _saved(self, _changes) -> None:
        at = self.state.saved_at.strftime("%H:%M:%S") if self.state.saved_at else ""
        self.save_label.setText(self.tr("บันทึกแล้ว {0}").format(at if i18n.english() else to_thai_digits(at)))

    def go(self, page_class: str) -> None:
        self.nav.setCurrentRow([name for _t, _m, name in PAGES].index(page_class))

    def open_results(self, unit_code: str) -> None:
        """The results of a unit the dashboard lists, in the same year and round."""
        self.go("ResultsPage")
        page = self.pages["ResultsPage"]
        index = next((i for i in range(page.unit.count()) if page.unit.itemText(i).startswith(f"{unit_code} ")), -1)
        if index >= 0:
            page.unit.setCurrentIndex(index)

    def open_minutes(self, meeting: str) -> None:
        self.open_report("minutes", meeting)

    def open_report(self, kind: str, meeting: str) -> None:
        """Preview a meeting's report on the Reports page (print and save are there)."""
        self.go("ReportsPage")
        reports = self.pages["ReportsPage"]
        reports.choose(kind, meeting)
        reports.build()

    def switch_language(self, code: str) -> None:
        if not i18n.apply_language(code):
            QMessageBox.warning(self, APP_NAME, "ไม่พบไฟล์แปลภาษา / translation file missing")
            return
        i18n.settings().setValue("language", code)
        current = self.nav.currentRow()
        old = self.centralWidget()
        self.build_ui()
        old.deleteLater()
        self.nav.setCurrentRow(current)

    def sync_now(self) -> None:
        if getattr(self, "sync", None) is not None:
            self.sync.sync_now()

    def open_strategy(self) -> None:
        from app.ui.strategy_dialog import StrategyDialog
        if self.state.year_be is None:
            return
        StrategyDialog(self, self.state).exec()

    def new_fiscal_year(self) -> None:
        """A fiscal year on the FY2567 framework (two components, 70/30, both rounds)."""
        from PySide6.QtWidgets import QInputDialog

        from app.domain.calendar import fiscal_year_of
        from app.services import framework
        from app.services.changes import perform
        from datetime import date
        suggested = max(self.state.years(), default=fiscal_year_of(date.today()) - 1) + 1
        year, ok = QInputDialog.getInt(self, APP_NAME, self.tr("ปีงบประมาณ พ.ศ. ที่จะสร้าง"), suggested, 2500, 2700)
        if not ok:
            return
        try:
            changes = perform(self.store, "new year", lambda s: framework.create_fiscal_year(s, year_be=year)).changes
        except KpiDeskError as exc:
            QMessageBox.warning(self, APP_NAME, exc.th)
            return
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in self.state.years():
            self.year_box.addItem(str(y) if i18n.english() else to_thai_digits(str(y)), y)
        self.year_box.blockSignals(False)
        self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.state.saved(changes)

    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog
        SettingsDialog(self, self.state).exec()

    def rebuild_demo(self) -> None:
        """Throw away the practice work on the demo copy and start from the demo ministry again."""
        from app.demo import build_demo_file
        from app.store import open_store
        from app.ui.pages.common import ask
        if not ask(self, self.tr("ลบงานที่ฝึกทำไว้ในข้อมูลตัวอย่างทั้งหมด แล้วเริ่มข้อมูลตัวอย่างใหม่?")):
            return
        path = self.store.path
        self.store.close()
        build_demo_file(path)
        self.attach(open_store(path))
        self.statusBar().showMessage(self.tr("เริ่มข้อมูลตัวอย่างใหม่แล้ว"), 8000)

    def backup(self) -> None:
        from app.store.backup import backup_sqlite
        if self.store.path is None:
            QMessageBox.information(self, APP_NAME, self.tr("สำรองได้เฉพาะฐานข้อมูล SQLite"))
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("สำรองฐานข้อมูล"),
                                                str(self.store.path.with_suffix(".backup.sqlite3")),
                                                "SQLite (*.sqlite3 *.db)")
        if not target:
            return
        try:
            backup_sqlite(self.store.path, target)
        except KpiDeskError as exc:
            QMessageBox.warning(self, APP_NAME, exc.th)
            return
        self.statusBar().showMessage(self.tr("สำรองไว้ที่ {0}").format(target), 8000)
