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


def calls_into_deleted_objects(state) -> list[str]:
    """Emit an empty change record on ``state``: a page's bound method ignores it, but a lambda kept
    connected after the widget it drives was deleted (a language switch rebuilds the pages) raises
    "already deleted". Returns those errors."""
    import sys

    import shiboken6

    from app.services.changes import ChangeSet
    # (deferred deletes are left to the event loop: forcing them here, after the test's own teardown,
    # crashes PySide at exit)
    if not shiboken6.isValid(state):
        return []
    errors: list[str] = []
    hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: errors.append(f"{kind.__name__}: {value}")
    try:
        state.changed.emit(ChangeSet(command="conftest probe"))
    finally:
        sys.excepthook = hook
    return errors


@pytest.fixture(autouse=True)
def _no_connection_to_a_deleted_object(request):
    """Fails a window test that leaves a signal of a window's shared state connected to a deleted object."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    import shiboken6
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        state = getattr(widget, "state", None) if shiboken6.isValid(widget) else None
        if state is not None and type(state).__name__ == "DeskState" and shiboken6.isValid(state):
            errors = calls_into_deleted_objects(state)
            assert errors == [], "a signal is still connected to a deleted object: " + "; ".join(errors)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """A private PostgreSQL for the session, from the pgserver wheel (its own binaries; runs as root too)."""
    pgserver = pytest.importorskip("pgserver", reason="the server extra is not installed")
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server
    server.cleanup()


@pytest.fixture
def pg_url(pg_server, request) -> str:
    """A new, empty PostgreSQL database for one test, as a SQLAlchemy URL."""
    import re
    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    pg_server.psql(f"DROP DATABASE IF EXISTS {name};")
    pg_server.psql(f"CREATE DATABASE {name};")
    return pg_server.get_uri(name).replace("postgresql://", "postgresql+psycopg://")


@pytest.fixture(scope="session")
def pg_demo_template(pg_server) -> str:
    """The demo ministry built once on PostgreSQL, as a template database for each test's own copy."""
    from app.demo import build_demo
    from app.store import open_store
    pg_server.psql("DROP DATABASE IF EXISTS demo_template;")
    pg_server.psql("CREATE DATABASE demo_template;")
    store = open_store(pg_server.get_uri("demo_template").replace("postgresql://", "postgresql+psycopg://"), create=True)
    build_demo(store)
    store.close()
    return "demo_template"


@pytest.fixture
def pg_demo_url(pg_server, pg_demo_template, request) -> str:
    """A copy of the demo on PostgreSQL for one test."""
    import re
    name = "d_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    pg_server.psql(f"DROP DATABASE IF EXISTS {name};")
    pg_server.psql(f"CREATE DATABASE {name} TEMPLATE {pg_demo_template};")
    return pg_server.get_uri(name).replace("postgresql://", "postgresql+psycopg://")
