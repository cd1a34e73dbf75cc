"""The window and the ministry server: แฟ้ม → เชื่อมต่อเซิร์ฟเวอร์กระทรวง… makes a new local copy and opens
it; on a copy, a status-bar indicator (synced / N waiting / offline / conflicts), ซิงก์ตอนนี้ (F5) and a sync
every few minutes, off the GUI thread; a secretary's conflicts dialog (mine / theirs / base, who, when).
The token is kept in the keyring; without one (or when it has expired) the password is asked."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView,
                               QVBoxLayout)

from app import APP_NAME
from app.errors import KpiDeskError
from app.ui.i18n import pick
from app.ui.pages.common import ok_cancel

EVERY_MS = 5 * 60 * 1000


def http_client(server: str):
    import httpx
    return httpx.Client(base_url=server, timeout=60)


class ConnectDialog(QDialog):
    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("เชื่อมต่อเซิร์ฟเวอร์กระทรวง"))
        self.server, self.username, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.server.setPlaceholderText("https://kpi.example.go.th")
        self.password.setEchoMode(QLineEdit.Password)
        self.path = QLineEdit("kpi-desk-server-copy.sqlite3")
        browse = QPushButton(self.tr("เลือก…"))
        browse.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("ที่อยู่เซิร์ฟเวอร์"), self.server)
        form.addRow(self.tr("ชื่อผู้ใช้"), self.username)
        form.addRow(self.tr("รหัสผ่าน"), self.password)
        form.addRow(self.tr("เก็บสำเนาที่"), where)
        form.addRow(ok_cancel(self))

    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("เก็บสำเนาที่"), self.path.text(), "KPI Desk (*.sqlite3)")
        if path:
            self.path.setText(path)


def connect(window) -> None:
    """Sign in, copy the server's data into a new file (in the background) and open it."""
    from pathlib import Path

    from app.io import credentials, server_sync
    from app.ui import databases
    from app.ui.worker import run_in_background
    dialog = ConnectDialog(window)
    window.last_dialog = dialog
    if dialog.exec() != QDialog.Accepted:
        return
    server, username, password = dialog.server.text().strip(), dialog.username.text().strip(), dialog.password.text()
    path = Path(dialog.path.text().strip()).expanduser()
    try:
        server = server_sync.server_address(server)
        server_sync.must_be_new(path)
    except KpiDeskError as exc:
        QMessageBox.warning(window, APP_NAME, pick(exc.th, exc.en or exc.th))
        return

    def job(_progress):
        with http_client(server) as http:
            store, token = server_sync.new_copy(path, http, username, password, server)
        store.close()
        credentials.remember_token(server, username, token)
        return path

    def done(made) -> None:
        if databases.switch(window, made):
            window.statusBar().showMessage(window.tr("สร้างสำเนาจากเซิร์ฟเวอร์ {0} แล้ว").format(server), 8000)

    run_in_background(window, window.tr("กำลังคัดลอกข้อมูลจากเซิร์ฟเวอร์…"), job, done,
                      lambda exc, _tb: QMessageBox.warning(window, APP_NAME, getattr(exc, "th", str(exc))))


