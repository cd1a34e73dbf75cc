"""The rules every entry path shares (grid, import, check): weights and targets of a unit's indicators.

Each problem says, in Thai, which unit and which indicator, and the numbers involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from app.domain.scoring import TargetError, check_targets
from app.domain.thai_text import MAX_ABS_TH, format_number, format_sum, in_bounds
from app.domain.unit_score import ComponentSpec, Framework, IndicatorLine, as_framework

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Problem:
    th: str
    en: str
    unit: str = ""
    indicator_key: object = None
    field: str = ""


def _n(v: Decimal) -> str:
    return format_number(v, places=0) if v == v.to_integral() else format_sum(v)


def weight_rule(weight: Decimal, monitor: bool) -> tuple[str, str, str] | None:
    """The weight rule of one indicator — the one place it is written: (kind, Thai, English) of how it is
    broken, None when it holds. Kinds: "range" (outside 0–100), "monitor" (a Monitor indicator with a
    weight), "zero" (an evaluated indicator without one)."""
    if weight < 0 or weight > HUNDRED:
        return "range", f"น้ำหนักต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (ได้รับ {_n(weight)})", f"the weight must be 0–100, is {weight}"
    if monitor and weight != 0:
        return ("monitor", f"เป็นตัวชี้วัด Monitor จึงต้องมีน้ำหนัก ๐ แต่กำหนดไว้ {_n(weight)} (ยกเลิก Monitor ก่อนกำหนดน้ำหนัก)",
                f"a Monitor indicator must have weight 0, has {weight}")
    if not monitor and weight == 0:
        return "zero", "เป็นตัวชี้วัดที่ประเมินผล จึงต้องมีน้ำหนักมากกว่า ๐", "an evaluated indicator needs a weight above 0"
    return None


def weight_problem(weight: Decimal, monitor: bool) -> str | None:
    """What entry refuses of the weight rule: out of range, or a weight on a Monitor indicator (a zero
    weight is allowed while typing; ``validate_unit`` reports it)."""
    broken = weight_rule(weight, monitor)
    return broken[1] if broken and broken[0] != "zero" else None


def evaluated_weight(lines: Iterable[IndicatorLine]) -> Decimal:
    """The unit's total weight: its evaluated indicators' (Monitor indicators carry none)."""
    return sum((x.weight for x in lines if not x.monitor), Decimal(0))


def component_sums(lines: Iterable[IndicatorLine], fw: Framework) -> dict[str, Decimal]:
    """The evaluated weight under each component of the framework (a parent sums its sub-components)."""
    sums = {spec.code: Decimal(0) for spec in fw.specs}
    for line in lines:
        if line.monitor:
            continue
        for code in fw.chain.get(line.component_code, ()):      # the component and its parents
            sums[code] += line.weight
    return sums


def validate_targets(line: IndicatorLine, unit_label: str, direction: str | None = None) -> list[Problem]:
    where = f"{unit_label} ตัวชี้วัด “{line.name}”: "
    values = (line.base, line.standard, line.advanced)
    if line.monitor and all(v is None for v in values):
        return []
    try:
        check_targets(*values, where=where, direction=direction)
    except TargetError as exc:
        return [Problem(exc.th, exc.en, unit_label, line.key, "targets")]
    return []


def validate_unit(
    unit_label: str,
    lines: Iterable[IndicatorLine],
    components: Iterable[ComponentSpec] | Framework,
    directions: dict | None = None,
) -> list[Problem]:
    """Every problem of one unit's set of indicators for a year (``components``: a ``Framework`` is reused)."""
    lines = list(lines)
    fw = as_framework(components)
    directions = directions or {}
    problems: list[Problem] = []
    for line in lines:
        where = f"{unit_label} ตัวชี้วัด “{line.name}”: "
        if any(v is not None and not in_bounds(v) for v in (line.weight, line.base, line.standard, line.advanced)):
            problems.append(Problem(
                f"{where}มีค่าน้ำหนักหรือค่าเป้าหมายเกินขอบเขตที่รับได้ (ค่าต้องน้อยกว่า {MAX_ABS_TH} และทศนิยมไม่เกิน ๖ ตำแหน่ง) "
                "อาจมาจากไฟล์ของโปรแกรมรุ่นก่อน กรุณาแก้ไข",
                f"{line.name}: a weight or target is out of range", unit_label, line.key, "targets"))
        broken = weight_rule(line.weight, line.monitor)
        if broken:
            problems.append(Problem(where + broken[1], f"{line.name}: {broken[2]}", unit_label, line.key, "weight"))
        if line.component_code not in fw.by_points:       # points components take no targets
            problems.extend(validate_targets(line, unit_label, directions.get(line.key)))

    total = evaluated_weight(lines)
    if total != HUNDRED:
        problems.append(Problem(
            f"{unit_label}: น้ำหนักรวมของตัวชี้วัดที่ประเมินผลเท่ากับ {_n(total)} แต่ต้องเท่ากับ ๑๐๐ "
            f"({'ขาด' if total < HUNDRED else 'เกิน'} {_n(abs(HUNDRED - total))})",
            f"{unit_label}: weights add up to {total}, not 100", unit_label, None, "weight"))
    sums = component_sums(lines, fw)
    for spec in fw.specs:
        sub = sums[spec.code]
        if spec.weight is not None and sub != spec.weight:
            problems.append(Problem(
                f"{unit_label}: องค์ประกอบ {spec.code} {spec.name_th} มีน้ำหนักรวม {_n(sub)} "
                f"แต่กรอบการประเมินกำหนดไว้ {_n(spec.weight)}",
                f"{unit_label}: component {spec.code} weights add up to {sub}, framework says {spec.weight}",
                unit_label, None, f"component:{spec.code}"))
    return problems
