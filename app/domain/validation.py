"""The rules every entry path shares (grid, import, check): weights and targets of a unit's indicators.

Each problem says, in Thai, which unit and which indicator, and the numbers involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from app.domain.scoring import TargetError, check_targets
from app.domain.thai_text import MAX_ABS_TH, format_number, format_sum, in_bounds
from app.domain.unit_score import ComponentSpec, Framework, IndicatorLine

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


def weight_problem(weight: Decimal, monitor: bool) -> str | None:
    """The weight rule of one indicator, as the Thai reason it is broken (None when it holds)."""
    if weight < 0 or weight > HUNDRED:
        return f"น้ำหนักต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (ได้รับ {_n(weight)})"
    if monitor and weight != 0:
        return f"เป็นตัวชี้วัด Monitor จึงต้องมีน้ำหนัก ๐ แต่กำหนดไว้ {_n(weight)} (ยกเลิก Monitor ก่อนกำหนดน้ำหนัก)"
    return None


def validate_targets(line: IndicatorLine, unit_label: str, direction: str | None = None) -> list[Problem]:
    where = f"{unit_label} ตัวชี้วัด “{line.name}”: "
    values = (line.base, line.standard, line.advanced)
    if line.monitor and all(v is None for v in values):
        return []
    try:
        higher = check_targets(*values, where=where)
    except TargetError as exc:
        return [Problem(exc.th, exc.en, unit_label, line.key, "targets")]
    if direction is not None and (direction == "higher") != higher:
        said = "ยิ่งมากยิ่งดี" if direction == "higher" else "ยิ่งน้อยยิ่งดี"
        return [Problem(
            f"{where}ตัวชี้วัดกำหนดทิศทางเป็น{said} แต่ค่าเป้าหมาย ขั้นต้น {_n(line.base)} มาตรฐาน {_n(line.standard)} "
            f"ขั้นสูง {_n(line.advanced)} เรียงในทิศทางตรงข้าม",
            f"{line.name}: direction is {direction} but targets run the other way",
            unit_label, line.key, "targets",
        )]
    return []


def validate_unit(
    unit_label: str,
    lines: Iterable[IndicatorLine],
    components: Iterable[ComponentSpec],
    directions: dict | None = None,
) -> list[Problem]:
    """Every problem of one unit's set of indicators for a year."""
    lines = list(lines)
    fw = Framework(components)
    directions = directions or {}
    problems: list[Problem] = []
    for line in lines:
        where = f"{unit_label} ตัวชี้วัด “{line.name}”: "
        if any(v is not None and not in_bounds(v) for v in (line.weight, line.base, line.standard, line.advanced)):
            problems.append(Problem(
                f"{where}มีค่าน้ำหนักหรือค่าเป้าหมายเกินขอบเขตที่รับได้ (ค่าต้องน้อยกว่า {MAX_ABS_TH} และทศนิยมไม่เกิน ๖ ตำแหน่ง) "
                "อาจมาจากไฟล์ของโปรแกรมรุ่นก่อน กรุณาแก้ไข",
                f"{line.name}: a weight or target is out of range", unit_label, line.key, "targets"))
        if line.weight < 0:
            problems.append(Problem(f"{where}น้ำหนักติดลบ ({_n(line.weight)})", f"{line.name}: negative weight",
                                    unit_label, line.key, "weight"))
        elif line.monitor and line.weight != 0:
            problems.append(Problem(
                f"{where}เป็นตัวชี้วัด Monitor จึงต้องมีน้ำหนัก ๐ แต่กำหนดไว้ {_n(line.weight)}",
                f"{line.name}: a Monitor indicator must have weight 0, has {line.weight}", unit_label, line.key, "weight"))
        elif not line.monitor and line.weight == 0:
            problems.append(Problem(
                f"{where}เป็นตัวชี้วัดที่ประเมินผล จึงต้องมีน้ำหนักมากกว่า ๐",
                f"{line.name}: an evaluated indicator needs a weight above 0", unit_label, line.key, "weight"))
        problems.extend(validate_targets(line, unit_label, directions.get(line.key)))

    evaluated = [x for x in lines if not x.monitor]
    total = sum((x.weight for x in evaluated), Decimal(0))
    if total != HUNDRED:
        problems.append(Problem(
            f"{unit_label}: น้ำหนักรวมของตัวชี้วัดที่ประเมินผลเท่ากับ {_n(total)} แต่ต้องเท่ากับ ๑๐๐ "
            f"({'ขาด' if total < HUNDRED else 'เกิน'} {_n(abs(HUNDRED - total))})",
            f"{unit_label}: weights add up to {total}, not 100", unit_label, None, "weight"))
    for spec in fw.specs:
        if spec.weight is None:
            continue
        codes = {c for c in fw.chain if fw.descends(c, spec.code)}
        sub = sum((x.weight for x in evaluated if x.component_code in codes), Decimal(0))
        if sub != spec.weight:
            problems.append(Problem(
                f"{unit_label}: องค์ประกอบ {spec.code} {spec.name_th} มีน้ำหนักรวม {_n(sub)} "
                f"แต่กรอบการประเมินกำหนดไว้ {_n(spec.weight)}",
                f"{unit_label}: component {spec.code} weights add up to {sub}, framework says {spec.weight}",
                unit_label, None, f"component:{spec.code}"))
    return problems
