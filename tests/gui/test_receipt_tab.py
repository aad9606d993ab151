"""The Receipt tab: Parse as receipt on a plain job, fields shown, a row shows its boxes on the
image, edits reach the copied JSON, items copy as CSV."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from app.core.receipt import FIELD_NAMES
from tests.gui.conftest import WAIT_MS, wait_jobs
from tests.receipt_images import bakery_receipt


def test_parse_as_receipt_and_use_the_fields(qtbot, window, tmp_path: Path) -> None:
    window.add_paths([bakery_receipt(tmp_path / "bakery.png")])
    (plain,) = wait_jobs(qtbot, window, 1)
    window.select_job(plain.id)
    view = window.result_view
    panel = view.receipt_panel
    qtbot.waitUntil(lambda: view.job is not None and view.result is not None, timeout=WAIT_MS)
    assert view.tabs.currentWidget() is view.text  # a plain job opens on its text
    assert panel.receipt is None and panel.parse_btn.isEnabled()

    panel.parse_btn.click()
    qtbot.waitUntil(
        lambda: (
            view.job is not None
            and view.job.id != plain.id
            and view.job.is_final
            and panel.receipt is not None
        ),
        timeout=WAIT_MS,
    )
    job = view.job
    assert job.operation == "parse_receipt" and job.status == "succeeded"
    assert view.tabs.currentWidget() is panel
    assert panel.value("merchant") == "CORNER BAKERY LTD"
    assert panel.value("total") == "10.25" and panel.value("date") == "2024-03-14"
    assert panel.items.rowCount() == 3 and panel.items.item(0, 0).text() == "Croissant"

    # a row shows where it was read: the words of "TOTAL £10.25" get selected in the overlay
    panel.fields.selectRow(FIELD_NAMES.index("total"))
    words = view.result.page.words()
    selected = [words[i].text for i in view.overlay.selected_indices()]
    assert selected == ["TOTAL", "£10.25"]
    panel.items.selectRow(1)
    assert [words[i].text for i in view.overlay.selected_indices()] == ["Coffee", "Latte", "2.95"]

    # edits go into what is copied
    panel.fields.item(FIELD_NAMES.index("merchant"), 1).setText("Corner Bakery")
    panel.copy_json_btn.click()
    copied = json.loads(QGuiApplication.clipboard().text())
    assert copied["merchant"] == "Corner Bakery" and copied["total"] == "10.25"
    assert copied["fields"]["merchant"]["confidence"] == 1.0
    panel.copy_csv_btn.click()
    assert QGuiApplication.clipboard().text().splitlines()[1] == "Croissant,2,1.75,3.50"

    # the job list shows the plain job and the receipt job; going back shows no receipt
    window.select_job(plain.id)
    qtbot.waitUntil(lambda: view.job is not None and view.job.id == plain.id, timeout=WAIT_MS)
    assert panel.receipt is None and view.tabs.currentWidget() is view.text


def test_receipt_tab_in_german(qtbot) -> None:
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from app import i18n_build
    from app.gui.main import I18N_DIR
    from app.gui.receipt_panel import ReceiptPanel

    assert i18n_build.main() == 0
    translator = QTranslator()
    assert translator.load(QLocale(QLocale.Language.German), "imagehq_ocr", "_", str(I18N_DIR))
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        panel = ReceiptPanel()
        qtbot.addWidget(panel)
        assert panel.parse_btn.text() == "Als &Beleg lesen"
        assert panel.fields.item(FIELD_NAMES.index("total"), 0).text() == "Summe"
    finally:
        app.removeTranslator(translator)
