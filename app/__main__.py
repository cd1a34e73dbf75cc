"""``python -m app``: the same as the ``kpi-desk`` command."""

from app.cli import run

run()
