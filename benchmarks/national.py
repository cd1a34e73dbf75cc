"""Generator of national-scale data: 154 departments + 76 provinces, ~1,000 indicators,
204 joint sub-indicators, 2 rounds × several fiscal years.

Rows are written with bulk Core inserts (not through the services, which would take minutes and
write an audit trail nobody needs here), but they obey every domain rule: weights add up per unit and
component, targets are strictly monotonic in the indicator's direction. Deterministic for a seed.

    python -m benchmarks.national --db /tmp/national.sqlite3 [--years 5]
"""

from __future__ import annotations

import argparse
import random
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from app.domain.calendar import fiscal_year_bounds, opdc_due_date, round_bounds
from app.models import (Assignment, FiscalYear, FrameworkComponent, Indicator, JointAgenda, JointMainIndicator,
                        JointSubIndicator, Ministry, Result, Round, Unit, utcnow)
from app.services.presets import FY2567
from app.store import open_store

DEPARTMENTS, PROVINCES, INDICATORS, JOINT_SUBS = 154, 76, 1000, 204
AGENDA_SUBS = [(1, "การบริหารจัดการและอนุรักษ์ฟื้นฟูน้ำทั้งระบบ", 45), (2, "การลดการปล่อยก๊าซเรือนกระจก", 31),
               (3, "รายได้จากการท่องเที่ยว", 47), (4, "รายได้ของผู้ประกอบการ SMEs และ OTOP", 57),
               (5, "การลดปริมาณฝุ่นละออง PM2.5 และ PM10", 24)]
WORDS = ["ร้อยละของ", "จำนวน", "ระดับความสำเร็จของ", "อัตราการ", "ปริมาณ"]
TOPICS = ["การให้บริการประชาชน", "พื้นที่ป่าไม้ที่ได้รับการฟื้นฟู", "ผู้ประกอบการที่ได้รับการพัฒนา", "รายได้จากการท่องเที่ยวชุมชน",
          "แหล่งน้ำที่ได้รับการพัฒนา", "ขยะมูลฝอยที่ได้รับการจัดการ", "เกษตรกรที่ได้รับการรับรองมาตรฐาน", "ผู้สูงอายุที่ได้รับการดูแล",
          "การลดการปล่อยก๊าซเรือนกระจก", "ฝุ่นละอองขนาดเล็กในพื้นที่วิกฤต"]


def _row(**kw) -> dict:
    now = utcnow()
    return {"id": uuid.uuid4(), "created_at": now, "updated_at": now, **kw}


