"""The one exception type users see: a Thai message that says where and why, with an English twin."""

from __future__ import annotations


class KpiDeskError(Exception):
    """An expected failure (bad input, refused edit, unusable database) with a message for the user."""

    def __init__(self, th: str, en: str = "") -> None:
        super().__init__(th)
        self.th = th
        self.en = en or th

    def __str__(self) -> str:
        return self.th


class StoreError(KpiDeskError):
    """The database file cannot be used as it is (not a database, corrupt, newer, read-only)."""


class ValidationError(KpiDeskError):
    """Input that breaks a domain rule; ``problems`` lists every one found, not only the first."""

    def __init__(self, problems: list[str], en: str = "") -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems), en)


class LockedError(KpiDeskError):
    """An edit refused because its round (or year) is approved or locked."""
