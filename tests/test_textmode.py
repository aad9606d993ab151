"""Text modes (lines, paragraphs, single_line) on real OCR of rendered text, and the CLI flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.engines import get_engine
from app.core.export import render
from app.core.model import Block, Line, OcrResult, Page, Paragraph, Word
from app.core.options import OcrOptions
from app.core.textmode import join_lines, page_text, result_text
from tests.conftest import cli, text_image

LINES = [
    "The committee met on Monday to discuss the docu-",
    "ment and agreed on the budget for next year.",
    "",
    "The second paragraph quotes a book by Jean-",
    "Paul Sartre and the pages of chapter 1-",
    "2 of the series that were read aloud.",
]


@pytest.fixture(scope="module", params=["tesseract", "rapidocr"])
def result(request: pytest.FixtureRequest) -> OcrResult:
    """Both engines build the same model, so both get the modes."""
    engine = get_engine(request.param)
    return engine.recognize(text_image(LINES, 24), OcrOptions(engine=request.param))


def test_lines_is_the_visual_lines(result: OcrResult) -> None:
    text = result_text(result, "lines")
    assert text == result.text
    assert "docu-\nment" in text
    assert len([ln for ln in text.splitlines() if ln]) == 5


def test_paragraphs_join_lines_and_undo_hyphenation(result: OcrResult) -> None:
    text = result_text(result, "paragraphs")
    paras = text.split("\n\n")
    assert len(paras) == 2, text
    assert "\n" not in paras[0] and "\n" not in paras[1]
    assert "discuss the document and agreed" in paras[0]
    # a capital or a digit after the hyphen: the hyphen is the word's own, kept
    assert "by Jean- Paul Sartre" in paras[1]
    assert "chapter 1- 2 of" in paras[1]


def test_single_line(result: OcrResult) -> None:
    text = result_text(result, "single_line")
    assert "\n" not in text
    assert text.startswith("The committee met")
    assert "the document and agreed" in text
    assert text.endswith("were read aloud.")


def test_txt_export_follows_the_mode(result: OcrResult) -> None:
    out = render(result, "txt", text_mode="paragraphs").decode()
    assert out == result_text(result, "paragraphs") + "\n"
    assert render(result, "txt").decode() == result.text + "\n"
    with pytest.raises(ValueError, match="text mode"):
        page_text(result.page, "columns")


def _line(*texts: str) -> Line:
    return Line([Word(t, (0, 0, 1, 1), 1.0) for t in texts])


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("infor-", "mation", "infor mation".replace(" ", "")),
        ("Jean-", "Paul", "Jean- Paul"),
        ("pages 1-", "2", "pages 1- 2"),
        ("well--", "known", "well-- known"),
        ("-", "minus", "- minus"),
        ("über-", "all", "überall"),
        ("co\u00ad", "operate", "cooperate"),
    ],
)
def test_dehyphenation_rules(first: str, second: str, joined: str) -> None:
    assert join_lines([_line(*first.split()), _line(second)]) == joined


def test_empty_paragraphs_are_skipped() -> None:
    page = Page(10, 10, [Block([Paragraph([]), Paragraph([_line("a")])])])
    assert page_text(page, "paragraphs") == "a"
    assert page_text(page, "single_line") == "a"


def test_options_check_the_mode() -> None:
    from app.core.errors import OptionsError

    assert OcrOptions(text_mode="paragraphs").validated().text_mode == "paragraphs"
    with pytest.raises(OptionsError, match="text_mode"):
        OcrOptions(text_mode="prose").validated()
    # the layout of txt is no engine option: the cached result serves every mode
    assert OcrOptions(text_mode="single_line").engine_key() == OcrOptions().engine_key()


def test_cli_text_mode(tmp_path: Path, isolated_home: Path) -> None:
    image = tmp_path / "para.png"
    text_image(LINES[:2], 24).save(image)
    run = cli("extract", str(image), "--text-mode", "paragraphs", home=isolated_home)
    assert run.returncode == 0, run.stderr
    assert "discuss the document and agreed" in run.stdout
    assert run.stdout.count("\n") == 1
    bad = cli("extract", str(image), "--text-mode", "prose", home=isolated_home)
    assert bad.returncode == 2
    assert "--text-mode" in bad.stderr and "Traceback" not in bad.stderr


def test_single_line_of_several_pages_has_no_page_breaks() -> None:
    from app.core.pipeline import recognize_pages
    from tests.pdf_samples import scanned_pdf

    result = recognize_pages(
        scanned_pdf([["First page text"], ["Second page text"]]), OcrOptions(), get_engine()
    )
    assert result_text(result, "single_line") == "First page text Second page text"
    assert result_text(result, "lines") == "First page text\fSecond page text"  # pages kept
