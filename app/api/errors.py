"""One error envelope everywhere: ``{"error": {"code": "...", "message": "..."}}``."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.core.errors import OcrError
from app.core.store import JobGone
from app.core.storefs import disk_full
from app.jobs import QueueFullError, ShuttingDownError

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5

STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "job_expired",
    413: "payload_too_large",
    415: "unsupported_media_type",
    421: "misdirected_request",
    422: "invalid_request",
    429: "queue_full",
    500: "internal_error",
    503: "unavailable",
    507: "insufficient_storage",
}
DISK_FULL = "no space left on the disk that holds the store: free some space and try again"


class ApiError(Exception):
    """An error answer: HTTP status, stable code, one-line message, optional headers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def envelope(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(envelope(code, message), status_code=status, headers=dict(headers or {}))


def envelope_bytes(code: str, message: str) -> bytes:
    return json.dumps(envelope(code, message)).encode("utf-8")


def describe_validation(errors: Any) -> str:
    """Pydantic/FastAPI error list → ``options.foo: unknown key; files[]: field required``."""
    parts: list[str] = []
    for err in list(errors)[:5]:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "header")]
        where = ".".join(loc) or "request"
        kind = err.get("type", "")
        if kind == "extra_forbidden":
            text = "unknown key (not allowed)"
        elif kind == "missing":
            text = "required"
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            text = f"must be one of {expected}" if expected else err.get("msg", "invalid")
        else:
            text = str(err.get("msg", "invalid value"))
        parts.append(f"{where}: {text}")
    return "; ".join(parts) or "invalid request"


def ocr_error_status(err: OcrError) -> int:
    status = int(getattr(err, "http_status", 422) or 422)
    return status if 400 <= status < 600 else 422


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method any route offers for this path (Starlette lists only the first route's)."""
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches({**request.scope, "method": "__none__"})
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_handlers(app: FastAPI) -> None:
    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = STATUS_CODES.get(exc.status_code, f"http_{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        headers = dict(exc.headers or {})
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such route"
        if exc.status_code == 400 and disk_full(exc.__cause__ or exc):  # spooling the upload
            return error_response(507, "insufficient_storage", DISK_FULL)
        if exc.status_code == 405:
            allowed = allowed_methods(app, request)
            headers["Allow"] = ", ".join(allowed)
            detail = f"{request.method} is not allowed here (use {', '.join(allowed)})"
        return error_response(exc.status_code, code, detail, headers)

    async def validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, "invalid_request", describe_validation(exc.errors()))

    async def ocr_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, OcrError)
        return error_response(ocr_error_status(exc), exc.code, exc.message)

    async def gone(_: Request, exc: Exception) -> JSONResponse:
        return error_response(
            410, "job_expired", f"job {exc} expired: its retention ended and it was deleted"
        )

    async def queue_full(_: Request, exc: Exception) -> JSONResponse:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if isinstance(exc, ShuttingDownError):
            return error_response(503, "unavailable", "the server is shutting down", headers)
        return error_response(429, "queue_full", f"the queue is full ({exc}); retry later", headers)

    async def crash(_: Request, exc: Exception) -> JSONResponse:
        if disk_full(exc):
            return error_response(507, "insufficient_storage", DISK_FULL)
        log.exception("unhandled error in the API", exc_info=exc)
        return error_response(500, "internal_error", "internal error (see the server log)")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(OcrError, ocr_error)
    app.add_exception_handler(JobGone, gone)
    app.add_exception_handler(QueueFullError, queue_full)
    app.add_exception_handler(Exception, crash)
