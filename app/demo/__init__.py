"""The demo ministry: ``kpi-desk demo`` and ``kpi-desk --demo`` build it, tests and screenshots use it."""

from app.demo.build import build_demo

__all__ = ["build_demo"]
