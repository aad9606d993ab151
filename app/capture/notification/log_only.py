"""Fallback: the message goes to the log."""

from __future__ import annotations

import logging

NAME = "log"
log = logging.getLogger("app.capture.notification")


def is_compatible() -> bool:
    return True


def is_installed() -> bool:
    return True


def show(title: str, message: str, error: bool) -> None:
    (log.warning if error else log.info)("%s: %s", title, message)
