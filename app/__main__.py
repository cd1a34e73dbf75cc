"""``python -m app``: the same as the ``kpi-desk`` command."""

import sys

from app.cli import main

sys.exit(main())
