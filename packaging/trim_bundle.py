"""Strips the debug and symbol sections from every ELF file of a bundle, safely.

    python3 packaging/trim_bundle.py DIR      (make package: dist/imagehq-ocr; build-deb.sh: the
                                               package tree's copy)

``strip --strip-unneeded`` (binutils) is run on a copy of each file; the copy replaces the file
only when what the loader maps (the PT_LOAD and PT_DYNAMIC program headers: addresses, sizes,
alignment) is unchanged and each loaded segment stays aligned. binutils fails that on libraries
patchelf edited (the wheels' vendored ``*.libs/`` and the extension modules auditwheel rewrote):
it drops the segments patchelf appended and leaves "ELF load command address/offset not
page-aligned" behind. ``llvm-strip`` (package llvm) keeps them: it is tried next, under the same
check. What neither strips safely stays as shipped (numpy's OpenBLAS). The PyInstaller
bootloaders (``imagehq-ocr``, ``imagehq-ocr-cli``) stay as built: their archive is part of them.
Prints what it saved.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import elf

BOOTLOADERS = {"imagehq-ocr", "imagehq-ocr-cli"}


def _shape(path: Path) -> list[tuple[int, int, int, int, int]]:
    return [
        (t, vaddr, filesz, memsz, align)
        for t, _o, vaddr, filesz, memsz, align in elf.loaded_layout(path)
    ]


def _aligned(path: Path) -> bool:
    return all(
        (vaddr - off) % max(align, 1) == 0
        for t, off, vaddr, _fs, _ms, align in elf.loaded_layout(path)
        if t == elf.PT_LOAD
    )


def strip_safely(path: Path, strip: str = "strip") -> int:
    """Strips ``path`` in place when that leaves the loaded image as it was; the bytes saved
    (0 when it was left alone)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        shutil.copy2(path, copy)
        run = subprocess.run([strip, "--strip-unneeded", str(copy)], capture_output=True)
        if run.returncode != 0:
            return 0
        try:
            same = _shape(copy) == _shape(path) and _aligned(copy)
        except (OSError, ValueError):
            same = False
        saved = path.stat().st_size - copy.stat().st_size
        if not same or saved <= 0:
            return 0
        mode = path.stat().st_mode
        shutil.copyfile(copy, path)
        os.chmod(path, mode)
        return saved


def elf_files(root: Path) -> list[Path]:
    """Every regular ELF file under ``root`` but the bootloaders at its top."""
    out = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink() or (path.parent == root and name in BOOTLOADERS):
                continue
            if elf.is_elf(path):
                out.append(path)
    return sorted(out)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    tools = [t for t in (shutil.which("strip"), shutil.which("llvm-strip")) if t]
    if not tools:
        print("trim_bundle: strip (binutils) is not installed; nothing stripped", file=sys.stderr)
        return 1
    root = Path(argv[0])
    files = elf_files(root)
    saved = done = 0
    for path in files:
        for tool in tools:
            gained = strip_safely(path, tool)
            if gained:
                saved += gained
                done += 1
                break
    print(
        f"trim_bundle: stripped {done} of {len(files)} ELF files in {root} with "
        f"{' and '.join(Path(t).name for t in tools)}, {saved / 2**20:.1f} MiB saved "
        "(the others had no symbols to lose or could not be stripped safely)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
