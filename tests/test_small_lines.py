"""Tesseract reads a small line among large ones again, enlarged (``small_lines``).

Real Tesseract on screens rendered here: an 8 pt caption above 14–22 pt text, as in a settings
page or a font sample. One scale for the whole image (the median text height) leaves the 8 pt
line too small, and Tesseract misread it ("'ial, 8 pt - You only ve once").
"""

from __future__ import annotations

import os

import pytest
from PIL import Image, ImageDraw

from app.core.engines import small_lines
from app.core.engines.tesseract import TesseractEngine
from app.core.options import OcrOptions
from bench import score, screens

os.environ["OMP_THREAD_LIMIT"] = "1"
SENTENCE = "You only live once, but if you do it right, once is enough."


def font_sizes(font: str, sizes: list[float]) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The sentence at each size, one line each; and each line's ink rows (top, bottom)."""
    steps = [int(s * 96 / 72 * 2.1) for s in sizes]
    image = Image.new("RGB", (1200, 30 + sum(steps)), "white")
    draw = ImageDraw.Draw(image)
    rows: list[tuple[int, int]] = []
    y = 8
    for size, step in zip(sizes, steps, strict=True):
        text = f"Arial, {size:g} pt - {SENTENCE}"
        font_ = screens.load_font(font, round(size * 96 / 72))
        box = draw.textbbox((10, y), text, font=font_)
        draw.text((10, y), text, font=font_, fill="black")
        rows.append((box[1], box[3]))
        y += step
    return image, rows


@pytest.fixture(scope="module")
def engine() -> TesseractEngine:
    engine = TesseractEngine()
    if not engine.is_installed():
        pytest.fail("Tesseract is required for these tests")
    return engine


@pytest.mark.parametrize("font", ["LiberationSans-Regular.ttf", "DejaVuSans.ttf"])
def test_a_small_line_among_large_ones_is_read_right(engine: TesseractEngine, font: str) -> None:
    image, rows = font_sizes(font, [7, 14, 16, 22])
    result = engine.recognize(image, OcrOptions(engine="tesseract"))
    first = result.page.lines()[0]
    # one wrong letter at most ("night"); read once at the image's scale it was
    # "-Aval, 7 pt-You ony lve once, but youd ight, ences enough" (CER 0.3)
    assert score.cer(first.text, f"Arial, 7 pt - {SENTENCE}") <= 0.02, first.text
    # the words of the re-read line sit on the 7 pt line of the input
    top, bottom = rows[0]
    for word in first.words:
        assert top - 3 <= word.bbox[1] and word.bbox[3] <= bottom + 3, word
        assert 0 <= word.bbox[0] < word.bbox[2] <= image.width
    # the large lines are read as before
    assert [ln.text for ln in result.page.lines()[1:]] == [
        f"Arial, {s} pt - {SENTENCE}" for s in (14, 16, 22)
    ]


def test_only_small_unsure_lines_are_read_again(engine: TesseractEngine) -> None:
    image, _ = font_sizes("LiberationSans-Regular.ttf", [8, 14, 16, 22])
    from app.core import preprocess

    prepared = preprocess.prepare(image)
    assert prepared.scale == 1.0  # the median height is large: the image is not enlarged
    result = engine.recognize(image, OcrOptions(engine="tesseract"))
    # after the second reading no line is left small and unsure
    assert small_lines.candidates(result.page, prepared.scale) == []
    # a page of one size gives no candidates at all: nothing is read twice
    single, _ = font_sizes("LiberationSans-Regular.ttf", [14, 14, 14])
    prepared = preprocess.prepare(single)
    read = engine.recognize(single, OcrOptions(engine="tesseract"))
    assert small_lines.candidates(read.page, prepared.scale) == []
