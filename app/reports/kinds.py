"""The registry of report kinds: title, what each needs, orientation and builder, in one place.

The command line, the Reports page and the pack all read it. It imports nothing heavy: a builder is
named by module and function and imported only when a report is built, so ``kpi-desk --help`` and the
window's start do not load ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class ReportKind:
    code: str
    title: str
    needs: frozenset[str]          # of: year, round, meeting, memo (unit is always optional)
    landscape: bool
    builder: str                   # "module:function", called as function(session, request)
    in_window: bool = True         # offered on the Reports page (a memo needs a body file: command line)
    unit_option: bool = False      # takes --unit
    continuation: bool = False     # a letter or minutes: the next page's first word at each page's foot

    def build(self, session, request) -> list:
        module, _, name = self.builder.partition(":")
        return getattr(import_module(module), name)(session, request)


KINDS: dict[str, ReportKind] = {k.code: k for k in (
    ReportKind("annex", "ภาคผนวก ตัวชี้วัด น้ำหนัก และค่าเป้าหมาย", frozenset({"year"}), True,
               "app.reports.annex:build", unit_option=True),
    ReportKind("results", "ผลการประเมิน", frozenset({"year", "round"}), True, "app.reports.results:build",
               unit_option=True),
    ReportKind("joint", "ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน (Joint KPIs)", frozenset({"year"}), True,
               "app.reports.joint:build"),
    ReportKind("minutes", "รายงานการประชุม", frozenset({"meeting"}), False, "app.reports.minutes:build",
               continuation=True),
    ReportKind("invitation", "หนังสือเชิญประชุม", frozenset({"meeting"}), False, "app.reports.invitation:build",
               continuation=True),
    ReportKind("memo", "บันทึกข้อความ", frozenset({"memo"}), False, "app.reports.memo:build", in_window=False,
               continuation=True),
    ReportKind("pack", "เอกสารประกอบการประชุม", frozenset({"meeting"}), False, "app.reports.pack:build"),
)}

NEEDS_TH = {"year": "ปีงบประมาณ (--year)", "round": "รอบการประเมิน (--round)", "meeting": "การประชุม (--meeting)",
            "memo": "รายละเอียดบันทึกข้อความ (--subject --to --body)"}
