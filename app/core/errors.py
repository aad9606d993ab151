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


class EngineTimeoutError(EngineError):
    code = "engine_timeout"


class CanceledError(OcrError):
    code = "canceled"
