"""The lock file beside a database: a second KPI Desk on the same file is warned before it opens it."""

from __future__ import annotations

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox


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
