"""A unit's score for a round: weighted sum over evaluated indicators, per component of the framework.

Plain data in, plain data out, so the GUI, the reports, the CLI and the benchmarks share one rule.
A round evaluates the top-level components whose ``rounds`` include it (FY2567: the 6-month round
takes Performance Base only); the score is that weighted sum rescaled to 100, so the 12-month score is
the plain sum and the 6-month score is Performance Base points × 100 / 70 (OPDC's percentage view).

This runs over the whole country on every edit, so the framework is indexed once (``Framework``)
and each unit is scored in a single pass over its lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from app.domain.grades import GRADES, Grade, grade
from app.domain.scoring import CONTEXT, ZERO, TargetError, check_targets, kpi_score, weighted
from app.domain.calendar import round_name
from app.domain.thai_text import format_number, format_sum, to_thai_digits

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ComponentSpec:
    code: str
    name_th: str
    weight: Decimal | None
    parent_code: str | None = None
    rounds: frozenset[int] = frozenset({6, 12})
    name_en: str = ""
    takes: str = "targets"          # "points": its indicators take OPDC's 0–100 points, not three targets


class Framework:
    """A year's components, indexed: each code's chain of ancestors and its top-level component."""

    def __init__(self, specs: Iterable[ComponentSpec], grades: tuple[Grade, ...] = GRADES) -> None:
        self.specs = list(specs)
        self.grades = grades            # the year's grade bands
        self.by_code = {s.code: s for s in self.specs}
        self.chain: dict[str, tuple[str, ...]] = {}
        for s in self.specs:
            chain, code = [], s.code
            while code is not None:
                chain.append(code)
                code = self.by_code[code].parent_code
            self.chain[s.code] = tuple(chain)
        self.top = {code: chain[-1] for code, chain in self.chain.items()}
        # components scored on OPDC's points, their own setting or an ancestor's
        self.by_points = frozenset(code for code, chain in self.chain.items()
                                   if any(self.by_code[c].takes == "points" for c in chain))

    def tops_in_round(self, months: int) -> set[str]:
        return {s.code for s in self.specs if s.parent_code is None and months in s.rounds}

    def descends(self, code: str, ancestor: str) -> bool:
        return ancestor in self.chain[code]

    def round_scope_th(self, months: int) -> str:
        """What a round evaluates, said where its scores are shown when it is not every component ("" when
        it is): read from the year's framework, never assumed to be component 1 out of 70."""
        tops = [s for s in self.specs if s.parent_code is None]
        scored = [s for s in tops if months in s.rounds]
        if not scored or len(scored) == len(tops):
            return ""
        names = " และ".join(f"องค์ประกอบที่ {to_thai_digits(s.code)} {s.name_th}" for s in scored)
        out_of = sum((s.weight or ZERO for s in scored), ZERO)
        return (f"{round_name(months)} ประเมินเฉพาะ{names} คะแนนของหน่วยงานแสดงเป็นร้อยละของน้ำหนักที่ประเมิน "
                f"(คะแนนที่ได้ × ๑๐๐ ÷ {to_thai_digits(format_number(out_of, places=None))})")


def as_framework(components) -> Framework:
    return components if isinstance(components, Framework) else Framework(components)


@dataclass(slots=True)
class IndicatorLine:
    """One assigned indicator of a unit with its actual for the round (None: no result)."""

    key: Any
    name: str
    component_code: str
    weight: Decimal
    base: Decimal | None
    standard: Decimal | None
    advanced: Decimal | None
    actual: Decimal | None
    monitor: bool = False
    code: str = ""
    unit_of_measure: str = ""
    kind: str = ""
    step: bool = False
    cumulative: bool = False
    reported: Decimal | None = None     # the unit's own figure when a verified one (``actual``) differs from it
    verified: bool = False              # ``actual`` is the verified figure (secretariat or OPDC)
    direction: str | None = None        # "higher" / "lower" as the indicator declares it (None: not known)


@dataclass(slots=True)
class ScoredLine:
    line: IndicatorLine
    points: Decimal | None
    weighted: Decimal | None
    evaluated: bool
    missing: bool
    error: str = ""


@dataclass(slots=True)
class ComponentScore:
    spec: ComponentSpec
    weight: Decimal
    points: Decimal
    evaluated: bool
    scorable: bool = True       # False: a line under it cannot be scored, so ``points`` is no score to show

    @property
    def percent(self) -> Decimal:
        return CONTEXT.divide(CONTEXT.multiply(self.points, HUNDRED), self.weight) if self.weight else ZERO

    @property
    def shown_points(self) -> Decimal | None:
        """``points`` where they mean something; None (shown "–") when a line under it cannot be scored."""
        return self.points if self.scorable else None


