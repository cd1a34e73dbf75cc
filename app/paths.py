"""Where KPI Desk keeps its files: one place, with an environment override for tests and portable use.

``KPI_DESK_DATA_DIR`` replaces the per-user data directory (platformdirs) when set.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME


def data_dir() -> Path:
    override = os.environ.get("KPI_DESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "kpi-desk.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "kpi-desk-demo.sqlite3"


def log_path() -> Path:
    return data_dir() / "kpi-desk.log"


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout; inside the bundle when frozen."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"
