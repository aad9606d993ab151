"""Compiles the Qt Linguist translations (i18n/*.ts → app/i18n/*.qm) with pyside6-lrelease.

Run by ``make run``/``make test``; the .qm files are build output and not committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "i18n"
DEST = Path(__file__).resolve().parent / "i18n"


def lrelease() -> str | None:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return exe if Path(exe).exists() or shutil.which(exe) else None


def main() -> int:
    sources = sorted(SRC.glob("*.ts"))
    if not sources:
        return 0
    tool = lrelease()
    if tool is None:
        print("pyside6-lrelease not found; translations not built", file=sys.stderr)
        return 0
    DEST.mkdir(exist_ok=True)
    for ts in sources:
        qm = DEST / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
