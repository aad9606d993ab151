"""Delete asks first; the first Ctrl+S starts in the image's folder, then the last used one;
"Export selected" asks for the format and the folder in one dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.gui.export_dialog import ExportDialog
from tests.gui.conftest import make_png, wait_jobs


def test_delete_asks_and_cancel_keeps_the_job(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    window.add_paths([make_png(tmp_path / "keep.png", ["Keep me please"])])
    [job] = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Any:
        def question(_parent: Any, _title: str, text: str, *_: Any) -> Any:
            asked.append(text)
            return button

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.delete_selected()
    assert len(asked) == 1 and "keep.png" in asked[0]
    assert window.model.rowCount() == 1 and window.manager.store.count() == 1
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.delete_selected()
    assert window.model.rowCount() == 0 and window.manager.store.count() == 0


def test_first_save_starts_in_the_images_folder(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    images = tmp_path / "scans"
    images.mkdir()
    window.add_paths([make_png(images / "letter.png", ["Dear reader"])])
    [job] = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    qtbot.waitUntil(lambda: window.result_view.result is not None, timeout=10000)
    starts: list[str] = []
    monkeypatch.setattr(
        "app.gui.window_export.QFileDialog.getSaveFileName",
        lambda _p, _t, start, _f: (starts.append(start), ("", ""))[1],
    )
    window.export_current()
    assert Path(starts[0]) == images.resolve() / "letter.txt"
    out = tmp_path / "out"
    out.mkdir()
    assert window.export_to(str(out / "letter.txt")) == "txt"
    window.export_current()
    assert Path(starts[1]).parent == out  # then the last used folder


def test_export_selected_is_one_dialog(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    dialog = ExportDialog(str(tmp_path / "missing"), 2)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no such folder yet
    dialog.folder_edit.setText(str(tmp_path))
    dialog.format_combo.setCurrentText("tsv")
    assert ok.isEnabled() and dialog.choice() == ("tsv", tmp_path)

    window.add_paths([make_png(tmp_path / "a.png", ["Alpha text"])])
    wait_jobs(qtbot, window, 1)
    window.table.selectAll()
    asked: list[tuple[str, int]] = []
    exported: list[tuple[int, Path, str]] = []
    monkeypatch.setattr(
        ExportDialog,
        "ask",
        staticmethod(lambda f, n, _p=None: (asked.append((f, n)), ("json", tmp_path))[1]),
    )
    monkeypatch.setattr(
        window, "export_jobs", lambda jobs, folder, fmt: exported.append((len(jobs), folder, fmt))
    )
    window.export_selected()
    assert len(asked) == 1 and exported == [(1, tmp_path, "json")]
