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


def test_unusable_store_shows_a_dialog_and_returns_1(qapp, monkeypatch, tmp_path, capsys) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the home folder should be")
    monkeypatch.setenv("IMAGEHQ_OCR_HOME", str(blocker / "home"))
    shown: list[str] = []

    def answer_dialog(tries: int = 250) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.done(0)
        elif tries:
            QTimer.singleShot(20, lambda: answer_dialog(tries - 1))

    QTimer.singleShot(0, answer_dialog)
    assert run_gui(["imagehq-ocr"]) == 1
    [text] = shown
    assert str(blocker / "home") in text and "IMAGEHQ_OCR_HOME" in text
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
