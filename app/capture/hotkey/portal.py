"""xdg-desktop-portal GlobalShortcuts (Wayland): not implemented yet.

The portal needs a session (CreateSession), BindShortcuts with an ``a(sa{sv})`` argument and the
``Activated`` signal; PySide6's QtDBus cannot marshal that structure from Python without custom
QDBusArgument types, and there is no portal here to test against. Until then this backend
reports itself unavailable and users bind ``imagehq-ocr capture`` to a desktop shortcut (the
running app answers it over its single-instance socket)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.capture.backends import is_wayland
from app.capture.errors import HotkeyError

NAME = "xdg-desktop-portal GlobalShortcuts"


def is_compatible() -> bool:
    return is_wayland()


def is_installed() -> bool:
    return False


def register(sequence: str, callback: Callable[[], None]) -> Any:
    raise HotkeyError("the GlobalShortcuts portal is not supported yet")
