#!/usr/bin/env bash
# Wraps dist/ImageHQ OCR.app (built by `pyinstaller packaging/imagehq-ocr.spec` on macOS) into
# dist/imagehq-ocr-<version>.dmg with an Applications link, using macOS's own hdiutil.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
app="dist/ImageHQ OCR.app"
[[ -d "$app" ]] || { echo "no $app: build it with pyinstaller packaging/imagehq-ocr.spec" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "ImageHQ OCR" -srcfolder "$stage" -ov -format UDZO \
  "dist/imagehq-ocr-${version}.dmg"
