"""A stand-in xdg-desktop-portal on a private D-Bus (jeepney, in a thread): Screenshot and
GlobalShortcuts, answering through Request objects exactly as the specification says. Lets
the Wayland backends run against real D-Bus messages without a compositor."""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Iterator
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"


@contextlib.contextmanager
def private_bus() -> Iterator[str]:
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=5)


class FakePortal:
    def __init__(self, address: str, screenshot_uri: str = "", refuse_bind: bool = False) -> None:
        self.address = address
        self.screenshot_uri = screenshot_uri
        self.refuse_bind = refuse_bind
        self.calls: list[tuple[str, Any]] = []
        self.sessions: list[str] = []
        self.conn = open_dbus_connection(bus=address)
        reply = self.conn.send_and_get_reply(message_bus.RequestName(SERVICE))
        assert reply.body[0] == 1, reply.body  # primary owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)
        self.conn.close()

    def activate(self, shortcut_id: str = "capture") -> None:
        """Emits Activated for every open session (from a separate connection)."""
        with open_dbus_connection(bus=self.address) as conn:
            for session in self.sessions:
                sig = new_signal(
                    DBusAddress(PATH, interface="org.freedesktop.portal.GlobalShortcuts"),
                    "Activated",
                    "osta{sv}",
                    (session, shortcut_id, 1, {}),
                )
                conn.send(sig)

    def _respond(self, msg: Any, token: str, code: int, results: dict) -> None:
        sender = str(msg.header.fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
        path = f"{PATH}/request/{sender}/{token}"
        self.conn.send(new_method_return(msg, "o", (path,)))
        self.conn.send(
            new_signal(
                DBusAddress(path, interface="org.freedesktop.portal.Request"),
                "Response",
                "ua{sv}",
                (code, results),
            )
        )

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self.conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            if msg.header.message_type != MessageType.method_call:
                continue
            fields = msg.header.fields
            member, iface = fields.get(HeaderFields.member), fields.get(HeaderFields.interface)
            self.calls.append((member, msg.body))
            if iface == "org.freedesktop.DBus.Properties" and member == "Get":
                self.conn.send(new_method_return(msg, "v", (("u", 1),)))
            elif member == "CreateSession":
                token = msg.body[0]["session_handle_token"][1]
                sender = str(fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
                session = f"{PATH}/session/{sender}/{token}"
                self.sessions.append(session)
                handle = msg.body[0]["handle_token"][1]
                self._respond(msg, handle, 0, {"session_handle": ("s", session)})
            elif member == "BindShortcuts":
                handle = msg.body[3]["handle_token"][1]
                self._respond(msg, handle, 1 if self.refuse_bind else 0, {})
            elif member == "Screenshot":
                handle = msg.body[1]["handle_token"][1]
                self._respond(msg, handle, 0, {"uri": ("s", self.screenshot_uri)})
            elif member == "Close":
                self.conn.send(new_method_return(msg))
