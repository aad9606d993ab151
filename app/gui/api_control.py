"""Starts and stops the local HTTP API from the window (``app.api`` is imported lazily)."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


class ApiControl:
    def __init__(self, manager: Any) -> None:
        self.manager = manager
        self.server: Any = None
        self.error: str | None = None

    @property
    def url(self) -> str | None:
        return getattr(self.server, "url", None) if self.server is not None else None

    def apply(self, enabled: bool, port: int) -> None:
        """Runs the server on ``port`` when enabled, stops it otherwise."""
        if self.server is not None and (not enabled or getattr(self.server, "port", port) != port):
            self.stop()
        if enabled and self.server is None:
            self.start(port)

    def start(self, port: int) -> bool:
        self.error = None
        try:
            from app.api.server import ApiServer
        except ImportError as exc:
            self.error = f"the local API is not available: {exc}"
            return False
        try:
            server = ApiServer(self.manager, host="127.0.0.1", port=port, token=None)
            server.start()
        except Exception as exc:  # port in use, bad token file: report, never crash
            log.warning("API server did not start: %s", exc)
            self.error = f"the local API did not start on port {port}: {exc}"
            return False
        self.server = server
        return True

    def stop(self) -> None:
        if self.server is not None:
            try:
                self.server.stop()
            except Exception as exc:
                log.warning("API server did not stop cleanly: %s", exc)
            self.server = None
