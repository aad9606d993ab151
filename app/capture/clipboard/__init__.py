"""Putting text on the clipboard.

In the running app QClipboard is enough (the app keeps serving the selection). A process that
exits right away (``imagehq-ocr capture`` without a running app) must hand the text to a helper
that outlives it on X11/Wayland: ``wl-copy`` (Wayland), ``xclip`` or ``xsel`` (X11), which fork
and serve the selection. On Windows and macOS the system keeps the text, so QClipboard works
for both cases.
"""

from __future__ import annotations

import logging

from app.capture.backends import describe, usable
from app.capture.clipboard import qt_clipboard, wlcopy, xclip, xsel
from app.capture.errors import ClipboardError

log = logging.getLogger(__name__)

IN_APP = (qt_clipboard,)
PERSISTENT = (wlcopy, xclip, xsel, qt_clipboard)


def copy_text(text: str, *, keep_after_exit: bool = False) -> str:
    """Copies ``text``; returns the backend's name. Raises ClipboardError when none works."""
    modules = PERSISTENT if keep_after_exit else IN_APP
    errors = []
    for backend in usable(modules):
        if keep_after_exit and backend is qt_clipboard and not qt_clipboard.persists():
            continue
        try:
            backend.copy(text)  # type: ignore[attr-defined]
            return backend.NAME
        except ClipboardError as err:
            log.warning("clipboard backend %s failed: %s", backend.NAME, err)
            errors.append(f"{backend.NAME}: {err}")
    detail = "; ".join(errors) or describe(modules)
    hint = " (install xclip or wl-clipboard)" if keep_after_exit else ""
    raise ClipboardError(f"cannot set the clipboard{hint}: {detail}")
