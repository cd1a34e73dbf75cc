"""The installer recipes stay consistent with the package (building them is its own command)."""

import re
from pathlib import Path

from app import __version__

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"


def test_spec_bundles_what_the_program_reads_at_run_time():
    spec = (INSTALLERS / "kpi-desk.spec").read_text(encoding="utf-8")
    assert "from app import __version__" in spec
    sources = re.findall(r'ROOT / "([^"]+)" / "([^"]+)"', spec)
    assert ("resources", "fonts") in sources and ("resources", "translations") in sources
    assert ("app", "migrations") in sources and ("resources", "icons") in sources
    assert ("resources", "dictionary") in sources and 'collect_data_files("icu4py")' in spec
    for a, b in sources:
        if a != "build":                                    # build/ holds what build.ps1 generates
            assert (ROOT / a / b).exists(), f"{a}/{b} is bundled but missing"
    assert 'collect_data_files("pythainlp"' in spec      # the word list newmm needs
    assert 'collect_submodules("nlpo3")' in spec         # newmm compiled, imported inside a function


def test_linux_package_has_desktop_entry_icon_and_path():
    build = (INSTALLERS / "linux" / "build.sh").read_text(encoding="utf-8")
    for needle in ("kpi-desk.desktop", "/usr/bin/kpi-desk", "hicolor/256x256/apps", "dpkg-deb --build", "tar -C",
                   "import app; print(app.__version__)", "libxcb-cursor0"):
        assert needle in build, needle
    assert (ROOT / "resources" / "icons" / "kpi-desk.png").stat().st_size > 1000


def test_windows_recipe_is_per_user_and_versioned_from_the_package():
    iss = (INSTALLERS / "windows" / "kpi-desk.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss and "{group}\\KPI Desk" in iss
    assert "AppVersion={#AppVersion}" in iss and "UninstallDisplayIcon" in iss
    ps1 = (INSTALLERS / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "import app; print(app.__version__)" in ps1 and "ISCC.exe" in ps1
    template = (INSTALLERS / "windows" / "version_info.txt.in").read_text(encoding="utf-8")
    assert "@VERSION@" in template and "@VERSION_TUPLE@" in template
    assert (ROOT / "resources" / "icons" / "kpi-desk.ico").stat().st_size > 1000


def test_the_version_is_one_string():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "app.__version__" }' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
