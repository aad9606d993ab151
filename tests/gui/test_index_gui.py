"""The window keeps the screenshot index current and its search box finds indexed images."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import WAIT_MS, make_png, wait_jobs


def test_settings_lists_watched_folders(qtbot, window, tmp_path: Path) -> None:
    from app.gui.settings_dialog import SettingsDialog

    plain = SettingsDialog(window.settings, ["eng"], True, None, window)
    qtbot.addWidget(plain)
    assert plain.watched is None  # no index: no group
    dlg = SettingsDialog(
        window.settings,
        ["eng"],
        True,
        None,
        window,
        watched=["/a/shots"],
        suggested_folder="/home/you/Pictures/Screenshots",
    )
    qtbot.addWidget(dlg)
    assert dlg.watched is not None
    dlg.watched.add(str(tmp_path))
    dlg.watched.add(str(tmp_path))  # once only
    assert dlg.watched.folders() == ["/a/shots", str(tmp_path)]
    dlg.watched.list.item(0).setSelected(True)
    dlg.watched.remove_button.click()
    assert dlg.watched.folders() == [str(tmp_path)]


def test_search_box_finds_watched_images(qtbot, window, tmp_path: Path) -> None:
    shots = tmp_path / "Screenshots"
    shots.mkdir()
    make_png(shots / "alert.png", ["Certificate expired yesterday"])
    window.index.set_folders([str(shots)])
    assert window.index.folders() == [str(shots.resolve())]
    window.search.setText("certificate")
    qtbot.waitUntil(lambda: window.index_hits.count() == 1, timeout=WAIT_MS)
    assert window.index_hits.isVisible()
    item = window.index_hits.item(0)
    assert item.text().startswith("alert.png — ")
    assert "[Certificate]" in item.text()
    # its thumbnail is decoded off the GUI thread and replaces the placeholder
    placeholder = window.thumbnails.placeholder().cacheKey()
    qtbot.waitUntil(lambda: item.icon().cacheKey() != placeholder, timeout=WAIT_MS)
    window.index_hits.itemActivated.emit(item)  # opens the image as a job
    jobs = wait_jobs(qtbot, window, 1)
    assert jobs[0].inputs[0].filename == "alert.png"
    window.search.setText("nothing like it")
    qtbot.waitUntil(lambda: not window.index_hits.isVisible(), timeout=WAIT_MS)
    window.index.set_folders([])
    assert window.index.folders() == []
    assert window.index.search("certificate") == []


def test_settings_fit_a_short_screen_and_keep_the_language_list_usable(qtbot, window) -> None:
    """With the watched-folders group added, the dialog is taller than many laptop screens: it
    keeps within the screen and scrolls, instead of squeezing the language list to a row."""
    from PySide6.QtWidgets import QScrollArea

    from app.gui.settings_dialog import SettingsDialog

    languages = ["afr", "aze", "deu", "eng", "fra", "spa", "ita", "nld", "por", "swe"]
    dlg = SettingsDialog(
        window.settings, languages, True, None, window, watched=["/a/shots"], suggested_folder="/s"
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    screen = dlg.screen().availableGeometry()
    assert dlg.height() <= screen.height()
    row = dlg.languages.sizeHintForRow(0)
    assert dlg.languages.height() >= 4 * row, (dlg.languages.height(), row)
    scroll = dlg.findChild(QScrollArea)
    assert scroll is not None and scroll.isAncestorOf(dlg.languages)
