"""The registry of report kinds: title, what each needs, orientation and builder, in one place.

The command line, the Reports page and the pack all read it. It imports nothing heavy: a builder is
named by module and function and imported only when a report is built, so ``kpi-desk --help`` and the
window's start do not load ReportLab.
"""

from __future__ import annotations

from importlib import import_module


class ReportKind:
    """One kind of report. (A plain class: ``dataclasses`` would cost ``--help`` the import of ``inspect``.)"""

    __slots__ = ("code", "title", "needs", "landscape", "builder", "in_window", "unit_option", "continuation")

    def __init__(self, code: str, title: str, needs: frozenset[str], landscape: bool, builder: str,
                 in_window: bool = True, unit_option: bool = False, continuation: bool = False) -> None:
        self.code, self.title = code, title
        self.needs = needs                  # of: year, round, meeting, memo (unit is always optional)
        self.landscape = landscape
        self.builder = builder              # "module:function", called as function(session, request)
        self.in_window = in_window          # offered on the Reports page (a memo needs a body file)
        self.unit_option = unit_option      # takes --unit
        self.continuation = continuation    # a letter or minutes: the next page's first word at each foot

    def __repr__(self) -> str:
        return f"ReportKind({self.code!r})"

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
    ReportKind("cascade", "การถ่ายทอด Strategic KPIs สู่ตัวชี้วัดของหน่วยงาน", frozenset({"year"}), True,
               "app.reports.cascade:build"),
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
