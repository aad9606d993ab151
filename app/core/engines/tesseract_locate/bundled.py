"""The Tesseract shipped inside a frozen build: ``tesseract/`` next to the executable, with its
``tessdata/`` (eng and osd)."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "bundled"
WHERE = "the app's own folder"


def folder() -> Path:
    return Path(sys.executable).resolve().parent / "tesseract"


def is_compatible() -> bool:
    return bool(getattr(sys, "frozen", False))


def executable() -> Path | None:
    from app.core.engines.tesseract_locate import runnable

    name = "tesseract.exe" if sys.platform == "win32" else "tesseract"
    exe = folder() / name
    return exe if runnable(exe) else None


def tessdata() -> Path | None:
    data = folder() / "tessdata"
    return data if data.is_dir() else None


def is_installed() -> bool:
    return executable() is not None
