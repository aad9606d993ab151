"""Short desktop notifications ("Copied: first words…").

Backends, tried in order: ``tray_message`` (QSystemTrayIcon.showMessage of the running app's
tray icon), ``notify_send`` (libnotify's command, for the CLI without a running app),
``log_only`` (always works: the log file).
"""

from __future__ import annotations

import logging
from typing import Any

from app.capture.backends import usable
from app.capture.notification import log_only, notify_send, tray_message

log = logging.getLogger(__name__)
BACKENDS = (tray_message, notify_send, log_only)


def set_tray(tray: Any) -> None:
    tray_message.TRAY = tray


def first_words(text: str, limit: int = 80) -> str:
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0] + "…"


def notify(title: str, message: str, *, error: bool = False) -> str:
    """Shows the notification with the first backend that works; returns its name."""
    for backend in usable(BACKENDS):
        try:
            backend.show(title, message, error)  # type: ignore[attr-defined]
            return backend.NAME
        except Exception:
            log.exception("notification backend %s failed", backend.NAME)
    return "none"
