"""Strategic KPIs, the links of department indicators, and the cascade view (issue 16, points 1–3)."""

from decimal import Decimal as D
import random

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from app.domain.shares import percentages
from app.errors import KpiDeskError
from app.models import Assignment, IndicatorKind, JointMainIndicator, Ministry
from app.services import indicators, lookup, strategy
from tests.test_hostile import assignment_of


def test_percentages_add_up_to_exactly_100():
    rng = random.Random(16)                                 # a fixed seed: the same cases every run
    for _ in range(500):
        counts = {k: rng.randint(0, 400) for k in "abcd"}
        shares = percentages(counts)
        if sum(counts.values()):
            assert sum(shares.values()) == D("100.00")
            for k, v in shares.items():
                exact = D(counts[k]) * 100 / sum(counts.values())
                assert abs(v - exact) < D("0.01")
    assert percentages({"a": 172, "b": 285 - 172}) == {"a": D("60.35"), "b": D("39.65")}
    assert percentages({"a": 0}) == {"a": D("0.00")}


def _kpi(s, code="SKPI-01", plan=(2566, 2570)):
    return strategy.create_strategic_kpi(s, ministry=lookup.ministry(s), code=code, name_th=f"ตัวชี้วัดยุทธศาสตร์ {code}",
                                         plan_from=plan[0], plan_to=plan[1], unit_of_measure="ร้อยละ")


def test_links_and_the_cascade_counted_once_each(demo_store):
    with demo_store.transaction() as s:
        k1, k3 = _kpi(s), _kpi(s, "SKPI-03", (2561, 2565))     # k3: an older plan
        _kpi(s, "SKPI-02")
        strategy.set_strategic_target(s, k1, 2568, target="ร้อยละ ๘๐", target_value=D(80), result_value=D(76.5))
        rows = s.exec(select(Assignment).where(Assignment.fiscal_year_id == lookup.year(s, 2568).id)).all()
        from app.services import joint
        main = s.exec(select(JointMainIndicator)).first()              # the demo's are FY2567's
        agenda = joint.create_agenda(s, year=lookup.year(s, 2568), number=9, name_th="ประเด็นทดสอบ")
        same_year_main = joint.add_main_indicator(s, agenda=agenda, number=1, name_th="ตัวชี้วัดหลักทดสอบ")
        if _year_of(s, main) != 2568:
            with pytest.raises(KpiDeskError, match="ปีงบประมาณอื่น"):
                strategy.link_assignment(s, rows[2], joint_main=main)
        strategy.link_assignment(s, rows[0], strategic=k1)
        strategy.link_assignment(s, rows[1], strategic=k1)
        strategy.link_assignment(s, rows[2], joint_main=same_year_main)
        strategy.link_assignment(s, rows[3], functional=True)
        with pytest.raises(KpiDeskError, match="ไม่ครอบคลุมปี"):
            strategy.link_assignment(s, rows[4], strategic=k3)
        with pytest.raises(KpiDeskError, match="อย่างเดียว"):
            strategy.link_assignment(s, rows[4], strategic=k1, functional=True)
    with demo_store.reading() as s:
        view = strategy.cascade(s, 2568)
        rows = s.exec(select(Assignment).where(Assignment.fiscal_year_id == lookup.year(s, 2568).id,
                                               Assignment.withdrawn_on.is_(None))).all()
    cascaded = [k.code for k in view.strategic_cascaded]
    not_cascaded = [k.code for k in view.strategic_not_cascaded]
    assert "SKPI-01" in cascaded and "SKPI-02" in not_cascaded
    assert "SKPI-03" not in cascaded + not_cascaded                            # not in force in 2568
    assert view.strategic_share == percentages({"c": len(cascaded), "n": len(not_cascaded)})["c"]
    distinct = {a.indicator_id for a in rows}
    assert view.total.total == len(distinct)                                   # counted once each
    assert sum(view.total.shares.values()) == D("100.00")
    for line in view.units:
        assert sum(line.shares.values()) == D("100.00")
    recount = {c: 0 for c in strategy.LINK_CLASSES}
    best = {}
    for a in rows:
        best[a.indicator_id] = strategy._stronger(best.get(a.indicator_id), a.link)
    for link in best.values():
        recount[link] += 1
    assert view.total.counts == recount and recount["strategic"] >= 1 and recount["joint"] >= 1
    doc = view.to_dict()
    assert doc["strategic_kpis"]["cascaded"] == cascaded and doc["ministry"]["percent"]


