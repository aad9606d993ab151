#!/usr/bin/env bash
# Smoke test of a built package, run by the CI workflow on each platform with the system's
# Tesseract moved out of the way: --version names Tesseract 5 and RapidOCR, and extract reads a
# generated sample with each engine and with auto.
#   packaging/smoke-test.sh EXE PYTHON       (PYTHON: one with Pillow, to draw the sample)
set -euo pipefail
exe=$1 py=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export IMAGEHQ_OCR_HOME=$work/home
"$exe" --version | tee "$work/version.txt"
grep -q '^Tesseract 5' "$work/version.txt"
grep -q '^RapidOCR ' "$work/version.txt"
"$py" -c "
import sys
from PIL import Image, ImageDraw, ImageFont
im = Image.new('L', (900, 120), 255)
ImageDraw.Draw(im).text((20, 30), 'Invoice 2041', fill=0, font=ImageFont.load_default(size=48))
im.save(sys.argv[1])
" "$work/sample.png"
for engine in tesseract rapidocr auto; do
  "$exe" extract --engine "$engine" "$work/sample.png" | tee "$work/out.txt"
  grep -q 2041 "$work/out.txt" || { echo "smoke-test: $engine did not read the sample" >&2; exit 1; }
done
echo "smoke-test: passed"
