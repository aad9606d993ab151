"""libnotify's ``notify-send`` (Linux desktops, when there is no tray icon)."""

from __future__ import annotations

import os
import subprocess
import sys

from app.capture.backends import has_command

NAME = "notify-send"


def is_compatible() -> bool:
    return sys.platform.startswith("linux") and bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))


def is_installed() -> bool:
    return has_command("notify-send")


def show(title: str, message: str, error: bool) -> None:
    urgency = "critical" if error else "normal"
    subprocess.Popen(
        ["notify-send", "-a", "ImageHQ OCR", "-u", urgency, title, message],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
