"""Unexpected errors: logged to a file in the user's data directory, shown in Thai, the window goes on."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import KpiDeskError
from app.paths import log_path, open_log

log = logging.getLogger("kpi_desk")


def setup_logging() -> None:
    if any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    handler = logging.StreamHandler(open_log())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def show_error(parent, exc: BaseException, tb: str = "") -> None:
    """A refusal (KpiDeskError) as a warning; anything else logged and reported as unexpected."""
    if isinstance(exc, KpiDeskError):
        QMessageBox.warning(parent, "KPI Desk", exc.th)
        return
    log.error("unexpected error: %s\n%s", exc, tb or "".join(traceback.format_exception(exc)))
    QMessageBox.critical(
        parent, "KPI Desk",
        QApplication.translate("errors", "เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วยังอยู่ครบ "
                                         "และโปรแกรมยังทำงานต่อได้\n\nรายละเอียด: {0}\nบันทึกไว้ที่ {1}")
        .format(_shown(exc), log_path()))


def _shown(exc: BaseException) -> str:
    """What a dialog may say about an error: a database error by its driver's text only (never the
    statement or values it was run with)."""
    orig = getattr(exc, "orig", None)
    return f"{type(exc).__name__}: {orig}" if orig is not None else f"{type(exc).__name__}: {exc}"


def install_excepthook() -> None:
    def hook(kind, exc, tb):
        show_error(QApplication.activeWindow(), exc, "".join(traceback.format_exception(kind, exc, tb)))
    sys.excepthook = hook
