"""OPDC's KPI Basket (รายการตัวชี้วัด) of a fiscal year: replaced as a whole from OPDC's list, searched,
and drawn from — an indicator added from the basket enters the catalogue marked as from the basket."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.errors import KpiDeskError, ValidationError
from app.models import Assignment, BasketEntry, Direction, FiscalYear, Indicator, IndicatorKind, Unit
from app.services import lookup
from app.services.organisation import checked_code

FIELDS = ("code", "name_th", "definition", "unit_of_measure", "direction", "formula", "data_source", "kind")


@dataclass(frozen=True)
class BasketRow:
    id: uuid.UUID
    code: str
    name_th: str
    definition: str
    unit_of_measure: str
    direction: str
    formula: str
    data_source: str
    kind: str
    in_catalogue: bool = False      # an indicator with this code is already in the catalogue


def checked_entry(values: dict) -> dict:
    """One list row as an entry's fields, or ValidationError (in Thai) saying what is wrong."""
    code = checked_code(str(values.get("code") or ""), "รหัสตัวชี้วัด")
    name = str(values.get("name_th") or "").strip()
    if not name:
        raise ValidationError([f"ตัวชี้วัด {code} ไม่มีชื่อ"], "a basket entry needs a name")
    try:
        direction = Direction(values.get("direction") or Direction.HIGHER_IS_BETTER)
        kind = IndicatorKind(values.get("kind") or IndicatorKind.FUNCTIONAL)
    except ValueError:
        raise ValidationError([f"ตัวชี้วัด {code}: ไม่รู้จักทิศทางหรือประเภท"], "unknown direction or kind") from None
    if kind == IndicatorKind.STRATEGIC:
        raise ValidationError([f"ตัวชี้วัด {code}: Strategic KPIs ไม่อยู่ใน KPI Basket (ติดตามผล ไม่ประเมิน)"],
                              "a strategic KPI is not a basket indicator")
    out = {k: str(values.get(k) or "").strip() for k in FIELDS}
    out.update(code=code, name_th=name, direction=direction.value, kind=kind.value)
    return out


def replace_basket(session: Session, fy: FiscalYear, entries: list[dict]) -> dict[str, int]:
    """The year's basket becomes exactly ``entries`` (OPDC's list is published whole): entries are
    updated in place by code, new ones added, those no longer listed removed. Counts of each. The basket
    is OPDC's catalogue, not a round's numbers: indicators already drawn from it stay as they are."""
    rows = [checked_entry(e) for e in entries]
    codes = [r["code"] for r in rows]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise ValidationError([f"รหัสตัวชี้วัดซ้ำในรายการ: {', '.join(twice)}"], "duplicate codes")
    current = {e.code: e for e in session.execute(select(BasketEntry).where(BasketEntry.fiscal_year_id == fy.id)).scalars()}
    counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0}
    for values in rows:
        entry = current.pop(values["code"], None)
        if entry is None:
            session.add(BasketEntry(fiscal_year_id=fy.id, **values))
            counts["added"] += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(entry, k) != v}
        for k, v in changed.items():
            setattr(entry, k, v)
        counts["changed" if changed else "unchanged"] += 1
    for entry in current.values():
        session.delete(entry)
        counts["removed"] += 1
    session.flush()
    return counts


def search_basket(session: Session, year_be: int, text: str = "") -> list[BasketRow]:
    """The year's basket entries whose code, name or definition contains ``text`` (any case; Thai as typed)."""
    fy = lookup.year(session, year_be)
    needle = " ".join(str(text).split()).casefold()
    catalogue = set(session.execute(select(Indicator.code)).scalars())
    out = []
    for e in session.execute(select(BasketEntry).where(BasketEntry.fiscal_year_id == fy.id)
                          .order_by(BasketEntry.code)).scalars():
        if needle and needle not in f"{e.code} {e.name_th} {e.definition}".casefold():
            continue
        out.append(BasketRow(e.id, e.code, e.name_th, e.definition, e.unit_of_measure, e.direction, e.formula,
                             e.data_source, e.kind, e.code in catalogue))
    return out


def add_from_basket(session: Session, *, entry_id: uuid.UUID, unit_id: uuid.UUID) -> Assignment:
    """Give the unit the basket's indicator in the basket's year (weight and targets typed next in the
    grid). The catalogue gets the indicator, marked as from the basket, if it does not have it yet."""
    from app.services.indicators import assign_indicator, create_indicator
    entry = session.get(BasketEntry, entry_id)
    if entry is None:
        raise KpiDeskError("ไม่พบตัวชี้วัดนี้ใน KPI Basket (อาจนำเข้ารายการใหม่แล้ว)", "basket entry not found")
    unit = lookup.get(session, Unit, unit_id, "หน่วยงาน")
    ind = session.execute(select(Indicator).where(Indicator.code == entry.code)).scalar()
    if ind is None:
        ind = create_indicator(session, code=entry.code, name_th=entry.name_th, kind=entry.kind,
                               direction=entry.direction, unit_of_measure=entry.unit_of_measure,
                               definition=entry.definition, from_basket=True)
    elif not ind.from_basket:
        ind.from_basket = True          # the catalogue entry is OPDC's after all
        session.add(ind)
    return assign_indicator(session, unit=unit, indicator=ind, year=session.get(FiscalYear, entry.fiscal_year_id))
