"""What a release needs: every package and translation shipped, the translation complete and current."""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "app").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages"


def test_english_translation_is_complete_and_current():
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "make_translations.py"), "--check"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (ROOT / "resources" / "translations" / "kpidesk_en.qm").stat().st_size > 1000


def test_fonts_ship_with_their_licences():
    fonts = ROOT / "resources" / "fonts"
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf",
                 "DejaVuSans.ttf", "OFL-Sarabun.txt", "LICENSE-DejaVu.txt"):
        assert (fonts / name).is_file(), name
    assert re.search("SIL Open Font License", (fonts / "OFL-Sarabun.txt").read_text())
