"""Windows: where the UB-Mannheim installer puts Tesseract (it does not add it to PATH)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NAME = "program_files"
WHERE = r"Program Files\Tesseract-OCR"


def candidates() -> list[Path]:
    roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    local = os.environ.get("LOCALAPPDATA")
    out = [Path(r) / "Tesseract-OCR" / "tesseract.exe" for r in roots if r]
    if local:
        out.append(Path(local) / "Programs" / "Tesseract-OCR" / "tesseract.exe")
    return out


def is_compatible() -> bool:
    return sys.platform == "win32"


def executable() -> Path | None:
    from app.core.engines.tesseract_locate import runnable

    return next((c for c in candidates() if runnable(c)), None)


def is_installed() -> bool:
    return executable() is not None
