"""Rescoring one round of the whole country from the database, against one SQL aggregate query.

    python -m benchmarks.bench_scoring [--db national.sqlite3] [--repeat 30]

Both run in the same process on the same rows; the figure that matters is the ratio (aim: ≤ 3×).
A naive ORM loop with per-row lazy loading is measured once for reference.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import Uuid, bindparam, text
from sqlmodel import select

from app.models import Assignment, FrameworkComponent, Indicator, Result
from app.services import lookup
from app.services.scoring import score_round
from app.store import open_store
from benchmarks.national import generate

AGGREGATE = text("""
    SELECT a.unit_id, SUM(CAST(a.weight AS REAL) * CAST(r.actual AS REAL)) AS s
    FROM assignment a JOIN result r ON r.assignment_id = a.id AND r.round_id = :round_id
    WHERE a.fiscal_year_id = :year_id
    GROUP BY a.unit_id
""").bindparams(bindparam("round_id", type_=Uuid()), bindparam("year_id", type_=Uuid()))
COUNT = text("SELECT COUNT(*) FROM assignment WHERE fiscal_year_id = :y").bindparams(bindparam("y", type_=Uuid()))


def timed(fn, repeat: int) -> float:
    fn()  # warm the caches of both sides alike
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def naive_orm(session, year_id, round_id) -> int:
    count = 0
    for a in session.exec(select(Assignment).where(Assignment.fiscal_year_id == year_id)).all():
        session.get(Indicator, a.indicator_id)
        session.get(FrameworkComponent, a.component_id)
        session.exec(select(Result).where(Result.assignment_id == a.id, Result.round_id == round_id)).first()
        count += 1
    session.expunge_all()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="existing national database (default: generate one in a temp folder)")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--year", type=int, default=2569)
    args = parser.parse_args()
    db = args.db
    if not db:
        db = str(Path(tempfile.mkdtemp()) / "national.sqlite3")
        t0 = time.perf_counter()
        counts = generate(db)
        print(f"generated {counts['assignment']} assignments, {counts['result']} results, "
              f"{counts['indicator']} indicators, {counts['jointsubindicator']} joint sub-indicator rows "
              f"in {time.perf_counter() - t0:.1f} s")
    store = open_store(db)
    with store.reading() as s:
        rnd = lookup.round_of(s, args.year, 12)
        rows = s.execute(COUNT, {"y": rnd.fiscal_year_id}).scalar()
        base = timed(lambda: s.execute(AGGREGATE, {"round_id": rnd.id, "year_id": rnd.fiscal_year_id}).all(), args.repeat)
        ours = timed(lambda: score_round(s, year_be=args.year, months=12), args.repeat)
        units = len(score_round(s, year_be=args.year, months=12).units)
        one = timed(lambda: score_round(s, year_be=args.year, months=12, unit_code="U077"), args.repeat)
        t0 = time.perf_counter()
        naive_orm(s, rnd.fiscal_year_id, rnd.id)
        naive = time.perf_counter() - t0
    store.close()
    print(f"round: FY{args.year} 12 months, {units} units, {rows} assigned indicators")
    print(f"baseline  one SQL aggregate query      {base * 1000:8.2f} ms   1.00×")
    print(f"KPI Desk  full rescore (exact Decimal) {ours * 1000:8.2f} ms   {ours / base:5.2f}×")
    print(f"KPI Desk  rescore the edited unit only {one * 1000:8.2f} ms   {one / base:5.2f}×")
    print(f"naive     ORM with per-row lookups     {naive * 1000:8.2f} ms   {naive / base:5.2f}× (once)")


if __name__ == "__main__":
    main()
