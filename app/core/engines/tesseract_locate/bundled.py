"""The Tesseract shipped inside a frozen build: ``tesseract/`` next to the executable (the Linux
tarball, Windows), or in the bundle's own folder (macOS: ``Contents/Frameworks/tesseract`` of the
.app, where PyInstaller signs it), with its ``tessdata/`` (eng and osd)."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "bundled"
WHERE = "the app's own folder"
EXE_NAME = "tesseract.exe" if sys.platform == "win32" else "tesseract"


def folders() -> list[Path]:
    out = [Path(sys.executable).resolve().parent / "tesseract"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        out.append(Path(bundle) / "tesseract")
    return out


def folder() -> Path:
    """The first of ``folders()`` that holds the executable (else the first)."""
    found = [f for f in folders() if (f / EXE_NAME).is_file()]
    return (found or folders())[0]


def is_compatible() -> bool:
    return bool(getattr(sys, "frozen", False))


def executable() -> Path | None:
    from app.core.engines.tesseract_locate import runnable

    exe = folder() / EXE_NAME
    return exe if runnable(exe) else None


def tessdata() -> Path | None:
    data = folder() / "tessdata"
    return data if data.is_dir() else None


def is_installed() -> bool:
    return executable() is not None
