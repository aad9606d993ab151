"""Engine objects that are costly to make and used by one thread at a time (an initialised
libtesseract, a RapidOCR with its ONNX sessions): a read borrows one for its key and gives it
back, so every later read of any thread finds it warm.

Not a thread-local: PySide's QThreadPool threads do not keep Python thread-local data from one
job to the next (each run gets a fresh thread state), so an object kept per thread was made
again for every job of the window and of ``serve``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Pool(Generic[K, V]):
    """Idle objects by key. ``borrow(key)`` takes an idle one (the one given back last), or
    waits for one that ``warm`` is making, or makes one; it is given back when the ``with``
    block ends (at most ``max_idle`` are kept per key; ``discard`` frees the others)."""

    def __init__(
        self,
        make: Callable[[K], V],
        *,
        max_idle: int = 4,
        discard: Callable[[V], None] | None = None,
        name: str = "engine-warm",
    ) -> None:
        self._make = make
        self._max_idle = max_idle
        self._discard = discard
        self._name = name
        self._idle: dict[K, list[V]] = {}
        self._pending: dict[K, int] = {}
        self._changed = threading.Condition()

    def warm(self, key: K, count: int = 1) -> None:
        """Makes ``count`` objects for ``key`` on a background thread (one after another)."""
        if count < 1:
            return
        with self._changed:
            self._pending[key] = self._pending.get(key, 0) + count
        threading.Thread(
            target=self._make_idle, args=(key, count), name=self._name, daemon=True
        ).start()

    def _make_idle(self, key: K, count: int) -> None:
        for _ in range(count):
            try:
                made: V | None = self._make(key)
            except Exception:  # a bad key (a language not installed): the read says so
                made = None
            with self._changed:
                self._pending[key] -= 1
                if made is not None:
                    self._idle.setdefault(key, []).append(made)
                self._changed.notify_all()

    @contextmanager
    def borrow(self, key: K) -> Iterator[V]:
        with self._changed:
            self._changed.wait_for(lambda: self._idle.get(key) or not self._pending.get(key))
            idle = self._idle.get(key)
            taken = idle.pop() if idle else None
        obj = taken if taken is not None else self._make(key)
        try:
            yield obj
        finally:
            with self._changed:
                idle = self._idle.setdefault(key, [])
                keep = len(idle) < self._max_idle
                if keep:
                    idle.append(obj)
            if not keep and self._discard is not None:
                self._discard(obj)

    def idle(self, key: K) -> int:
        """How many objects for ``key`` are ready."""
        with self._changed:
            return len(self._idle.get(key, []))
