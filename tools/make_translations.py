"""Build the English translation: collect every UI string, translate it from the glossary, compile.
Also build the Thai translation of Qt's own texts (standard dialog buttons, file dialog, edit menus)
from ``resources/translations/qt_th.tsv`` (context TAB English TAB Thai), which Qt does not ship.

    python tools/make_translations.py           # writes resources/translations/kpidesk_en.ts and .qm
    python tools/make_translations.py --check   # fails when a string has no translation or files are stale

Strings come from ``pyside6-lupdate`` (every ``tr()`` call) plus the constant lists that are
translated at run time (navigation, column headers, report names). English text lives in
``resources/translations/en_glossary.tsv`` (Thai source TAB English).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists() and not shutil.which(name):
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def constant_strings() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    from app.reports.kinds import KINDS
    from app.ui.main_window import PAGES
    from app.ui.models import assignments, attendance, results
    return {
        "MainWindow": [t for t, _m, _n in PAGES],
        "AssignmentTableModel": [h for h, _ in assignments.COLUMNS],
        "ResultsTableModel": [h for h, _ in results.COLUMNS],
        "AttendanceTableModel": [h for h, _ in attendance.COLUMNS],
        "ReportsPage": [k.title for k in KINDS.values() if k.in_window],
        "DashboardPage": ["จาก", "เป็น", "คะแนน", "ไม่มีผล"],
        "TargetsPage": ["รวม"],
        "UnitScoreTableModel": ["รหัส", "หน่วยงาน", "คะแนน", "ระดับ", "ไม่มีผล"],
    }


def glossary() -> dict[str, str]:
    """Thai → English; a line "Context|Thai" overrides the plain one within that context."""
    out = {}
    for line in (OUT / "en_glossary.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            th, en = line.split("\t")
            out[th.replace("\\n", "\n")] = en.replace("\\n", "\n")
    return out


def build_ts(target: Path) -> list[str]:
    """Write the .ts; return the source strings that have no English."""
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete", "-ts", str(target)],
                   check=True, capture_output=True)
    tree = ET.parse(target)
    root = tree.getroot()
    root.set("language", "en_GB")
    root.set("sourcelanguage", "th_TH")
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    for name, strings in constant_strings().items():
        ctx = contexts.get(name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = name
            contexts[name] = ctx
        have = {m.findtext("source") for m in ctx.findall("message")}
        for s in strings:
            if s not in have:
                m = ET.SubElement(ctx, "message")
                ET.SubElement(m, "source").text = s
                ET.SubElement(m, "translation")
    words, missing = glossary(), []
    for ctx in sorted(root.findall("context"), key=lambda c: c.findtext("name")):
        root.remove(ctx)
        root.append(ctx)
        for m in ctx.findall("message"):
            source = m.findtext("source")
            t = m.find("translation")
            english = words.get(f"{ctx.findtext('name')}|{source}", words.get(source))
            if english is not None:
                t.text = english
                t.attrib.pop("type", None)
            else:
                missing.append(source)
                t.set("type", "unfinished")
    ET.indent(tree)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return missing


def build_qt_thai(target: Path) -> None:
    root = ET.Element("TS", version="2.1", language="th_TH", sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    for line in (OUT / "qt_th.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        context, source, thai = line.split("\t")
        ctx = contexts.get(context)
        if ctx is None:
            ctx = contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
        m = ET.SubElement(ctx, "message")
        ET.SubElement(m, "source").text = source
        ET.SubElement(m, "translation").text = thai
    tree = ET.ElementTree(root)
    ET.indent(tree)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "kpidesk_en.ts"
        missing = build_ts(ts)
        if missing:
            print("no English for:\n  " + "\n  ".join(missing))
            return 1
        if args.check:
            if ts.read_text(encoding="utf-8") != (OUT / "kpidesk_en.ts").read_text(encoding="utf-8"):
                print("resources/translations/kpidesk_en.ts is stale: run tools/make_translations.py")
                return 1
            qt_ts, qt_qm = Path(tmp) / "qt_th.ts", Path(tmp) / "qt_th.qm"
            build_qt_thai(qt_ts)
            subprocess.run([_tool("pyside6-lrelease"), str(qt_ts), "-qm", str(qt_qm)], check=True, capture_output=True)
            if not (OUT / "qt_th.qm").exists() or qt_qm.read_bytes() != (OUT / "qt_th.qm").read_bytes():
                print("resources/translations/qt_th.qm does not match qt_th.tsv: run tools/make_translations.py")
                return 1
            return 0
        shutil.copyfile(ts, OUT / "kpidesk_en.ts")
        qt_ts = Path(tmp) / "qt_th.ts"
        build_qt_thai(qt_ts)
        subprocess.run([_tool("pyside6-lrelease"), str(qt_ts), "-qm", str(OUT / "qt_th.qm")], check=True,
                       capture_output=True)
    subprocess.run([_tool("pyside6-lrelease"), str(OUT / "kpidesk_en.ts"), "-qm", str(OUT / "kpidesk_en.qm")],
                   check=True, capture_output=True)
    print(f"wrote {OUT / 'kpidesk_en.ts'} and kpidesk_en.qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
