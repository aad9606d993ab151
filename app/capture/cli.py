"""``imagehq-ocr capture [--region X,Y,W,H] [--print] [--lang L] [--engine E]``.

With a running app the request goes over its single-instance socket (so a desktop shortcut
bound to this command works everywhere, Wayland included). Without one, this process captures
itself and hands the text to a clipboard helper that outlives it (xclip/xsel/wl-copy).
Exit 0 on success, 1 on failure (one line on stderr), 2 for a malformed --region.

The capture flow itself (overlay, job, clipboard, notification) belongs to the window's layer;
the caller (app/cli.py, which sits above both) hands it in as ``flow``, so this package never
imports app.gui.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import Any, Protocol

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
REGION_TIMEOUT_S = 180.0
OVERLAY_TIMEOUT_S = 900.0  # the user is choosing a region


Done = Callable[[dict[str, Any]], None]


class CaptureFlow(Protocol):
    """What a capture in this process needs (app.gui.capture_controller.CaptureController)."""

    def capture_region(
        self, region: Any, lang: str | None, on_done: Done | None, *, engine: str | None
    ) -> None: ...

    def start_overlay(
        self, lang: str | None, on_done: Done | None, *, engine: str | None
    ) -> None: ...


# Makes the flow for a job manager; it must leave the text on the clipboard after this process
# exits and show no notification (the command reports on stderr).
FlowFactory = Callable[[Any], CaptureFlow]


def _no_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def capture_main(args: argparse.Namespace, flow: FlowFactory) -> int:
    from app.capture.geometry import Rect, parse_region

    region: Rect | None = None
    if getattr(args, "region", None):
        try:
            region = parse_region(args.region)
        except ValueError as err:
            print(f"imagehq-ocr capture: error: {err}", file=sys.stderr)
            return EXIT_USAGE
    lang = getattr(args, "lang", None) or None
    engine = getattr(args, "engine", None) or None
    print_text = bool(getattr(args, "print_text", False))
    if _no_display():
        print("error: no display (DISPLAY / WAYLAND_DISPLAY is not set)", file=sys.stderr)
        return EXIT_FAILED

    from app.capture import ipc

    message = {
        "cmd": "capture",
        "region": region.as_list() if region else None,
        "print": print_text,
        "lang": lang,
        "engine": engine,
    }
    timeout = REGION_TIMEOUT_S if region else OVERLAY_TIMEOUT_S
    reply = ipc.request(message, timeout_s=timeout)
    if reply is None:
        reply = _capture_here(flow, region, lang, engine)
    return _report(reply, print_text)


def _report(reply: dict[str, Any], print_text: bool) -> int:
    if reply.get("ok"):
        text = str(reply.get("text") or "")
        if print_text:
            print(text)
        elif not text:
            print("no text found in the region", file=sys.stderr)
        return EXIT_OK
    error = " ".join(str(reply.get("error") or "capture failed").split())
    print(f"error: {error}", file=sys.stderr)
    return EXIT_FAILED


def _capture_here(
    flow: FlowFactory, region: Any, lang: str | None, engine: str | None
) -> dict[str, Any]:
    """No running app: capture in this process; the clipboard outlives it (X11, Wayland)."""
    from PySide6.QtWidgets import QApplication

    from app import APP_NAME
    from app.core.errors import OcrError
    from app.jobs import JobManager

    # The failure is reported once, by _report; keep library warnings off stderr.
    logging.getLogger("app").addHandler(logging.NullHandler())
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "imagehq-ocr"])
    app.setApplicationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    try:
        manager = JobManager(recover=False, prune_timer=False)
    except OcrError as err:
        return {"ok": False, "error": err.message}
    result: dict[str, Any] = {}

    def done(reply: dict[str, Any]) -> None:
        result.update(reply)
        app.quit()

    controller = flow(manager)
    if region is not None:
        controller.capture_region(region, lang, done, engine=engine)
    else:
        controller.start_overlay(lang, done, engine=engine)
    if not result:
        app.exec()
    manager.shutdown(wait=True)
    return result or {"ok": False, "error": "capture ended without a result"}