def _year_of(s, main):
    from app.models import FiscalYear, JointAgenda
    return s.get(FiscalYear, s.get(JointAgenda, main.agenda_id).fiscal_year_id).year_be


def test_a_strategic_kpi_of_another_ministry_is_refused(demo_store):
    with demo_store.transaction() as s:
        other = Ministry(code="MOX", name_th="กระทรวงอื่น")
        s.add(other)
        s.flush()
        foreign = strategy.create_strategic_kpi(s, ministry=other, code="X-01", name_th="ของกระทรวงอื่น",
                                                plan_from=2566, plan_to=2570)
        a = s.exec(select(Assignment).where(Assignment.fiscal_year_id == lookup.year(s, 2568).id)).first()
        with pytest.raises(KpiDeskError, match="กระทรวงอื่น"):
            strategy.link_assignment(s, a, strategic=foreign)


def test_a_strategic_kpi_is_never_assigned_as_an_evaluated_indicator(demo_store):
    with demo_store.transaction() as s:
        ind = indicators.create_indicator(s, code="STR-KPI", name_th="ตัวชี้วัดยุทธศาสตร์ทดสอบ",
                                          kind=IndicatorKind.STRATEGIC)
        with pytest.raises(KpiDeskError, match="Strategic KPI"):
            indicators.assign_indicator(s, unit=lookup.unit(s, "PCD"), indicator=ind, year=lookup.year(s, 2568),
                                        weight=D(5))


def test_links_follow_the_years_lock(demo_store):
    with demo_store.transaction() as s:
        k1 = _kpi(s)
        a = assignment_of(s, "PCD-02")                     # FY2567: a round is locked
        with pytest.raises(KpiDeskError):
            strategy.link_assignment(s, a, strategic=k1)


def test_the_demo_cascade_from_the_command_line_and_in_print(demo_path, tmp_path):
    """`kpi-desk cascade --json` recomputed from the rows, and `report cascade` in the official print
    style with no bad break."""
    import json

    from pdftext import shared_checker, text
    from tests.clirun import run_cli
    doc = json.loads(run_cli("cascade", "--db", demo_path, "--year", "2567", "--json").stdout)
    assert doc["strategic_kpis"]["cascaded"] == ["S-01", "S-02", "S-03"]
    assert doc["strategic_kpis"]["not_cascaded"] == ["S-04", "S-05"]
    assert doc["strategic_kpis"]["cascaded_percent"] == "60.00"
    ministry = doc["ministry"]
    assert sum(D(v) for v in ministry["percent"].values()) == D("100.00")
    assert sum(ministry["counts"].values()) == ministry["indicators"]
    for line in doc["departments"]:
        assert sum(D(v) for v in line["percent"].values()) == D("100.00")
        for link, count in line["counts"].items():
            assert D(line["percent"][link]) == (D(count) * 100 / line["indicators"]).quantize(D("0.01")) \
                or abs(D(line["percent"][link]) - D(count) * 100 / line["indicators"]) < D("0.01")
    out = tmp_path / "cascade.pdf"
    assert run_cli("report", "cascade", "--db", demo_path, "--year", "2567", "--out", out).returncode == 0
    words = " ".join(text(out).split())
    assert "S-04" in words and "ยังไม่ได้ถ่ายทอด" in words and "รวมทั้งกระทรวง" in words
    shares = [v for line in doc["departments"] for v in line["percent"].values()]
    import re
    assert "100.00" in shares
    assert not re.search(r"[0-9๐-๙]\.[0-9๐-๙] [0-9๐-๙]", words)      # a share never wraps in its cell (๑๐๐.๐|๐)
    bad, _judged, _lines = shared_checker(out)
    assert bad == 0
    assert run_cli("cascade", "--db", demo_path, "--year", "2599").returncode == 2