class SyncIndicator(QObject):
    """On a desktop copy: the status-bar text, the sync action and its timer."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel()
        self.running = False
        self.conflicts = 0
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.sync_quietly)
        self.timer.start()
        window.state.changed.connect(self.on_changed)
        self.show_state()

    def on_changed(self, _changes) -> None:
        self.show_state()

    def info(self):
        from app.services.replica import copy_info
        with self.window.store.reading() as s:
            return copy_info(s)

    def show_state(self, note: str = "") -> None:
        info = self.info()
        if info is None:
            return
        text = self.tr("ซิงก์กับ {0}: รุ่น {1}").format(info.server, info.revision)
        text += self.tr(" · รอส่ง {0} รายการ").format(info.waiting) if info.waiting else self.tr(" · ซิงก์แล้ว")
        if info.refused:
            text += self.tr(" · เซิร์ฟเวอร์ไม่รับ {0} รายการ").format(info.refused)
        if self.conflicts:
            text += self.tr(" · ข้อขัดแย้ง {0} รายการ").format(self.conflicts)
        self.label.setText(text + (f" · {note}" if note else ""))

    def token(self, info, ask: bool) -> str | None:
        from app.io import credentials, server_sync
        token = credentials.recall_token(info.server, info.username)
        if token or not ask:
            return token
        password, ok = QInputDialog.getText(self.window, APP_NAME, self.tr("รหัสผ่านของ {0} ที่ {1}").format(
            info.username, info.server), QLineEdit.Password)
        if not ok:
            return None
        try:
            with http_client(info.server) as http:
                token = server_sync.sign_in(http, info.username, password)["token"]
        except KpiDeskError as exc:
            QMessageBox.warning(self.window, APP_NAME, exc.th)
            return None
        credentials.remember_token(info.server, info.username, token)
        return token

    def sync_now(self) -> None:
        self.run(ask=True)

    def sync_quietly(self) -> None:
        self.run(ask=False)

    def run(self, ask: bool) -> None:
        from app.io import server_sync
        from app.ui.worker import run_in_background
        info = self.info()
        if info is None or self.running:
            return
        token = self.token(info, ask)
        if token is None:
            self.show_state(self.tr("ยังไม่ได้ลงชื่อเข้าใช้"))
            return
        store = self.window.store
        self.running = True

        def job(_progress):
            with http_client(info.server) as http:
                return server_sync.sync(store, http, token)

        run_in_background(self.window, self.tr("กำลังซิงก์กับเซิร์ฟเวอร์…"), job, self.synced, self.failed,
                          delay_ms=1500 if ask else 3_600_000)

    def synced(self, report) -> None:
        self.running = False
        self.conflicts = len(report.conflicts)
        self.show_state()
        self.window.statusBar().showMessage(report.th, 10000)
        if report.tables:
            self.window.state.saved(pulled_changes(self.window.store, report.tables))

    def failed(self, exc, _tb) -> None:
        self.running = False
        self.show_state(self.tr("ออฟไลน์: งานที่ทำจะส่งเมื่อเชื่อมต่อได้") if getattr(exc, "status", None) is None
                        else getattr(exc, "th", str(exc)))


def pulled_changes(store, tables: set):
    """A change record that concerns every year and round, for the tables a pull changed: each page
    showing one of them refreshes."""
    import uuid

    from app.services import lookup
    from app.services.changes import ChangeSet, RowChange
    with store.reading() as s:
        years = frozenset(lookup.years_be(s))
    return ChangeSet("sync", rows=tuple(RowChange(t, uuid.uuid4(), "update", {}) for t in sorted(tables)),
                     years=years, rounds=frozenset((y, m) for y in years for m in (6, 12)))


class ConflictsDialog(QDialog):
    """The server's open conflicts (secretaries): the field, the value both started from, the value kept on
    the server (theirs) and the one pushed after it (mine), by whom; keep either."""

    def __init__(self, window, info, token: str) -> None:
        super().__init__(window)
        self.info, self.token = info, token
        self.setWindowTitle(self.tr("ข้อขัดแย้งของการซิงก์"))
        self.resize(900, 420)
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels([self.tr("ข้อมูล"), self.tr("ช่อง"), self.tr("ค่าเดิม"),
                                              self.tr("ค่าบนเซิร์ฟเวอร์ (โดย)"), self.tr("ค่าที่ส่งภายหลัง (โดย)"),
                                              self.tr("เมื่อ")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.theirs_button = QPushButton(self.tr("ใช้ค่าบนเซิร์ฟเวอร์"))
        self.mine_button = QPushButton(self.tr("ใช้ค่าที่ส่งภายหลัง"))
        self.theirs_button.clicked.connect(self.keep_theirs)
        self.mine_button.clicked.connect(self.keep_mine)
        self.message = QLabel()
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.theirs_button)
        buttons.addWidget(self.mine_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.rows: list[dict] = []
        self.load()

    def call(self, method: str, path: str, **kw):
        from app.io import server_sync
        with http_client(self.info.server) as http:
            return server_sync._call(http, method, path, self.token, **kw)

    def load(self) -> None:
        try:
            self.rows = self.call("GET", "/conflicts")
        except KpiDeskError as exc:
            self.message.setText(exc.th)
            self.rows = []
        self.model.removeRows(0, self.model.rowCount())
        names = {"assignment": self.tr("ค่าเป้าหมาย/น้ำหนัก"), "result": self.tr("ผลการดำเนินงาน")}
        for c in self.rows:
            self.model.appendRow([QStandardItem(x) for x in (
                names.get(c["table"], c["table"]), c["field"], c["base"] or "–", f"{c['theirs'] or '–'} ({c['theirs_by']})",
                f"{c['mine'] or '–'} ({c['mine_by']})", c["at"][:16].replace("T", " "))])
        self.message.setText(self.tr("ไม่มีข้อขัดแย้ง") if not self.rows else "")

    def choose(self, which: str) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        try:
            self.call("POST", f"/conflicts/{self.rows[index.row()]['id']}/resolve", json={"choose": which})
        except KpiDeskError as exc:
            self.message.setText(exc.th)
            return
        self.load()

    def keep_theirs(self) -> None:
        self.choose("theirs")

    def keep_mine(self) -> None:
        self.choose("mine")


def open_conflicts(window) -> None:
    indicator = getattr(window, "sync", None)
    info = indicator.info() if indicator else None
    if info is None:
        return
    token = indicator.token(info, ask=True)
    if token:
        ConflictsDialog(window, info, token).exec()
