"""Capture errors: each carries a message fit to show a user."""

from __future__ import annotations


class CaptureError(Exception):
    """A capture step failed; ``str(err)`` is the readable reason."""


class ScreenshotError(CaptureError):
    pass


class ClipboardError(CaptureError):
    pass


class HotkeyError(CaptureError):
    pass
