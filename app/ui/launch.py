"""Starts the Qt application: Sarabun as the UI font, the saved language, error handling, one window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import resources_dir


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KPI Desk")
    app.setOrganizationName("KPI Desk")
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf"):
        QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
    app.setFont(QFont("Sarabun", 11))
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "kpi-desk.png")))
    from app.ui import i18n
    from app.ui.collector import GuiThreadCollector
    if not hasattr(app, "kpi_collector"):
        app.kpi_collector = GuiThreadCollector(app)
    i18n.apply_language()
    return app


def lock_database(parent, path) -> QLockFile | None:
    """Warn when another KPI Desk has the same database open; returns the lock to keep, or None to stop."""
    if path is None:
        return None
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    answer = QMessageBox.warning(
        parent, "KPI Desk",
        QApplication.translate("launch", "ฐานข้อมูล {0} เปิดอยู่ในโปรแกรม KPI Desk อีกหน้าต่างหนึ่ง "
                                         "การแก้ไขพร้อมกันสองที่อาจทำให้สับสน ต้องการเปิดต่อหรือไม่?").format(path),
        QMessageBox.Open | QMessageBox.Cancel)
    return lock if answer == QMessageBox.Open else None


def run_gui(db: str, first_run: bool = False) -> int:
    """Open the window on ``db``; on a first run (no database yet) ask for the demo or an empty one."""
    from app.errors import KpiDeskError
    from app.store import open_store
    from app.ui.errors import install_excepthook, setup_logging
    from app.ui.main_window import MainWindow

    app = make_app()
    setup_logging()
    install_excepthook()
    dialog = None
    if first_run:
        from app.ui.first_run import FirstRunDialog
        dialog = FirstRunDialog(db)
        if dialog.exec() != FirstRunDialog.Accepted:
            return 0
    try:
        store = open_store(db, create=True)
        if dialog is not None:
            from app.ui.first_run import prepare
            prepare(store, dialog)
    except KpiDeskError as exc:
        QMessageBox.critical(None, "KPI Desk", exc.th)
        return 2
    lock = lock_database(None, store.path)
    if lock is None and store.path is not None:
        return 1
    window = MainWindow(store)
    window.show()
    code = app.exec()
    if lock is not None:
        lock.unlock()
    store.close()
    return code
