#!/usr/bin/env bash
# Takes the software-centre screenshot of the main window (1400x880, no window frame) in a light or
# dark theme: the app runs under its own Xvfb with a fresh IMAGEHQ_OCR_HOME, reads IMAGES given on
# its command line, and the window is grabbed once every job has finished.
#   packaging/screenshot.sh light|dark OUT.png IMAGE…
# resources/screenshot-main.png and resources/screenshot-main-dark.png were taken with four images
# of the eval set (../shared/eval): a FUNSD form, two NormCap screenshots and an SROIE receipt.
set -euo pipefail
cd "$(dirname "$0")/.."
theme=$1 out=$2
shift 2
home=$(mktemp -d)
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$home"' EXIT
mkdir -p "$home/config"
printf '[window]\ntheme=%s\nclose_to_tray=false\n' "$theme" > "$home/config/settings.ini"
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display IMAGEHQ_OCR_HOME=$home QT_QPA_PLATFORM=xcb OMP_THREAD_LIMIT=1
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
.venv/bin/imagehq-ocr "$@" &
app=$!
win=""
for _ in $(seq 100); do
  win=$(xdotool search --onlyvisible --name '^ImageHQ OCR' 2>/dev/null | head -1) && [[ -n $win ]] && break
  sleep 0.2
done
[[ -n $win ]] || { echo "screenshot: the window did not appear" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1400 880
# Every job final (jobs --json reads the same store).
for _ in $(seq 240); do
  .venv/bin/imagehq-ocr jobs --json | .venv/bin/python -c '
import json, sys
jobs = json.load(sys.stdin)
sys.exit(0 if len(jobs) >= int(sys.argv[1]) and all(j["status"] in ("succeeded", "failed") for j in jobs) else 1)
' "$#" && break
  sleep 0.5
done
sleep 1  # the last result's overlay and thumbnails paint
.venv/bin/python - "$display" "$out" <<'PY'
import sys
from PIL import ImageGrab
ImageGrab.grab(bbox=(0, 0, 1400, 880), xdisplay=sys.argv[1]).convert("RGB").quantize(256).save(sys.argv[2], optimize=True)
PY
echo "screenshot: $out"
