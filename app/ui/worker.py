"""Slow work off the GUI thread, with a progress dialog that appears after 600 ms and can cancel.

The job is a plain function taking a ``Progress`` object (Qt-free: ``report(done, total)`` and
``cancelled``); its result or exception comes back on the GUI thread.
"""

from __future__ import annotations

import threading
import traceback
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside a job when the user pressed cancel."""


class Progress:
    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done, self.total = 0, 0
        self.listener: Callable[[int, int], None] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.done, self.total = done, total
        if self.listener:
            self.listener(done, total)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn, progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.progress, self.signals = fn, progress, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # reported on the GUI thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


def run_in_background(parent: QWidget, label: str, fn, on_done, on_error, on_cancel=None,
                      delay_ms: int = 600) -> Progress:
    """Run ``fn(progress)`` on the thread pool; ``on_done(result)``, ``on_error(exc, tb)`` or
    ``on_cancel()`` is called on the GUI thread."""
    progress = Progress()
    signals = _Signals(parent)      # parented: Qt keeps it alive until the job reports back
    dialog = QProgressDialog(label, parent.tr("ยกเลิก"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.canceled.connect(progress.cancel)
    progress.listener = lambda d, t: signals.progressed.emit(d, t)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish(result) -> None:
        dialog.reset()
        dialog.deleteLater()
        signals.deleteLater()
        on_done(result)

    def fail(exc, tb) -> None:
        dialog.reset()
        dialog.deleteLater()
        signals.deleteLater()
        if not isinstance(exc, Cancelled):
            on_error(exc, tb)
        elif on_cancel is not None:
            on_cancel()

    signals.progressed.connect(progressed)
    signals.finished.connect(finish)
    signals.failed.connect(fail)
    QThreadPool.globalInstance().start(_Job(fn, progress, signals))
    return progress
