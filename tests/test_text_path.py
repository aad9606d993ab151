"""Capture text faults fixed in the core text path (issue 9, defect 9): no blank line inside a
paragraph the engine split at a short line, no stray trailing dash from a region's edge."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from app.core.engines import get_engine
from app.core.model import Block, Line, Page, Paragraph, Word, drop_stray_marks
from app.core.options import OcrOptions
from tests.conftest import font_path

WRAPPED = [  # a browser's wrapping: the first line ends early, Tesseract makes it a paragraph
    "Optical character recognition or optical",
    "character reader (OCR) is the electronic or mechanical",
    "conversion of images of typed, handwritten or printed",
    "text into machine-encoded text, whether from a scanned",
]


def _page_image(lines: list[str], pitch: int = 21) -> Image.Image:
    font = ImageFont.truetype(font_path(), 15)
    img = Image.new("RGB", (470, 12 + pitch * len(lines)), "white")
    draw = ImageDraw.Draw(img)
    for i, text in enumerate(lines):
        if text:
            draw.text((6, 6 + i * pitch), text, font=font, fill=(32, 33, 36))
    return img


def test_a_paragraph_split_at_a_short_line_has_no_blank_line() -> None:
    result = get_engine("tesseract").recognize(_page_image(WRAPPED), OcrOptions())
    assert len([p for b in result.page.blocks for p in b.paragraphs]) >= 2  # the engine splits
    assert result.text == "\n".join(WRAPPED)


def test_a_real_gap_between_paragraphs_stays_a_blank_line() -> None:
    lines = ["The first paragraph is here.", "", "", "A second one after a gap."]
    result = get_engine("tesseract").recognize(_page_image(lines), OcrOptions())
    assert result.text == "The first paragraph is here.\n\nA second one after a gap."


def _line(*words: tuple[str, float], y: int = 0) -> Line:
    return Line(
        [Word(t, (10 + 60 * i, y, 60 + 60 * i, y + 14), c) for i, (t, c) in enumerate(words)]
    )


def test_a_doubtful_trailing_dash_is_dropped_a_confident_one_stays() -> None:
    page = Page(400, 100)
    page.blocks = [
        Block(
            [
                Paragraph(
                    [
                        _line(("Select", 0.95), ("the", 0.96), ("words", 0.94), ("—", 0.31)),
                        _line(("wait", 0.95), ("—", 0.91), y=20),
                        _line(("|", 0.2), y=40),
                    ]
                )
            ]
        )
    ]
    assert drop_stray_marks(page) == 2
    assert page.text == "Select the words\nwait —"
