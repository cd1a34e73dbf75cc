"""Kill -9 in the middle of a stream of edits, many times: every committed edit survives, the file is sound."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HELPER = Path(__file__).with_name("crash_editor.py")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_edits_loses_no_committed_edit(demo_path):
    rng = random.Random(2567)
    announced: list[int] = []
    start = 1000
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, str(HELPER), str(demo_path), str(start)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
        wanted = rng.randint(3, 40)
        seen = 0
        for line in proc.stdout:
            announced.append(int(line))
            seen += 1
            if seen >= wanted:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert seen >= wanted, proc.stderr.read()
        start = announced[-1] + 100  # the next run's values never collide with an unannounced commit
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = {row[0] for row in conn.execute("SELECT new_value FROM auditentry WHERE field = 'note'")}
    finally:
        conn.close()
    lost = [i for i in announced if f"edit {i}" not in notes]
    assert lost == [], f"committed edits lost after SIGKILL: {lost[:10]}"
    assert len(announced) > 100
