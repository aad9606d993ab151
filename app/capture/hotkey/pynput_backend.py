"""pynput global hotkey (Windows, macOS). pynput listens rather than grabs, so a combination
used elsewhere cannot be detected as taken; macOS asks for the Accessibility permission."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from app.capture.errors import HotkeyError

NAME = "pynput"
_NAMES = {"ctrl": "<ctrl>", "alt": "<alt>", "shift": "<shift>", "meta": "<cmd>"}


def is_compatible() -> bool:
    return sys.platform in ("win32", "darwin")


def is_installed() -> bool:
    try:
        import pynput  # noqa: F401
    except ImportError:
        return False
    return True


def pynput_combo(sequence: str) -> str:
    from app.capture.hotkey import parse_sequence

    mods, key = parse_sequence(sequence)
    k = key.lower() if len(key) == 1 else f"<{key.lower()}>"
    return "+".join([*(_NAMES[m] for m in mods), k])


class PynputHotkey:
    def __init__(self, sequence: str, callback: Callable[[], None]) -> None:
        from pynput import keyboard

        self.sequence, self.backend = sequence, NAME
        try:
            self._listener: Any = keyboard.GlobalHotKeys({pynput_combo(sequence): callback})
            self._listener.start()
        except Exception as err:
            raise HotkeyError(f"cannot install the hotkey {sequence}: {err}") from err

    def stop(self) -> None:
        self._listener.stop()


def register(
    sequence: str, callback: Callable[[], None], on_error: Callable[[str], None] | None = None
) -> PynputHotkey:
    return PynputHotkey(sequence, callback)
