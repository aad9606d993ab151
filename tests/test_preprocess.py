"""Screenshot-aware preprocessing: decisions, box mapping, and accuracy against raw Tesseract.

Real Tesseract on generated screenshots (bench/screens.py) with known text and word boxes.
"""

from __future__ import annotations

import os

import pytesseract
import pytest
from PIL import Image

from app.core import preprocess
from app.core.engines.tesseract import TesseractEngine
from app.core.options import OcrOptions
from bench import score, screens
from tests.conftest import text_image

os.environ["OMP_THREAD_LIMIT"] = "1"

BBox = tuple[int, int, int, int]


def iou(a: BBox, b: BBox) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


# -- decisions -------------------------------------------------------------------------------
def test_dark_background_is_inverted_and_small_text_upscaled() -> None:
    image = text_image(
        ["user@host:~$ make build", "error: missing file"],
        size=12,
        fg="#d0d0d0",
        bg="#1e1e1e",
        font="DejaVuSansMono.ttf",
    )
    prepared = preprocess.prepare(image)
    assert "invert" in prepared.steps
    assert prepared.scale >= 2.0
    assert prepared.text_height is not None and 8 <= prepared.text_height <= 16
    # after inversion the background (and the padding) is light
    assert prepared.image.getpixel((0, 0)) > 200
    assert prepared.image.mode == "L"


def test_light_background_is_not_inverted() -> None:
    prepared = preprocess.prepare(text_image(["Cancel", "Apply changes"], size=12))
    assert "invert" not in prepared.steps
    assert prepared.image.getpixel((0, 0)) > 200


def test_large_text_document_is_not_upscaled() -> None:
    lines = ["The quick brown fox jumps over", "the lazy dog near the river bank", "again."]
    prepared = preprocess.prepare(text_image(lines, size=40))
    assert prepared.scale == 1.0
    assert not any(s.startswith("upscale") for s in prepared.steps)
    assert prepared.text_height is not None and prepared.text_height >= 25


def test_upscale_is_capped_by_pixel_budget() -> None:
    assert preprocess.choose_scale(6.0, 400, 300) == preprocess.MAX_SCALE
    big = preprocess.choose_scale(8.0, 4000, 3000)
    assert big * big * 4000 * 3000 <= preprocess.MAX_OUTPUT_PIXELS * 1.01
    assert preprocess.choose_scale(None, 400, 300) == 1.0
    assert preprocess.choose_scale(40.0, 400, 300) == 1.0


def test_disabled_returns_the_input_untouched() -> None:
    image = text_image(["hello"], size=12)
    prepared = preprocess.prepare(image, enabled=False)
    assert prepared.image is image and prepared.steps == [] and prepared.scale == 1.0


@pytest.mark.parametrize(
    "image",
    [
        Image.new("RGB", (1, 1), "white"),
        Image.new("L", (300, 200), 0),
        Image.new("RGBA", (50, 40), (0, 0, 0, 0)),
        Image.new("1", (64, 64), 1),
        Image.new("I;16", (64, 64), 40000),
        Image.new("P", (64, 64), 3),
    ],
    ids=["1px", "black", "transparent", "bilevel", "16bit", "palette"],
)
def test_odd_images_do_not_break(image: Image.Image) -> None:
    prepared = preprocess.prepare(image)
    assert prepared.image.mode == "L"
    assert prepared.image.width >= image.width and prepared.image.height >= image.height
    assert prepared.text_height is None or prepared.text_height > 0


def test_transparent_text_gets_a_contrasting_background() -> None:
    rgba = text_image(["Transparent label"], size=14).convert("RGBA")
    # black text on nothing: make the white paper transparent
    rgba.putalpha(rgba.convert("L").point(lambda v: 255 - v))
    gray = preprocess.to_gray(rgba)
    assert gray.getpixel((0, 0)) == 255
    assert gray.getextrema()[0] < 60


def test_to_source_inverts_scale_and_pad() -> None:
    prepared = preprocess.Prepared(Image.new("L", (10, 10)), scale=2.5, pad=10)
    assert prepared.to_source((10 + 25, 10 + 50, 10 + 100, 10 + 75), 200, 200) == (10, 20, 40, 30)
    # boxes in the padding clamp to the image
    assert prepared.to_source((0, 0, 5, 5), 200, 200) == (0, 0, 0, 0)
    assert prepared.to_source((600, 600, 700, 700), 200, 200) == (200, 200, 200, 200)


# -- real Tesseract on generated screenshots -------------------------------------------------
@pytest.fixture(scope="module")
def engine() -> TesseractEngine:
    eng = TesseractEngine()
    if not eng.is_installed():
        pytest.skip("tesseract is not installed")
    return eng


def test_word_boxes_map_back_onto_the_original_pixels(engine: TesseractEngine) -> None:
    screen = screens.dark_panel(7, pt=9)  # dark theme, 12 px text: inverted and upscaled
    assert "invert" in preprocess.prepare(screen.image).steps
    result = engine.recognize(screen.image, OcrOptions())
    assert (result.page.width, result.page.height) == screen.image.size
    truth: dict[str, list[BBox]] = {}
    for w in screen.words:
        truth.setdefault(w.text, []).append(w.bbox)
    matched = [
        max(iou(w.bbox, t) for t in truth[w.text]) for w in result.page.words() if w.text in truth
    ]
    assert len(matched) >= 0.8 * len(screen.words)
    good = [m for m in matched if m >= 0.5]
    assert len(good) >= 0.9 * len(matched), matched


def _raw_text(image: Image.Image, lines: list[BBox]) -> str:
    data = pytesseract.image_to_data(image, lang="eng", output_type=pytesseract.Output.DICT)
    words = [
        (str(t).strip(), (x, y, x + w, y + h))
        for t, x, y, w, h, c in zip(
            data["text"],
            data["left"],
            data["top"],
            data["width"],
            data["height"],
            data["conf"],
            strict=True,
        )
        if str(t).strip() and float(c) >= 0
    ]
    return score.line_ordered_text(words, lines)


@pytest.mark.parametrize(
    ("screen", "bound"),
    [
        (screens.terminal(1, pt=9), 0.03),
        (screens.dark_panel(2, pt=8), 0.03),
        # the dialog's icon and its white-on-blue "OK" button are misread by both
        (screens.light_dialog(2, pt=8), 0.12),
    ],
    ids=["terminal_9pt", "dark_panel_8pt", "light_dialog_8pt"],
)
def test_pipeline_beats_raw_tesseract_on_small_screenshots(
    engine: TesseractEngine, screen: screens.Screen, bound: float
) -> None:
    lines = [score.union_box([w.bbox for w in line]) for line in screen.lines if line]
    result = engine.recognize(screen.image, OcrOptions())
    ours = score.line_ordered_text([(w.text, w.bbox) for w in result.page.words()], lines)
    raw = _raw_text(screen.image, lines)
    our_cer, raw_cer = score.cer(ours, screen.truth), score.cer(raw, screen.truth)
    assert our_cer < raw_cer, (our_cer, raw_cer, ours)
    assert our_cer <= bound, (our_cer, ours)
