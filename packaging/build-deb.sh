#!/usr/bin/env bash
# Wraps the PyInstaller bundle (dist/imagehq-ocr/) into a .deb that depends on Tesseract.
#   packaging/build-deb.sh               builds dist/imagehq-ocr_<version>_<arch>.deb
#   packaging/build-deb.sh --root DIR    only lays the package tree out in DIR (tests use this)
# BUNDLE=dir overrides the bundle folder (default dist/imagehq-ocr).
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${BUNDLE:-dist/imagehq-ocr}
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
root_only=0
if [[ "${1:-}" == "--root" ]]; then root_only=1; root=$2; else
  root=build/deb/imagehq-ocr_${version}_${arch}; fi
[[ -x "$bundle/imagehq-ocr" ]] || { echo "no bundle in $bundle: run make package" >&2; exit 1; }
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications"
cp -a "$bundle" "$root/opt/imagehq-ocr"
ln -s /opt/imagehq-ocr/imagehq-ocr "$root/usr/bin/imagehq-ocr"
install -m 0644 packaging/linux/imagehq-ocr.desktop "$root/usr/share/applications/"
install -D -m 0644 packaging/linux/io.imagehq.ocr.metainfo.xml "$root/usr/share/metainfo/io.imagehq.ocr.metainfo.xml"
# The icon set in the hicolor theme: every PNG size plus the SVG master.
for png in resources/icons/imagehq-ocr-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/imagehq-ocr.png"
done
install -D -m 0644 resources/icons/imagehq-ocr.svg "$root/usr/share/icons/hicolor/scalable/apps/imagehq-ocr.svg"
cat > "$root/DEBIAN/control" <<CONTROL
Package: imagehq-ocr
Version: ${version}
Architecture: ${arch}
Maintainer: ImageHQ OCR team
Depends: tesseract-ocr, tesseract-ocr-eng, libxcb-cursor0, libegl1, libfontconfig1
Recommends: tesseract-ocr-osd, xclip
Section: graphics
Priority: optional
Description: Desktop OCR for screenshots, scans, receipts and photos
 Drop, paste or capture images and get their text, with a layout preview,
 exports (txt, hOCR, JSON, TSV) and a local ImageHQ-compatible API.
CONTROL
[[ $root_only -eq 1 ]] && exit 0
mkdir -p dist
dpkg-deb --build --root-owner-group "$root" "dist/imagehq-ocr_${version}_${arch}.deb"
