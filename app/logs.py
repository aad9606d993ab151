"""Logging to a rotating file in the log dir: diagnostics for bug reports, never tracebacks on
a user's terminal."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from app.core.errors import StorageError
from app.paths import PRIVATE_FILE, log_dir, make_private

LOG_NAME = "imagehq-ocr.log"
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _OneLine(logging.Formatter):
    """Console records without tracebacks: those go to the file only."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        return text.splitlines()[0] if text else text


def _private_file_handler(path: Path) -> logging.Handler:
    """A rotating handler whose file and rotated copies are the user's alone (0600).
    (``logging.handlers`` loads here: its imports cost a one-image ``extract`` about 6 ms.)"""
    from logging.handlers import RotatingFileHandler

    class PrivateFileHandler(RotatingFileHandler):
        def _open(self) -> Any:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
            make_private(Path(self.baseFilename))
            return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    return PrivateFileHandler(str(path), maxBytes=1_000_000, backupCount=3, encoding="utf-8")


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
        file = log_dir() / LOG_NAME
        path: Path | None = file
        if not any(getattr(h, "baseFilename", None) == str(file) for h in root.handlers):
            handler = _private_file_handler(file)
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
