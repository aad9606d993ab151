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
# The portable tarball carries its own Tesseract; the .deb uses Debian's (a dependency).
rm -rf "$root/opt/imagehq-ocr/tesseract"
ln -s /opt/imagehq-ocr/imagehq-ocr "$root/usr/bin/imagehq-ocr"
install -m 0644 packaging/linux/imagehq-ocr.desktop "$root/usr/share/applications/"
install -D -m 0644 packaging/linux/io.imagehq.ocr.metainfo.xml "$root/usr/share/metainfo/io.imagehq.ocr.metainfo.xml"
# The icon set in the hicolor theme: every PNG size plus the SVG master.
for png in resources/icons/imagehq-ocr-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/imagehq-ocr.png"
done
install -D -m 0644 resources/icons/imagehq-ocr.svg "$root/usr/share/icons/hicolor/scalable/apps/imagehq-ocr.svg"
# Debian policy: copyright (DEP-5), changelog and manual page (gzip -9n: reproducible),
# lintian overrides (each one justified in the file).
doc=$root/usr/share/doc/imagehq-ocr
install -D -m 0644 packaging/linux/copyright "$doc/copyright"
install -d "$root/usr/share/man/man1" "$root/usr/share/lintian/overrides"
gzip -9n < packaging/linux/changelog > "$doc/changelog.gz"
gzip -9n < packaging/linux/imagehq-ocr.1 > "$root/usr/share/man/man1/imagehq-ocr.1.gz"
install -m 0644 packaging/linux/lintian-overrides "$root/usr/share/lintian/overrides/imagehq-ocr"
chmod 0644 "$doc/changelog.gz" "$root/usr/share/man/man1/imagehq-ocr.1.gz"
# Shared objects need no execute bit; debug symbols go where strip leaves the loaded image as it
# was (packaging/trim_bundle.py: not the wheels' patchelf-edited libraries, nor the bootloader,
# which carries its archive). ELF files are told by their magic, not by their names.
mapfile -t elves < <(find "$root/opt/imagehq-ocr" -type f ! -path "$root/opt/imagehq-ocr/imagehq-ocr" -print0 \
  | xargs -0 -r file --no-pad -F '|' | awk -F'|' '/ ELF /{print $1}')
if [[ ${#elves[@]} -gt 0 ]]; then
  chmod 0644 "${elves[@]}"
  python3 packaging/trim_bundle.py "$root/opt/imagehq-ocr"
fi
# The oldest glibc that provides every versioned symbol the bundle uses.
glibc=$( { [[ ${#elves[@]} -gt 0 ]] && objdump -T "${elves[@]}" "$bundle/imagehq-ocr" 2>/dev/null || true; } \
  | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1 || true)
libc_dep="libc6 (>= ${glibc:-2.17})"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: imagehq-ocr
Version: ${version}
Architecture: ${arch}
Maintainer: ImageHQ OCR team <ocr@imagehq.io>
Installed-Size: ${installed_size}
Depends: ${libc_dep}, tesseract-ocr, tesseract-ocr-eng, libxcb-cursor0, libegl1, libfontconfig1
Recommends: tesseract-ocr-osd, xclip
Section: graphics
Priority: optional
Homepage: https://imagehq.io/
Description: Desktop OCR for screenshots, scans, receipts and photos
 Drop, paste or capture images and get their text, with a layout preview,
 exports (txt, hOCR, JSON, TSV) and a local ImageHQ-compatible API.
CONTROL
# md5sums of every file (dpkg --verify, debsums).
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 -r md5sum \
  | sed 's|  \./|  |') > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"
[[ $root_only -eq 1 ]] && exit 0
# The stripped copy must still start (and import numpy, Qt and the engines).
"$root/opt/imagehq-ocr/imagehq-ocr" --version >/dev/null \
  || { echo "build-deb: the stripped bundle does not start" >&2; exit 1; }
mkdir -p dist
dpkg-deb --build --root-owner-group "$root" "dist/imagehq-ocr_${version}_${arch}.deb"
