"""Where KPI Desk keeps its files: one place, with an environment override for tests and portable use.

``KPI_DESK_DATA_DIR`` replaces the per-user data directory (platformdirs) when set.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME


def data_dir() -> Path:
    """The data folder, created readable by its user only (0700 on POSIX; on Windows the profile's
    own permissions apply). The per-user default is tightened even if an older version made it 0755."""
    override = os.environ.get("KPI_DESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
    elif not override and os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def cache_dir() -> Path:
    """Files KPI Desk can always make again (the word lists as read once): the per-user cache folder, or
    ``cache`` in the data folder when ``KPI_DESK_DATA_DIR`` is set."""
    override = os.environ.get("KPI_DESK_DATA_DIR")
    path = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "kpi-desk.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "kpi-desk-demo.sqlite3"


def log_path() -> Path:
    return data_dir() / "kpi-desk.log"


def open_log():
    """The log for appending, created 0600 (it may name files and people); an older one is tightened."""
    path = log_path()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return os.fdopen(fd, "a", encoding="utf-8")


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout; inside the bundle when frozen."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"
