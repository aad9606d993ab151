"""``wl-copy`` (wl-clipboard): forks and serves the Wayland clipboard after we exit."""

from __future__ import annotations

from app.capture.backends import has_command, is_wayland
from app.capture.clipboard._command import feed

NAME = "wl-copy"


def is_compatible() -> bool:
    return is_wayland()


def is_installed() -> bool:
    return has_command("wl-copy")


def copy(text: str) -> None:
    feed(["wl-copy", "--type", "text/plain;charset=utf-8"], text)
