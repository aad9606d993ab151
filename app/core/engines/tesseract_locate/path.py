"""``tesseract`` on PATH (Linux packages, a Homebrew shell, a Windows PATH entry)."""

from __future__ import annotations

import shutil
from pathlib import Path

NAME = "path"
WHERE = "PATH"


def is_compatible() -> bool:
    return True


def executable() -> Path | None:
    found = shutil.which("tesseract")
    return Path(found) if found else None


def is_installed() -> bool:
    return executable() is not None
