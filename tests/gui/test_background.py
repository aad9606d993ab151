"""Start at log-in, in the tray: the Settings switch and the hidden start (offscreen; the real
desktop with a tray is tests/desktop/test_background.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_settings_switches_the_start_at_log_in(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.gui.settings_dialog import SettingsDialog

    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = tmp_path / "autostart" / "imagehq-ocr.desktop"

    def dialog() -> SettingsDialog:
        dlg = SettingsDialog(window.settings, ["eng"], True, None, window)
        qtbot.addWidget(dlg)
        return dlg

    first = dialog()
    assert not first.autostart.isChecked()
    first.autostart.setChecked(True)
    first.accept()
    assert entry.is_file() and "--background" in entry.read_text()
    second = dialog()
    assert second.autostart.isChecked()  # the entry is what the box shows
    second.autostart.setChecked(False)
    second.accept()
    assert not entry.exists()


def test_a_hidden_start_without_a_tray_shows_the_window(qtbot, qapp) -> None:
    """Offscreen has no system tray: after waiting for one, the window shows (the app must not
    run out of reach); until then it stays hidden."""
    from PySide6.QtWidgets import QMainWindow

    from app.gui.desktop import DesktopIntegration
    from app.jobs import JobManager

    class Window(QMainWindow):
        def show_and_raise(self) -> None:
            self.show()

    manager = JobManager(prune_timer=False)
    window = Window()
    qtbot.addWidget(window)
    integration = DesktopIntegration(qapp, window, manager)
    try:
        integration.start_hidden(wait_ms=300)
        assert not window.isVisible() and integration.tray is None
        qtbot.waitUntil(window.isVisible, timeout=5000)
    finally:
        integration.shutdown()
        manager.shutdown()
