"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate, including the thread pool
that builds reports and reads workbooks; when it frees a cycle holding a Qt widget there, Qt destroys
the widget off the GUI thread and the process crashes (seen while a report was building in a test).
So automatic collection is switched off and a timer on the GUI thread collects instead, generation by
generation as the thresholds say (the approach pyqtgraph's GarbageCollector takes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, parent=None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return
