"""Self-assessment and verification with evidence files, and components scored on OPDC's points
(issue 16, points 5 and 6): through the services, the window and the printed results."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal as D

import pytest
from sqlmodel import select

from app.domain.unit_score import ComponentSpec, IndicatorLine, score_unit
from app.errors import KpiDeskError, LockedError, ValidationError
from app.models import AuditEntry, EvidenceFile, Result
from app.services import evidence, framework, lookup
from app.services.changes import perform
from app.services.grid import result_rows, set_result_field, unit_problems
from app.services.results import record_result, set_verified
from app.services.scoring import score_round
from tests.test_hostile import assignment_of


def _open_2567(store):
    from tests.test_changes import _reopen_2567
    _reopen_2567(store)


def _score(store, unit: str, months: int = 12):
    with store.reading() as s:
        return score_round(s, year_be=2567, months=months, unit_code=unit).units[0]


def _line(score, code):
    return next(x for x in score.lines if x.line.code == code)


def test_the_verified_figure_is_scored_and_the_reported_one_kept(demo_store):
    _open_2567(demo_store)
    before = _score(demo_store, "PCD")
    reported = _line(before, "PCD-01").line.actual
    with demo_store.reading() as s:
        rnd, a = lookup.round_of(s, 2567, 12), assignment_of(s, "PCD-01")
    done = perform(demo_store, "verify", lambda s: set_verified(
        s, assignment_id=a.id, rnd=s.get(type(rnd), rnd.id), value=D(0), source="opdc",
        source_ref="หนังสือ สำนักงาน ก.พ.ร. ที่ นร ๑๒๐๐/๑๒๓", source_date=date(2024, 11, 20)))
    assert done.changes.rounds == {(2567, 12)}
    after = _score(demo_store, "PCD")
    line = _line(after, "PCD-01")
    assert line.line.actual == 0 and line.line.verified and line.line.reported == reported
    from app.domain.scoring import kpi_score
    assert line.points == kpi_score(D(0), line.line.base, line.line.standard, line.line.advanced)  # the verified 0 counts
    assert line.points != _line(before, "PCD-01").points and after.points != before.points
    with demo_store.reading() as s:
        row = next(r for r in result_rows(s, rnd, a.unit_id) if r.assignment_id == a.id)
    assert row.actual == reported and row.verified_actual == 0 and row.differs
    assert row.verified_source == "opdc" and row.verified_by == "tester" and row.verified_at is not None
    assert row.source_date == date(2024, 11, 20) and "๑๒๐๐" in row.source_ref
    # the unit's later figure changes nothing while a verified one stands; taking it back restores the unit's
    perform(demo_store, "results", lambda s: record_result(s, assignment=s.get(type(a), a.id), rnd=s.get(type(rnd), rnd.id),
                                                           actual=reported + 1))
    assert _score(demo_store, "PCD").points == after.points
    perform(demo_store, "unverify", lambda s: set_verified(s, assignment_id=a.id, rnd=s.get(type(rnd), rnd.id), value=None))
    line = _line(_score(demo_store, "PCD"), "PCD-01")
    assert line.line.actual == reported + 1 and not line.line.verified and line.line.reported is None
    with demo_store.reading() as s:
        fields = {e.field for e in s.exec(select(AuditEntry).where(AuditEntry.table_name == "result"))}
    assert {"verified_actual", "verified_source", "source_ref", "source_date", "verified_by"} <= fields


def test_a_verification_typed_in_the_grid_is_undone_like_any_edit(demo_store):
    from app.services import undo
    _open_2567(demo_store)
    with demo_store.reading() as s:
        rnd, a = lookup.round_of(s, 2567, 12), assignment_of(s, "DGR-01")
    before = _score(demo_store, "DGR").points
    done = perform(demo_store, "verify", lambda s: set_result_field(s, s.get(type(rnd), rnd.id), a.id, "verified_actual", "๑"))
    assert _score(demo_store, "DGR").points != before
    perform(demo_store, "undo", undo.revert, done.changes)
    assert _score(demo_store, "DGR").points == before
    with pytest.raises(ValidationError, match="secretariat หรือ opdc"):
        with demo_store.transaction() as s:
            set_verified(s, assignment_id=a.id, rnd=s.get(type(rnd), rnd.id), value=D(1), source="someone")
    with pytest.raises(KpiDeskError, match="ผลที่ตรวจสอบแล้ว"):
        with demo_store.transaction() as s:
            set_result_field(s, s.get(type(rnd), rnd.id), a.id, "verified_actual", "สิบ")


def test_evidence_files_are_kept_with_their_sha256_and_follow_the_lock(demo_store, tmp_path):
    from app.io.evidence import read_evidence
    _open_2567(demo_store)
    with demo_store.reading() as s:
        rnd, a = lookup.round_of(s, 2567, 12), assignment_of(s, "PCD-02")
    letter = tmp_path / "หนังสือรับรองผล.pdf"
    letter.write_bytes(b"%PDF-1.4 evidence " * 50)
    name, content = read_evidence(letter)
    done = perform(demo_store, "attach", lambda s: evidence.attach_evidence(s, s.get(type(rnd), rnd.id), a.id,
                                                                            "../../" + name, content))
    info = done.value
    assert info.name == "หนังสือรับรองผล.pdf" and info.sha256 == hashlib.sha256(content).hexdigest()
    # the change record names the file, never carries its bytes into the audit trail
    row = next(r for r in done.changes.rows if r.table == "evidencefile")
    assert row.fields["content"][1] == f"({len(content)} bytes)"
    with pytest.raises(ValidationError, match="เนื้อหาเดียวกับ"):
        with demo_store.transaction() as s:
            evidence.attach_evidence(s, s.get(type(rnd), rnd.id), a.id, "copy.pdf", content)
    with pytest.raises(ValidationError, match="เกินขนาด"):
        with demo_store.transaction() as s:
            evidence.attach_evidence(s, s.get(type(rnd), rnd.id), a.id, "big.bin", bytes(evidence.MAX_EVIDENCE_BYTES + 1))
    with pytest.raises(KpiDeskError, match="ไม่ใช่ไฟล์"):
        read_evidence(tmp_path)
    with demo_store.reading() as s:
        assert evidence.evidence_counts(s, rnd.id) == {a.id: 1}
        assert evidence.evidence_content(s, info.id) == (info.name, content)
        assert next(r for r in result_rows(s, rnd, a.unit_id) if r.assignment_id == a.id).evidence_files == 1
    with demo_store.transaction() as s:                    # bytes changed behind the service's back
        s.get(EvidenceFile, info.id).content = b"tampered"
    with pytest.raises(KpiDeskError, match="SHA-256"):
        with demo_store.reading() as s:
            evidence.evidence_content(s, info.id)
    with demo_store.transaction() as s:
        framework.approve_round(s, s.get(type(rnd), rnd.id), reason="ทดสอบ")
    with pytest.raises(LockedError):
        with demo_store.transaction() as s:
            evidence.remove_evidence(s, info.id)
    with demo_store.transaction() as s:
        framework.reopen_round(s, s.get(type(rnd), rnd.id))
        evidence.remove_evidence(s, info.id)
    with demo_store.reading() as s:
        assert evidence.evidence_files(s, rnd.id, a.id) == []


def test_a_component_scored_on_points_takes_opdcs_points_without_targets(demo_store):
    with demo_store.transaction() as s:
        fy = lookup.year(s, 2568)
        framework.set_component_takes(s, fy, "2.2", "points")
        from app.models import Assignment
        a = s.exec(select(Assignment).where(Assignment.indicator_id == lookup.indicator(s, "PMQA-01").id,
                                            Assignment.fiscal_year_id == fy.id,
                                            Assignment.unit_id == lookup.unit(s, "PCD").id)).one()
        for field in ("base", "standard", "advanced"):
            setattr(a, field, None)                          # no targets: none are asked for
        s.add(a)
        s.flush()
        assert not [p for p in unit_problems(s, fy.id, a.unit_id) if p.key == a.id]
        rnd = lookup.round_of(s, 2568, 12)
        record_result(s, assignment=a, rnd=rnd, actual=D("87.5"))
        with pytest.raises(ValidationError, match="๐ ถึง ๑๐๐"):
            record_result(s, assignment=a, rnd=rnd, actual=D(350))
        with pytest.raises(ValidationError, match="๐ ถึง ๑๐๐"):
            set_verified(s, assignment_id=a.id, rnd=rnd, value=D(-1), source="opdc")
    with demo_store.reading() as s:
        score = score_round(s, year_be=2568, months=12, unit_code="PCD").units[0]
    line = _line(score, "PMQA-01")
    assert line.points == D("87.5") and line.weighted == D("8.75") and not line.error
    with pytest.raises(ValidationError, match="targets หรือ points"):
        with demo_store.transaction() as s:
            framework.set_component_takes(s, lookup.year(s, 2568), "2.2", "stars")


def test_points_are_scored_as_they_are_and_a_parent_setting_is_inherited():
    specs = [ComponentSpec("1", "ผลสัมฤทธิ์", D(70)), ComponentSpec("2", "ศักยภาพ", D(30), takes="points"),
             ComponentSpec("2.1", "ดิจิทัล", D(30), "2")]
    lines = [IndicatorLine("a", "ก", "1", D(70), D(1), D(2), D(3), D(3)),
             IndicatorLine("b", "ข", "2.1", D(30), None, None, None, D("66.25")),
             ]
    score = score_unit(lines, specs, 12)
    assert score.lines[1].points == D("66.25") and score.points == D(70) + D("19.875")
    assert score.gradable
    broken = score_unit([lines[0], IndicatorLine("b", "ข", "2.1", D(30), None, None, None, D(101))], specs, 12)
    assert broken.lines[1].points is None and not broken.gradable and not broken.has_score   # no made-up 0
    assert any("๐ ถึง ๑๐๐" in i.th for i in broken.issues)


def test_a_locked_rounds_snapshot_keeps_the_verified_and_reported_figures(demo_store):
    from app.services.snapshots import decode, encode
    from app.services.scoring import live_inputs
    _open_2567(demo_store)
    with demo_store.transaction() as s:
        rnd, a = lookup.round_of(s, 2567, 12), assignment_of(s, "PCD-01")
        set_verified(s, assignment_id=a.id, rnd=rnd, value=D(1))
        framework.set_component_takes(s, lookup.year(s, 2567), "2.2", "points")
        inputs = live_inputs(s, rnd)
    again = decode(encode(inputs), 1)
    assert [s.takes for s in again.specs] == [s.takes for s in inputs.specs]
    assert {k: v for k, v in again.lines.items() if v} == inputs.lines      # units with no lines are listed empty
    line = next(x for x in again.lines[a.unit_id] if x.key == a.id)
    assert line.verified and line.actual == 1 and line.reported is not None


def test_the_window_shows_both_figures_and_attaches_evidence(qtbot, demo_store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    from app.ui.evidence_dialog import EvidenceDialog
    from app.ui.models.results import DIFFERS_BG
    from tests.test_gui import go, open_window, pick_unit, set_year, type_into

    _open_2567(demo_store)
    window = open_window(qtbot, demo_store)
    page = go(window, "ResultsPage")
    set_year(window, 2567, 12)
    pick_unit(page, "PCD")
    model = page.model
    row = next(i for i, r in enumerate(model.rows) if r.code == "PCD-01")
    column = next(c for c in range(model.columnCount()) if model.field(c) == "verified_actual")
    score_before = page.score_label.text()
    type_into(qtbot, page.view, model.index(row, column), "0")
    with demo_store.reading() as s:
        stored = s.exec(select(Result).where(Result.assignment_id == assignment_of(s, "PCD-01").id,
                                             Result.round_id == lookup.round_of(s, 2567, 12).id)).one()
    assert stored.verified_actual == 0 and stored.verified_source == "secretariat"
    assert page.score_label.text() != score_before
    row = next(i for i, r in enumerate(model.rows) if r.code == "PCD-01")
    index = model.index(row, column)
    assert index.data(0x8) .color() == DIFFERS_BG                   # BackgroundRole: the difference is marked
    assert "ต่างจากที่หน่วยงานรายงาน" in index.data(3)                # ToolTipRole

    page.view.setCurrentIndex(index)
    dialog = EvidenceDialog(page, model.rows[row], page.unit.currentData())
    qtbot.addWidget(dialog)
    scan = tmp_path / "ภาพถ่ายกิจกรรม.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(scan)], ""))
    qtbot.mouseClick(dialog.attach_button, qtbot_left())
    assert dialog.files.rowCount() == 1 and dialog.files.item(0, 0).text() == scan.name
    dialog.value.setText("๗๐")
    dialog.source.setCurrentIndex(dialog.source.findData("opdc"))
    dialog.reference.setText("หนังสือ สำนักงาน ก.พ.ร. ที่ นร ๑๒๐๐/๔๕")
    qtbot.mouseClick(dialog.save_button, qtbot_left())
    assert dialog.message.text() == "บันทึกแล้ว"
    with demo_store.reading() as s:
        stored = s.exec(select(Result).where(Result.id == stored.id)).one()
    assert stored.verified_actual == 70 and stored.verified_source == "opdc" and "๔๕" in stored.source_ref
    files_column = next(c for c in range(model.columnCount()) if model.field(c) == "evidence_files")
    assert model.index(row, files_column).data() == "1"
    dialog.close()
    window.close()


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.LeftButton


def test_printed_results_star_a_verified_figure_and_the_annex_names_points(demo_path, tmp_path):
    from pdftext import shared_checker, text
    from app.store import open_store
    from tests.clirun import run_cli
    store = open_store(demo_path)
    _open_2567(store)
    with store.transaction() as s:
        rnd = lookup.round_of(s, 2567, 12)
        set_verified(s, assignment_id=assignment_of(s, "PCD-01").id, rnd=rnd, value=D(0), source="opdc")
        framework.set_component_takes(s, lookup.year(s, 2568), "2.2", "points")
    store.close()
    results, annex = tmp_path / "results.pdf", tmp_path / "annex.pdf"
    for args in (("report", "results", "--year", "2567", "--round", "12", "--unit", "PCD", "--out", str(results)),
                 ("report", "annex", "--year", "2568", "--unit", "PCD", "--out", str(annex))):
        proc = run_cli(*args, "--db", str(demo_path))
        assert proc.returncode == 0, proc.stderr
    words = "".join(text(results).split())
    assert "0*" in words or "๐*" in words
    assert "ต่างจากที่หน่วยงานรายงาน" in words
    assert "คะแนนที่สำนักงานก.พ.ร.ให้" in "".join(text(annex).split())
    for pdf in (results, annex):
        bad, _judged, lines = shared_checker(pdf)
        assert (bad, lines) == (0, [])


def test_a_snapshot_locked_before_lines_carried_their_direction_scores_as_it_did(demo_store):
    """Snapshots written before the lines carried the indicator's direction decode with none, so a round
    locked then keeps its numbers even where its targets run against the direction."""
    import json
    from app.domain.unit_score import score_unit
    from app.services.snapshots import decode, encode
    from app.services.scoring import live_inputs
    with demo_store.reading() as s:
        inputs = live_inputs(s, lookup.round_of(s, 2567, 12))
    data = json.loads(encode(inputs))
    for u in data["units"]:
        for ln in u["lines"]:
            assert ln.pop("direction") in ("higher", "lower")
    old = decode(json.dumps(data), 1)
    line = next(ln for lines in old.lines.values() for ln in lines if ln.code == "PCD-02")
    assert line.direction is None
    line.base, line.advanced = D(80), D(70)               # against its declared direction (higher is better)
    scored = score_unit([line], old.specs, 12).lines[0]
    assert scored.points == D(65) and not scored.error
