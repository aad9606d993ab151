"""Desktop integration: capture hotkey, tray, single instance (issue 5).

Interface used by ``app.gui.main.run_gui``; this first version does nothing yet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


class DesktopIntegration(QObject):
    """Installs the hotkey, tray icon and single-instance server for a running window."""

    def __init__(self, app: Any, window: Any, manager: Any) -> None:
        super().__init__(window)
        self.app, self.window, self.manager = app, window, manager

    @staticmethod
    def forward_to_running_instance(argv: list[str]) -> bool:
        """True when another instance is running and was asked to show itself."""
        return False

    def close_to_tray(self) -> bool:
        """Whether closing the window should keep the app running in the tray."""
        return False
