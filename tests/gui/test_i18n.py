"""The translations: complete and in sync with the code, and reaching the window in German,
French and Spanish — status words, a failed job's reason, Qt's own dialog buttons (issue 9,
defect 6 and "two more UI languages")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from app import i18n_build
from app import settings as S
from app.gui.job_model import COL_STATUS
from app.gui.main import UI_LANG_ENV, install_translators, tesseract_packs, ui_locale
from app.gui.messages import error_text, language_name, status_word
from tests.gui.conftest import make_png, wait_jobs

# What each language must show: written out here, not computed with tr().
EXPECTED = {
    "de": {
        "done": "Fertig",
        "failed": "Fehlgeschlagen",
        "unsupported": "Kein unterstütztes Bildformat",
        "banner": "Dieser Auftrag ist fehlgeschlagen: Kein unterstütztes Bildformat",
        "cancel": "Abbrechen",
        "deu": "deu — Deutsch",
        "open": "Ö&ffnen…",
    },
    "fr": {
        "done": "Terminé",
        "failed": "Échec",
        "unsupported": "Format d’image non pris en charge",
        "banner": "Cette tâche a échoué : Format d’image non pris en charge",
        "cancel": "Annuler",
        "deu": "deu — Allemand",
        "open": "&Ouvrir…",
    },
    "es": {
        "done": "Terminado",
        "failed": "Error",
        "unsupported": "Formato de imagen no admitido",
        "banner": "Este trabajo ha fallado: Formato de imagen no admitido",
        "cancel": "Cancelar",
        "deu": "deu — Alemán",
        "open": "&Abrir…",
    },
}


def test_every_ts_is_complete_and_in_sync_with_the_sources() -> None:
    """Nothing unfinished or empty, and lupdate over the sources (into temporary copies) finds
    nothing new and nothing gone. After changing strings: `make translations-update`."""
    names = sorted(p.name for p in i18n_build.SRC.glob("*.ts"))
    assert names == ["imagehq_ocr_de.ts", "imagehq_ocr_es.ts", "imagehq_ocr_fr.ts"]
    assert i18n_build.problems() == []


def test_the_check_finds_a_new_string_and_an_untranslated_one(tmp_path: Path) -> None:
    ts = tmp_path / "imagehq_ocr_it.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="it_IT">\n'
        "<context><name>DropZone</name>\n"
        '<message><source>Paste</source><translation type="unfinished"></translation></message>\n'
        "<message><source>Gone</source><translation>Weg</translation></message>\n"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    assert i18n_build.unfinished(ts) == ["imagehq_ocr_it.ts: DropZone: 'Paste' is not translated"]
    i18n_build.lupdate([ts])  # the sources' strings come in unfinished, "Gone" vanishes
    found = i18n_build.unfinished(ts)
    assert "imagehq_ocr_it.ts: DropZone: 'Gone' is no longer in the code" in found
    assert "imagehq_ocr_it.ts: DropZone: 'Capture region' is not translated" in found


@pytest.fixture
def ui_language(request, qapp) -> Iterator[str]:
    """The UI in ``request.param`` the way run_gui sets it up: Qt's and our translators and the
    default QLocale; everything removed again afterwards."""
    assert i18n_build.main([]) == 0  # `make` does this; here it makes the test self-contained
    before = QLocale()
    translators = install_translators(qapp, QLocale(request.param))
    assert len(translators) == 2  # qtbase_<lang>.qm from Qt and imagehq_ocr_<lang>.qm
    try:
        yield request.param
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


@pytest.mark.parametrize("ui_language", ["de", "fr", "es"], indirect=True)
def test_the_window_speaks_the_ui_language(qtbot, ui_language, window, tmp_path: Path) -> None:
    want = EXPECTED[ui_language]
    assert window.open_action.text() == want["open"]
    good = make_png(tmp_path / "good.png", ["Hello translated world"])
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"just some text, not an image")
    window.add_paths([good, bad])
    jobs = wait_jobs(qtbot, window, 2)
    by_name = {j.display_name: j for j in jobs}
    ok, failed = by_name["good.png"], by_name["notes.png"]
    assert (ok.status, failed.status) == ("succeeded", "failed")
    assert failed.error is not None and failed.error["code"] == "unsupported_media_type"

    ok_status = window.model.index(window.model.row_of(ok.id), COL_STATUS).data()
    assert ok_status == want["done"]
    bad_status = window.model.index(window.model.row_of(failed.id), COL_STATUS).data()
    assert bad_status.startswith(f"{want['failed']}: {want['unsupported']}")
    assert "not a supported image" not in bad_status

    window.select_job(failed.id)
    banner = window.result_view.error_banner
    qtbot.waitUntil(lambda: banner.isVisibleTo(window), timeout=3000)
    assert banner.text().startswith(want["banner"])
    assert window.result_view.status.text().startswith(want["failed"] + " · ")
    window.select_job(ok.id)
    qtbot.waitUntil(lambda: window.result_view.status.text().startswith(want["done"] + " · "))
    assert "succeeded" not in window.result_view.status.text()

    from app.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, ["deu", "eng"], True, None, window)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == want["cancel"]  # Qt's own translation (qtbase_<lang>.qm)
    assert dialog.languages.item(0).text() == want["deu"]


@pytest.mark.parametrize("ui_language", ["de"], indirect=True)
def test_german_reaches_the_other_panes(qtbot, ui_language, manager) -> None:
    from app.gui.main_window import MainWindow

    win = MainWindow(manager)
    qtbot.addWidget(win)
    assert win.model.headerData(3, Qt.Orientation.Horizontal) == "Konfidenz"
    texts = [label.text() for label in win.drop_zone.findChildren(QLabel)]
    assert any(t.startswith("Bilder hierher ziehen") for t in texts)
    assert win.result_view.psm_combo.itemText(0) == "Automatisches Layout"
    assert status_word("queued") == "Wartend"
    assert language_name("eng") == "Englisch"


def test_error_codes_fall_back_to_the_core_message(qapp) -> None:
    assert error_text({"code": "something_new", "message": "a new reason"}) == "a new reason"
    assert error_text(None) == ""
    assert error_text({"code": "invalid_image", "message": "the file is empty (0 bytes)"}) == (
        "The file is empty (0 bytes)"
    )
    # Where the core's message names what to change, it follows the translated reason.
    lang = {"code": "unknown_language", "message": "language 'xyz' is not installed"}
    assert error_text(lang) == (
        "The language pack for this language is not installed (language 'xyz' is not installed)"
    )
    many = {"code": "unsupported_media_type", "message": "all 2 inputs failed; a.png: not…"}
    assert error_text(many, inputs=2) == (
        "All 2 images failed: "
        "Not a supported image (expected PNG, JPEG, WebP, TIFF, BMP, GIF or PDF)"
    )


def test_ui_language_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv(UI_LANG_ENV, "fr")
    assert ui_locale().name() == "fr_FR"
    monkeypatch.delenv(UI_LANG_ENV)
    assert ui_locale().name() == QLocale.system().name()


@pytest.mark.parametrize(
    ("ui", "installed", "expected"),
    [
        ("de_DE", ["deu", "eng", "osd"], "eng+deu"),
        ("de", ["eng"], "eng"),  # no German pack: English only
        ("fr_FR", ["deu", "eng", "fra"], "eng+fra"),
        ("en_GB", ["deu", "eng"], "eng"),
        ("C", ["eng"], "eng"),
        ("es_ES", [], "eng"),  # no Tesseract at all
    ],
)
def test_default_ocr_language_follows_the_ui_language(ui, installed, expected) -> None:
    assert S.default_ocr_language(ui, installed) == expected


def test_an_unset_ocr_language_follows_the_ui_a_chosen_one_stays(
    manager, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QSettings

    monkeypatch.setitem(S.DEFAULTS, S.OCR_LANGUAGE, "eng")
    packs = tesseract_packs(manager.engine)
    assert "deu" in packs and "eng" in packs  # the machine's Tesseract, asked for real
    qs = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert S.follow_ui_language("de_DE", packs) == "eng+deu"
    assert S.get(qs, S.OCR_LANGUAGE) == "eng+deu"
    qs.setValue(S.OCR_LANGUAGE, "eng")
    assert S.get(qs, S.OCR_LANGUAGE) == "eng"


def test_qt_translations_exist_for_every_ui_language(qapp) -> None:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for lang in ("de", "fr", "es"):
        assert (folder / f"qtbase_{lang}.qm").is_file()
