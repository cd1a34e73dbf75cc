"""Opening databases: migrations, upgrade with backup, and every bad-input case left untouched."""

import hashlib
import sqlite3
import stat

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel, select

from app.errors import StoreError
from app.models import Ministry, Setting
from app.store import open_store
from app.store import migrate
from app.store.engine import database_url, make_engine


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_to_head_and_models_match_migrations(tmp_path):
    store = open_store(tmp_path / "new.sqlite3", create=True)
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    store.close()
    assert diff == [], f"models and migrations disagree: {diff}"


def test_sqlite_pragmas(tmp_path):
    store = open_store(tmp_path / "p.sqlite3", create=True)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()


def test_opening_the_demo_twice_changes_nothing(demo_path):
    open_store(demo_path).close()
    before = digest(demo_path)
    open_store(demo_path).close()
    assert digest(demo_path) == before


def test_older_database_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(database_url(path))
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO ministry (id, created_at, updated_at, code, name_th, name_en, short_name) "
            "VALUES ('0123456789abcdef0123456789abcdef', '2024-01-01', '2024-01-01', 'M', 'กระทรวงเก่า', '', '')")
    engine.dispose()
    store = open_store(path)
    assert store.upgraded_from == "0001"
    assert store.backup_path is not None and store.backup_path.exists()
    with store.reading() as s:
        assert s.exec(select(Ministry)).one().name_th == "กระทรวงเก่า"
        assert s.exec(select(Setting)).all() == []  # the new table exists
    store.close()
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    backup.close()


def test_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("บันทึกการประชุม ไม่ใช่ฐานข้อมูล\n" * 50, encoding="utf-8")
    before = digest(path)
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert str(path) in info.value.th and "ไม่ใช่ฐานข้อมูล" in info.value.th
    assert digest(path) == before


def test_corrupt_database_is_refused_untouched(demo_path):
    data = bytearray(demo_path.read_bytes())
    for i in range(8192, min(len(data), 40960)):
        data[i] = (data[i] * 7 + 13) % 256
    demo_path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        demo_path.with_name(demo_path.name + suffix).unlink(missing_ok=True)
    before = digest(demo_path)
    with pytest.raises(StoreError) as info:
        open_store(demo_path)
    assert str(demo_path) in info.value.th and "เสียหาย" in info.value.th
    assert digest(demo_path) == before


def test_database_from_a_newer_version_is_refused_untouched(demo_path):
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE alembic_version SET version_num = '9001_future'")
    conn.commit()
    conn.close()
    before = digest(demo_path)
    with pytest.raises(StoreError) as info:
        open_store(demo_path)
    assert "รุ่นที่ใหม่กว่า" in info.value.th and str(demo_path) in info.value.th
    assert digest(demo_path) == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert "ไม่ใช่ของ KPI Desk" in info.value.th
    assert digest(path) == before


def test_read_only_file_is_refused_untouched(demo_path):
    before = digest(demo_path)
    demo_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(StoreError) as info:
            open_store(demo_path)
    finally:
        demo_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert "อ่านอย่างเดียว" in info.value.th and str(demo_path) in info.value.th
    assert digest(demo_path) == before


def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StoreError) as info:
            open_store(folder / "new.sqlite3", create=True)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert "อ่านอย่างเดียว" in info.value.th
    assert list(folder.iterdir()) == []


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError) as info:
        open_store(tmp_path / "nope.sqlite3")
    assert "ไม่พบไฟล์ฐานข้อมูล" in info.value.th
    assert not (tmp_path / "nope.sqlite3").exists()


@pytest.mark.parametrize("case", ["text", "newer"])
def test_cli_bad_input_exits_non_zero_with_thai(tmp_path, demo_path, case):
    if case == "text":
        path = tmp_path / "x.sqlite3"
        path.write_bytes(b"PK\x03\x04 definitely a zip")
    else:
        path = demo_path
        conn = sqlite3.connect(path)
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
        conn.commit()
        conn.close()
    before = digest(path)
    from tests.clirun import run_cli
    proc = run_cli("check", "--db", path)
    assert proc.returncode == 2
    assert "ข้อผิดพลาด" in proc.stderr and str(path) in proc.stderr
    assert digest(path) == before


def test_listed_revisions_are_the_migration_scripts():
    """Opening reads the schema version without Alembic, from REVISIONS: it must list the scripts."""
    assert list(migrate.REVISIONS) == migrate.script_revisions()
