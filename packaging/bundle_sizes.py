"""What each component takes in a PyInstaller bundle: a Markdown table (MiB, share, and with
``--compressed`` each component's files gzip-compressed one by one, which comes within a few
per cent of its share of the tar.gz).

    python3 packaging/bundle_sizes.py [--compressed] [DIR]        (default dist/imagehq-ocr)

The last rows are the whole bundle and the part without the second engine's stack (OpenCV,
onnxruntime, numpy, RapidOCR with its models and helpers, the built PP-OCR models): the two
numbers issue 11 sets targets for. A symbolic link counts nothing (it points into the bundle).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import zlib
from pathlib import Path

#: (component, second engine's stack?, path patterns relative to the bundle); the first match wins.
COMPONENTS: list[tuple[str, bool, tuple[str, ...]]] = [
    ("Qt: ICU (data and libraries)", False, ("_internal/PySide6/Qt/lib/libicu*",)),
    ("Qt: libraries", False, ("_internal/PySide6/Qt/lib/*",)),
    ("Qt: plug-ins", False, ("_internal/PySide6/Qt/plugins/*",)),
    ("Qt: translations", False, ("_internal/PySide6/Qt/translations/*",)),
    ("PySide6/Shiboken bindings", False, ("_internal/PySide6/*", "_internal/shiboken6/*")),
    ("OpenCV: cv2 module", True, ("_internal/cv2/*",)),
    (
        "OpenCV: FFmpeg, AV1/VP9, AVIF libraries",
        True,
        tuple(
            f"_internal/opencv_python_headless.libs/{p}*"
            for p in ("libav", "libsw", "libaom", "libvpx", "libdav1d")
        ),
    ),
    (
        "OpenCV: OpenBLAS, gfortran, quadmath, png",
        True,
        ("_internal/opencv_python_headless.libs/*",),
    ),
    ("onnxruntime", True, ("_internal/onnxruntime/*",)),
    (
        "numpy (with its OpenBLAS)",
        True,
        ("_internal/numpy/*", "_internal/numpy.libs/*", "_internal/numpy-*"),
    ),
    ("RapidOCR: PP-OCRv6 models of the wheel", True, ("_internal/rapidocr/models/*",)),
    ("RapidOCR: code and configs", True, ("_internal/rapidocr/*", "_internal/rapidocr-*")),
    ("PP-OCR models built by make models", True, ("_internal/app/models/*",)),
    (
        "RapidOCR's helpers (shapely+GEOS, pyclipper, PyYAML)",
        True,
        (
            "_internal/shapely/*",
            "_internal/shapely.libs/*",
            "_internal/pyclipper/*",
            "_internal/yaml/*",
            "_internal/shapely-*",
            "_internal/pyclipper-*",
        ),
    ),
    (
        "tesserocr (libtesseract 5.5 and its libraries)",
        False,
        ("_internal/tesserocr/*", "_internal/tesserocr.libs/*", "_internal/tesserocr-*"),
    ),
    (
        "Tesseract command: binary and libraries",
        False,
        ("tesseract/bin/*", "tesseract/lib/*", "tesseract/tesseract"),
    ),
    ("Tesseract data (eng, osd, configs) and licences", False, ("tesseract/*",)),
    ("Pillow (with its libraries)", False, ("_internal/PIL/*", "_internal/pillow.libs/*")),
    ("pypdfium2 (PDFium)", False, ("_internal/pypdfium2*",)),
    (
        "Python: libpython, extension modules, stdlib",
        False,
        ("_internal/libpython*", "_internal/python3*", "_internal/base_library.zip"),
    ),
    (
        "executables (bootloader and every pure-Python module)",
        False,
        ("imagehq-ocr", "imagehq-ocr-cli*", "imagehq-ocr.exe"),
    ),
    ("system libraries (X11/xcb, fontconfig, D-Bus, OpenSSL, …)", False, ("_internal/lib*",)),
    ("other Python packages (pydantic, fontTools, zxing-cpp, …)", False, ("*",)),
]


def component(rel: str) -> int:
    for i, (_name, _engine2, patterns) in enumerate(COMPONENTS):
        if any(fnmatch.fnmatch(rel, p) for p in patterns):
            return i
    return len(COMPONENTS) - 1


def gz_size(path: Path) -> int:
    comp = zlib.compressobj(6)
    total = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            total += len(comp.compress(chunk))
    return total + len(comp.flush())


def measure(root: Path, compressed: bool) -> list[tuple[int, int]]:
    sizes = [(0, 0)] * len(COMPONENTS)
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            i = component(path.relative_to(root).as_posix())
            raw, gz = sizes[i]
            sizes[i] = (raw + path.stat().st_size, gz + (gz_size(path) if compressed else 0))
    return sizes


def table(root: Path, compressed: bool) -> str:
    sizes = measure(root, compressed)
    total = sum(raw for raw, _ in sizes) or 1
    head = "| component | MiB | share |" + (" gz MiB |" if compressed else "")
    rows = [head, "|---|---:|---:|" + ("---:|" if compressed else "")]

    def row(name: str, raw: int, gz: int, bold: bool = False) -> str:
        mark = "**" if bold else ""
        share = f"{100 * raw / total:.0f} %"
        cells = [f"{mark}{name}{mark}", f"{mark}{raw / 2**20:.1f}{mark}", share]
        if compressed:
            cells.append(f"{mark}{gz / 2**20:.1f}{mark}")
        return "| " + " | ".join(cells) + " |"

    for (name, engine2, _), (raw, gz) in zip(COMPONENTS, sizes, strict=True):
        if raw:
            rows.append(row(name + (" ¹" if engine2 else ""), raw, gz))
    base = [s for (_, engine2, _), s in zip(COMPONENTS, sizes, strict=True) if not engine2]
    rows.append(row("whole bundle", total, sum(gz for _, gz in sizes), True))
    rows.append(
        row(
            "without the second engine's stack (¹)",
            sum(r for r, _ in base),
            sum(g for _, g in base),
            True,
        )
    )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default="dist/imagehq-ocr", type=Path)
    parser.add_argument(
        "--compressed",
        action="store_true",
        help="add each component's gzip-compressed size (slower)",
    )
    args = parser.parse_args()
    if not args.bundle.is_dir():
        parser.error(f"no bundle in {args.bundle}: run make package")
    print(table(args.bundle, args.compressed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
