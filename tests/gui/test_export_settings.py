"""Export of each format (current result and several jobs at once) and the settings round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app import settings as S
from tests.gui.conftest import make_png, wait_jobs


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.txt", lambda s: "Export this text" in s),
        ("out.hocr", lambda s: "ocrx_word" in s and "Export" in s),
        ("out.json", lambda s: "Export" in json.loads(s)["text"]),
        ("out.tsv", lambda s: s.splitlines()[0].startswith("level") and "Export" in s),
    ],
)
def test_export_current_result_in_each_format(qtbot, window, tmp_path: Path, name, check) -> None:
    window.add_paths([make_png(tmp_path / "e.png", ["Export this text"])])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    qtbot.waitUntil(lambda: window.result_view.result is not None, timeout=5000)
    target = tmp_path / "exports" / name
    target.parent.mkdir()
    fmt = window.export_to(str(target))
    assert fmt == name.split(".")[1]
    assert check(target.read_text(encoding="utf-8"))
    assert S.get(window.settings, S.EXPORT_LAST_DIR) == str(target.parent)


def test_export_several_jobs_to_a_folder(qtbot, window, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / f"page{i}.png", [f"Page number {i}"]) for i in (1, 2)])
    jobs = wait_jobs(qtbot, window, 2)
    out = tmp_path / "batch"
    out.mkdir()
    (out / "page1.json").write_text("{}")  # exists: the export must not overwrite it
    window.export_jobs(jobs, out, "json")
    # the window hears of the end (its handler is connected before the export starts)
    qtbot.waitUntil(lambda: window._batch is None, timeout=10000)
    assert "Exported 2 file(s)" in window.statusBar().currentMessage()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["page1-2.json", "page1.json", "page2.json"]
    assert "Page number 1" in json.loads((out / "page1-2.json").read_text())["text"]
    assert (out / "page1.json").read_text() == "{}"


def test_settings_round_trip(qtbot, window) -> None:
    from app.gui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(window.settings, ["deu", "eng"], True, None, window)
    qtbot.addWidget(dlg)
    for i in range(dlg.languages.count()):
        dlg.languages.item(i).setCheckState(Qt.CheckState.Checked)
    dlg.orientation.setChecked(True)
    dlg.psm.setCurrentIndex(dlg.psm.findData("sparse"))
    dlg.engine.setCurrentIndex(dlg.engine.findData("rapidocr"))
    dlg.ttl.setValue(72)
    dlg.hotkey.setKeySequence(QKeySequence("Ctrl+Shift+T"))
    dlg.close_to_tray.setChecked(False)
    dlg.port.setValue(9123)
    with qtbot.waitSignal(window.settings_changed, timeout=3000):
        dlg.accept()
        window.apply_settings()

    fresh = S.make_qsettings()  # read back from the INI file
    assert S.get(fresh, S.OCR_LANGUAGE) == "deu+eng"
    assert S.get(fresh, S.OCR_DETECT_ORIENTATION) is True
    assert S.get(fresh, S.OCR_PSM) == "sparse"
    assert S.get(fresh, S.OCR_ENGINE) == "rapidocr"
    assert S.get(fresh, S.RETENTION_TTL_HOURS) == 72
    assert S.get(fresh, S.CAPTURE_HOTKEY) == "Ctrl+Shift+T"
    assert S.get(fresh, S.CLOSE_TO_TRAY) is False
    assert S.get(fresh, S.API_PORT) == 9123
    assert window.manager.default_ttl_hours == 72
    opts = window.current_options()
    assert (opts.language, opts.detect_orientation, opts.psm) == ("deu+eng", True, "sparse")
    assert opts.engine == "rapidocr"

    again = SettingsDialog(fresh, ["deu", "eng"], True, None, window)
    qtbot.addWidget(again)
    assert again.values() == dlg.values()
    assert "sudo apt-get install tesseract-ocr-" in again.lang_hint.text()


def test_api_starts_from_settings_and_shows_its_token(qtbot, window) -> None:
    pytest.importorskip("app.api.server")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    window.settings.setValue(S.API_ENABLED, True)
    window.settings.setValue(S.API_PORT, port)
    window.apply_settings()
    try:
        assert window.api.url and str(port) in window.api.url, window.api.error
        assert str(port) in window.api_label.text()
        from app.gui.settings_dialog import SettingsDialog, api_token

        token, _where = api_token()
        dlg = SettingsDialog(window.settings, ["eng"], True, window.api.url, window)
        qtbot.addWidget(dlg)
        assert token and dlg.token.text() == token
    finally:
        window.settings.setValue(S.API_ENABLED, False)
        window.apply_settings()
    assert window.api.url is None
