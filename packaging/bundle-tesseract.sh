#!/usr/bin/env bash
# Puts this system's Tesseract into the bundle (dist/imagehq-ocr/tesseract/): the binary, the
# shared libraries it needs beyond glibc, the eng and osd data with the configs, and the
# licences of what it copies. tesseract_locate's "bundled" backend finds it first.
#   packaging/bundle-tesseract.sh [BUNDLE]      (default dist/imagehq-ocr)
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/imagehq-ocr}
exe=$(command -v tesseract) || { echo "bundle-tesseract: no tesseract on PATH" >&2; exit 1; }
data=$(tesseract --list-langs 2>&1 | sed -n 's/.*"\(.*\)".*/\1/p' | head -1)
[[ -f "$data/eng.traineddata" && -f "$data/osd.traineddata" ]] \
  || { echo "bundle-tesseract: eng and osd data are needed in $data" >&2; exit 1; }
out=$bundle/tesseract
rm -rf "$out"
mkdir -p "$out/bin" "$out/lib" "$out/tessdata" "$out/licenses"
cp -L "$exe" "$out/bin/tesseract"
# Libraries beyond glibc and the loader (those come from the system, like the app's own).
# One that the app's own folder already holds, byte for byte (libstdc++, OpenSSL, zlib, …, copied
# from the same system by PyInstaller), becomes a relative link to it instead of a second copy.
mapfile -t libs < <(ldd "$exe" | awk '$3 ~ /^\// {print $3}' \
  | grep -Ev '/(libc|libm|libdl|libpthread|librt|ld-linux[^/]*)\.so')
shared=0
for lib in "${libs[@]}"; do
  name=${lib##*/}
  if [[ -f "$bundle/_internal/$name" ]] && cmp -s "$lib" "$bundle/_internal/$name"; then
    ln -s "../../_internal/$name" "$out/lib/$name"
    shared=$((shared + 1))
  else
    cp -L "$lib" "$out/lib/"
  fi
done
cp "$data/eng.traineddata" "$data/osd.traineddata" "$out/tessdata/"
[[ -d "$data/configs" ]] && cp -r "$data/configs" "$out/tessdata/"
[[ -d "$data/tessconfigs" ]] && cp -r "$data/tessconfigs" "$out/tessdata/"
# Licences: Tesseract (Apache-2.0), its data, and every Debian package a library came from.
if command -v dpkg >/dev/null; then
  for f in "$exe" "${libs[@]}"; do
    dpkg -S "$(readlink -f "$f")" 2>/dev/null || dpkg -S "$f" 2>/dev/null
  done | cut -d: -f1 | sort -u > "$out/licenses/packages.txt" || true
  for pkg in tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd libtesseract5 $(cat "$out/licenses/packages.txt"); do
    [[ -f /usr/share/doc/$pkg/copyright ]] && cp "/usr/share/doc/$pkg/copyright" "$out/licenses/$pkg.copyright"
  done
fi
# The launcher the app runs: finds the libraries and the data beside itself.
cat > "$out/tesseract" <<'SH'
#!/bin/sh
# No external commands: the app may run this with a PATH that has none.
case "$0" in */*) here=${0%/*} ;; *) here=. ;; esac
: "${TESSDATA_PREFIX:=$here/tessdata}"
export TESSDATA_PREFIX
LD_LIBRARY_PATH="$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$here/bin/tesseract" "$@"
SH
chmod 0755 "$out/tesseract" "$out/bin/tesseract"
echo "bundle-tesseract: $(du -sh "$out" | cut -f1) in $out ($shared libraries shared with the app)"
