"""Logging to a rotating file in the log dir: diagnostics for bug reports, never tracebacks on
a user's terminal."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.paths import log_dir

LOG_NAME = "imagehq-ocr.log"
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _OneLine(logging.Formatter):
    """Console records without tracebacks: those go to the file only."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        return text.splitlines()[0] if text else text


def setup_logging(console_level: int | None = None) -> Path:
    """Sends every record of INFO and above to the log file; with ``console_level``, records
    of that level and above also go to stderr as one line each (window, server, capture)."""
    path = log_dir() / LOG_NAME
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    if console_level is not None:
        console = logging.StreamHandler()
        console.setLevel(console_level)
        console.setFormatter(_OneLine())
        root.addHandler(console)
    root.setLevel(logging.INFO)
    return path
