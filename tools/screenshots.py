"""Screenshots of every page of the main window on the demo ministry (for the README and for review).

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py OUT_DIR [--lang en] [--size 1920x1080]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="th")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768 (default) or 1920x1080")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from app.demo import build_demo
    from app.store import open_store
    from app.ui import i18n
    from app.ui.launch import make_app
    from app.ui.main_window import PAGES, MainWindow

    db = Path(tempfile.mkdtemp()) / "demo.sqlite3"
    store = open_store(db, create=True)
    build_demo(store)
    app = make_app()
    i18n.apply_language(args.lang)
    window = MainWindow(store)
    width, height = (int(x) for x in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    for row, (_title, _module, name) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        settle()
        if name == "ReportsPage":
            page = window.pages["ReportsPage"]
            page.choose("results")
            page.build()
            for _ in range(60):
                settle(250)
                if page.document.pageCount():
                    break
            settle(1500)          # QPdfView renders pages in the background
        window.grab().save(str(out / f"{row + 1:02d}-{name.removesuffix('Page').lower()}-{args.lang}-{width}.png"))
    app.quit()


if __name__ == "__main__":
    main()