@dataclass(frozen=True)
class ScoreIssue:
    """Something that makes a unit's score meaningless (``blocking``) or needs saying beside it."""

    kind: str            # weights | targets | no_indicators | no_results | missing
    th: str
    en: str
    blocking: bool = True


NO_SCORE = frozenset({"no_indicators", "no_results", "targets"})     # issues that leave no score to show
NOT_GRADED_TH, NOT_GRADED_EN, NOT_GRADED_COLOUR = "ยังให้ระดับไม่ได้", "Not graded", "#6b6b6b"


@dataclass
class UnitScore:
    unit_key: Any
    unit_code: str
    unit_name: str
    round_months: int
    lines: list[ScoredLine]
    components: list[ComponentScore]
    points: Decimal
    out_of: Decimal
    score: Decimal
    grade: Grade
    issues: list[ScoreIssue] = field(default_factory=list)

    @property
    def gradable(self) -> bool:
        """False when the score means nothing yet (weights off the framework, targets that cannot be
        scored, no indicator or no result at all): it is shown with the reason, never with a grade."""
        return not any(i.blocking for i in self.issues)

    @property
    def has_score(self) -> bool:
        """False when the score is no number yet: nothing to score (no indicator, or not one result), or
        a line whose targets or points cannot be scored (its 0 would be made up). Show "–", not 0.00.
        Weights off the framework leave a number, computed from what was entered, and no grade."""
        return not any(i.kind in NO_SCORE for i in self.issues)

    @property
    def shown_score(self) -> Decimal | None:
        """``score`` where there is one (``has_score``); None, shown "–", where there is not."""
        return self.score if self.has_score else None

    @property
    def shown_points(self) -> Decimal | None:
        return self.points if self.has_score else None

    @property
    def verdict(self) -> tuple[str, str, str]:
        """(Thai, English, colour) to print where the grade goes."""
        if self.gradable:
            return self.grade.th, self.grade.en, self.grade.colour
        return NOT_GRADED_TH, NOT_GRADED_EN, NOT_GRADED_COLOUR

    @property
    def missing(self) -> list[ScoredLine]:
        return [s for s in self.lines if s.missing]

    @property
    def monitor(self) -> list[ScoredLine]:
        return [s for s in self.lines if s.line.monitor]

    @property
    def evaluated(self) -> list[ScoredLine]:
        return [s for s in self.lines if s.evaluated]


def ranked(units: Iterable[UnitScore]) -> list[UnitScore]:
    """Highest score first, by code on a tie; units with no score yet come last, whatever part of a score
    they had: a "–" is never ranked among numbers."""
    return sorted(units, key=lambda u: (not u.has_score, -u.score, u.unit_code))


POINTS_RANGE_TH = "คะแนนที่ สำนักงาน ก.พ.ร. ให้ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"


def points_problem(value: Decimal | None) -> str:
    """Why ``value`` cannot be the points of a component scored on points ("" when it can)."""
    return POINTS_RANGE_TH if value is not None and not ZERO <= value <= HUNDRED else ""


def score_line(line: IndicatorLine, evaluated: bool, by_points: bool = False) -> ScoredLine:
    """One line's points. Targets that cannot be scored are reported (``error``) even before a result
    exists, so the flag is there from the moment the targets are typed; such a line has no points at
    all (None, shown "–"), never a 0 nobody scored. A missing result on an evaluated line scores 0 and
    is flagged (``missing``). ``by_points``: the line's component takes the points OPDC supplies (0–100)
    as they are, with no targets."""
    counted = evaluated and not line.monitor
    missing = counted and line.actual is None
    if by_points:
        error = points_problem(line.actual)
        points = None if error else line.actual
    else:
        error = ""
        if counted:
            try:
                check_targets(line.base, line.standard, line.advanced, direction=line.direction)
            except TargetError as exc:
                error = exc.th
        points = None
        if line.actual is not None and not error:
            try:
                points = kpi_score(line.actual, line.base, line.standard, line.advanced, line.direction)
            except TargetError as exc:
                error = exc.th
    if error:        # no number at all: a 0 here would be made up, not scored
        return ScoredLine(line, None, None, counted, missing, error)
    if missing:
        return ScoredLine(line, ZERO, ZERO, True, True)
    return ScoredLine(line, points, weighted(points, line.weight) if counted and points is not None else None,
                      counted, False)


