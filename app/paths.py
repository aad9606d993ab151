"""Where the app keeps its files.

When ``IMAGEHQ_OCR_HOME`` is set, everything goes below it (tests and benchmarks always set it);
otherwise the platformdirs locations for the user are used.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

from app import APP_ID

HOME_ENV = "IMAGEHQ_OCR_HOME"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_ID, appauthor=False)


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Store (SQLite + job files)."""
    home = _home()
    return _ensure(home / "data" if home else Path(_dirs().user_data_dir))


def config_dir() -> Path:
    """Settings and the API token."""
    home = _home()
    return _ensure(home / "config" if home else Path(_dirs().user_config_dir))


def log_dir() -> Path:
    home = _home()
    return _ensure(home / "logs" if home else Path(_dirs().user_log_dir))


def runtime_dir() -> Path:
    """Sockets and lock files."""
    home = _home()
    if home:
        return _ensure(home / "run")
    return _ensure(Path(_dirs().user_runtime_dir))
