"""Errors with a stable machine code and a one-line message a person can read."""

from __future__ import annotations


class OcrError(Exception):
    """Base class: ``code`` is stable (API error codes), ``str(err)`` is the one-line message."""

    code = "ocr_error"
    http_status = 422

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class InvalidInputError(OcrError):
    """The file is empty, not an image, truncated or otherwise unreadable."""

    code = "invalid_image"
    http_status = 422


class UnsupportedMediaError(InvalidInputError):
    code = "unsupported_media_type"
    http_status = 415


class ImageTooLargeError(InvalidInputError):
    code = "image_too_large"
    http_status = 413


class OptionsError(OcrError):
    code = "invalid_options"
    http_status = 422


class UnknownLanguageError(OptionsError):
    code = "unknown_language"


class EngineError(OcrError):
    code = "engine_error"
    http_status = 500


class EngineUnavailableError(EngineError):
    """The engine a request needs is not installed (the message says how to install it)."""

    code = "engine_unavailable"
    http_status = 503


class EngineTimeoutError(EngineError):
    code = "engine_timeout"


class CanceledError(OcrError):
    code = "canceled"


class InvalidRequestError(OcrError):
    """A request that no engine option can fix: unknown operation, retention out of range."""

    code = "invalid_request"
    http_status = 422


class FileTooLargeError(InvalidInputError):
    """A file over the size cap (the API's upload cap, ``extract --max-file-mb``)."""

    code = "payload_too_large"
    http_status = 413


class StorageError(OcrError):
    """The store cannot be opened or written: names the file and what to do about it."""

    code = "storage_unavailable"
    http_status = 503


class StorageFullError(StorageError):
    """No space left (or over quota) on the disk that holds the store."""

    code = "insufficient_storage"
    http_status = 507


def clip(text: object, limit: int = 80) -> str:
    """``text`` for an error message: at most ``limit`` characters (a bad id or value can be
    100 KB long; the message must stay one readable line)."""
    value = str(text)
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return value.replace("\n", " ").replace("\r", " ")