def score_unit(
    lines: Iterable[IndicatorLine],
    components,
    round_months: int,
    unit_key: Any = None,
    unit_code: str = "",
    unit_name: str = "",
) -> UnitScore:
    """``components`` is a ``Framework`` (fast, reuse it across units) or a list of ``ComponentSpec``."""
    fw = as_framework(components)
    tops = fw.tops_in_round(round_months)
    weights = dict.fromkeys(fw.chain, ZERO)
    points = dict.fromkeys(fw.chain, ZERO)
    scored, unscorable = [], set()
    for line in lines:
        chain = fw.chain.get(line.component_code)
        if chain is None:
            raise KeyError(f"component {line.component_code!r} is not in the framework")
        s = score_line(line, chain[-1] in tops, line.component_code in fw.by_points)
        scored.append(s)
        if not line.monitor:
            for code in chain:
                weights[code] += line.weight
                if s.weighted is not None:
                    points[code] += s.weighted
            if s.evaluated and s.error:
                unscorable.update(chain)
    comp_scores = [ComponentScore(spec, spec.weight if spec.weight is not None else weights[spec.code],
                                  points[spec.code], fw.top[spec.code] in tops, spec.code not in unscorable)
                   for spec in fw.specs]
    total = sum((points[c] for c in tops), ZERO)
    out_of = sum((c.weight for c in comp_scores if c.spec.parent_code is None and c.evaluated), ZERO)
    score = CONTEXT.divide(CONTEXT.multiply(total, HUNDRED), out_of) if out_of else ZERO
    return UnitScore(unit_key, unit_code, unit_name, round_months, scored, comp_scores, total, out_of, score,
                     grade(score, fw.grades), score_issues(scored, comp_scores, fw, tops))


def _n(v: Decimal) -> str:
    return format_number(v, places=0) if v == v.to_integral() else format_sum(v)


def score_issues(scored: list[ScoredLine], components: list[ComponentScore], fw: Framework,
                 tops: set[str]) -> list[ScoreIssue]:
    """What stands between this score and a grade, in Thai and English (the round's own components only)."""
    issues = []
    counted = [s for s in scored if s.evaluated]
    if not counted:
        return [ScoreIssue("no_indicators", "ยังไม่มีตัวชี้วัดที่ประเมินในรอบนี้", "no indicator is evaluated in this round")]
    weights = {c.spec.code: sum((s.line.weight for s in counted if fw.descends(s.line.component_code, c.spec.code)),
                                ZERO) for c in components}
    for c in components:
        if c.spec.weight is not None and fw.top[c.spec.code] in tops and weights[c.spec.code] != c.spec.weight:
            issues.append(ScoreIssue(
                "weights", f"น้ำหนักรวมขององค์ประกอบ {c.spec.code} เท่ากับ {_n(weights[c.spec.code])} "
                           f"แต่กรอบการประเมินกำหนด {_n(c.spec.weight)}",
                f"component {c.spec.code} weights add up to {weights[c.spec.code]}, the framework says {c.spec.weight}"))
    out_of_range = [s for s in counted if s.error and s.line.component_code in fw.by_points]
    if out_of_range:
        issues.append(ScoreIssue("targets", f"{POINTS_RANGE_TH}: " + ", ".join(f"“{s.line.name}”" for s in out_of_range),
                                 "points out of 0-100: " + ", ".join(s.line.code or s.line.name for s in out_of_range)))
    broken = [s for s in counted if s.error and s.line.component_code not in fw.by_points]
    if broken:
        names = ", ".join(f"“{s.line.name}”" for s in broken)
        issues.append(ScoreIssue("targets", f"ค่าเป้าหมายใช้คิดคะแนนไม่ได้: {names}",
                                 f"targets cannot be scored: {', '.join(s.line.code or s.line.name for s in broken)}"))
    missing = [s for s in counted if s.missing]
    if len(missing) == len(counted):
        issues.append(ScoreIssue("no_results", "ยังไม่มีผลการดำเนินงาน", "no results yet"))
    elif missing:
        issues.append(ScoreIssue("missing", f"ไม่มีผล {len(missing)} ตัวชี้วัด (คิดเป็น ๐ คะแนน)",
                                 f"{len(missing)} result(s) missing (scored 0)", blocking=False))
    return issues
