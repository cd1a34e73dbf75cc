"""Edit-to-screen latency at national scale: one value typed in the results or targets grid.

    python -m benchmarks.bench_edit [--db national.sqlite3] [--edits 20]

The window runs on ``benchmarks/national.py`` data (230 units, 2,045 indicators a year; offscreen Qt).
An edit is timed from the moment the grid commits the typed value to the moment every affected thing
on screen is up to date: the row, the unit's score beside the grid, and the dashboard (hidden while
the grid is shown, so it catches up when shown again: that is timed too). Reported: median and worst
of ``--edits`` edits, and the number of units each edit rescored (the whole country would be 230).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

YEAR = 2569


def line_actual(row):
    return getattr(row, "actual", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    from benchmarks.national import generate
    db = args.db or str(Path(tempfile.mkdtemp()) / "national.sqlite3")
    if not args.db:
        generate(db)

    from PySide6.QtWidgets import QApplication

    from app.domain import unit_score
    from app.store import open_store
    from app.ui.launch import make_app
    from app.ui.main_window import MainWindow

    app = make_app()
    store = open_store(db)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    window.year_box.setCurrentIndex(window.year_box.findData(YEAR))
    window.round_box.setCurrentIndex(window.round_box.findData(12))
    app.processEvents()

    scored = []
    original = unit_score.score_unit

    def counting(*a, **kw):
        scored.append(1)
        return original(*a, **kw)

    import app.services.scoring as scoring_service
    scoring_service.score_unit = counting

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    figures: dict[str, list[float]] = {"results": [], "targets": [], "dashboard": []}
    units: dict[str, list[int]] = {"results": [], "targets": [], "dashboard": []}
    for kind, page_name, field in (("results", "ResultsPage", "actual"), ("targets", "TargetsPage", "base")):
        page = window.pages[page_name]
        window.go(page_name)
        settle()
        for n in range(args.edits):
            page.unit.setCurrentIndex(n % page.unit.count())
            settle()
            model = page.model
            column = next(c for c in range(model.columnCount()) if model.field(c) == field)
            row = 0
            index = model.index(row, column)
            current = model.data(index)
            line = model.rows[row]
            value = "50" if line_actual(line) is None else str(line_actual(line) + 1)
            if kind == "targets":       # keep the targets in order: move the base away from the standard
                line = model.rows[row]
                value = str(line.base - 1 if line.direction == "higher" else line.base + 1)
            scored.clear()
            t0 = time.perf_counter()
            model.setData(index, value)
            settle()
            figures[kind].append(time.perf_counter() - t0)
            units[kind].append(len(scored))
            assert model.data(index) != current or value == current, "the row did not change"
            scored.clear()
            t0 = time.perf_counter()
            window.go("DashboardPage")
            settle()
            figures["dashboard"].append(time.perf_counter() - t0)
            units["dashboard"].append(len(scored))
            window.go(page_name)
            settle()
    print("results edits (ms):", " ".join(f"{x * 1000:.0f}" for x in figures["results"]))
    print(f"national data: FY{YEAR}, {args.edits} edits per grid; times from the typed value committed to the screen up to date")
    print(f"{'':44s}{'median':>9s}{'worst':>9s}  units rescored")
    for label, key in (("results grid: row and unit score", "results"), ("targets grid: row, sums and problems", "targets"),
                       ("dashboard shown after an edit", "dashboard")):
        xs = figures[key]
        print(f"{label:44s}{statistics.median(xs) * 1000:7.1f} ms{max(xs) * 1000:7.1f} ms  "
              f"{min(units[key])}–{max(units[key])}")
    os._exit(0)         # skip Qt's teardown: nothing is left to save


if __name__ == "__main__":
    main()
