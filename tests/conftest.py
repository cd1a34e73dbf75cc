"""Shared fixtures: a private data directory, the demo database built once and copied per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KPI_DESK_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("KPI_DESK_USER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))   # QSettings (language) per test


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    from app.demo import build_demo
    from app.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    store = open_store(path, create=True)
    build_demo(store)
    store.close()
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_path):
    from app.store import open_store

    store = open_store(demo_path)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path):
    from app.store import open_store

    store = open_store(tmp_path / "empty.sqlite3", create=True)
    yield store
    store.close()
