#!/usr/bin/env bash
# Prove a built bundle runs: version, demo into a temporary database, a report with correct Thai,
# and the window opening (offscreen). Usage: bash installers/linux/smoke.sh [path/to/kpi-desk]
set -euo pipefail
BIN=${1:-build/dist/kpi-desk/kpi-desk}
WORK=$(mktemp -d)
export KPI_DESK_DATA_DIR="$WORK/data" XDG_CONFIG_HOME="$WORK/config" QT_QPA_PLATFORM=offscreen
"$BIN" --version
"$BIN" demo --db "$WORK/demo.sqlite3"
"$BIN" report annex --db "$WORK/demo.sqlite3" --year 2567 --out "$WORK/annex.pdf"
"$BIN" score --db "$WORK/demo.sqlite3" --year 2567 --round 12 --unit DGR --json > "$WORK/score.json"
grep -q '"score": "78.25"' "$WORK/score.json"
pdftotext "$WORK/annex.pdf" "$WORK/annex.txt"
grep -q "ตัวชี้วัด น้ำหนัก และค่าเป้าหมาย" "$WORK/annex.txt"
CHECK_PY=${CHECK_PY:-python3}
if [ -f ../shared/tools/thai_breaks.py ] && "$CHECK_PY" -c "import pdfplumber, pythainlp" 2>/dev/null; then
  "$CHECK_PY" ../shared/tools/thai_breaks.py "$WORK/annex.pdf" | tail -2
fi
START=$(date +%s.%N)
set +e
timeout 20 "$BIN" --demo > "$WORK/gui.log" 2>&1
RC=$?
set -e
if [ "$RC" -ne 124 ]; then echo "the window did not stay open (exit $RC)"; cat "$WORK/gui.log"; exit 1; fi
test -f "$WORK/data/kpi-desk-demo.sqlite3"
echo "frozen KPI Desk OK (window stayed open until stopped)"
