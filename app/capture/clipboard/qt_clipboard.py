"""QClipboard: the running app owns the clipboard content."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication

from app.capture import backends
from app.capture.errors import ClipboardError

NAME = "qt"


def is_compatible() -> bool:
    return QGuiApplication.instance() is not None and backends.platform_name() != "offscreen"


def is_installed() -> bool:
    return True


def persists() -> bool:
    """Whether the text stays after this process exits (the OS keeps a copy)."""
    return backends.platform_name() in ("windows", "cocoa")


def copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        raise ClipboardError("no clipboard")
    clipboard.setText(text, QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText(text, QClipboard.Mode.Selection)
