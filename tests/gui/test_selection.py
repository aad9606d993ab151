"""Part of a loaded image: a rectangle dragged on the result image → "Recognise selection" is a
new job with the crop; "Rotate 90°" re-runs the image turned, as a new job."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.core import image_edit
from app.core.errors import OptionsError
from tests.gui.conftest import make_png, wait_jobs


def _size(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


def test_crop_and_rotate_helpers(tmp_path: Path) -> None:
    png = make_png(tmp_path / "a.png", ["Some text"]).read_bytes()
    w, h = _size(png)
    assert _size(image_edit.crop(png, 10, 5, 50, 20)) == (50, 20)
    assert _size(image_edit.crop(png, w - 10, 0, 500, 500)) == (10, h)  # clipped
    with pytest.raises(OptionsError):
        image_edit.crop(png, w + 5, 0, 20, 20)
    assert _size(image_edit.rotate(png, 1)) == (h, w)
    assert _size(image_edit.rotate(png, -1)) == (h, w)
    assert image_edit.rotate(png, 4) == image_edit.rotate(png, 0)


def _drag(view: Any, a: QPointF, b: QPointF) -> None:
    vp = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    for kind, pos, button, buttons in (
        (QEvent.Type.MouseButtonPress, a, left, left),
        (QEvent.Type.MouseMove, (a + b) / 2, none, left),
        (QEvent.Type.MouseMove, b, none, left),
        (QEvent.Type.MouseButtonRelease, b, left, none),
    ):
        event = QMouseEvent(kind, pos, vp.mapToGlobal(pos), button, buttons, mods)
        QApplication.sendEvent(vp, event)


def test_recognise_selection_and_rotate(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / "two.png", ["Alpha first line", "Bravo second line"])])
    [job] = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    view = window.result_view
    actions = view.image_actions
    qtbot.waitUntil(lambda: actions.rotate_right_action.isEnabled(), timeout=10000)
    assert not actions.crop_action.isEnabled()  # nothing dragged yet
    words = {w.text: w.bbox for w in view.result.page.words()}
    alpha, bravo = words["Alpha"], words["Bravo"]
    # Drag around the first line only (scene = image pixels → viewport).
    top_left = view.overlay.mapFromScene(QPointF(0, 0))
    bottom = (alpha[3] + bravo[1]) / 2
    bottom_right = view.overlay.mapFromScene(QPointF(view.overlay.sceneRect().right(), bottom))
    _drag(view.overlay, QPointF(top_left), QPointF(bottom_right))
    region = view.overlay.region()
    assert region is not None and region.bottom() < bravo[1]
    assert actions.crop_action.isEnabled()
    actions.crop_action.trigger()
    jobs = wait_jobs(qtbot, window, 2)
    crop = jobs[0]
    assert crop.id != job.id and crop.inputs[0].filename == "two-selection.png"
    assert "Alpha" in crop.text and "Bravo" not in crop.text
    assert window.result_view.job.id == crop.id  # the new job is shown

    window.select_job(job.id)
    qtbot.waitUntil(lambda: actions.job_id == job.id, timeout=10000)
    actions.rotate_right_action.trigger()
    jobs = wait_jobs(qtbot, window, 3)
    turned = jobs[0]
    assert turned.inputs[0].filename == "two-right.png"
    w, h = _size(window.manager.store.read_input(job.id, 0))
    assert _size(window.manager.store.read_input(turned.id, 0)) == (h, w)


def test_a_selection_outside_the_image_says_so(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.add_paths([make_png(tmp_path / "one.png", ["Only line"])])
    [job] = wait_jobs(qtbot, window, 1)
    window.derive(job.id, crop=(10_000, 10_000, 50, 50))
    qtbot.waitUntil(lambda: "outside the image" in window.statusBar().currentMessage())
    window.deriver.wait()
    assert window.model.rowCount() == 1