def test_the_targets_page_links_an_indicator(qtbot, demo_store, monkeypatch):
    """Double-click the link cell of an indicator, choose a Strategic KPI: saved, shown in the grid, and
    counted in the cascade."""
    from app.ui.pages.targets import LinkDialog
    from tests.test_gui import cell, go, open_window, pick_unit, set_year
    window = open_window(qtbot, demo_store)
    page = go(window, "TargetsPage")
    set_year(window, 2568)
    pick_unit(page, "DMR")                                     # left unstated in the demo
    index = cell(page, "link", "DMR-01")
    assert page.model.data(index) == ""

    def choose(dialog):
        dialog.choice.setCurrentIndex(next(i for i in range(dialog.choice.count())
                                           if dialog.choice.itemText(i).startswith("Strategic KPI S-04")))
        return QDialog.Accepted
    from PySide6.QtWidgets import QDialog
    monkeypatch.setattr(LinkDialog, "exec", choose)
    page.edit_link(index)
    assert page.model.data(cell(page, "link", "DMR-01")) == "Strategic KPI S-04"
    with demo_store.reading() as s:
        view = strategy.cascade(s, 2568)
    assert "S-04" in [k.code for k in view.strategic_cascaded]


def test_joint_kpis_count_distinct_agencies_per_agenda_by_type(demo_store, tmp_path):
    """Beside the sub-indicator counts, the agencies holding them, each counted once per agenda."""
    from collections import Counter

    from app.models.enums import UnitKind
    from app.reports.render import ReportRequest, render
    from app.services.report_data import joint_rows
    from pdftext import text
    with demo_store.reading() as s:
        rows = joint_rows(s, 2567)
        render(s, ReportRequest("joint", year=2567), tmp_path / "joint.pdf")
    for a in rows:
        expected = Counter(kind for _n, kind in {(x.holder_name.strip(), UnitKind(x.holder_kind)) for x in a.subs})
        assert a.agencies == expected
        assert sum(a.agencies.values()) <= sum(a.ours.values())
    assert rows and any(a.agencies for a in rows)
    assert "นับไม่ซ้ำ" in " ".join(text(tmp_path / "joint.pdf").split())


def test_the_cascade_counts_basket_and_proposed_evaluated_and_monitor(demo_store):
    with demo_store.transaction() as s:
        ind = indicators.create_indicator(s, code="PROP-01", name_th="ตัวชี้วัดที่หน่วยงานเสนอเอง", from_basket=False)
        indicators.assign_indicator(s, unit=lookup.unit(s, "PCD"), indicator=ind, year=lookup.year(s, 2568),
                                    weight=D(0), monitor=True)
    with demo_store.reading() as s:
        view = strategy.cascade(s, 2568)
        rows = s.exec(select(Assignment).where(Assignment.fiscal_year_id == lookup.year(s, 2568).id)).all()
    distinct = {a.indicator_id for a in rows}
    assert sum(view.origin.values()) == sum(view.evaluation.values()) == len(distinct)
    assert view.origin["proposed"] >= 1 and view.evaluation["monitor"] >= 1


