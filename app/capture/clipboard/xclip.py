"""``xclip -selection clipboard``: forks and serves the X11 clipboard after we exit."""

from __future__ import annotations

from app.capture.backends import has_command, is_x11
from app.capture.clipboard._command import feed

NAME = "xclip"


def is_compatible() -> bool:
    return is_x11()


def is_installed() -> bool:
    return has_command("xclip")


def copy(text: str) -> None:
    feed(["xclip", "-selection", "clipboard", "-i"], text)
