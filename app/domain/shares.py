"""Percentages with two decimals that add up to exactly 100.00 (largest remainder), as a report that
shows a whole split into classes must print them."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

CENT = Decimal("0.01")


def percentages(counts: dict) -> dict:
    """{class: count} → {class: percentage with two decimals}; they add up to 100.00 (all 0.00 when
    there is nothing to count). The hundredths left by rounding down go to the largest remainders
    (ties to the class listed first)."""
    total = sum(counts.values())
    if not total:
        return {k: Decimal("0.00") for k in counts}
    exact = {k: Decimal(v) * 100 / Decimal(total) for k, v in counts.items()}
    floors = {k: x.quantize(CENT, rounding=ROUND_FLOOR) for k, x in exact.items()}
    left = int((Decimal(100) - sum(floors.values())) / CENT)
    order = sorted(counts, key=lambda k: -(exact[k] - floors[k]))
    for k in order[:left]:
        floors[k] += CENT
    return floors
