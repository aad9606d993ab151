"""Single-instance socket: one JSON line in, one JSON line out (QLocalServer/QLocalSocket).

Requests: ``{"cmd": "show"}``, ``{"cmd": "open", "paths": [...]}`` (a second launch with files
on its command line: show the window and read them), ``{"cmd": "capture", "region":
[x, y, w, h] | null, "print": bool, "lang": str | null, "engine": str | null}`` and
``{"cmd": "extract", …}`` (``app.gui.extract_requests``: its handler answers a first line at
once and the last when the job is done). Replies: ``{"ok": true, ...}`` or ``{"ok": false,
"error": "..."}``. The name includes the user and a hash of the app's config folder (so
``IMAGEHQ_OCR_HOME`` isolates instances, e.g. in tests); ``app.instance`` has it, and a client
without Qt.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.instance import server_name

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any], "Reply"], None]
MAX_REQUEST = 64 * 1024
#: An extract request carries the image (base64): this much at most.
MAX_EXTRACT_REQUEST = 64 * 2**20

__all__ = ["Handler", "InstanceServer", "Reply", "exchange", "request", "server_name"]


class Reply:
    """How a handler answers a request: ``reply(message)`` sends the last line and closes the
    connection (once; later calls do nothing), ``reply.send(message)`` a line before it;
    ``on_close(callback)`` is called if the client goes away before the last line."""

    def __init__(self, server: InstanceServer, sock: QLocalSocket) -> None:
        self._server, self._sock = server, sock
        self.answered = False
        self._on_close: list[Callable[[], None]] = []

    def __call__(self, message: dict[str, Any]) -> None:
        if not self.answered:
            self.answered = True
            self._on_close.clear()
            self._server._send(self._sock, message)

    def send(self, message: dict[str, Any]) -> None:
        if not self.answered:
            self._server._send(self._sock, message, last=False)

    def on_close(self, callback: Callable[[], None]) -> None:
        self._on_close.append(callback)

    def closed(self) -> None:
        """The client went away: what was waiting for the answer is told."""
        callbacks, self._on_close = self._on_close, []
        self.answered = True
        for callback in callbacks:
            try:
                callback()
            except Exception:
                log.exception("single-instance request: cleanup failed")


def request(message: dict[str, Any], timeout_s: float = 5.0, connect_ms: int = 500) -> dict | None:
    """Sends one request to the running instance. None when no instance listens; a reply
    dict otherwise (``{"ok": false, "error": ...}`` on a broken or slow answer)."""
    return exchange((json.dumps(message) + "\n").encode(), timeout_s, connect_ms)


def exchange(payload: bytes, timeout_s: float = 5.0, connect_ms: int = 500) -> dict | None:
    """Sends raw bytes, reads one JSON line back (see ``request``)."""
    sock = QLocalSocket()
    sock.connectToServer(server_name())
    if not sock.waitForConnected(connect_ms):
        return None
    sock.write(payload)
    sock.flush()
    sock.waitForBytesWritten(connect_ms)
    data = b""
    remaining = int(timeout_s * 1000)
    step = 200
    while b"\n" not in data and remaining > 0:
        if sock.waitForReadyRead(min(step, remaining)):
            data += bytes(sock.readAll().data())
        elif sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
            data += bytes(sock.readAll().data())
            break
        else:
            remaining -= step
    sock.disconnectFromServer()
    line = data.split(b"\n", 1)[0]
    if not line:
        return {"ok": False, "error": "the running instance did not answer"}
    try:
        reply = json.loads(line)
    except ValueError:
        return {"ok": False, "error": "the running instance sent a malformed answer"}
    return reply if isinstance(reply, dict) else {"ok": False, "error": "malformed answer"}


class InstanceServer(QObject):
    """Listens on the single-instance socket; each request goes to ``handler(req, reply)``,
    which calls ``reply`` once (possibly later, e.g. when the OCR job is done)."""

    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}  # a request line still arriving
        self._open: set[QLocalSocket] = set()  # every connection not yet closed
        self._replies: dict[QLocalSocket, Reply] = {}  # requests not answered to the end

    def listen(self) -> bool:
        """False when another instance already answers on the name. (Ask first: with socket
        options set, Qt on Unix replaces an existing socket file instead of failing.)"""
        name = server_name()
        if request({"cmd": "ping"}, timeout_s=1.0) is not None:
            return False
        QLocalServer.removeServer(name)  # a stale socket left by a crash
        ok = self._server.listen(name)
        if not ok:
            log.warning("cannot listen on %s: %s", name, self._server.errorString())
        return ok

    def close(self) -> None:
        """Stops listening and closes every open connection now (not at a later deferred
        delete, which could run after this object and its sockets are gone)."""
        self._server.close()
        for sock in list(self._open):
            self._forget(sock)
            sock.abort()
            sock.deleteLater()

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        # Bound methods (the socket comes from sender()), not lambdas holding ``self``: a child
        # socket's connections then never own the server they belong to.
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
                sock.deleteLater()  # the client gave up before we got to it
                continue
            self._buffers[sock] = b""
            self._open.add(sock)
            sock.readyRead.connect(self._on_ready_read)
            sock.disconnected.connect(self._on_disconnected)

    def _on_ready_read(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._read(sock)

    def _on_disconnected(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._forget(sock)
            sock.deleteLater()

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        self._open.discard(sock)
        reply = self._replies.pop(sock, None)
        if reply is not None and not reply.answered:
            reply.closed()

    def _read(self, sock: QLocalSocket) -> None:
        if sock not in self._buffers:
            return
        buf = self._buffers[sock] + bytes(sock.readAll().data())
        if b"\n" not in buf:
            limit = MAX_EXTRACT_REQUEST if buf.startswith(b'{"cmd": "extract"') else MAX_REQUEST
            if len(buf) > limit:
                self._send(sock, {"ok": False, "error": "request too large"})
            else:
                self._buffers[sock] = buf
            return
        del self._buffers[sock]
        line = buf.split(b"\n", 1)[0]
        try:
            req = json.loads(line)
            if not isinstance(req, dict):
                raise ValueError("not an object")
        except ValueError:
            self._send(sock, {"ok": False, "error": "malformed request (one JSON object line)"})
            return
        reply = Reply(self, sock)
        self._replies[sock] = reply
        try:
            self._handler(req, reply)
        except Exception as err:
            log.exception("single-instance request failed")
            reply({"ok": False, "error": f"internal error: {err}"})

    def _send(self, sock: QLocalSocket, message: dict[str, Any], last: bool = True) -> None:
        try:
            if last:
                self._replies.pop(sock, None)
            if sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return  # the client gave up
            sock.write((json.dumps(message, ensure_ascii=False) + "\n").encode())
            sock.flush()
            if last:
                sock.disconnectFromServer()
        except RuntimeError:  # the socket object is already deleted
            pass
