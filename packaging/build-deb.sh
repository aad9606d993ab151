#!/usr/bin/env bash
# Wraps the PyInstaller bundle (dist/imagehq-ocr/) into a .deb that depends on Tesseract.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(.venv/bin/python -c 'import app; print(app.__version__)')
arch=$(dpkg --print-architecture)
root=build/deb/imagehq-ocr_${version}_${arch}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/icons/hicolor/256x256/apps"
cp -a dist/imagehq-ocr "$root/opt/imagehq-ocr"
ln -s /opt/imagehq-ocr/imagehq-ocr "$root/usr/bin/imagehq-ocr"
cp packaging/linux/imagehq-ocr.desktop "$root/usr/share/applications/"
[ -f resources/imagehq-ocr.png ] && cp resources/imagehq-ocr.png "$root/usr/share/icons/hicolor/256x256/apps/"
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
mkdir -p dist
dpkg-deb --build --root-owner-group "$root" "dist/imagehq-ocr_${version}_${arch}.deb"
