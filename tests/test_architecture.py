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


def test_import_contracts_hold():
    """The layer contracts in pyproject.toml ([tool.importlinter]), as CI runs them."""
    proc = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
                           "sys.argv=['lint-imports']; lint_imports_command()"],
                          capture_output=True, text=True, cwd=APP.parent)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "BROKEN" not in proc.stdout and proc.stdout.count("KEPT") >= 4


def test_no_import_cycles():
    """No module of app imports, directly or through others, a module that imports it back."""
    import grimp
    graph = grimp.build_graph("app")
    cycles = []
    for importer in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported.startswith("app.") and graph.chain_exists(imported, importer):
                cycles.append(f"{importer} → {imported} → … → {importer}")
    # app.models imports its submodules and they import app.models.base: that is a package, not a cycle
    cycles = [c for c in cycles if not c.startswith(("app.models", "app.migrations"))]
    assert cycles == []


def test_upper_layers_never_query():
    """The window, reports, Excel exchange and CLI reach rows only through service functions."""
    import re
    query = re.compile(r"\b(s|session)\.(get|exec|execute|query|add|delete|flush|commit|rollback|scalar)\(")
    offenders = []
    for folder in ("ui", "reports", "io"):
        for p in (APP / folder).rglob("*.py"):
            offenders += [f"{p.relative_to(APP)}:{n}" for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                          if query.search(line)]
    for p in APP.glob("cli*.py"):
        offenders += [f"{p.name}:{n}" for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                      if query.search(line)]
    assert offenders == []


def test_window_paints_before_the_data_layer_loads(demo_path, tmp_path):
    """The window's frame is painted before SQLAlchemy is even imported; then the dashboard's data
    shows, still without Alembic, openpyxl, ReportLab or the Thai segmenters (loaded when needed)."""
    import os
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KPI_DESK_STARTUP_PROBE": "1",
           "KPI_DESK_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(demo_path)], capture_output=True, text=True,
                          env=env, timeout=120)
    lines = [line.split() for line in proc.stdout.splitlines() if line.strip()]
    assert [line[0] for line in lines] == ["painted", "data"], proc.stdout + proc.stderr
    assert lines[0][1:] == []                          # nothing heavy before the first paint
    painted_then = set(lines[1][3:])
    assert lines[1][1:3] == ["DashboardPage", "stale=False"]
    assert painted_then == {"sqlalchemy", "sqlmodel"}
