"""The Tesseract the user configured: ``IMAGEHQ_OCR_TESSERACT`` (a path, or a command on PATH)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

NAME = "configured"
ENV = "IMAGEHQ_OCR_TESSERACT"
WHERE = f"${ENV}"


def is_compatible() -> bool:
    return bool(os.environ.get(ENV))


def executable() -> Path | None:
    value = os.environ.get(ENV, "")
    found = shutil.which(value) if value else None
    return Path(found) if found else None


def is_installed() -> bool:
    return executable() is not None
