#!/usr/bin/env bash
# CI on macOS and Windows: puts the Tesseract the runner installed into the build, as
# packaging/bundle-tesseract.sh does on Linux: the executable, the libraries it needs, the eng and
# osd data with their configs, and the licences.
#   macOS:   packaging/stage-tesseract.sh      before PyInstaller: Homebrew's tesseract into
#            build/tesseract/; the spec collects it into the .app (Contents/Frameworks/tesseract),
#            where PyInstaller rewrites its dylib paths, copies the dylibs and signs it all.
#   Windows: packaging/stage-tesseract.sh DIR  after PyInstaller: the UB-Mannheim build
#            (C:\Program Files\Tesseract-OCR, as `choco install tesseract` puts it) into
#            DIR/tesseract/ (tesseract.exe with its DLLs beside it; DIR is dist/imagehq-ocr).
set -euo pipefail
cd "$(dirname "$0")/.."

copy_data() {  # SOURCE_TESSDATA DEST_TESSDATA
  mkdir -p "$2"
  for f in eng.traineddata osd.traineddata; do
    [[ -f "$1/$f" ]] || { echo "stage-tesseract: $1/$f is missing" >&2; exit 1; }
    cp "$1/$f" "$2/"
  done
  for d in configs tessconfigs; do [[ -d "$1/$d" ]] && cp -R "$1/$d" "$2/"; done
  return 0
}

case "$(uname -s)" in
  Darwin)
    prefix=$(brew --prefix)
    out=build/tesseract
    rm -rf "$out"
    mkdir -p "$out/licenses"
    cp -L "$prefix/bin/tesseract" "$out/tesseract"
    copy_data "$prefix/share/tessdata" "$out/tessdata"
    # Tesseract (Apache-2.0) and each Homebrew formula whose library it loads.
    for formula in tesseract $(brew deps --installed tesseract); do
      for f in "$(brew --prefix "$formula")"/{LICENSE,LICENSE.txt,COPYING,COPYRIGHT}*; do
        [[ -f "$f" ]] && cp "$f" "$out/licenses/$formula-$(basename "$f")"
      done
    done
    brew deps --installed tesseract > "$out/licenses/formulae.txt"
    ;;
  MINGW*|MSYS*|CYGWIN*)
    dest=${1:?usage: stage-tesseract.sh DIST_DIR}/tesseract
    src="/c/Program Files/Tesseract-OCR"
    [[ -x "$src/tesseract.exe" ]] || { echo "stage-tesseract: no $src/tesseract.exe" >&2; exit 1; }
    rm -rf "$dest"
    mkdir -p "$dest/licenses"
    cp "$src/tesseract.exe" "$src"/*.dll "$dest/"
    copy_data "$src/tessdata" "$dest/tessdata"
    for f in "$src"/doc/* "$src"/LICENSE* "$src"/COPYING*; do
      [[ -f "$f" ]] && cp "$f" "$dest/licenses/"
    done
    ;;
  *)
    echo "stage-tesseract: for macOS and Windows; Linux uses packaging/bundle-tesseract.sh" >&2
    exit 2 ;;
esac
echo "stage-tesseract: done"
