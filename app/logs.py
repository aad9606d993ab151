"""Logging to a rotating file in the log dir: diagnostics for bug reports, never tracebacks on
a user's terminal."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.core.errors import StorageError
from app.paths import PRIVATE_FILE, log_dir, make_private

LOG_NAME = "imagehq-ocr.log"
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _OneLine(logging.Formatter):
    """Console records without tracebacks: those go to the file only."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        return text.splitlines()[0] if text else text


class _PrivateFileHandler(RotatingFileHandler):
    """The log file and its rotated copies are the user's alone (0600)."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        make_private(Path(self.baseFilename))
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(console_level: int | None = None) -> Path | None:
    """Sends every record of INFO and above to the log file; with ``console_level``, records
    of that level and above also go to stderr as one line each (window, server, capture).

    Returns the log file, or None when it cannot be written (an unwritable home: the entry
    point then says so itself). A log write that fails later (disk full) is dropped, never
    printed as a traceback."""
    logging.raiseExceptions = False
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        path: Path | None = log_dir() / LOG_NAME
        if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
            handler = _PrivateFileHandler(
                str(path), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter(_FORMAT))
            root.addHandler(handler)
    except (OSError, StorageError):
        path = None
    if console_level is not None:
        console = logging.StreamHandler()
        console.setLevel(console_level)
        console.setFormatter(_OneLine())
        root.addHandler(console)
    return path
