"""Where the app keeps its files.

When ``IMAGEHQ_OCR_HOME`` is set, everything goes below it (tests and benchmarks always set it);
otherwise the platformdirs locations for the user are used. The app's folders are private to
the user (0700; the files in them 0600): recognised text and images are nobody else's business.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import PlatformDirs

from app import APP_ID
from app.core.errors import StorageError

HOME_ENV = "IMAGEHQ_OCR_HOME"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_ID, appauthor=False)


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def make_private(path: Path) -> None:
    """Takes the group's and others' permissions off one of the app's folders or files (best
    effort: a file of another user stays as it is)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except OSError:
        pass


def _ensure(path: Path) -> Path:
    """Creates one of the app's folders (0700), or raises StorageError naming it."""
    try:
        home = _home()
        if home is not None and not home.exists():
            home.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    except OSError as exc:
        raise StorageError(
            f"cannot create the folder {path}: {exc.strerror or exc}; make it writable or set "
            f"{HOME_ENV} to a folder you can write to"
        ) from None
    make_private(path)
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
