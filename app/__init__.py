"""KPI Desk: the committee secretariat's offline desk for OPDC performance evaluation.

This package's one version string lives here; packaging, ``--version`` and the installers read it.
"""

__version__ = "0.1.0"
APP_NAME = "KPI Desk"
