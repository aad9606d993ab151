"""A call run beside the calling thread, whose result is asked for later: for work that
releases the GIL (zxing-cpp, libtesseract, OpenCV) or that can run beside it, so that a lone
job uses both cores (the barcode pass and the second opinion's ink count run while the OCR
engine reads).

The calls run on a few helper threads kept for the process (``concurrent.futures``): starting a
thread per call waits for the new thread to take the GIL, up to a switch interval (5 ms) while
another thread holds it — the window's GUI thread, say.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_lock = threading.Lock()
_helpers: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    global _helpers
    with _lock:
        if _helpers is None:
            # two calls per running job at most (barcodes, ink); threads start as needed
            _helpers = ThreadPoolExecutor(4 * (os.cpu_count() or 2) + 4, "imagehq-helper")
        return _helpers


class Background(Generic[T]):
    """``fn(*args)`` on a helper thread; ``result()`` waits for it and returns its value (or
    raises what it raised); ``wait()`` only waits."""

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        self._future: Future[T] = _executor().submit(fn, *args)

    def wait(self) -> None:
        self._future.exception()  # waits; what it raised stays for result()

    def result(self) -> T:
        return self._future.result()
