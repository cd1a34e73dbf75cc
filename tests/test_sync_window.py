"""The window on a copy of the ministry server, driven as a focal point would: connect, find its own unit
already chosen, type a result offline, see it waiting, sync, and find it on the server."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog
from sqlmodel import select

pytestmark = pytest.mark.server
PASSWORD = "รหัสผ่านยาวพอ-2568"


def test_a_focal_point_connects_types_a_result_and_syncs(qtbot, pg_demo_url, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from app.models import Result
    from app.server.api import create_app
    from app.services import accounts, lookup
    from app.store import open_store
    from app.ui import i18n, server_sync
    from app.ui.launch import make_app
    from app.ui.main_window import MainWindow
    from tests.test_gui import go, set_year, type_into, cell

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")   # no keyring: asked
    server = open_store(pg_demo_url)
    with server.transaction(user="setup") as s:
        accounts.create_account(s, username="fp_pcd", password=PASSWORD, role="focal_point", unit_code="PCD")
    app = create_app(server)
    monkeypatch.setattr(server_sync, "http_client", lambda _url: TestClient(app))
    make_app()
    i18n.apply_language("th")
    window = MainWindow(open_store(tmp_path / "start.sqlite3", create=True))
    qtbot.addWidget(window)
    window.show()
    copy = tmp_path / "pcd-copy.sqlite3"

    def fill(dialog):
        dialog.server.setText("http://testserver")
        dialog.username.setText("fp_pcd")
        dialog.password.setText(PASSWORD)
        dialog.path.setText(str(copy))
        return QDialog.Accepted
    monkeypatch.setattr(server_sync.ConnectDialog, "exec", fill)
    server_sync.connect(window)
    qtbot.waitUntil(lambda: window.store.path == copy, timeout=30000)
    assert "ซิงก์แล้ว" in window.sync.label.text()
    results = go(window, "ResultsPage")
    set_year(window, 2568, 12)
    # the window may still be applying the first sync's answer; what counts is what the user then sees
    qtbot.waitUntil(lambda: not window.sync.running and results.unit.count() > 0, timeout=30000)
    assert results.unit.currentText().startswith("PCD "), (results.unit.count(), results.isVisible())
    # what a focal point may not send is not offered: the round's buttons are off, saying why
    assert not results.approve_button.isEnabled() and "ฝ่ายเลขานุการ" in results.approve_button.toolTip()
    targets = go(window, "TargetsPage")
    assert targets.lock_label.isVisible() and "ผู้ประสานงานตัวชี้วัด" in targets.lock_label.text()
    assert not targets.model.flags(cell(targets, "weight")) & Qt.ItemIsEditable
    assert not targets.add_button.isEnabled() and "เซิร์ฟเวอร์" in targets.add_button.toolTip()
    results = go(window, "ResultsPage")
    assert not results.model.flags(cell(results, "verified_actual")) & Qt.ItemIsEditable   # the secretariat's
    assert results.model.flags(cell(results, "actual")) & Qt.ItemIsEditable
    row = next(i for i, r in enumerate(results.model.rows) if r.code == "PCD-02")
    type_into(qtbot, results.view, cell(results, "actual", row=row), "๕๕.๕")
    assert "รอส่ง 1 รายการ" in window.sync.label.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSWORD, True))
    window.sync_now()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30000)
    assert "ซิงก์แล้ว" in window.sync.label.text(), window.sync.label.text()
    with server.reading() as s:
        r = s.exec(select(Result).where(Result.assignment_id == results.model.rows[row].assignment_id,
                                        Result.round_id == lookup.round_of(s, 2568, 12).id)).one()
        assert r.actual == D("55.5")
    window.close()
    server.close()


def test_the_connect_dialog_refuses_an_address_without_https(qtbot, tmp_path, monkeypatch):
    """A secretary types the server's name alone: told in Thai how to write it; nothing is sent, no file made."""
    from PySide6.QtWidgets import QMessageBox

    from app.store import open_store
    from app.ui import i18n, server_sync
    from app.ui.launch import make_app
    from app.ui.main_window import MainWindow
    make_app()
    i18n.apply_language("th")
    window = MainWindow(open_store(tmp_path / "start.sqlite3", create=True))
    qtbot.addWidget(window)
    sent, warned = [], []
    monkeypatch.setattr(server_sync, "http_client", lambda url: sent.append(url))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))

    def fill(dialog):
        dialog.server.setText("kpi.example.go.th")
        dialog.username.setText("fp_pcd")
        dialog.password.setText(PASSWORD)
        dialog.path.setText(str(tmp_path / "copy.sqlite3"))
        return QDialog.Accepted
    monkeypatch.setattr(server_sync.ConnectDialog, "exec", fill)
    server_sync.connect(window)
    assert warned and "ต้องขึ้นต้นด้วย https://" in warned[0] and "https://kpi.example.go.th" in warned[0]
    assert sent == [] and not (tmp_path / "copy.sqlite3").exists()
    window.store.close()
