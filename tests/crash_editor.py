"""Helper for test_crash: a stream of edits, each committed and then announced on stdout."""

import sys
from decimal import Decimal

from sqlmodel import select

from app.models import Assignment
from app.services import lookup, results
from app.store import open_store


def main(db: str, start: int) -> None:
    store = open_store(db)
    with store.reading() as s:
        year = lookup.year(s, 2567)
        ids = [a.id for a in s.exec(select(Assignment).where(Assignment.fiscal_year_id == year.id)
                                    .order_by(Assignment.sort_order, Assignment.id)).all()]
    i = start
    while True:
        with store.transaction(user="crash") as s:
            a = s.get(Assignment, ids[i % len(ids)])
            results.record_result(s, assignment=a, rnd=lookup.round_of(s, 2567, 12), actual=Decimal(i), note=f"edit {i}")
        print(i, flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
