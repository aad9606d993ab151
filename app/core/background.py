"""A call run on a thread of its own, started at once, whose result is asked for later: for
work that releases the GIL (zxing-cpp, libtesseract, OpenCV) or that can run beside it, so that
a lone job uses both cores (the barcode pass and the second opinion's ink count run while the
OCR engine reads)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Background(Generic[T]):
    """``fn(*args)`` on a daemon thread; ``result()`` waits for it and returns its value (or
    raises what it raised); ``wait()`` only waits."""

    def __init__(self, fn: Callable[..., T], *args: Any, name: str = "background") -> None:
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._call, args=(fn, args), name=name, daemon=True)
        self._thread.start()

    def _call(self, fn: Callable[..., T], args: tuple[Any, ...]) -> None:
        try:
            self._value = fn(*args)
        except BaseException as exc:  # handed to the thread that asks for the result
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
