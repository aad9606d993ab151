"""The guard in front of every route (pure ASGI, so nothing is read before it agrees):

1. Host header must be a loopback name (DNS rebinding) → else 421;
2. ``Authorization: Bearer <token>`` on all but the public paths → else 401;
3. the request body is counted while it streams in: a ``Content-Length`` over the cap is
   refused before reading anything, a chunked body as soon as it passes the cap → 413.

A refusal must reach the client, and closing a connection with unread request data makes the
kernel send a reset that can destroy the answer on its way. So a refusal of a request with a
body is sent at once with ``Connection: close`` (a client that reads while it sends, such as
curl, stops there), then the body is read and dropped, up to ``drain_limit`` bytes and
``DRAIN_SECONDS`` (a client that sends everything before it reads, such as requests or httpx,
then reads the answer), and only then is the connection closed. Nothing of the body is kept.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

from app.api.errors import envelope_bytes
from app.api.security import host_allowed, token_matches

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PUBLIC_PATHS = frozenset({"/v1/health", "/openapi.json"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
DRAIN_SECONDS = 30.0
CLOSE = (b"connection", b"close")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def _has_body(scope: Scope) -> bool:
    length = _header(scope, b"content-length")
    if length is not None:
        return length.strip() not in ("", "0")
    return "chunked" in (_header(scope, b"transfer-encoding") or "").lower()


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: list[tuple[bytes, bytes]] | None = None,
    *,
    more_body: bool = False,
) -> None:
    """The error envelope; with ``more_body`` the answer is complete for the client (its
    Content-Length is met) but the connection stays open until an empty body part follows."""
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
    await send({"type": "http.response.body", "body": body, "more_body": more_body})


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
            drain_limit if drain_limit is not None else max(4 * max_upload_bytes, 256 * 2**20)
        )

    def _too_large_message(self) -> str:
        mb = self.max_upload_bytes / 2**20
        return f"the upload is larger than the limit of {mb:g} MB"

    async def _refuse(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        code: str,
        message: str,
        headers: list[tuple[bytes, bytes]] | None = None,
    ) -> None:
        """Answers an error before the body was read, so that the client receives it."""
        headers = [*(headers or []), CLOSE]
        if not _has_body(scope):
            await send_error(send, status, code, message, headers)
            return
        await send_error(send, status, code, message, headers, more_body=True)
        await self._drain(receive, 0)
        await send({"type": "http.response.body", "body": b""})

    async def _drain(self, receive: Receive, already: int) -> None:
        """Reads and drops the rest of a refused body, up to the drain limit and time."""
        seen = already
        with anyio.move_on_after(DRAIN_SECONDS):
            while seen <= self.drain_limit:
                message = await receive()
                if message["type"] != "http.request":
                    return
                seen += len(message.get("body", b""))
                if not message.get("more_body", False):
                    return

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not host_allowed(_header(scope, b"host"), self.allowed_hosts, remote=self.allow_remote):
            await self._refuse(
                scope,
                receive,
                send,
                421,
                "misdirected_request",
                "the Host header must be 127.0.0.1, localhost or [::1]",
            )
            return
        if scope["path"] not in PUBLIC_PATHS and not token_matches(
            _header(scope, b"authorization"), self.token
        ):
            await self._refuse(
                scope,
                receive,
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

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        length = _header(scope, b"content-length")
        cap = self.max_upload_bytes
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await send_error(send, 400, "bad_request", "invalid Content-Length header", [CLOSE])
                return
            if declared > cap:
                await self._refuse(
                    scope, receive, send, 413, "payload_too_large", self._too_large_message()
                )
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
                    if not started:
                        more = message.get("more_body", False)
                        await send_error(
                            send,
                            413,
                            "payload_too_large",
                            self._too_large_message(),
                            [CLOSE],
                            more_body=more,
                        )
                        if more:
                            await self._drain(receive, received)
                            await send({"type": "http.response.body", "body": b""})
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
