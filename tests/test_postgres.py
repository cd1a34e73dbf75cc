"""The same program on PostgreSQL: what the README promises of ``--db postgresql+psycopg://…``, proven on a
real server (a private one, started from the pgserver wheel by the fixture)."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from app.demo import build_demo
from app.store import open_store
from tests.clirun import run_cli

pytestmark = pytest.mark.server


def _scores(store) -> list:
    from app.services.scoring import score_round
    out = []
    with store.reading() as s:
        for months in (6, 12):
            for u in score_round(s, year_be=2567, months=months).units:
                out.append((months, u.unit_code, u.score, u.verdict[0], len(u.missing)))
    return out


def test_the_demo_on_postgresql_scores_and_exports_exactly_as_on_sqlite(pg_url, demo_template, tmp_path):
    from app.io.export import write_export
    pg = open_store(pg_url, create=True)
    build_demo(pg)
    sqlite = open_store(demo_template)
    try:
        assert _scores(pg) == _scores(sqlite)
        for name, store in (("pg", pg), ("sqlite", sqlite)):
            with store.reading() as s:
                write_export(s, year_be=2567, out=tmp_path / f"{name}.xlsx")
    finally:
        pg.close()
        sqlite.close()
    a, b = load_workbook(tmp_path / "pg.xlsx"), load_workbook(tmp_path / "sqlite.xlsx")
    assert a.sheetnames == b.sheetnames
    for sheet in a.sheetnames:
        rows_a = [r for r in a[sheet].iter_rows(values_only=True) if r[0] != "created"]
        rows_b = [r for r in b[sheet].iter_rows(values_only=True) if r[0] != "created"]
        assert rows_a == rows_b, sheet


def test_the_commands_take_a_postgresql_url(pg_url, demo_path):
    proc = run_cli("demo", "--db", pg_url)
    assert proc.returncode == 0, proc.stderr
    on_pg = run_cli("score", "--year", "2567", "--round", "12", "--json", "--db", pg_url)
    on_sqlite = run_cli("score", "--year", "2567", "--round", "12", "--json", "--db", str(demo_path))
    assert on_pg.returncode == 0, on_pg.stderr
    assert json.loads(on_pg.stdout)["units"] == json.loads(on_sqlite.stdout)["units"]
    check = run_cli("check", "--db", pg_url)
    same = run_cli("check", "--db", str(demo_path))     # the demo's planned problems (DMR in FY2568), found alike
    assert check.returncode == same.returncode == 1
    assert check.stdout.splitlines()[1:] == same.stdout.splitlines()[1:]
    refused = run_cli("round", "approve", "--year", "2567", "--round", "6", "--db", pg_url)   # locked in the demo
    assert refused.returncode == 2 and "Traceback" not in refused.stderr and refused.stderr.strip()


def test_a_database_server_that_refuses_is_said_in_thai(pg_server, pg_url):
    """A URL to a server that is not running, a database that is not there, a wrong password: why, in Thai,
    with the driver's own first line for the administrator; never SQLAlchemy's statement text or web link, and
    never the password."""
    from app.errors import StoreError
    from app.store import open_store
    from sqlalchemy.engine import make_url
    missing_db = make_url(pg_url).set(database="no_such_database_here").render_as_string(hide_password=False)
    for url, why in (("postgresql+psycopg://someone:secret@127.0.0.1:1/x",
                      "เซิร์ฟเวอร์ฐานข้อมูลไม่ได้เปิดอยู่ หรือชื่อเครื่องหรือพอร์ตผิด"),
                     (missing_db, "ไม่มีฐานข้อมูลหรือผู้ใช้ตามที่ระบุบนเซิร์ฟเวอร์ฐานข้อมูล")):
        with pytest.raises(StoreError) as refused:
            open_store(url)
        said = refused.value.th
        assert f"ไม่สำเร็จ: {why} (ระบบฐานข้อมูลแจ้งว่า: " in said, said
        assert "sqlalche.me" not in said and "secret" not in said and "\n" not in said
