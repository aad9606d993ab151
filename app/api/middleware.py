"""The guard in front of every route (pure ASGI, so nothing is read before it agrees):

1. Host header must be a loopback name (DNS rebinding) → else 421;
2. ``Authorization: Bearer <token>`` on all but the public paths → else 401;
3. the request body is counted while it streams in: a ``Content-Length`` over the cap is
   refused before reading anything, a chunked body as soon as it passes the cap → 413.
   Nothing is kept of a refused body; up to ``drain_limit`` bytes are read and dropped so
   that an ordinary client (which writes the whole body before reading) sees the 413
   instead of a connection reset.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from app.api.errors import envelope_bytes
from app.api.security import host_allowed, token_matches

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PUBLIC_PATHS = frozenset({"/v1/health", "/openapi.json"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    body = envelope_bytes(code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str,
        max_upload_bytes: int,
        allowed_hosts: frozenset[str] = frozenset(),
        allow_remote: bool = False,
        drain_limit: int | None = None,
    ) -> None:
        self.app = app
        self.token = token
        self.max_upload_bytes = max_upload_bytes
        self.allowed_hosts = allowed_hosts
        self.allow_remote = allow_remote
        self.drain_limit = (
            drain_limit if drain_limit is not None else max(max_upload_bytes, 8 * 2**20)
        )

    def _too_large_message(self) -> str:
        mb = self.max_upload_bytes / 2**20
        return f"the upload is larger than the limit of {mb:g} MB"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not host_allowed(_header(scope, b"host"), self.allowed_hosts, remote=self.allow_remote):
            await send_error(
                send,
                421,
                "misdirected_request",
                "the Host header must be 127.0.0.1, localhost or [::1]",
            )
            return
        if scope["path"] not in PUBLIC_PATHS and not token_matches(
            _header(scope, b"authorization"), self.token
        ):
            await send_error(
                send,
                401,
                "unauthorized",
                "missing or wrong token: send 'Authorization: Bearer <token>'",
                [(b"www-authenticate", b"Bearer")],
            )
            return
        if scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        await self._limited(scope, receive, send)

    async def _drain(self, receive: Receive, already: int) -> None:
        """Reads and drops the rest of a refused body, up to the drain limit."""
        seen = already
        while seen <= self.drain_limit:
            message = await receive()
            if message["type"] != "http.request":
                return
            seen += len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        length = _header(scope, b"content-length")
        cap = self.max_upload_bytes
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await send_error(send, 400, "bad_request", "invalid Content-Length header")
                return
            if declared > cap:
                close = [(b"connection", b"close")]
                if declared <= self.drain_limit:
                    await self._drain(receive, 0)
                await send_error(send, 413, "payload_too_large", self._too_large_message(), close)
                return

        received = 0
        refused = False
        started = False

        async def counted_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    refused = True
                    if message.get("more_body", False):
                        await self._drain(receive, received)
                    if not started:
                        await send_error(
                            send,
                            413,
                            "payload_too_large",
                            self._too_large_message(),
                            [(b"connection", b"close")],
                        )
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 is the answer; drop whatever the app says after it
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not refused:
                raise
