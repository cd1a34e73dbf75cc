"""Layering rules: Qt only in app/ui; the domain imports neither Qt nor the database."""

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_ui():
    offenders = [str(p.relative_to(APP)) for p in APP.rglob("*.py")
                 if "ui" not in p.relative_to(APP).parts[:1]
                 and any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for n in imports_of(p))]
    assert offenders == []


def test_domain_is_pure():
    for p in (APP / "domain").rglob("*.py"):
        roots = {n.split(".")[0] for n in imports_of(p)}
        assert not roots & {"sqlalchemy", "sqlmodel", "PySide6", "app.models"}, p
        assert not any(n.startswith(("app.models", "app.services", "app.store")) for n in imports_of(p)), p


def test_headless_commands_do_not_load_qt():
    code = ("import sys, app.cli, app.services.scoring, app.services.check, app.demo, app.cli_score;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
