#!/usr/bin/env bash
# Installs the system packages ImageHQ OCR needs (Debian/Ubuntu), or says how.
#   packaging/system-deps.sh          run-time: Tesseract with English, OSD and German data
#   packaging/system-deps.sh --test   plus Xvfb, xdotool, openbox, fonts, curl (a real client
#                                     for the upload tests), poppler-utils (PDF output tests)
#                                     and the packaging checks: appstream, desktop-file-utils,
#                                     and ShellCheck (actionlint runs it on workflow scripts)
#   packaging/system-deps.sh --package run-time plus what `make package` and its checks use:
#                                     binutils (strip, objdump), llvm (llvm-strip), file,
#                                     lintian
set -euo pipefail

RUNTIME=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd tesseract-ocr-deu python3-venv
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
         libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
         libegl1 libgl1 libfontconfig1 libdbus-1-3 xclip)
TEST=(xvfb xauth xdotool x11-utils openbox dbus-daemon fonts-dejavu-core fonts-liberation curl
      poppler-utils appstream desktop-file-utils shellcheck)
PACKAGE=(binutils llvm file lintian)

pkgs=("${RUNTIME[@]}")
[[ "${1:-}" == "--test" ]] && pkgs+=("${TEST[@]}")
[[ "${1:-}" == "--package" ]] && pkgs+=("${PACKAGE[@]}")

case "$(uname -s)" in
  Darwin)
    command -v tesseract >/dev/null || {
      echo "Tesseract is missing. Install it with: brew install tesseract tesseract-lang" >&2
      exit 1; }
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*)
    command -v tesseract >/dev/null || {
      echo "Tesseract is missing. Install it with: winget install UB-Mannheim.TesseractOCR" >&2
      exit 1; }
    exit 0 ;;
esac

if ! command -v dpkg-query >/dev/null; then
  command -v tesseract >/dev/null && exit 0
  echo "Install Tesseract (with the eng and osd data) with your package manager." >&2
  exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
