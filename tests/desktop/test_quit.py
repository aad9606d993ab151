"""Quitting the real app after the Settings dialog was open (issue 9, defect 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.capture.conftest import wait_until

pytestmark = pytest.mark.x11
SETTINGS_TITLE = "Settings — ImageHQ OCR"


@pytest.mark.parametrize("run", range(5))
def test_quit_after_settings_exits_cleanly(launch, tmp_path: Path, run: int) -> None:
    app = launch(tmp_path / "home")
    app.key("ctrl+comma")
    dialog = wait_until(lambda: app.find_window(SETTINGS_TITLE), timeout=20)
    wait_until(lambda: app.active_window() == dialog)
    app.key("Escape")
    wait_until(lambda: not app.find_window(SETTINGS_TITLE))
    wait_until(lambda: app.active_window() == app.window)
    app.key("ctrl+q")
    code = app.wait_exit()
    err = app.stderr()
    assert "shared QObject" not in err, err
    assert code == 0, err
