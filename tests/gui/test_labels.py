"""Small labels a user reads: language names in Settings, the image pane's hint."""

from __future__ import annotations

from app.gui.elided_label import ElidedLabel
from app.gui.messages import language_name


def test_every_pack_code_gets_a_language_name(qapp) -> None:
    assert language_name("deu") == "German"  # the translated table
    assert language_name("afr") == "Afrikaans"  # Qt's name of an ISO 639-2 code
    assert language_name("srp_latn") == "Serbian"
    assert language_name("osd") == "osd"  # not a language: left as it is


def test_a_hint_too_long_for_its_room_keeps_whole_parts(qtbot) -> None:
    """At the window's default size the hint showed "Dra…": a stub that says nothing."""
    text = "Drag to select words · wheel to zoom · middle button or Space+drag to pan"
    label = ElidedLabel(text)
    qtbot.addWidget(label)
    first = label.fontMetrics().horizontalAdvance("Drag to select words · wheel to zoom")
    label.resize(first + 30, 20)
    label.show()
    qtbot.waitUntil(lambda: label.text() != text)
    assert label.text() == "Drag to select words · wheel to zoom …"
    assert label.toolTip() == text
    label.resize(label.fontMetrics().horizontalAdvance("Drag to sel"), 20)
    qtbot.waitUntil(lambda: label.text() == "")  # no stub; the tooltip still has it all
    label.resize(2000, 20)
    qtbot.waitUntil(lambda: label.text() == text)


def test_the_drop_zone_and_the_format_error_name_every_format_we_read(qtbot) -> None:
    """PDF input came without the empty window or the error saying so."""
    from PySide6.QtWidgets import QLabel

    from app.core.sniff import IMAGE_EXTENSIONS
    from app.gui.drop_zone import DropZone
    from app.gui.messages import _code_texts

    zone = DropZone()
    qtbot.addWidget(zone)
    hint = " ".join(label.text() for label in zone.findChildren(QLabel))
    error = _code_texts()["unsupported_media_type"]
    same = {"JPG": "JPEG", "TIF": "TIFF"}
    names = {same.get(e.lstrip(".").upper(), e.lstrip(".").upper()) for e in IMAGE_EXTENSIONS}
    for name in sorted(names):
        assert name in hint.upper(), (name, hint)
        assert name in error.upper(), (name, error)


def test_the_image_hint_says_something_at_the_windows_default_size(qtbot, window, tmp_path) -> None:
    """The hint shared its room with a stretch and showed nothing (before: "Dra…")."""
    from PySide6.QtWidgets import QLabel

    from tests.gui.conftest import make_png, wait_jobs

    window.add_paths([make_png(tmp_path / "a.png", ["Alpha bravo"])])
    (job,) = wait_jobs(qtbot, window, 1)
    window.select_job(job.id)
    view = window.result_view
    qtbot.waitUntil(lambda: view.overlay._pixmap_item is not None, timeout=10000)
    hint = view.findChild(QLabel, "hint")
    window.resize(1280, 820)  # the size a first start opens at
    qtbot.waitUntil(lambda: hint.width() > 0)
    qtbot.waitUntil(lambda: hint.text().startswith("Drag to select words"), timeout=3000)
