"""The backend pattern shared by screenshot, clipboard, hotkey and notification."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Protocol, cast


class Backend(Protocol):
    NAME: str

    def is_compatible(self) -> bool: ...

    def is_installed(self) -> bool: ...


def platform_name() -> str:
    """The Qt platform plugin in use ("xcb", "wayland", "windows", "cocoa", "offscreen"), or a
    guess from the environment when no Qt GUI application exists yet."""
    try:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is not None:
            return QGuiApplication.platformName().lower()
    except ImportError:  # pragma: no cover
        pass
    forced = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].lower()
    if forced:
        return forced
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb" if os.environ.get("DISPLAY") else ""


def is_x11() -> bool:
    return platform_name() == "xcb"


def is_wayland() -> bool:
    name = platform_name()
    return name.startswith("wayland") or (
        name not in ("xcb", "windows", "cocoa") and bool(os.environ.get("WAYLAND_DISPLAY"))
    )


def wayland_session() -> bool:
    """A Wayland desktop, even when Qt talks X11 to XWayland (where X11 screenshots and key
    grabs only see X11 windows, so the portals come first)."""
    return (
        is_wayland()
        or bool(os.environ.get("WAYLAND_DISPLAY"))
        or os.environ.get("XDG_SESSION_TYPE", "").lower() == "wayland"
    )


def has_command(name: str) -> bool:
    return shutil.which(name) is not None


def usable(modules: Sequence[ModuleType]) -> list[Backend]:
    """Backends that fit this session and are installed, in the given order."""
    out = []
    for module in modules:
        backend = cast(Backend, module)
        if backend.is_compatible() and backend.is_installed():
            out.append(backend)
    return out


def describe(modules: Sequence[ModuleType]) -> str:
    """One line per backend: why it can't be used (for the 'none works' message)."""
    parts = []
    for module in modules:
        backend = cast(Backend, module)
        if not backend.is_compatible():
            parts.append(
                f"{backend.NAME}: not for this session ({platform_name() or 'no display'})"
            )
        elif not backend.is_installed():
            parts.append(f"{backend.NAME}: not installed")
    return "; ".join(parts)
