"""Backup round trip: the copy opens and scores exactly like the original."""


from tests.clirun import run_cli
from app.services.scoring import score_round
from app.store import open_store


def scores(path):
    store = open_store(path)
    with store.reading() as s:
        out = [(u.unit_code, u.score) for m in (6, 12) for u in score_round(s, year_be=2567, months=m).units]
    store.close()
    return out


def test_backup_round_trip(demo_path, tmp_path):
    out = tmp_path / "copy.sqlite3"
    proc = run_cli("backup", "--db", demo_path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert "สำรองฐานข้อมูล" in proc.stdout
    assert scores(out) == scores(demo_path)
    again = run_cli("backup", "--db", demo_path, "--out", out)
    assert again.returncode == 2 and "เขียนทับ" in again.stderr
