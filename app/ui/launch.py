"""Starts the Qt application: Sarabun as the UI font, the saved language, error handling, one window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import resources_dir
from app.ui.lock import lock_database  # noqa: F401  (run_gui takes the lock; tests import it from here)


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


def run_gui(db: str, first_run: bool = False, demo: bool = False) -> int:
    """Open the window on ``db``; on a first run (no database yet) ask for the demo or an empty one.

    The window's frame is shown and painted first; the database is opened and the pages built right
    after its first paint, so the window appears at once even though the data layer takes a moment."""
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
    window = MainWindow(label=str(db))
    window.demo = demo

    def open_database() -> None:
        from app.errors import KpiDeskError
        from app.store import open_store
        try:
            store = open_store(db, create=True)
            if dialog is not None:
                from app.ui.first_run import prepare
                prepare(store, dialog)
        except KpiDeskError as exc:
            QMessageBox.critical(window, "KPI Desk", exc.th)
            app.exit(2)
            return
        lock = lock_database(window, store.path)
        if lock is None and store.path is not None:
            store.close()
            app.exit(1)
            return
        window.lock = lock               # the window holds the lock of the database it shows
        window.attach(store)
        if os.environ.get(PROBE):
            QTimer.singleShot(0, lambda: _probe_done(window))

    painted = _FirstPaint(window, open_database)
    window.show()
    code = app.exec()
    del painted
    if getattr(window, "lock", None) is not None:
        window.lock.unlock()
    if window.store is not None:
        window.store.close()
    return code


PROBE = "KPI_DESK_STARTUP_PROBE"     # benchmarks/bench_startup.py: say when the window painted and when its data showed
                                     # (then leave at once; "close": close the window, as the tests check a clean exit)


class _FirstPaint(QObject):
    """Runs ``then`` once, right after the window's first paint."""

    def __init__(self, window, then) -> None:
        super().__init__(window)
        self.window, self.then, self.done = window, then, False
        window.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if not self.done and obj is self.window and event.type() == QEvent.Paint:
            self.done = True
            if os.environ.get(PROBE):
                print("painted", *_heavy_modules(), flush=True)
            QTimer.singleShot(0, self.then)
        return False


def _probe_done(window) -> None:
    page = window.stack.currentWidget()
    print("data", type(page).__name__, f"stale={getattr(page, 'stale', None)}", *_heavy_modules(), flush=True)
    if os.environ.get(PROBE) == "close":      # the tests: leave as a user does, through the window's own close
        window.close()
        return
    os._exit(0)


def _heavy_modules() -> list[str]:
    """The heavy libraries loaded so far (the probe reports them: none should be before they are needed)."""
    heavy = ("sqlalchemy", "sqlmodel", "alembic", "openpyxl", "reportlab", "pythainlp", "icu4py", "uharfbuzz")
    return [name for name in heavy if name in sys.modules]
