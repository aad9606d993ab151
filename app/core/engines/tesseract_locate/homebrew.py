"""macOS: Homebrew's prefixes (Apple silicon, Intel); apps started from Finder lack them on
PATH."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "homebrew"
PREFIXES = (Path("/opt/homebrew/bin"), Path("/usr/local/bin"))
WHERE = "/opt/homebrew/bin, /usr/local/bin"


def is_compatible() -> bool:
    return sys.platform == "darwin"


def executable() -> Path | None:
    from app.core.engines.tesseract_locate import runnable

    return next((p / "tesseract" for p in PREFIXES if runnable(p / "tesseract")), None)


def is_installed() -> bool:
    return executable() is not None
