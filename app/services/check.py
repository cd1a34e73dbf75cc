"""``kpi-desk check``: database integrity plus the domain's consistency rules, as a Thai report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select, text
from sqlmodel import Session

from app.domain.calendar import round_name
from app.domain.unit_score import Framework
from app.domain.validation import Problem, validate_targets, validate_unit
from app.models import Assignment, FiscalYear, Indicator, Meeting, Result, Round, RoundStatus, Unit, UnitKind

from app.services.meetings import attendance_problems
from app.services.scoring import as_uuid, framework_specs, load_lines, stored

A = Assignment.__table__



@dataclass
class CheckReport:
    integrity: str = "ok"
    foreign_keys: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    not_started: list[str] = field(default_factory=list)
    without_indicators: list[str] = field(default_factory=list)   # evaluated units a year leaves out (a notice)
    attendance: list[str] = field(default_factory=list)           # meetings held with attendance not all recorded

    @property
    def ready(self) -> bool:
        """Nothing stands in the way of approving a round: structure, weights, targets and results."""
        return self.ok and not self.missing

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.foreign_keys and not self.problems

    def lines(self) -> list[str]:
        out = [f"ความถูกต้องของไฟล์ฐานข้อมูล: {'ปกติ' if self.integrity == 'ok' else self.integrity}"]
        if self.foreign_keys:
            out.append(f"การอ้างอิงระหว่างตารางผิดพลาด {len(self.foreign_keys)} รายการ")
        out.append(f"ปัญหาน้ำหนักและค่าเป้าหมาย: {len(self.problems)} รายการ")
        out += [f"  - {p.th}" for p in self.problems]
        out.append(f"ผลการดำเนินงานที่ยังไม่ได้บันทึก: {len(self.missing)} รายการ")
        out += [f"  - {m}" for m in self.missing]
        if self.not_started:
            out.append("รอบที่ยังไม่เริ่มบันทึกผล: " + ", ".join(self.not_started))
        if self.without_indicators:
            out.append(f"หน่วยงานที่ยังไม่มีตัวชี้วัด (ไม่อยู่ในภาคผนวกและผลการประเมินของปีนั้น): "
                       f"{len(self.without_indicators)} รายการ")
            out += [f"  - {u}" for u in self.without_indicators]
        if self.attendance:
            out.append(f"การประชุมที่บันทึกการมาประชุมยังไม่ครบ (รายงานการประชุมจะพิมพ์ว่า “ไม่ได้บันทึกการมาประชุม”): "
                       f"{len(self.attendance)} ครั้ง")
            out += [f"  - {m}" for m in self.attendance]
        return out


def check_database(session: Session, today: date | None = None) -> CheckReport:
    """``today``: meetings held before it are expected to have every member's attendance recorded."""
    report = CheckReport()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        report.integrity = session.execute(text("PRAGMA integrity_check")).scalar()
        report.foreign_keys = session.execute(text("PRAGMA foreign_key_check")).all()
    elif dialect == "postgresql":
        # what PostgreSQL itself can say without extensions: an index left invalid (a build interrupted by a
        # crash) or a constraint never validated
        broken = session.execute(text(
            "SELECT (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
            "        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "        AND NOT (i.indisvalid AND i.indisready)) "
            "     + (SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace "
            "        WHERE n.nspname = current_schema() AND NOT k.convalidated)")).scalar()
        if broken:
            report.integrity = f"ดัชนีหรือข้อจำกัดของฐานข้อมูลไม่สมบูรณ์ {broken} รายการ (ให้ผู้ดูแลระบบ REINDEX/VALIDATE)"
    for fy in session.execute(select(FiscalYear.__table__).order_by(FiscalYear.__table__.c.year_be)).all():
        check_year(session, fy, report)
    for meeting in session.scalars(select(Meeting).where(Meeting.held_on < (today or date.today()))
                                   .order_by(Meeting.held_on)):
        missing = attendance_problems(session, meeting)
        if missing:
            report.attendance.append(f"ครั้งที่ {meeting.number}/{meeting.year_be}: " + "; ".join(missing))
    return report


