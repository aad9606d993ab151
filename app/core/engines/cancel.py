"""Cancellation that stops a running engine process instead of waiting for it.

pytesseract starts Tesseract with ``subprocess.Popen`` and offers no handle on the process; the
engine runs its calls inside ``cancel_scope(token)``, and every process started in that scope on
that thread is registered with the token, which kills them when the job is canceled.
"""

from __future__ import annotations

import subprocess
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

_local = threading.local()


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen[Any]] = set()

    @property
    def canceled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            procs = list(self._procs)
        for proc in procs:
            _kill(proc)

    def register(self, proc: subprocess.Popen[Any]) -> None:
        with self._lock:
            self._procs.add(proc)
            canceled = self._event.is_set()
        if canceled:
            _kill(proc)

    def unregister(self, proc: subprocess.Popen[Any]) -> None:
        with self._lock:
            self._procs.discard(proc)


def _kill(proc: subprocess.Popen[Any]) -> None:
    with suppress(OSError):
        proc.kill()


@contextmanager
def cancel_scope(token: CancelToken | None) -> Iterator[None]:
    previous = getattr(_local, "token", None)
    _local.token = token
    try:
        yield
    finally:
        _local.token = previous


class _TrackedPopen(subprocess.Popen):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        token: CancelToken | None = getattr(_local, "token", None)
        self._token = token
        if token is not None:
            token.register(self)

    def wait(self, timeout: float | None = None) -> int:
        try:
            return super().wait(timeout)
        finally:
            if self._token is not None and self.returncode is not None:
                self._token.unregister(self)


def install(module: types.ModuleType) -> None:
    """Makes ``module`` (pytesseract's) start processes through the tracked Popen."""
    shim = types.ModuleType("subprocess_tracked")
    shim.__dict__.update({k: v for k, v in vars(subprocess).items() if not k.startswith("__")})
    shim.Popen = _TrackedPopen  # type: ignore[attr-defined]
    module.subprocess = shim  # type: ignore[attr-defined]
