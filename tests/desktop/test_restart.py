"""Settings chosen in the dialog are there after a restart (issue 9, defect 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageGrab
from PySide6.QtCore import QSettings

from tests.capture.conftest import wait_until

pytestmark = pytest.mark.x11
SETTINGS_TITLE = "Settings — ImageHQ OCR"


def window_grey(app) -> float:
    """Mean brightness (0–255) of the app window's pixels."""
    from tests.desktop.conftest import xdotool

    geo = dict(
        line.split("=", 1)
        for line in xdotool(app.display, "getwindowgeometry", "--shell", app.window).splitlines()
    )
    x, y, w, h = (int(geo[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
    shot = ImageGrab.grab(bbox=(x, y, x + w, y + h), xdisplay=app.display).convert("L")
    return sum(shot.get_flattened_data()) / (w * h)


def settings_dialog(app) -> None:
    app.key("ctrl+comma")
    dialog = wait_until(lambda: app.find_window(SETTINGS_TITLE), timeout=20)
    wait_until(lambda: app.active_window() == dialog)


def close_dialog_with_ok_and_quit(app) -> int:
    app.key("Return")  # OK
    wait_until(lambda: not app.find_window(SETTINGS_TITLE))
    wait_until(lambda: app.active_window() == app.window)
    app.key("ctrl+q")
    return app.wait_exit()


def test_theme_and_close_to_tray_survive_a_restart(launch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = launch(home)
    # Mapped is not yet painted (then it shows black): the light window's grey once it is.
    light = wait_until(lambda: (grey := window_grey(first)) > 120 and grey)
    settings_dialog(first)
    first.key("alt+m", "End")  # The&me: the last entry is Dark
    # Back to "Closing the window keeps ImageHQ OCR in the tray" (ticked by default); Space
    # unticks it at once (its mnemonic would tick it only after the click animation).
    first.key("shift+Tab", "space")
    assert close_dialog_with_ok_and_quit(first) == 0, first.stderr()

    second = launch(home)
    wait_until(lambda: window_grey(second) < light - 60)  # opens dark
    # OK in the second process writes back what its dialog shows: what it read at start-up.
    settings_dialog(second)
    assert close_dialog_with_ok_and_quit(second) == 0, second.stderr()
    ini = QSettings(str(home / "config" / "settings.ini"), QSettings.Format.IniFormat)
    assert ini.value("window/theme") == "dark"
    assert str(ini.value("window/close_to_tray")).lower() == "false"
    assert "%General" not in (home / "config" / "settings.ini").read_text()
