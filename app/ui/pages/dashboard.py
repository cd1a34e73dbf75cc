"""Dashboard: the ministry's units with score and grade, a chart with the grade thresholds, the early
warning from 6-month results, and what a unit needs for the next grade."""

from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QLineSeries, QStackedBarSeries,
                              QValueAxis)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QTextBrowser, QVBoxLayout

from app.domain.early_warning import ALERTS, SIGNAL_EN, SIGNAL_TH
from app.domain.early_warning import Signal as WarningSignal
from app.domain.thai_text import format_number, plain
from html import escape

from app.domain.unit_score import ranked
from app.domain.whatif import advice
from app.errors import KpiDeskError
from app.services import lookup
from app.services.check import units_without_indicators
from app.services.scoring import early_warnings, score_round
from app.domain.thai_text import to_thai_digits
from app.ui.i18n import english, pick
from app.ui.models.rows import RowsTableModel
from app.ui.models.unit_scores import UnitScoreTableModel
from app.ui.pages.common import LivePage, measure_columns, measured_once, table_view, with_find

SIGNAL_COLOURS = {WarningSignal.OFF_TRACK: "#b3261e", WarningSignal.BAD_TARGETS: "#b3261e", WarningSignal.AT_RISK: "#d08a00"}


class DashboardPage(LivePage):
    results_requested = Signal(str)     # a unit's code: open its results (double-click or Enter on its row)
    WATCHES = frozenset({"assignment", "result", "round", "roundsnapshot", "unit", "indicator", "frameworkcomponent", "fiscalyear"})

    def __init__(self, state) -> None:
        super().__init__(state)
        self.scores = None
        self.warned: dict = {}           # unit code → its early warning
        self.pending: set = set()        # units edited since the page last showed them
        self.pending_warnings = False    # and whether their early warnings may have changed
        self.model = UnitScoreTableModel(self)
        self.table = measured_once(table_view(self.model, stretch_column=1))
        self.table.doubleClicked.connect(self.open_unit)
        self.table.setToolTip(self.tr("ดับเบิลคลิกหน่วยงานเพื่อดูผลการดำเนินงาน"))
        self.chart = QChart()
        self.chart.legend().setVisible(False)
        self.chart.setAnimationOptions(QChart.NoAnimation)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.warnings = RowsTableModel([self.tr("รหัส"), self.tr("ตัวชี้วัด"), self.tr("สัญญาณ"),
                                        self.tr("คาดการณ์ ๑๒ เดือน")], self)
        self.warning_view = measured_once(table_view(self.warnings, stretch_column=1))
        self.warning_view.setWordWrap(False)        # one line a row: thousands of rows, no per-row measuring
        self.whatif_unit = QComboBox()
        self.whatif_unit.currentIndexChanged.connect(self.show_plan)
        self.whatif_text = QTextBrowser()

        self.left_out = QLabel()          # evaluated units with no indicator this year: not in the table
        self.left_out.setWordWrap(True)
        self.left_out.setStyleSheet("color: #8a5a00;")
        self.left_out.hide()
        scores_box = QGroupBox(self.tr("ผลคะแนนรายหน่วยงาน"))
        sl = QVBoxLayout(scores_box)
        sl.addWidget(with_find(self.table))
        sl.addWidget(self.left_out)
        chart_box = self.chart_box = QGroupBox(self.tr("คะแนนเทียบเกณฑ์ระดับผลการประเมิน"))
        QVBoxLayout(chart_box).addWidget(self.chart_view)
        warn_box = QGroupBox(self.tr("สัญญาณเตือนล่วงหน้า (คาดการณ์จากผล ๖ เดือน)"))
        self.warn_summary = QLabel()
        self.warn_summary.setWordWrap(True)
        wl = QVBoxLayout(warn_box)
        wl.addWidget(self.warn_summary)
        wl.addWidget(with_find(self.warning_view))
        whatif_box = QGroupBox(self.tr("ต้องทำอย่างไรจึงจะเลื่อนระดับ"))
        ww = QVBoxLayout(whatif_box)
        ww.addWidget(self.whatif_unit)
        ww.addWidget(self.whatif_text)
        grid = QGridLayout(self)
        grid.addWidget(scores_box, 0, 0)
        grid.addWidget(chart_box, 0, 1)
        grid.addWidget(warn_box, 1, 0)
        grid.addWidget(whatif_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.watch()

    def open_unit(self, index) -> None:
        self.results_requested.emit(self.model.unit_at(index.row()).unit_code)

    def on_changed(self, changes) -> None:
        """An edit of results or targets rescoring only the units it touched (never the whole country);
        anything else (a round's status, the framework, units) reloads the page."""
        if not self.affected_by(changes):
            return
        if self.scores is not None and changes.units and changes.tables <= {"result", "assignment"}:
            self.pending |= set(changes.units)
            # early warnings read the 6-month results and the annual targets only
            self.pending_warnings |= not (changes.tables == {"result"} and {m for _y, m in changes.rounds} == {12})
            if self.isVisible():
                self.refresh_units()
            return
        self.invalidate()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self.pending:
            self.refresh_units()

    def refresh(self) -> None:
        self.pending, self.pending_warnings = set(), False
        if self.state.year_be is None:
            return
        try:
            with self.state.store.reading() as s:
                self.scores = score_round(s, year_be=self.state.year_be, months=self.state.months)
                self.warned = {w.unit_code: w for w in early_warnings(s, year_be=self.state.year_be)}
                self._show_left_out(s)
        except KpiDeskError:
            self.scores = None
            self.model.set_scores([])
            return
        self._show()
        measure_columns(self.table)
        measure_columns(self.warning_view)

    def refresh_units(self) -> None:
        """Rescore only the units edited since the page last showed them."""
        if not self.pending or self.scores is None:
            return
        units, self.pending = list(self.pending), set()
        warn, self.pending_warnings = self.pending_warnings, False
        try:
            with self.state.store.reading() as s:
                part = score_round(s, year_be=self.state.year_be, months=self.state.months, unit_ids=units)
                warned = early_warnings(s, year_be=self.state.year_be, unit_ids=units) if warn else []
                self._show_left_out(s)
        except KpiDeskError:
            self.refresh()
            return
        fresh = {u.unit_key: u for u in part.units}
        self.scores.units = [fresh.pop(u.unit_key, u) for u in self.scores.units] + list(fresh.values())
        self.warned.update({w.unit_code: w for w in warned})
        self._show(warnings_too=bool(warned))

    def _show_left_out(self, session) -> None:
        names = units_without_indicators(session, lookup.year(session, self.state.year_be))
        self.left_out.setText(self.tr("ยังไม่มีตัวชี้วัด จึงไม่อยู่ในตาราง: {0}").format(", ".join(names)))
        self.left_out.setVisible(bool(names))

    def _show(self, warnings_too: bool = True) -> None:
        units = ranked(self.scores.units)
        self.model.set_scores(units)
        self._chart(units)
        if warnings_too:
            self._warnings(list(self.warned.values()))
        choices = [(u.unit_name, u.unit_code) for u in self.scores.units]
        if choices != [(self.whatif_unit.itemText(i), self.whatif_unit.itemData(i))
                       for i in range(self.whatif_unit.count())]:
            current = self.whatif_unit.currentData()
            self.whatif_unit.blockSignals(True)
            self.whatif_unit.clear()
            for name, code in choices:
                self.whatif_unit.addItem(name, code)
            self.whatif_unit.setCurrentIndex(max(self.whatif_unit.findData(current), 0))
            self.whatif_unit.blockSignals(False)
        self.show_plan()

    def _number(self, value) -> str:
        text = format_number(value, places=0)
        return text if english() else to_thai_digits(text)

    def _chart(self, units) -> None:
        floors = " / ".join(self._number(g.floor) for g in reversed(self.scores.components.grades[:-1]))
        self.chart_box.setTitle(self.tr("คะแนนเทียบเกณฑ์ระดับผลการประเมิน ({0})").format(floors))
        grades = self.scores.components.grades
        sets, categories = getattr(self, "_bars", None), getattr(self, "_categories", None)
        if sets is not None and sets[0].count() == len(units) and self._floors == floors:   # move the bars only
            self._fill_bars(sets, units, grades)
            categories.setCategories([u.unit_code for u in units])
            return
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        # one bar set per grade, stacked: each unit's bar has the colour of its grade
        sets = [QBarSet(pick(g.th, g.en)) for g in grades]
        for bar_set, g in zip(sets, grades):
            bar_set.setColor(QColor(g.colour))
            bar_set.setBorderColor(QColor(g.colour))
        self._fill_bars(sets, units, grades)
        # smoothing hundreds of one-pixel bars buys nothing and costs a third of the page's painting
        self.chart_view.setRenderHint(QPainter.Antialiasing, len(units) <= 60)
        series = QStackedBarSeries()
        series.append(sets)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([u.unit_code for u in units])
        self._bars, self._categories, self._floors = sets, categories, floors
        categories.setLabelsAngle(-90)
        categories.setLabelsVisible(len(units) <= 60)     # hundreds of codes are unreadable and slow to draw
        small = self.font()
        small.setPointSize(8)
        categories.setLabelsFont(small)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setTickCount(6)
        values.setLabelFormat("%d")
        values.setLabelsFont(small)
        self.chart.addAxis(categories, Qt.AlignBottom)
        self.chart.addAxis(values, Qt.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        for g in self.scores.components.grades[:-1]:
            line = QLineSeries()
            line.setName(g.th)
            line.append(-0.5, float(g.floor))
            line.append(len(units) - 0.5, float(g.floor))
            pen = QPen(QColor(g.colour))
            pen.setStyle(Qt.DashLine)
            pen.setWidth(2)
            line.setPen(pen)
            self.chart.addSeries(line)
            hidden_x = QValueAxis()
            hidden_x.setRange(-0.5, len(units) - 0.5)
            hidden_x.setVisible(False)
            self.chart.addAxis(hidden_x, Qt.AlignBottom)
            line.attachAxis(hidden_x)
            line.attachAxis(values)

    @staticmethod
    def _fill_bars(sets, units, grades) -> None:
        """A unit's score in the set of its grade, 0 in the others (no bar for a unit without a score)."""
        codes = [g.code for g in grades]
        for bar_set in sets:
            if bar_set.count() != len(units):
                bar_set.remove(0, bar_set.count())
                bar_set.append([0.0] * len(units))
        for i, u in enumerate(units):
            mine = codes.index(u.grade.code) if u.has_score and u.gradable else None
            for k, bar_set in enumerate(sets):
                value = float(u.score) if k == mine else 0.0
                if bar_set.at(i) != value:          # an edit moves a few bars: touch only those
                    bar_set.replace(i, value)

    def _warnings(self, units) -> None:
        rows, colours, flagged = [], {}, []
        for u in units:
            if u.below_floor:
                flagged.append(f"{u.unit_code} ({format_number(u.projected)})")
            for w in u.warnings:
                if w.signal in ALERTS:
                    colours[(len(rows), 2)] = SIGNAL_COLOURS.get(w.signal, "#6b6b6b")
                    rows.append([u.unit_code, w.line.name, pick(SIGNAL_TH[w.signal], SIGNAL_EN[w.signal]),
                                 plain(w.projected)])
        self.warnings.set_rows(rows, colours=colours)
        floor = self._number(self.scores.components.grades[-2].floor)
        # "none" must not read as "all are safe" while some units cannot be projected at all
        unknown = [u.unit_code for u in units if u.projected is None]
        if units and len(unknown) == len(units):
            found = self.tr("ยังคาดการณ์ไม่ได้ (ยังไม่มีผล ๖ เดือนที่ใช้คิดได้)")
        else:
            found = ", ".join(flagged) if flagged else self.tr("ไม่มี")
            if unknown:
                found += " · " + self.tr("ยังคาดการณ์ไม่ได้ (ไม่มีผล ๖ เดือนที่ใช้คิดได้): {0}").format(", ".join(unknown))
        text = self.tr("หน่วยงานที่คาดว่าจะได้ต่ำกว่า {0} คะแนน: {1}").format(floor, found)
        self.warn_summary.setText(text)

    def show_plan(self) -> None:
        code = self.whatif_unit.currentData()
        if self.scores is None or code is None:
            self.whatif_text.clear()
            return
        u = next(x for x in self.scores.units if x.unit_code == code)
        score = format_number(u.shown_score)
        head = f"<b>{escape(u.unit_name)}</b>: {score} — {pick(*u.verdict[:2])}<br>"
        said = advice(u, self.scores.components)
        items = "".join(f"<li>{escape(pick(*item))}</li>" for item in said.items)
        self.whatif_text.setHtml(head + escape(pick(*said.summary)) + (f"<ul>{items}</ul>" if items else ""))
