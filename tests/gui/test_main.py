"""run_gui's guard rails: no display → one clear line and exit code 1."""

from __future__ import annotations

import pytest

from app.gui.main import display_available, run_gui


def test_without_display_run_gui_explains_and_returns_1(monkeypatch, capsys) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert not display_available()
    assert run_gui(["imagehq-ocr"]) == 1
    err = capsys.readouterr().err.strip()
    assert "no display" in err and len(err.splitlines()) == 1


def test_window_geometry_is_remembered(qtbot, manager) -> None:
    from app.gui.main_window import MainWindow

    first = MainWindow(manager)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 480)
    qtbot.wait(50)
    size = first.size()
    assert size.height() == 480
    first._really_quit = True
    first.close()
    second = MainWindow(manager)
    qtbot.addWidget(second)
    assert second.size() == size


@pytest.mark.parametrize("shortcut", ["Ctrl+O", "Ctrl+V", "Ctrl+S", "Ctrl+Shift+R", "Ctrl+F"])
def test_main_actions_have_shortcuts(qtbot, window, shortcut: str) -> None:
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert shortcut in shortcuts