def test_links_travel_through_the_department_template_and_back(demo_store, tmp_path):
    """The targets template carries each indicator's link with a drop-down of the year's labels; a filled
    link is imported, an unknown one refuses the file on its row with nothing written."""
    from openpyxl import load_workbook
    from app.io.importer import ImportRefused
    from app.io.imports import run_import
    from app.io.template import write_template
    from app.io.workbook_format import LINKS_SHEET, TARGET_COLUMNS, TARGETS_SHEET
    from app.services.grid import assignment_rows

    out = tmp_path / "PCD-2568.xlsx"
    with demo_store.reading() as s:
        write_template(s, year_be=2568, unit_code="PCD", months=None, out=out)
    wb = load_workbook(out)
    labels = [r[0] for r in wb[LINKS_SHEET].iter_rows(min_row=2, values_only=True)]
    assert labels[0] == "ตามภารกิจ" and "Strategic KPI S-01" in labels
    ws = wb[TARGETS_SHEET]
    col = next(i for i, c in enumerate(TARGET_COLUMNS, start=1) if c.key == "link")
    assert ws.cell(row=1, column=col).value == "การเชื่อมโยง"
    assert any(LINKS_SHEET in str(v.formula1) for v in ws.data_validations.dataValidation)
    codes = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    with demo_store.reading() as s:
        stored = {r.indicator_code: r.link for r in assignment_rows(s, lookup.year(s, 2568).id, lookup.unit(s, "PCD").id)}
    assert [ws.cell(row=r, column=col).value or "" for r in range(2, ws.max_row + 1)] == [stored[c] for c in codes]
    first = "ตามภารกิจ" if stored[codes[0]] != "ตามภารกิจ" else "Strategic KPI S-02"
    second = "Strategic KPI S-01" if stored[codes[1]] != "Strategic KPI S-01" else "ตามภารกิจ"
    ws.cell(row=2, column=col).value = first
    ws.cell(row=3, column=col).value = second
    wb.save(out)
    plan = run_import(demo_store, out)
    assert any(c.field == "link" and c.new == first for c in plan.changes)
    with demo_store.reading() as s:
        rows = {r.indicator_code: r.link for r in assignment_rows(s, lookup.year(s, 2568).id, lookup.unit(s, "PCD").id)}
    assert rows[codes[0]] == first and rows[codes[1]] == second
    ws.cell(row=3, column=col).value = "Strategic KPI S-99"
    wb.save(out)
    with pytest.raises(ImportRefused) as refused:
        run_import(demo_store, out)
    problem = next(p for p in refused.value.plan.problems if "S-99" in p.th)
    assert problem.row == 3 and problem.column == "การเชื่อมโยง" and "ใช้ได้" in problem.th
    with demo_store.reading() as s:
        again = {r.indicator_code: r.link for r in assignment_rows(s, lookup.year(s, 2568).id, lookup.unit(s, "PCD").id)}
    assert again == rows


def test_an_export_carries_links_strategic_kpis_points_and_verified_results(demo_store, tmp_path):
    from app.io.export import write_export
    from app.io.imports import run_import
    from app.services import framework
    from app.services.grid import assignment_rows, result_rows
    from app.services.results import set_verified
    from app.store import open_store

    with demo_store.transaction() as s:
        for months in (12, 6):
            if lookup.round_of(s, 2567, months).status != "open":
                framework.reopen_round(s, lookup.round_of(s, 2567, months), reason="ทดสอบ")
        a = assignment_of(s, "PCD-01")
        set_verified(s, assignment_id=a.id, rnd=lookup.round_of(s, 2567, 12), value=D("1.5"), source="opdc",
                     source_ref="หนังสือ ที่ นร ๑๒๐๐/๗", source_date=__import__("datetime").date(2024, 11, 1))
        framework.set_component_takes(s, lookup.year(s, 2567), "2.2", "points")
    out = tmp_path / "export.xlsx"
    with demo_store.reading() as s:
        write_export(s, year_be=2567, out=out)
        fy = lookup.year(s, 2567)
        before = {(u.code, r.indicator_code): r.link for u in lookup.units_in_order(s)
                  for r in assignment_rows(s, fy.id, u.id)}
    assert sum(1 for v in before.values() if v.startswith("Strategic KPI")) >= 3
    assert any(v.startswith("Joint KPIs ประเด็นที่") for v in before.values())
    empty = open_store(tmp_path / "empty.sqlite3", create=True)
    run_import(empty, out)
    with empty.reading() as s:
        fy = lookup.year(s, 2567)
        after = {(u.code, r.indicator_code): r.link for u in lookup.units_in_order(s)
                 for r in assignment_rows(s, fy.id, u.id)}
        assert [k.code for k in strategy.strategic_kpis_of(s, 2567)] == ["S-01", "S-02", "S-03", "S-04", "S-05"]
        row = next(r for r in result_rows(s, lookup.round_of(s, 2567, 12), lookup.unit(s, "PCD").id)
                   if r.code == "PCD-01")
        from app.services.scoring import framework_specs
        takes = {spec.code: spec.takes for spec in framework_specs(s, fy.id)}
    empty.close()
    assert after == before
    assert row.verified_actual == D("1.5") and row.verified_source == "opdc" and "๑๒๐๐/๗" in row.source_ref
    assert takes["2.2"] == "points"


