"""xdg-desktop-portal Screenshot over QtDBus (Wayland).

``org.freedesktop.portal.Screenshot.Screenshot(parent_window, {"handle_token", "interactive"})``
returns a request object path; the portal later emits ``org.freedesktop.portal.Request.Response
(u response, a{sv} results)`` on it with ``results["uri"]`` = a PNG of the whole desktop. The
image is then split into one piece per screen. Not testable here (no Wayland compositor and no
portal in the test environment): written to the portal specification.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QGuiApplication, QImage

from app.capture.backends import wayland_session
from app.capture.errors import ScreenshotError
from app.capture.geometry import Rect, ScreenInfo, virtual_geometry

if TYPE_CHECKING:
    from app.capture.screenshot import ScreenImage

NAME = "xdg-desktop-portal"
SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
IFACE = "org.freedesktop.portal.Screenshot"
REQUEST_IFACE = "org.freedesktop.portal.Request"
TIMEOUT_MS = 60_000  # the portal may ask the user for permission first


def is_compatible() -> bool:
    return wayland_session()


def is_installed() -> bool:
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    reply = bus.interface().isServiceRegistered(SERVICE)
    return bool(reply.value()) if reply.isValid() else False


class _Response(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.loop = QEventLoop()
        self.code: int | None = None
        self.results: dict[str, Any] = {}

    @Slot("uint", "QVariantMap")  # type: ignore[arg-type]  # D-Bus "u", "a{sv}"
    def on_response(self, code: int, results: dict[str, Any]) -> None:
        self.code, self.results = int(code), dict(results or {})
        self.loop.quit()


def request_path(unique_name: str, token: str) -> str:
    """The object path the portal will use for a request made with ``handle_token=token``."""
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"/org/freedesktop/portal/desktop/request/{sender}/{token}"


def _take_uri() -> str:
    from PySide6.QtCore import SLOT
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

    bus = QDBusConnection.sessionBus()
    token = "imagehq_" + secrets.token_hex(6)
    path = request_path(bus.baseService(), token)
    waiter = _Response()
    # Subscribe before calling, so a fast reply is not missed.
    if not bus.connect(
        SERVICE,
        path,
        REQUEST_IFACE,
        "Response",
        waiter,
        SLOT("on_response(uint,QVariantMap)"),  # type: ignore[call-overload]
    ):
        raise ScreenshotError("cannot listen to the portal's reply on D-Bus")
    # A plain method call (QDBusInterface would introspect the portal first: a round trip).
    call = QDBusMessage.createMethodCall(SERVICE, PATH, IFACE, "Screenshot")
    call.setArguments(["", {"handle_token": token, "interactive": False}])
    reply = bus.call(call, QDBus.CallMode.Block, 10_000)
    if reply.type() == reply.MessageType.ErrorMessage:
        raise ScreenshotError(f"the screenshot portal refused: {reply.errorMessage()}")
    timer = QTimer(singleShot=True, interval=TIMEOUT_MS)
    timer.timeout.connect(waiter.loop.quit)
    timer.start()
    waiter.loop.exec()
    bus.disconnect(
        SERVICE,
        path,
        REQUEST_IFACE,
        "Response",
        waiter,
        SLOT("on_response(uint,QVariantMap)"),  # type: ignore[call-overload]
    )
    if waiter.code is None:
        raise ScreenshotError("the screenshot portal did not answer")
    if waiter.code == 1:
        raise ScreenshotError("the screenshot was canceled (permission denied?)")
    if waiter.code != 0 or "uri" not in waiter.results:
        raise ScreenshotError(f"the screenshot portal failed (response {waiter.code})")
    return str(waiter.results["uri"])


def split(image: QImage, screens: list[ScreenInfo]) -> list[ScreenImage]:
    """Cuts a whole-desktop image into one image per screen (one scale for all)."""
    from app.capture.screenshot import ScreenImage

    vg = virtual_geometry(screens)
    scale = image.width() / vg.w if vg.w else 1.0
    out = []
    for s in screens:
        g = s.geometry
        x, y = round((g.x - vg.x) * scale), round((g.y - vg.y) * scale)
        w, h = round(g.w * scale), round(g.h * scale)
        piece = image.copy(x, y, w, h)
        out.append(ScreenImage(ScreenInfo(s.name, g, scale, w, h), piece))
    return out


def capture() -> list[ScreenImage]:
    uri = _take_uri()
    path = QUrl(uri).toLocalFile() or uri
    image = QImage(path)
    if image.isNull():
        raise ScreenshotError(f"cannot read the portal's screenshot {path}")
    screens = []
    for screen in QGuiApplication.screens():
        g = screen.geometry()
        screens.append(ScreenInfo(screen.name(), Rect(g.x(), g.y(), g.width(), g.height()), 1.0))
    return split(image, screens)
