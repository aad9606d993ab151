"""``xsel --clipboard --input``: like xclip."""

from __future__ import annotations

from app.capture.backends import has_command, is_x11
from app.capture.clipboard._command import feed

NAME = "xsel"


def is_compatible() -> bool:
    return is_x11()


def is_installed() -> bool:
    return has_command("xsel")


def copy(text: str) -> None:
    feed(["xsel", "--clipboard", "--input"], text)
