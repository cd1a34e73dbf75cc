"""Every item model passes Qt's model tester on real demo data."""

from app.services import lookup
from app.services.grid import assignment_rows, result_rows
from app.services.scoring import score_round
from app.ui.models.assignments import AssignmentTableModel
from app.ui.models.attendance import AttendanceRow, AttendanceTableModel
from app.ui.models.results import ResultsTableModel
from app.ui.models.rows import RowsTableModel
from app.ui.models.unit_scores import UnitScoreTableModel


def test_unit_score_model(qtmodeltester, demo_store):
    model = UnitScoreTableModel()
    with demo_store.reading() as s:
        model.set_scores(score_round(s, year_be=2567, months=12).units)
    qtmodeltester.check(model)
    assert model.rowCount() == 10


def test_assignment_model(qtmodeltester, demo_store):
    model = AssignmentTableModel()
    with demo_store.reading() as s:
        rows = assignment_rows(s, lookup.year(s, 2568).id, lookup.unit(s, "DMR").id)
    model.set_rows(rows, {(rows[0].id, "weight"): "ปัญหา"})
    qtmodeltester.check(model)
    assert model.rowCount() == 6


def test_results_model(qtmodeltester, demo_store):
    model = ResultsTableModel()
    with demo_store.reading() as s:
        rnd = lookup.round_of(s, 2567, 12)
        unit = lookup.unit(s, "DMCR")
        model.set_rows(result_rows(s, rnd, unit.id), score_round(s, year_be=2567, months=12, unit_code="DMCR").units[0],
                       read_only=False)
    qtmodeltester.check(model)


def test_rows_and_attendance_models(qtmodeltester):
    rows = RowsTableModel(["a", "b"])
    rows.set_rows([["x", 1], ["y", None]], keys=[1, 2], colours={(0, 0): "#ff0000"})
    qtmodeltester.check(rows)
    attendance = AttendanceTableModel()
    attendance.set_rows([AttendanceRow(1, "นาย ก", "กรรมการ", None)])
    qtmodeltester.check(attendance)
