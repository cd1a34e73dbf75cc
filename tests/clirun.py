"""Running ``kpi-desk`` commands inside the test process (as ``app.cli.main`` with captured output):
the same parsing, messages and exit codes as the console script, without starting Python again for
each command. Tests of the entry point itself, and of arguments only a real process receives
(non-UTF-8 bytes), still start a process."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from app.cli import main


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:          # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return Result(code, out.getvalue(), err.getvalue())
