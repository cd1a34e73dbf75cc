"""Joint KPIs: agendas with main indicators and national targets, lead agencies, this ministry's subs."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QVBoxLayout

from app.errors import KpiDeskError
from app.models.enums import UNIT_KIND_EN, UNIT_KIND_TH, UnitKind
from app.ui.i18n import pick
from app.services.report_data import joint_rows
from app.ui.models.rows import RowsTableModel
from app.ui.pages.common import LivePage, table_view, with_find

KINDS = [UnitKind.DEPARTMENT, UnitKind.STATE_ENTERPRISE, UnitKind.PUBLIC_ORG, UnitKind.PROVINCE, UnitKind.OTHER]


class JointPage(LivePage):
    WATCHES = frozenset({"jointagenda", "jointmainindicator", "jointleadagency", "jointsubindicator", "unit", "assignment", "result", "indicator"})

    def __init__(self, state) -> None:
        super().__init__(state)
        self.agendas = RowsTableModel([self.tr("ประเด็น"), self.tr("ตัวชี้วัดหลักและค่าเป้าหมาย"), self.tr("หน่วยงานหลัก"),
                                       self.tr("ทั้งประเทศ"), *[pick(UNIT_KIND_TH[k], UNIT_KIND_EN[k]) for k in KINDS], self.tr("รวมของกระทรวง")], self)
        self.agendas.numeric = set(range(3, 9))
        self.subs = RowsTableModel([self.tr("ประเด็น"), self.tr("ตัวชี้วัดย่อย"), self.tr("หน่วยงานผู้รับผิดชอบ"),
                                    self.tr("ประเภท")], self)
        self.totals = QLabel()
        box1 = QGroupBox(self.tr("ประเด็น Joint KPIs"))
        l1 = QVBoxLayout(box1)
        self.agenda_view = table_view(self.agendas, stretch_column=1)
        header = self.agenda_view.horizontalHeader()
        # the agenda and its main indicators first and readable; the counts by agency type may scroll
        for column, width in ((0, 200), (1, 340), (2, 230)):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            header.resizeSection(column, width)
        l1.addWidget(with_find(self.agenda_view))
        l1.addWidget(self.totals)
        box2 = QGroupBox(self.tr("ตัวชี้วัดย่อยของหน่วยงานในสังกัด"))
        QVBoxLayout(box2).addWidget(with_find(table_view(self.subs, stretch_column=1)))
        layout = QVBoxLayout(self)
        layout.addWidget(box1, 3)
        layout.addWidget(box2, 2)
        self.watch()

    def refresh(self) -> None:
        if self.state.year_be is None:
            return
        try:
            with self.state.store.reading() as s:
                rows = joint_rows(s, self.state.year_be)
        except KpiDeskError:
            rows = []
        self.agendas.set_rows([
            [f"{a.number}. {a.name}", "\n".join(f"{m.name_th} — {m.target_text}" for m in a.mains), ", ".join(a.leads),
             a.national_subs if a.national_subs is not None else "–", *[a.ours.get(k, 0) for k in KINDS],
             sum(a.ours.values())] for a in rows])
        self.agenda_view.resizeRowsToContents()
        self.subs.set_rows([[a.number, sub.name_th, sub.holder_name, pick(UNIT_KIND_TH[UnitKind(sub.holder_kind)], UNIT_KIND_EN[UnitKind(sub.holder_kind)])]
                            for a in rows for sub in a.subs])
        national = sum(a.national_subs or 0 for a in rows)
        ours = sum(sum(a.ours.values()) for a in rows)
        self.totals.setText(self.tr("รวม {0} ประเด็น {1} ตัวชี้วัดหลัก ตัวชี้วัดย่อยทั้งประเทศ {2} ตัวชี้วัด "
                                    "ของหน่วยงานในสังกัด {3} ตัวชี้วัด").format(
            len(rows), sum(len(a.mains) for a in rows), national, ours))