def test_strategic_kpis_are_entered_and_monitored_from_the_command_line(demo_path):
    from tests.clirun import run_cli
    db = ("--db", str(demo_path))
    proc = run_cli("strategy", "add", "--code", "S-10", "--name", "พื้นที่สีเขียวในเมือง", "--plan", "2566-2570",
                   "--unit-of-measure", "ตารางเมตรต่อคน", *db)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("strategy", "target", "--code", "S-10", "--year", "2568", "--target", "ไม่น้อยกว่า ๙ ตร.ม./คน",
                   "--value", "๙", "--result", "8.5", *db)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("strategy", "list", "--year", "2568", *db)
    assert "S-10" in proc.stdout and "ไม่น้อยกว่า ๙ ตร.ม./คน" in proc.stdout and "ผล 8.5" in proc.stdout
    assert "S-01" in proc.stdout and "ถ่ายทอดสู่" in proc.stdout
    for bad in (("strategy", "target", "--code", "S-10", "--year", "2575", "--target", "x"),       # outside the plan
                ("strategy", "target", "--code", "S-10", "--year", "2568", "--result", "มาก"),     # not a number
                ("strategy", "add", "--code", "S-10", "--name", "ซ้ำ", "--plan", "2566-2570"),       # code taken
                ("strategy", "add", "--code", "S-11", "--name", "กลับด้าน", "--plan", "2570-2566"),
                ("strategy", "target", "--code", "S-99", "--year", "2568")):
        proc = run_cli(*bad, *db)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.strip(), bad
    from app.store import open_store
    store = open_store(demo_path)
    with store.reading() as s:
        row = next(r for r in strategy.strategic_rows(s, 2568) if r.code == "S-10")
    store.close()
    assert row.target_value == D(9) and row.result_value == D("8.5") and row.cascaded == 0


def test_the_cascade_prints_each_strategic_kpis_target_and_monitored_result(demo_path, tmp_path):
    from pdftext import shared_checker, text
    from tests.clirun import run_cli
    out = tmp_path / "cascade.pdf"
    proc = run_cli("report", "cascade", "--year", "2567", "--out", str(out), "--db", str(demo_path))
    assert proc.returncode == 0, proc.stderr
    words = "".join(text(out).split())
    assert "ค่าเป้าหมายปี๒๕๖๗" in words and "ผล(ติดตาม)" in words and "S-01สัดส่วนพื้นที่ป่าไม้ต่อพื้นที่ประเทศร้อยละร้อยละ๓๒๓๑.๖" in words
    assert shared_checker(out)[0] == 0


def test_the_strategy_dialog_types_a_target_in_place_and_adds_a_kpi(qtbot, demo_store, monkeypatch):
    from PySide6.QtWidgets import QDialog
    from app.ui.strategy_dialog import NewStrategicDialog, StrategyDialog
    from tests.test_gui import open_window, set_year

    window = open_window(qtbot, demo_store)
    set_year(window, 2568)
    dialog = StrategyDialog(window, window.state)
    qtbot.addWidget(dialog)
    assert [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())] == ["S-01", "S-02", "S-03", "S-04", "S-05"]
    assert dialog.model.item(0, 4).text() == "ร้อยละ ๓๓" and dialog.model.item(0, 6).text() == ""
    dialog.model.item(0, 6).setText("๓๒.๕")                     # what the delegate commits after typing
    assert dialog.message.text() == "บันทึกแล้ว"
    with demo_store.reading() as s:
        assert strategy.strategic_rows(s, 2568)[0].result_value == D("32.5")
    dialog.model.item(1, 5).setText("สูง")
    assert "ไม่ได้บันทึก" in dialog.message.text() and dialog.model.item(1, 5).text() == "74"

    def fill(form):
        form.code.setText("S-20")
        form.name.setText("ดัชนีคุณภาพสิ่งแวดล้อม")
        return QDialog.Accepted
    monkeypatch.setattr(NewStrategicDialog, "exec", fill)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert "S-20" in [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
    assert not dialog.model.item(0, 0).isEditable() and dialog.model.item(0, 4).isEditable()
    dialog.close()
    window.close()
