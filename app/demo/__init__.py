"""The demo ministry: ``kpi-desk demo`` and ``kpi-desk --demo`` build it, tests and screenshots use it."""

from pathlib import Path

from app.demo.build import build_demo

__all__ = ["build_demo", "build_demo_file"]


def build_demo_file(path: Path) -> None:
    """The demo ministry, freshly built, at ``path`` (replacing the file and its -wal/-shm if there)."""
    from app.store import open_store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path, create=True)
    try:
        build_demo(store)
    finally:
        store.close()
