"""The main window: for now the ministry's units with their scores for the open year and round."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTableView, QToolBar, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.errors import KpiDeskError
from app.services import lookup
from app.services.scoring import score_round
from app.store import Store
from app.ui.score_table_model import UnitScoreTableModel


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"{APP_NAME} {__version__} — {store.label}")
        self.resize(1100, 700)
        toolbar = QToolBar("ปีและรอบ", self)
        self.addToolBar(toolbar)
        toolbar.addWidget(QLabel(" ปีงบประมาณ พ.ศ. 2567  รอบ "))
        self.round_box = QComboBox()
        self.round_box.addItem("๖ เดือน", 6)
        self.round_box.addItem("๑๒ เดือน", 12)
        self.round_box.setCurrentIndex(1)
        toolbar.addWidget(self.round_box)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.title = QLabel()
        layout.addWidget(self.title)
        self.model = UnitScoreTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"ฐานข้อมูล: {store.label}")
        self.round_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        months = self.round_box.currentData()
        try:
            with self.store.reading() as s:
                self.title.setText(lookup.ministry(s).name_th)
                rs = score_round(s, year_be=2567, months=months)
        except KpiDeskError as exc:
            self.title.setText(exc.th)
            self.model.set_scores([])
            return
        self.model.set_scores(rs.units)
        self.table.resizeColumnsToContents()
