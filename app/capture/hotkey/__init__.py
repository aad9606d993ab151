"""A global hotkey that works while the app is minimised or in the tray.

Backends, tried in order: ``portal`` (xdg-desktop-portal GlobalShortcuts over jeepney: Wayland
sessions, XWayland included), ``x11`` (python-xlib XGrabKey on the root window),
``pynput_backend`` (Windows, macOS).
A combination taken by another program raises HotkeyError with a message naming it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from app.capture.backends import describe, usable, wayland_session
from app.capture.errors import HotkeyError
from app.capture.hotkey import portal, pynput_backend, x11

log = logging.getLogger(__name__)
BACKENDS = (portal, x11, pynput_backend)

MODIFIERS = {"ctrl": "ctrl", "control": "ctrl", "alt": "alt", "shift": "shift", "meta": "meta"}
MODIFIER_ORDER = ("ctrl", "alt", "shift", "meta")

WAYLAND_HINT = (
    "On Wayland without the GlobalShortcuts portal, bind the command `imagehq-ocr capture` to a "
    "keyboard shortcut in your desktop's settings (GNOME: Settings → Keyboard → Custom Shortcuts; "
    "KDE: System Settings → Shortcuts → Custom Shortcuts)."
)


class Hotkey(Protocol):
    sequence: str
    backend: str

    def stop(self) -> None: ...


def parse_sequence(text: str) -> tuple[tuple[str, ...], str]:
    """``"Ctrl+Alt+O"`` (QKeySequence portable text) → (("ctrl", "alt"), "O").
    Raises HotkeyError for an empty sequence or one without a key."""
    parts = [p.strip() for p in str(text or "").replace(" ", "").split("+")]
    if text and str(text).strip().endswith("++"):  # "Ctrl++" means Ctrl and the plus key
        parts = [*parts[:-2], "+"]
    mods: set[str] = set()
    key = ""
    for part in parts:
        if not part:
            continue
        low = part.lower()
        if low in MODIFIERS:
            mods.add(MODIFIERS[low])
        elif key:
            raise HotkeyError(f"'{text}' has more than one key; use modifiers + one key")
        else:
            key = part
    if not key:
        raise HotkeyError(f"'{text}' is not a key combination (e.g. Ctrl+Alt+O)")
    return tuple(m for m in MODIFIER_ORDER if m in mods), key


def register(
    sequence: str,
    callback: Callable[[], None],
    on_error: Callable[[str], None] | None = None,
) -> Hotkey:
    """Installs the hotkey with the first backend that works; ``callback`` is called from a
    background thread. Raises HotkeyError with a readable message otherwise; ``on_error`` (also
    from a thread) reports a failure found later, e.g. the portal's user refusing."""
    parse_sequence(sequence)
    errors = []
    for backend in usable(BACKENDS):
        try:
            return backend.register(sequence, callback, on_error)  # type: ignore[attr-defined, no-any-return]
        except HotkeyError as err:
            log.warning("hotkey backend %s: %s", backend.NAME, err)
            errors.append(str(err))
        except Exception as err:  # a backend bug must not stop the app from starting
            log.exception("hotkey backend %s crashed", backend.NAME)
            errors.append(f"{backend.NAME} failed: {err.__class__.__name__}: {err}")
    fallback = f"no global hotkey support here ({describe(BACKENDS)})"
    message = errors[0] if errors else fallback
    if wayland_session():
        message += ". " + WAYLAND_HINT
    raise HotkeyError(message)
