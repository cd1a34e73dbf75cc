"""Interface language: Thai by default (the source strings), English from Qt translation files."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from app.paths import resources_dir

LANGUAGES = {"th": "ไทย", "en": "English"}
_installed: list[QTranslator] = []
_active = ["th"]


def settings() -> QSettings:
    return QSettings("KPI Desk", "KPI Desk")


def current_language() -> str:
    return str(settings().value("language", "th"))


def set_language(code: str) -> None:
    settings().setValue("language", code)
    apply_language(code)


def apply_language(code: str | None = None) -> bool:
    """Install the translator for ``code`` (or the saved language). False when its file is missing."""
    code = code or current_language()
    _active[0] = code
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Thai if code == "th" else QLocale.English))
    if code == "th":                 # Qt's own buttons and dialogs in Thai (Qt ships no Thai translation)
        tr = QTranslator()
        if tr.load(str(resources_dir() / "translations" / "qt_th.qm")):
            app.installTranslator(tr)
            _installed.append(tr)
        return True
    tr = QTranslator()
    if not tr.load(str(resources_dir() / "translations" / f"kpidesk_{code}.qm")):
        return False
    app.installTranslator(tr)
    _installed.append(tr)
    return True


def english() -> bool:
    return _active[0] == "en"


def pick(th: str, en: str) -> str:
    """A vocabulary label (grade, kind, status) in the interface language."""
    return en if english() else th
