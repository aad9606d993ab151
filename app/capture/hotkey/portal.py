"""xdg-desktop-portal GlobalShortcuts (Wayland), spoken with jeepney in a thread.

CreateSession → BindShortcuts([("capture", {description, preferred_trigger})]) → the portal
(often after asking the user) emits ``Activated(session, "capture", timestamp, options)``, on
which the callback fires. Everything runs in the listener thread, so a permission dialog never
blocks the GUI; a refusal reaches ``on_error``. (QtDBus cannot marshal the ``a(sa{sv})``
argument of BindShortcuts from Python, hence jeepney.) Desktops without the portal: bind the
command ``imagehq-ocr capture`` to a shortcut instead (see ``WAYLAND_HINT``).
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from typing import Any

from app.capture.backends import wayland_session
from app.capture.errors import HotkeyError

log = logging.getLogger(__name__)
NAME = "xdg-desktop-portal GlobalShortcuts"
SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
IFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST_IFACE = "org.freedesktop.portal.Request"
SHORTCUT_ID = "capture"
RESPONSE_TIMEOUT_S = 120.0  # the portal may show a dialog first
_XDG_MODS = {"ctrl": "CTRL", "alt": "ALT", "shift": "SHIFT", "meta": "LOGO"}


def is_compatible() -> bool:
    return wayland_session()


def is_installed() -> bool:
    try:
        import jeepney  # noqa: F401
    except ImportError:
        return False
    return True


def xdg_trigger(sequence: str) -> str:
    """``"Ctrl+Alt+O"`` → ``"CTRL+ALT+o"`` (the XDG shortcuts format: modifiers + keysym)."""
    from app.capture.hotkey import parse_sequence
    from app.capture.hotkey.x11 import keysym_name

    mods, key = parse_sequence(sequence)
    return "+".join([*(_XDG_MODS[m] for m in mods), keysym_name(key)])


def request_path(unique_name: str, token: str) -> str:
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{PATH}/request/{sender}/{token}"


class PortalHotkey:
    def __init__(
        self,
        sequence: str,
        callback: Callable[[], None],
        on_error: Callable[[str], None] | None = None,
        bus: str = "SESSION",
    ) -> None:
        from jeepney.io.blocking import open_dbus_connection

        self.sequence, self.backend = sequence, NAME
        self.trigger = xdg_trigger(sequence)
        self._callback, self._on_error = callback, on_error
        try:
            self._conn: Any = open_dbus_connection(bus=bus)
        except Exception as err:
            raise HotkeyError(f"cannot reach the D-Bus session bus: {err}") from err
        if not self._has_interface():
            self._conn.close()
            raise HotkeyError("the desktop has no GlobalShortcuts portal")
        self._stopping = threading.Event()
        self.session: str | None = None
        self.bound = threading.Event()
        self._thread = threading.Thread(target=self._run, name="portal-hotkey", daemon=True)
        self._thread.start()

    # -- D-Bus helpers ---------------------------------------------------------------------
    def _has_interface(self) -> bool:
        from jeepney import DBusAddress, Properties

        addr = DBusAddress(PATH, bus_name=SERVICE, interface=IFACE)
        try:
            reply = self._conn.send_and_get_reply(Properties(addr).get("version"), timeout=5)
        except Exception:
            return False
        return reply.header.message_type.name == "method_return"

    def _call(self, method: str, signature: str, body: tuple, token: str) -> dict[str, Any]:
        """Calls a portal method that answers through a Request object; returns its results."""
        from jeepney import DBusAddress, MatchRule, message_bus, new_method_call

        path = request_path(self._conn.unique_name, token)
        rule = MatchRule(type="signal", interface=REQUEST_IFACE, member="Response", path=path)
        self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=5)
        addr = DBusAddress(PATH, bus_name=SERVICE, interface=IFACE)
        with self._conn.filter(rule) as queue:
            reply = self._conn.send_and_get_reply(
                new_method_call(addr, method, signature, body), timeout=10
            )
            if reply.header.message_type.name == "error":
                raise HotkeyError(f"the GlobalShortcuts portal refused {method}: {reply.body}")
            response = self._conn.recv_until_filtered(queue, timeout=RESPONSE_TIMEOUT_S)
        code, results = response.body
        if code == 1:
            raise HotkeyError("the global shortcut was not allowed (canceled by the user)")
        if code != 0:
            raise HotkeyError(f"the GlobalShortcuts portal failed ({method}, response {code})")
        return {k: v[1] for k, v in results.items()}

    # -- thread ----------------------------------------------------------------------------
    def _run(self) -> None:
        from jeepney import MatchRule, message_bus

        try:
            token = secrets.token_hex(6)
            results = self._call(
                "CreateSession",
                "a{sv}",
                ({"handle_token": ("s", "c" + token), "session_handle_token": ("s", "s" + token)},),
                "c" + token,
            )
            self.session = str(results["session_handle"])
            shortcut = (
                SHORTCUT_ID,
                {
                    "description": ("s", "Capture a screen region (ImageHQ OCR)"),
                    "preferred_trigger": ("s", self.trigger),
                },
            )
            self._call(
                "BindShortcuts",
                "oa(sa{sv})sa{sv}",
                (self.session, [shortcut], "", {"handle_token": ("s", "b" + token)}),
                "b" + token,
            )
            rule = MatchRule(type="signal", interface=IFACE, member="Activated", path=PATH)
            self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=5)
            self.bound.set()
            log.info("global shortcut %s bound through the portal", self.trigger)
            with self._conn.filter(rule) as queue:
                while not self._stopping.is_set():
                    try:
                        msg = self._conn.recv_until_filtered(queue, timeout=0.5)
                    except TimeoutError:
                        continue
                    session, shortcut_id = msg.body[0], msg.body[1]
                    if session == self.session and shortcut_id == SHORTCUT_ID:
                        try:
                            self._callback()
                        except Exception:
                            log.exception("hotkey callback failed")
        except Exception as err:
            if not self._stopping.is_set():
                message = str(err) if isinstance(err, HotkeyError) else f"portal error: {err}"
                log.warning("global shortcut portal: %s", message)
                if self._on_error:
                    self._on_error(message)
        finally:
            self._close_session()

    def _close_session(self) -> None:
        try:
            if self.session:
                from jeepney import DBusAddress, new_method_call

                addr = DBusAddress(
                    self.session, bus_name=SERVICE, interface="org.freedesktop.portal.Session"
                )
                self._conn.send(new_method_call(addr, "Close"))
            self._conn.close()
        except Exception:
            pass

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=2.0)


def register(
    sequence: str, callback: Callable[[], None], on_error: Callable[[str], None] | None = None
) -> PortalHotkey:
    return PortalHotkey(sequence, callback, on_error)
