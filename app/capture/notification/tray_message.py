"""The running app's tray icon balloon."""

from __future__ import annotations

from typing import Any

NAME = "tray"
TRAY: Any = None  # the QSystemTrayIcon, set by the desktop integration


def is_compatible() -> bool:
    return TRAY is not None and TRAY.isVisible()


def is_installed() -> bool:
    return bool(TRAY is not None and TRAY.supportsMessages())


def show(title: str, message: str, error: bool) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    icon = QSystemTrayIcon.MessageIcon.Warning if error else QSystemTrayIcon.MessageIcon.Information
    TRAY.showMessage(title, message, icon, 4000)
