#!/usr/bin/env bash
# Build the Linux bundle of KPI Desk and wrap it as a .tar.gz and a .deb.
#   bash installers/linux/build.sh            (from a clone; uses the current Python)
# Output in build/: kpi-desk-VERSION-linux-x86_64.tar.gz and kpi-desk_VERSION_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}
"$PY" -m pip install -q pyinstaller .
VERSION=$("$PY" -c "import app; print(app.__version__)")
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
rm -rf build/dist build/work build/deb
"$PY" -m PyInstaller --noconfirm --clean installers/kpi-desk.spec --distpath build/dist --workpath build/work

tar -C build/dist -czf "build/kpi-desk-$VERSION-linux-x86_64.tar.gz" kpi-desk

ROOT="build/deb/kpi-desk_${VERSION}_${ARCH}"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt/kpi-desk" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
         "$ROOT/usr/share/icons/hicolor/256x256/apps"
cp -a build/dist/kpi-desk/. "$ROOT/opt/kpi-desk/"
ln -s /opt/kpi-desk/kpi-desk "$ROOT/usr/bin/kpi-desk"
cp resources/icons/kpi-desk.png "$ROOT/usr/share/icons/hicolor/256x256/apps/kpi-desk.png"
cat > "$ROOT/usr/share/applications/kpi-desk.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=KPI Desk
Name[th]=KPI Desk ระบบงานเลขานุการคณะกรรมการกำกับการประเมินผล
Comment=Performance-evaluation committee secretariat
Exec=kpi-desk %f
Icon=kpi-desk
Terminal=false
Categories=Office;
DESKTOP
SIZE=$(du -sk "$ROOT/opt" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: kpi-desk
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Installed-Size: $SIZE
Depends: libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libglib2.0-0, libxcb-cursor0
Maintainer: KPI Desk <kpi-desk@localhost>
Description: Offline desk for Thai ministries' performance-evaluation committee secretariats
 Indicators, weights and targets, results, OPDC scoring, Thai PDF reports and Excel exchange.
CONTROL
dpkg-deb --build --root-owner-group "$ROOT" "build/kpi-desk_${VERSION}_${ARCH}.deb" >/dev/null
du -sh build/dist/kpi-desk "build/kpi-desk-$VERSION-linux-x86_64.tar.gz" "build/kpi-desk_${VERSION}_${ARCH}.deb"
