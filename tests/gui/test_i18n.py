"""The German translation loads and reaches the window's strings."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from app import i18n_build
from app.gui.main import I18N_DIR


def test_german_translation_reaches_the_window(qtbot, manager) -> None:
    assert i18n_build.main() == 0  # `make` does this; here it makes the test self-contained
    app = QApplication.instance()
    translator = QTranslator()
    assert translator.load(QLocale(QLocale.Language.German), "imagehq_ocr", "_", str(I18N_DIR))
    app.installTranslator(translator)
    try:
        from app.gui.main_window import MainWindow

        win = MainWindow(manager)
        qtbot.addWidget(win)
        assert win.open_action.text() == "Ö&ffnen…"
        assert win.model.headerData(3, Qt.Orientation.Horizontal) == "Konfidenz"
        texts = [label.text() for label in win.drop_zone.findChildren(QLabel)]
        assert any(t.startswith("Bilder hierher ziehen") for t in texts)
        assert win.result_view.psm_combo.itemText(0) == "Automatisches Layout"
    finally:
        app.removeTranslator(translator)
