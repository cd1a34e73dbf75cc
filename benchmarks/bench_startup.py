"""How fast KPI Desk starts, as whole processes, against baselines measured in the same run.

    python -m benchmarks.bench_startup [--runs 7]

(1) the window: from launching ``kpi-desk --db demo`` to its first paint, and to the dashboard's data
    shown, against a bare PySide6 ``QMainWindow`` with a 1,000-row ``QTableView`` to its first paint;
(2) ``kpi-desk --version`` and ``--help`` against ``python -c "import argparse"``;
(3) ``kpi-desk score --json`` on the demo against opening the same database with SQLAlchemy (an ORM
    ``Session``, as an application opens it) and reading the rows the score needs with plain SQL.
Each figure is the median of ``--runs`` launches after one warm-up launch, with compiled bytecode as an
installed copy has it (offscreen Qt platform, so no display is needed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_QT = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
model = QStandardItemModel(1000, 5)
for r in range(1000):
    for c in range(5):
        model.setItem(r, c, QStandardItem(f"แถว {r} ช่อง {c}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1366, 768)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            print("painted", flush=True)
            os._exit(0)
        return False
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""

SQLALCHEMY_READ = r"""
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
engine = create_engine("sqlite:///" + sys.argv[1])
with Session(engine) as conn:
    fy = conn.execute(text("SELECT id FROM fiscalyear WHERE year_be = 2567")).scalar()
    rnd = conn.execute(text("SELECT id FROM round WHERE fiscal_year_id = :f AND months = 12"), {"f": fy}).scalar()
    rows = conn.execute(text(
        "SELECT a.*, i.name_th, i.code, r.actual FROM assignment a JOIN indicator i ON i.id = a.indicator_id "
        "LEFT JOIN result r ON r.assignment_id = a.id AND r.round_id = :r WHERE a.fiscal_year_id = :f"),
        {"r": rnd, "f": fy}).all()
    units = conn.execute(text("SELECT id, code, name_th FROM unit")).all()
    comps = conn.execute(text("SELECT * FROM frameworkcomponent WHERE fiscal_year_id = :f"), {"f": fy}).all()
print(len(rows), len(units), len(comps))
"""


def _env(work: Path) -> dict:
    """Offscreen Qt, a private data folder, and compiled bytecode as an installed copy has it (this
    machine may set PYTHONDONTWRITEBYTECODE, which makes every launch compile every module again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "KPI_DESK_DATA_DIR": str(work / "data"),
            "KPI_DESK_STARTUP_PROBE": "1", "PYTHONPYCACHEPREFIX": str(work / "pycache")}


def marks(cmd: list[str], env: dict) -> dict[str, float]:
    """Seconds from launch to each line the process prints (its first word), and to its end."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    seen: dict[str, float] = {}
    for line in proc.stdout:
        word = (line.split() or [""])[0]
        seen.setdefault(word, time.perf_counter() - t0)
    proc.wait()
    seen["end"] = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"{cmd} failed with {proc.returncode}")
    return seen


def median(cmd: list[str], env: dict, mark: str, runs: int) -> float:
    marks(cmd, env)                 # warm-up: bytecode written, files in the OS cache
    return statistics.median(marks(cmd, env)[mark] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    demo = work / "demo.sqlite3"
    env = _env(work)
    subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(demo)], check=True, env=env, capture_output=True)
    script = Path(sys.executable).parent / ("kpi-desk.exe" if os.name == "nt" else "kpi-desk")
    kpi = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    runs = args.runs

    bare = median([sys.executable, "-c", BARE_QT], env, "painted", runs)
    paint = median([*kpi, "--db", str(demo)], env, "painted", runs)
    data = median([*kpi, "--db", str(demo)], env, "data", runs)
    argparse_base = median([sys.executable, "-c", "import argparse"], env, "end", runs)
    version = median([*kpi, "--version"], env, "end", runs)
    helptext = median([*kpi, "--help"], env, "end", runs)
    read = median([sys.executable, "-c", SQLALCHEMY_READ, str(demo)], env, "end", runs)
    score = median([*kpi, "score", "--db", str(demo), "--year", "2567", "--round", "12", "--json"], env, "end", runs)

    print(f"median of {runs} launches each; launcher: {' '.join(Path(k).name for k in kpi)}")
    print(f"{'':46s}{'time':>9s}  {'ratio':>6s}  goal")
    rows = [("bare Qt: QMainWindow + 1,000-row table, first paint", bare, None, ""),
            ("KPI Desk window on the demo, first paint", paint, paint / bare, "≤ 2×"),
            ("KPI Desk window, dashboard data shown", data, data / bare, "right after"),
            ('python -c "import argparse"', argparse_base, None, ""),
            ("kpi-desk --version", version, version / argparse_base, "≤ 1.5×"),
            ("kpi-desk --help", helptext, helptext / argparse_base, "≤ 1.5×"),
            ("SQLAlchemy Session: open the demo, read the rows", read, None, ""),
            ("kpi-desk score --json (demo, FY2567, 12 months)", score, score / read, "≤ 2×")]
    for label, seconds, ratio, goal in rows:
        print(f"{label:46s}{seconds * 1000:7.0f} ms  {'' if ratio is None else f'{ratio:5.2f}×'}  {goal}")


if __name__ == "__main__":
    main()
