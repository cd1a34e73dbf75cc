"""Starts the Qt application on a database (the full window arrives with the GUI issue)."""

from __future__ import annotations

import sys


def run_gui(db: str) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.errors import KpiDeskError
    from app.store import open_store
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    try:
        store = open_store(db, create=True)
    except KpiDeskError as exc:
        QMessageBox.critical(None, "KPI Desk", exc.th)
        return 2
    window = MainWindow(store)
    window.show()
    return app.exec()
