"""Strategic KPIs, the links of department indicators, and the cascade view (issue 16, points 1–3)."""

from decimal import Decimal as D
import random

import pytest
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
    from app.ui.launch import make_app
    from app.ui.main_window import MainWindow
    from app.ui.pages.targets import LinkDialog
    from tests.test_gui import cell, go, pick_unit, set_year
    make_app()
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
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
