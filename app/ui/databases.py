"""Databases from the File menu: new, open, open recent, restore from a backup.

Each ends in ``switch``: the new database is opened (and checked) before the current one is let go,
so a file that cannot be opened leaves the window where it was. The window holds the lock file of the
database it shows; the recent list lives in QSettings.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import APP_NAME
from app.ui import i18n

RECENT_KEY, RECENT_MAX = "recent_databases", 8
FILTER = "KPI Desk (*.sqlite3 *.db);;*"


def recent() -> list[str]:
    value = i18n.settings().value(RECENT_KEY) or []
    return [p for p in ([value] if isinstance(value, str) else list(value)) if Path(p).exists()]


def remember(path) -> None:
    paths = [str(path)] + [p for p in recent() if p != str(path)]
    i18n.settings().setValue(RECENT_KEY, paths[:RECENT_MAX])


def switch(window, path, create: bool = False) -> bool:
    """Open ``path`` in the window instead of the current database; False (and why) when it cannot be."""
    from app.errors import KpiDeskError
    from app.store import open_store
    from app.ui.lock import lock_database
    try:
        store = open_store(path, create=create)
    except KpiDeskError as exc:
        QMessageBox.warning(window, APP_NAME, exc.th)
        return False
    if store.path is not None and window.store is not None and store.path == window.store.path:
        store.close()
        return True
    lock = lock_database(window, store.path)
    if lock is None and store.path is not None:
        store.close()
        return False
    old_store, old_lock = window.store, getattr(window, "lock", None)
    window.lock = lock
    window.attach(store)
    if old_store is not None:
        old_store.close()
    if old_lock is not None:
        old_lock.unlock()
    if store.path is not None:
        remember(store.path)
    return True


def open_database(window, path: str | None = None) -> None:
    if path is None:
        start = str(window.store.path.parent) if window.store and window.store.path else ""
        path, _ = QFileDialog.getOpenFileName(window, window.tr("เปิดฐานข้อมูล"), start, FILTER)
        if not path:
            return
    if switch(window, path):
        window.statusBar().showMessage(window.tr("เปิด {0} แล้ว").format(path), 8000)


def new_database(window) -> None:
    """A new file, set up as the first-run dialog asks (the demo, or an empty database for a ministry)."""
    from app.ui.first_run import FirstRunDialog, prepare
    path, _ = QFileDialog.getSaveFileName(window, window.tr("ฐานข้อมูลใหม่"), "kpi-desk.sqlite3", FILTER)
    if not path:
        return
    if Path(path).exists():
        QMessageBox.warning(window, APP_NAME, window.tr("มีไฟล์ {0} อยู่แล้ว ฐานข้อมูลใหม่ไม่เขียนทับไฟล์เดิม").format(path))
        return
    dialog = FirstRunDialog(path)
    if dialog.exec() != FirstRunDialog.Accepted:
        return
    if switch(window, path, create=True):
        prepare(window.store, dialog)
        window.attach(window.store)          # show what was just set up


def restore_backup(window, backup: str | None = None) -> None:
    """Put a backup copy in place of the open database; the current file is first kept beside it as
    NAME.before-restore-TIME.sqlite3, so a restore can itself be undone."""
    from app.errors import KpiDeskError
    from app.store.backup import backup_sqlite
    from app.ui.pages.common import ask
    current = window.store.path if window.store else None
    if current is None:
        QMessageBox.information(window, APP_NAME, window.tr("กู้คืนได้เฉพาะฐานข้อมูล SQLite"))
        return
    if backup is None:
        backup, _ = QFileDialog.getOpenFileName(window, window.tr("กู้คืนจากไฟล์สำรอง"), str(current.parent), FILTER)
        if not backup:
            return
    if not ask(window, window.tr("แทนที่ข้อมูลใน {0} ด้วยไฟล์สำรอง {1}? ข้อมูลปัจจุบันจะเก็บไว้เป็นไฟล์สำเนาข้างกัน")
               .format(current.name, Path(backup).name)):
        return
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    kept = current.with_name(f"{current.stem}.before-restore-{stamp}{current.suffix}")
    incoming = current.with_name(f"{current.stem}.restoring-{stamp}{current.suffix}")
    from app.store import open_store
    try:
        backup_sqlite(current, kept)                 # the current data, consistent, beside the file
        backup_sqlite(Path(backup), incoming)        # the backup, copied and then opened: refused if it is not
        open_store(incoming).close()                 # a KPI Desk database (upgraded here if it is older)
    except KpiDeskError as exc:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{incoming}{suffix}").unlink(missing_ok=True)
        QMessageBox.warning(window, APP_NAME, exc.th)
        return
    window.store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{current}{suffix}").unlink(missing_ok=True)
    incoming.replace(current)                        # one rename: the file is either the old or the restored one
    window.attach(open_store(current))
    window.statusBar().showMessage(window.tr("กู้คืนแล้ว ข้อมูลก่อนกู้คืนอยู่ที่ {0}").format(kept), 10000)
