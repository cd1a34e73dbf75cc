"""The window opens on the demo ministry; the score model passes Qt's model tester."""

from app.ui.main_window import MainWindow
from app.ui.score_table_model import UnitScoreTableModel


def test_score_model_passes_modeltester(qtmodeltester, demo_store):
    from app.services.scoring import score_round
    model = UnitScoreTableModel()
    with demo_store.reading() as s:
        model.set_scores(score_round(s, year_be=2567, months=12).units)
    qtmodeltester.check(model)
    assert model.rowCount() == 10


def test_window_switches_round(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    assert window.title.text() == "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม"
    dgr_row = next(r for r in range(window.model.rowCount()) if window.model.index(r, 0).data() == "DGR")
    assert window.model.index(dgr_row, 2).data() == "78.25"
    window.round_box.setCurrentIndex(0)
    assert window.model.index(dgr_row, 2).data() == "40.83"
