"""Small labels a user reads: language names in Settings, the image pane's hint."""

from __future__ import annotations

from app.gui.messages import language_name
from app.gui.result_view import ElidedLabel


def test_every_pack_code_gets_a_language_name(qapp) -> None:
    assert language_name("deu") == "German"  # the translated table
    assert language_name("afr") == "Afrikaans"  # Qt's name of an ISO 639-2 code
    assert language_name("srp_latn") == "Serbian"
    assert language_name("osd") == "osd"  # not a language: left as it is


def test_a_hint_too_long_for_its_room_ends_in_an_ellipsis(qtbot) -> None:
    text = "Drag to select words · wheel to zoom · middle button or Space+drag to pan"
    label = ElidedLabel(text)
    qtbot.addWidget(label)
    label.resize(120, 20)
    label.show()
    qtbot.waitUntil(lambda: label.text() != text)
    assert label.text().endswith("…") and len(label.text()) < len(text)
    assert label.toolTip() == text
    label.resize(2000, 20)
    qtbot.waitUntil(lambda: label.text() == text)
