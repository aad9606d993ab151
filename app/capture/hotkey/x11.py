"""X11 global hotkey: XGrabKey on the root window (python-xlib), read in a thread.

The key is grabbed with every NumLock/CapsLock variant of the modifiers. XGrabKey fails with
BadAccess when another client holds the combination: that is reported, never swallowed. The
callback fires on key *release*, so the keyboard is free again when the overlay opens.
"""

from __future__ import annotations

import logging
import os
import select
import threading
from collections.abc import Callable
from typing import Any

from app.capture.backends import is_x11, wayland_session
from app.capture.errors import HotkeyError

log = logging.getLogger(__name__)
NAME = "x11"

# Qt key names that differ from X keysym names.
_KEYSYMS = {
    "esc": "Escape",
    "escape": "Escape",
    "return": "Return",
    "enter": "KP_Enter",
    "space": "space",
    "tab": "Tab",
    "backspace": "BackSpace",
    "del": "Delete",
    "delete": "Delete",
    "ins": "Insert",
    "insert": "Insert",
    "pgup": "Prior",
    "pgdown": "Next",
    "home": "Home",
    "end": "End",
    "left": "Left",
    "right": "Right",
    "up": "Up",
    "down": "Down",
    "print": "Print",
    "pause": "Pause",
    "+": "plus",
    "-": "minus",
    "=": "equal",
    ",": "comma",
    ".": "period",
    "/": "slash",
    ";": "semicolon",
}


def is_compatible() -> bool:
    # Under XWayland a grab only sees keys while an X11 window has the focus: not global.
    return is_x11() and bool(os.environ.get("DISPLAY")) and not wayland_session()


def is_installed() -> bool:
    try:
        import Xlib.display  # noqa: F401
    except ImportError:
        return False
    return True


def keysym_name(key: str) -> str:
    if len(key) == 1 and key.isalpha():
        return key.lower()
    return _KEYSYMS.get(key.lower(), key)


class X11Hotkey:
    def __init__(
        self, sequence: str, callback: Callable[[], None], display_name: str | None = None
    ) -> None:
        from Xlib import XK, X, display, error

        from app.capture.hotkey import parse_sequence

        self.sequence, self.backend = sequence, NAME
        mods, key = parse_sequence(sequence)
        try:
            self._display: Any = display.Display(display_name)
        except Exception as err:  # Xlib raises several kinds for a missing display
            raise HotkeyError(f"cannot open the X display: {err}") from err
        d = self._display
        self._root = d.screen().root
        keysym = XK.string_to_keysym(keysym_name(key))
        self._keycode = d.keysym_to_keycode(keysym) if keysym else 0
        if not self._keycode:
            d.close()
            raise HotkeyError(f"'{key}' is not a key on this keyboard (hotkey {sequence})")
        bits = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "meta": X.Mod4Mask}
        self._mask = 0
        for m in mods:
            self._mask |= bits[m]
        numlock = self._numlock_mask()
        self._variants = sorted({0, X.LockMask, numlock, numlock | X.LockMask})
        catch = error.CatchError(error.BadAccess)
        for extra in self._variants:
            self._root.grab_key(
                self._keycode,
                self._mask | extra,
                True,
                X.GrabModeAsync,
                X.GrabModeAsync,
                onerror=catch,
            )
        d.sync()
        if catch.get_error() is not None:
            self._ungrab()
            d.close()
            raise HotkeyError(
                f"the hotkey {sequence} is already taken by another application; "
                "choose another one in Settings"
            )
        self._callback = callback
        self._wake_r, self._wake_w = os.pipe()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="x11-hotkey", daemon=True)
        self._thread.start()
        log.info("hotkey %s grabbed on X11 (keycode %s)", sequence, self._keycode)

    def _numlock_mask(self) -> int:
        from Xlib import XK

        d = self._display
        numlock = d.keysym_to_keycode(XK.string_to_keysym("Num_Lock"))
        for index, codes in enumerate(d.get_modifier_mapping()):
            if numlock and numlock in codes:
                return int(1 << index)
        return 1 << 4  # Mod2, the usual place

    def _ungrab(self) -> None:
        for extra in self._variants:
            self._root.ungrab_key(self._keycode, self._mask | extra)
        self._display.sync()

    def _loop(self) -> None:
        from Xlib import X

        d = self._display
        try:
            while not self._stopping.is_set():
                ready, _, _ = select.select([d.fileno(), self._wake_r], [], [], 5.0)
                if self._wake_r in ready:
                    break
                while d.pending_events():
                    event = d.next_event()
                    if event.type == X.KeyRelease and event.detail == self._keycode:
                        if self._is_autorepeat(event):
                            continue
                        try:
                            self._callback()
                        except Exception:  # the thread must survive a bad callback
                            log.exception("hotkey callback failed")
        except Exception:
            log.exception("X11 hotkey thread stopped")
        finally:
            try:
                self._ungrab()
                d.close()
            except Exception:
                pass
            os.close(self._wake_r)

    def _is_autorepeat(self, release: Any) -> bool:
        """A held key repeats as release+press pairs with the same timestamp."""
        from Xlib import X

        d = self._display
        if not d.pending_events():
            return False
        nxt = d.next_event()
        same = nxt.detail == release.detail and nxt.time == release.time
        return bool(nxt.type == X.KeyPress and same)

    def stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        try:
            os.write(self._wake_w, b"x")
            os.close(self._wake_w)
        except OSError:
            pass
        self._thread.join(timeout=2.0)


def register(
    sequence: str, callback: Callable[[], None], on_error: Callable[[str], None] | None = None
) -> X11Hotkey:
    return X11Hotkey(sequence, callback)  # failures are known at once: no on_error
