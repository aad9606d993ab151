"""Says once that closing the window keeps the app running in the tray."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon

from app import settings as S

NOTICE_MS = 6000


def notice_text() -> tuple[str, str]:
    title = QCoreApplication.translate("TrayNotice", "ImageHQ OCR is still running")
    body = QCoreApplication.translate(
        "TrayNotice",
        "Closing the window keeps ImageHQ OCR in the tray, so the capture hotkey still works. "
        "Quit from the tray menu or with Ctrl+Q; Settings can turn this off.",
    )
    return title, body


def tell_once(settings: Any, tray: Any) -> bool:
    """Shows the notice on the tray icon the first time only; True when it was shown."""
    if bool(S.get(settings, S.TRAY_NOTICE_SHOWN)) or tray is None:
        return False
    title, body = notice_text()
    tray.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, NOTICE_MS)
    settings.setValue(S.TRAY_NOTICE_SHOWN, True)
    settings.sync()
    return True
