"""Real Tesseract on real rendered images: text, layout, orientation, languages."""

from __future__ import annotations

import os

import pytest
from PIL import Image

from app.core.engines import get_engine
from app.core.errors import UnknownLanguageError
from app.core.options import OcrOptions
from tests.conftest import text_image

LINES = ["The quick brown fox", "jumps over the lazy dog"]


@pytest.fixture(scope="module", params=["tesserocr", "subprocess"])
def engine(request):
    """The engine with each Tesseract backend forced in turn (IMAGEHQ_OCR_TESSERACT_BACKEND)."""
    from app.core.engines.tesseract_backends import inprocess

    if request.param == "tesserocr" and not inprocess.is_installed():
        pytest.skip("tesserocr is not installed")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IMAGEHQ_OCR_TESSERACT_BACKEND", request.param)
        eng = get_engine()
        assert eng.is_installed(), "tesseract must be installed (make test installs it)"
        yield eng


def words_of(result) -> list[str]:
    return [w.text for w in result.page.words()]


def test_recognises_text_with_layout(engine):
    img = text_image(LINES, size=24)
    result = engine.recognize(img, OcrOptions())
    assert result.text.split() == " ".join(LINES).split()
    assert 0.8 < result.confidence <= 1.0
    page = result.page
    assert (page.width, page.height) == img.size
    lines = page.lines()
    assert [ln.text for ln in lines] == LINES
    for word in page.words():
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= img.width and 0 <= y0 < y1 <= img.height
        assert 0.0 <= word.confidence <= 1.0
    # the first line is above the second, and "The" starts near the left margin (20 px)
    assert lines[0].bbox[3] <= lines[1].bbox[1] + 2
    assert abs(page.words()[0].bbox[0] - 20) <= 3


def test_word_boxes_cover_the_ink(engine):
    """Boxes are in the input's pixels: each one contains dark pixels, the gaps do not."""
    img = text_image(["alpha beta gamma"], size=20)
    result = engine.recognize(img, OcrOptions())
    gray = img.convert("L")
    for word in result.page.words():
        crop = gray.crop(word.bbox)
        assert crop.getextrema()[0] < 100, word
    a, b = result.page.words()[:2]
    gap = gray.crop((a.bbox[2] + 1, a.bbox[1], b.bbox[0] - 1, a.bbox[3]))
    assert gap.getextrema()[0] > 200


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_detect_orientation_reads_rotated_text_and_maps_boxes_back(engine, turn):
    upright = text_image(LINES, size=24)
    rotated = upright.rotate(turn, expand=True)  # counter-clockwise
    result = engine.recognize(rotated, OcrOptions(detect_orientation=True))
    assert result.orientation == turn
    assert result.text.split() == " ".join(LINES).split()
    assert (result.page.width, result.page.height) == rotated.size
    gray = rotated.convert("L")
    for word in result.page.words():
        x0, y0, x1, y1 = word.bbox
        if turn in (90, 270):
            assert y1 - y0 > x1 - x0 or len(word.text) <= 2  # vertical words
        assert gray.crop(word.bbox).getextrema()[0] < 100


def test_no_rotation_reported_for_upright_text(engine):
    result = engine.recognize(text_image(LINES), OcrOptions(detect_orientation=True))
    assert result.orientation == 0


def test_unknown_language_names_installed_packs(engine):
    with pytest.raises(UnknownLanguageError) as err:
        engine.recognize(text_image(["hello"]), OcrOptions(language="xyz"))
    assert "xyz" in err.value.message and "eng" in err.value.message


def test_two_languages(engine):
    img = text_image(["Größe und Übung", "hello world"], size=24)
    result = engine.recognize(img, OcrOptions(language="eng+deu"))
    assert "Größe" in result.text and "Übung" in result.text
    assert result.language == "eng+deu"


def test_single_line_psm(engine):
    result = engine.recognize(text_image(["one single line"]), OcrOptions(psm="single_line"))
    assert result.text == "one single line"
    assert len(result.page.lines()) == 1


def test_blank_image_gives_empty_result(engine):
    result = engine.recognize(Image.new("RGB", (200, 100), "white"), OcrOptions())
    assert result.text == "" and result.confidence == 0.0


def test_tesseract_runs_single_threaded():
    import app.core.engines.tesseract  # noqa: F401

    assert os.environ["OMP_THREAD_LIMIT"] == "1"


def test_identity_changes_with_language(engine):
    assert engine.identity("eng") != engine.identity("deu")
    assert engine.identity("eng") == engine.identity("eng")


def test_single_column_reads_the_line_number_column(engine):
    """A code editor at 9 pt: Tesseract 5.3's automatic layout drops the narrow line-number
    column; the single_column preset reads every number, at the start of its line."""
    from bench import screens

    shot = screens.code_editor(1302, 9)
    numbers = [line.split()[0] for line in shot.truth.splitlines()]
    assert all(n.isdigit() for n in numbers)
    column = engine.recognize(shot.image, OcrOptions(psm="single_column"))
    found = [w.text for w in column.page.words() if w.text.isdigit()]
    assert found == numbers
    assert [ln.text.split()[0] for ln in column.page.lines()] == numbers