def _targets(rng: random.Random, lower: bool) -> tuple[Decimal, Decimal, Decimal]:
    base = Decimal(rng.randint(20, 500))
    step = Decimal(rng.randint(1, 50))
    if lower:
        return base + 2 * step, base + step, base
    return base, base + step, base + 2 * step


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def generate(db: str | Path, years: int = 5, seed: int = 2567, first_year: int = 2565) -> dict:
    rng = random.Random(seed)
    store = open_store(db, create=True)
    rows: dict[type, list[dict]] = {m: [] for m in (Ministry, Unit, FiscalYear, FrameworkComponent, Round, Indicator,
                                                     Assignment, Result, JointAgenda, JointMainIndicator, JointSubIndicator)}
    ministry = _row(code="NATION", name_th="ส่วนราชการและจังหวัดทั่วประเทศ", name_en="", short_name="")
    rows[Ministry].append(ministry)
    units = []
    for i in range(DEPARTMENTS + PROVINCES):
        kind = "department" if i < DEPARTMENTS else "province"
        name = f"กรมที่ {i + 1}" if kind == "department" else f"จังหวัดที่ {i - DEPARTMENTS + 1}"
        units.append(_row(ministry_id=ministry["id"], code=f"U{i + 1:03d}", name_th=name, short_name="", name_en="",
                          kind=kind, sort_order=i))
    rows[Unit] = units

    catalogue = []
    for i in range(INDICATORS):
        kind = "joint_by_agenda" if i < JOINT_SUBS else rng.choice(["functional", "agenda", "area", "international"])
        catalogue.append(_row(code=f"K{i + 1:04d}", name_th=f"{rng.choice(WORDS)}{rng.choice(TOPICS)} ({i + 1})", name_en="",
                              definition="", unit_of_measure=rng.choice(["ร้อยละ", "แห่ง", "ราย", "ระดับ", "ล้านบาท"]),
                              direction="lower" if rng.random() < 0.15 else "higher", kind=kind, monitor=False,
                              step=False, cumulative=rng.random() < 0.4, from_basket=True, strategic_id=None,
                              joint_agenda_id=None))
    potential = [_row(code=code, name_th=name, name_en="", definition="", unit_of_measure="ร้อยละ", direction="higher",
                      kind=kind, monitor=False, step=False, cumulative=False, from_basket=True, strategic_id=None,
                      joint_agenda_id=None)
                 for code, name, kind in (("P-DIG1", "e-Service", "digital"), ("P-DIG2", "Open Data", "digital"),
                                          ("P-PMQA", "PMQA 4.0", "pmqa"))]
    rows[Indicator] = catalogue + potential
    joint_inds = catalogue[:JOINT_SUBS]
    functional_inds = catalogue[JOINT_SUBS:]

    for year in range(first_year, first_year + years):
        start, end = fiscal_year_bounds(year)
        fy = _row(year_be=year, starts_on=start, ends_on=end, note="")
        rows[FiscalYear].append(fy)
        comp = {}
        for order, (code, parent, name_th, name_en, weight, kinds, rounds) in enumerate(FY2567):
            comp[code] = _row(fiscal_year_id=fy["id"], parent_id=comp[parent]["id"] if parent else None, code=code,
                              name_th=name_th, name_en=name_en, weight=weight, kinds=kinds, rounds=rounds, sort_order=order)
            rows[FrameworkComponent].append(comp[code])
        rounds = {}
        for months in (6, 12):
            r_start, r_end = round_bounds(year, months)
            rounds[months] = _row(fiscal_year_id=fy["id"], months=months, starts_on=r_start, ends_on=r_end,
                                  opdc_due_on=opdc_due_date(year, months), status="open", approved_at=None, locked_at=None)
            rows[Round].append(rounds[months])
        agendas = []
        for number, name, subs in AGENDA_SUBS:
            agenda = _row(fiscal_year_id=fy["id"], number=number, name_th=name, name_en="", national_sub_count=subs)
            agendas.append((agenda, subs))
            rows[JointAgenda].append(agenda)
            rows[JointMainIndicator].append(_row(agenda_id=agenda["id"], number=1, name_th=f"ตัวชี้วัดหลัก {name}",
                                                 target_text="", target_value=Decimal(5), unit_of_measure="ร้อยละ"))
        joint_holder = {ind["id"]: units[(i * 7) % len(units)] for i, ind in enumerate(joint_inds)}
        joint_by_unit: dict = {}
        for ind in joint_inds:
            joint_by_unit.setdefault(joint_holder[ind["id"]]["id"], []).append(ind)
        flat_agendas = [a for a, n in agendas for _ in range(n)]
        for i, ind in enumerate(joint_inds):
            holder = joint_holder[ind["id"]]
            rows[JointSubIndicator].append(_row(agenda_id=flat_agendas[i]["id"], name_th=ind["name_th"],
                                                holder_name=holder["name_th"], holder_kind=holder["kind"],
                                                unit_id=holder["id"], assignment_id=None, value_chain=""))
        for unit in units:
            mine_joint = joint_by_unit.get(unit["id"], [])
            mine = rng.sample(functional_inds, rng.randint(4, 6))
            weights = _split(rng, 70, len(mine) + len(mine_joint))
            lines = [(ind, w, "1.2" if ind in mine_joint else "1.1") for ind, w in zip(mine_joint + mine, weights)]
            lines += [(potential[0], 10, "2.1"), (potential[1], 10, "2.1"), (potential[2], 10, "2.2")]
            for order, (ind, weight, code) in enumerate(lines):
                base, standard, advanced = _targets(rng, ind["direction"] == "lower")
                a = _row(unit_id=unit["id"], indicator_id=ind["id"], fiscal_year_id=fy["id"], component_id=comp[code]["id"],
                         weight=Decimal(weight), base=base, standard=standard, advanced=advanced, base_6=None,
                         standard_6=None, advanced_6=None, monitor=False, sort_order=order)
                rows[Assignment].append(a)
                for months in (6, 12):
                    if months == 6 and code.startswith("2"):
                        continue
                    actual = None if rng.random() < 0.01 else Decimal(rng.randint(int(min(base, advanced)) - 20,
                                                                                 int(max(base, advanced)) + 20))
                    rows[Result].append(_row(assignment_id=a["id"], round_id=rounds[months]["id"], actual=actual, note="",
                                             evidence_ref="", recorded_by="generator", recorded_at=None))
    with store.engine.begin() as conn:
        for model, batch in rows.items():
            if batch:
                conn.execute(insert(model.__table__), batch)
    store.close()
    return {m.__tablename__: len(b) for m, b in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    for table, count in generate(args.db, years=args.years).items():
        print(f"{table:20s} {count:8d}")


if __name__ == "__main__":
    main()