def units_without_indicators(session: Session, fy) -> list[str]:
    """The departments and provinces (the evaluated units) with no indicator in fiscal year ``fy``, which its
    annex, scores and results therefore leave out; none once every round of the year is locked (history: a
    unit made since is no omission)."""
    R, U = Round.__table__, Unit.__table__
    statuses = session.execute(select(R.c.status).where(R.c.fiscal_year_id == fy.id)).scalars().all()
    if all(status == RoundStatus.LOCKED for status in statuses):
        return []
    assigned = {as_uuid(uid) for uid in session.execute(select(stored(A.c.unit_id)).where(
        A.c.fiscal_year_id == fy.id).distinct()).scalars()}
    return [name for uid, name in session.execute(
        select(stored(U.c.id), U.c.name_th).where(U.c.kind.in_((UnitKind.DEPARTMENT, UnitKind.PROVINCE)),
                                                  or_(U.c.retired_on.is_(None), U.c.retired_on > fy.starts_on))
        .order_by(U.c.sort_order, U.c.code)).all() if as_uuid(uid) not in assigned]


def check_round(session: Session, rnd: Round) -> CheckReport:
    """The checks ``approve_round`` runs: the year's weights and targets, this round's missing results and
    the departments and provinces the round leaves out (no indicator)."""
    report = CheckReport()
    fy = session.get(FiscalYear, rnd.fiscal_year_id)
    check_year(session, fy, report, only_round=rnd.id)
    report.without_indicators = units_without_indicators(session, fy)
    return report


def check_year(session: Session, fy, report: CheckReport, only_round=None) -> None:
    directions = dict(session.execute(select(Indicator.__table__.c.code, Indicator.__table__.c.direction)).all())
    U = Unit.__table__
    units = {as_uuid(uid): name for uid, name in session.execute(select(stored(U.c.id), U.c.name_th)).all()}
    specs = framework_specs(session, fy.id)
    rounds = session.execute(select(Round.__table__).where(Round.__table__.c.fiscal_year_id == fy.id)
                             .order_by(Round.__table__.c.months)).all()
    for unit_id, lines in load_lines(session, fy.id, None).items():
        label = f"ปี {fy.year_be} {units[unit_id]}"
        report.problems += validate_unit(label, lines, specs, {ln.key: directions[ln.code] for ln in lines})
    if only_round is None:
        report.without_indicators += [f"ปี {fy.year_be} {name}" for name in units_without_indicators(session, fy)]
    half_set = set(session.execute(select(A.c.id).where(
        A.c.fiscal_year_id == fy.id,
        or_(A.c.base_6.is_not(None), A.c.standard_6.is_not(None), A.c.advanced_6.is_not(None)))).scalars())
    for unit_id, lines in load_lines(session, fy.id, None, months=6).items():
        label = f"ปี {fy.year_be} {units[unit_id]} (ค่าเป้าหมายรอบ ๖ เดือน)"
        report.problems += [p for ln in lines if ln.key in half_set
                            for p in validate_targets(ln, label, directions[ln.code])]
    for rnd in rounds:
        if only_round is not None and rnd.id != only_round:
            continue
        recorded = session.execute(select(Result.__table__.c.id).where(Result.__table__.c.round_id == rnd.id)
                                   .limit(1)).first()
        if recorded is None and only_round is None:
            report.not_started.append(f"ปี {fy.year_be} {round_name(rnd.months)}")
            continue
        evaluated_tops = {s.code for s in specs if s.parent_code is None and rnd.months in s.rounds}
        top = Framework(specs).top
        for unit_id, lines in load_lines(session, fy.id, rnd.id, months=rnd.months).items():
            for ln in lines:
                if ln.actual is None and not ln.monitor and top[ln.component_code] in evaluated_tops:
                    report.missing.append(
                        f"ปี {fy.year_be} {round_name(rnd.months)} {units[unit_id]}: “{ln.name}”")
