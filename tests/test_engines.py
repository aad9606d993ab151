"""The second engine (PP-OCRv6 through RapidOCR), the router and the engine choice.

Real engines on real images: eval photos and receipts where ../shared/eval exists, rendered
images otherwise. No engine is mocked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from app.core.engines import ENGINE_CHOICES, get_engine
from app.core.engines.cancel import CancelToken
from app.core.engines.layout import Segment, build_page
from app.core.engines.rapid import RapidOcrEngine, covers, photo_scale, split_words
from app.core.engines.router import choose, features
from app.core.errors import CanceledError, EngineError, OptionsError, UnknownLanguageError
from app.core.export import render
from app.core.options import ENGINE_NAMES, OcrOptions
from app.core.pipeline import cache_key, recognize_bytes
from bench import score
from tests.conftest import font_path, text_image
from tests.test_cli import run


@pytest.fixture(scope="module")
def rapid() -> RapidOcrEngine:
    eng = get_engine("rapidocr")
    assert isinstance(eng, RapidOcrEngine)
    assert eng.is_installed(), "rapidocr must be installed (pyproject dependency)"
    return eng


def receipt_image() -> Image.Image:
    """A till receipt as a scanner sees it: a long, grainy strip, item names left, prices
    right."""
    font = ImageFont.truetype(font_path("DejaVuSansMono.ttf"), 22)
    rows = [
        ("CORNER MARKET", ""),
        ("12 HIGH STREET", ""),
        ("MILK 1L", "1.25"),
        ("BREAD WHOLEMEAL", "2.40"),
        ("APPLES 1KG", "3.10"),
        ("COFFEE BEANS", "8.99"),
        ("SUBTOTAL", "15.74"),
        ("TAX", "1.26"),
        ("TOTAL", "17.00"),
    ]
    img = Image.new("RGB", (420, 60 + 48 * len(rows) + 300), (236, 232, 224))
    draw = ImageDraw.Draw(img)
    for i, (left, right) in enumerate(rows):
        y = 40 + 48 * i
        draw.text((30, y), left, font=font, fill=(40, 40, 40))
        if right:
            draw.text((390 - font.getlength(right), y), right, font=font, fill=(40, 40, 40))
    # paper grain and sensor noise, as in a scan or a phone photo
    noise = Image.effect_noise(img.size, 12).convert("RGB")
    img = Image.blend(img, noise, 0.08).point(lambda v: min(255, int(v * 1.08)))
    return img.filter(ImageFilter.GaussianBlur(0.6))


# -- the engine --------------------------------------------------------------------------------
def test_rapid_reads_a_receipt_in_rows(rapid: RapidOcrEngine) -> None:
    img = receipt_image()
    result = rapid.recognize(img, OcrOptions(engine="rapidocr"))
    assert result.engine == "rapidocr" and "PP-OCRv6" in result.engine_version
    lines = [ln.text for ln in result.page.lines()]
    # rows read left to right: the price follows its item on the same line
    assert "MILK 1L 1.25" in lines
    assert "TOTAL 17.00" in lines
    assert lines.index("SUBTOTAL 15.74") < lines.index("TOTAL 17.00")
    for word in result.page.words():
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= img.width and 0 <= y0 < y1 <= img.height
        assert 0.0 < word.confidence <= 1.0
    # each word has its own box: "17.00" lies right of "TOTAL"
    total = next(ln for ln in result.page.lines() if ln.text == "TOTAL 17.00")
    assert total.words[0].bbox[2] < total.words[1].bbox[0]


def test_the_8bit_detector_is_used_and_finds_the_lines_the_float_one_finds(
    rapid: RapidOcrEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``make models`` builds the 8-bit detector; the engine loads it, and on a receipt it finds
    the same lines, read to the same text, as the wheel's float model."""
    from app.core.engines import rapid as rapid_module

    assert rapid_module.det_model_path().name == rapid_module.DET_INT8, "run `make models`"
    img = receipt_image()
    int8 = [ln.text for ln in rapid.recognize(img, OcrOptions(engine="rapidocr")).page.lines()]
    int8_identity = rapid.identity("eng")
    monkeypatch.setenv(rapid_module.WHEEL_MODELS_ENV, "1")
    assert rapid_module.det_model_path() == rapid_module._models().path("Det")
    float_engine = RapidOcrEngine()  # a fresh instance loads the float detector
    floats = [
        ln.text for ln in float_engine.recognize(img, OcrOptions(engine="rapidocr")).page.lines()
    ]
    assert int8 == floats and "TOTAL 17.00" in int8
    assert float_engine.identity("eng") != int8_identity  # the cache tells them apart


def test_latin_languages_read_with_the_cut_recogniser_cjk_with_the_full_one(
    rapid: RapidOcrEngine,
) -> None:
    """``make models`` cuts the recogniser's output layer to the Latin classes; English uses
    it (and reads the receipt right), Chinese the full model."""
    from app.core.engines import rapid as rapid_module

    assert rapid_module.rec_latin_path() is not None, "run `make models`"
    lines = [ln.text for ln in rapid.recognize(receipt_image(), OcrOptions(engine="rapidocr"))
             .page.lines()]  # fmt: skip
    with rapid._instances.borrow(rapid._threads) as (ocr, recs):  # the one it read with
        assert ocr.text_rec is recs["latin"] and "TOTAL 17.00" in lines
    chars = recs["latin"].postprocess_op.character
    assert chars[0] == "blank" and " " in chars and "€" in chars and len(chars) < 600
    rapid.recognize(
        Image.new("RGB", (200, 80), "white"), OcrOptions(engine="rapidocr", language="chi_sim")
    )
    with rapid._instances.borrow(rapid._threads) as (ocr, recs):
        assert ocr.text_rec is recs["full"]
    assert len(recs["full"].postprocess_op.character) > 18000


def test_rapid_word_boxes_cover_their_ink(rapid: RapidOcrEngine) -> None:
    img = text_image(["alpha beta gamma"], size=28)
    result = rapid.recognize(img, OcrOptions(engine="rapidocr"))
    assert [w.text for w in result.page.words()] == ["alpha", "beta", "gamma"]
    gray = img.convert("L")
    for word in result.page.words():
        assert gray.crop(word.bbox).getextrema()[0] < 100, word


def photo_with_sign(size: tuple[int, int]) -> Image.Image:
    """A sign on a wall in a photo: a gradient scene with noise, no dominant background."""
    w, h = size
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 60).convert("RGB")
    img = Image.blend(img, noise, 0.5)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path("DejaVuSans-Bold.ttf"), 26)
    draw.rectangle((w // 3, h // 3, w // 3 + 260, h // 3 + 50), fill=(20, 60, 140))
    draw.text((w // 3 + 14, h // 3 + 10), "EXIT STAGE", font=font, fill="white")
    return img.filter(ImageFilter.GaussianBlur(0.8))


def test_small_photos_are_enlarged_and_boxes_mapped_back(rapid: RapidOcrEngine) -> None:
    photo = photo_with_sign((1280, 720))
    assert photo_scale(photo) == 1.5
    assert photo_scale(photo_with_sign((2000, 1500))) == 1.0  # large enough already
    assert photo_scale(receipt_image()) == 1.0  # a paper colour: left as it is
    assert photo_scale(text_image(["a page"], size=28)) == 1.0
    result = rapid.recognize(photo, OcrOptions(engine="rapidocr"))
    assert "EXIT" in result.text and "STAGE" in result.text
    x0, y0 = 1280 // 3, 720 // 3
    sign = [w for w in result.page.words() if w.text in ("EXIT", "STAGE")]
    assert len(sign) == 2
    for word in sign:  # in the photo's own pixels: centred on the sign, about its size
        cx, cy = (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2
        assert x0 < cx < x0 + 260 and y0 < cy < y0 + 50, word
        assert 15 < word.bbox[3] - word.bbox[1] < 70, word  # not 1.5x the text's height


def test_rapid_blank_image_reads_nothing(rapid: RapidOcrEngine) -> None:
    result = rapid.recognize(Image.new("RGB", (300, 200), "white"), OcrOptions())
    assert result.text == "" and result.page.words() == []


def test_rapid_languages() -> None:
    assert covers("eng") and covers("eng+deu") and covers("chi_sim")
    assert not covers("ara") and not covers("eng+ell")


def test_rapid_unknown_language_is_refused(rapid: RapidOcrEngine) -> None:
    with pytest.raises(UnknownLanguageError, match="rapidocr"):
        rapid.check_language("ara")


def test_rapid_cancel_stops_between_stages(rapid: RapidOcrEngine) -> None:
    """A cancel while PP-OCR runs ends the call within a stage (documented bound: one chunk)."""
    lines = [f"Line {i} of a long page with many words to read" for i in range(60)]
    img = text_image(lines, size=18)
    token = CancelToken()
    timer = threading.Timer(0.3, token.cancel)
    timer.start()
    start = time.monotonic()
    with pytest.raises(CanceledError):
        rapid.recognize(img, OcrOptions(engine="rapidocr"), cancel=token)
    assert time.monotonic() - start < 5.0
    timer.cancel()


def test_split_words_by_character_position() -> None:
    words = split_words("ab cdef", (0, 0, 70, 10), 0.9)
    assert [w.text for w in words] == ["ab", "cdef"]
    assert words[0].bbox == (0, 0, 20, 10) and words[1].bbox == (30, 0, 70, 10)


# -- layout from segments ----------------------------------------------------------------------
def seg(text: str, x0: int, y0: int, x1: int, y1: int) -> Segment:
    return Segment((x0, y0, x1, y1), split_words(text, (x0, y0, x1, y1), 0.9))


def test_layout_two_prose_columns_read_column_by_column() -> None:
    left = [
        seg(f"left line {i} of running text", 20, 20 + 30 * i, 380, 44 + 30 * i) for i in range(8)
    ]
    right = [
        seg(f"right line {i} of running text", 420, 20 + 30 * i, 780, 44 + 30 * i) for i in range(8)
    ]
    page = build_page(right + left, 800, 300)
    texts = [ln.text for ln in page.lines()]
    assert texts[:8] == [f"left line {i} of running text" for i in range(8)]
    assert texts[8:] == [f"right line {i} of running text" for i in range(8)]
    assert len(page.blocks) == 2


def test_layout_receipt_rows_stay_together() -> None:
    segs = []
    for i in range(8):
        segs.append(seg(f"ITEM NUMBER {i}", 20, 20 + 30 * i, 200, 44 + 30 * i))
        segs.append(seg(f"{i}.99", 330, 21 + 30 * i, 380, 45 + 30 * i))
    page = build_page(segs, 400, 300)
    assert [ln.text for ln in page.lines()] == [f"ITEM NUMBER {i} {i}.99" for i in range(8)]


def test_layout_paragraph_gap_splits_paragraphs() -> None:
    segs = [
        seg("first para line one", 20, 20, 300, 44),
        seg("first para line two", 20, 50, 300, 74),
    ]
    segs += [seg("second para", 20, 130, 200, 154)]
    page = build_page(segs, 400, 200)
    assert page.text == "first para line one\nfirst para line two\n\nsecond para"


# -- the router --------------------------------------------------------------------------------
def test_router_keeps_rendered_text_on_tesseract() -> None:
    assert choose(features(text_image(["Settings", "Display and brightness"])))[0] == "tesseract"
    dark = text_image(["$ ls -la", "total 42"], fg="#dddddd", bg="#1e1e1e")
    assert choose(features(dark))[0] == "tesseract"


def test_router_sends_receipts_and_camera_photos_to_pp_ocr() -> None:
    assert choose(features(receipt_image()))[0] == "rapidocr"
    assert choose(features(text_image(["Hello"]), camera=True))[0] == "rapidocr"


def test_engine_names_agree() -> None:
    assert ENGINE_CHOICES == ENGINE_NAMES


def test_unknown_engine_is_an_options_error() -> None:
    with pytest.raises(OptionsError, match="unknown engine 'nope'"):
        OcrOptions(engine="nope").validated()


def test_cache_key_differs_per_engine() -> None:
    auto = get_engine()
    keys = {cache_key("0" * 64, OcrOptions(engine=name), auto) for name in ENGINE_NAMES}
    assert len(keys) == len(ENGINE_NAMES)


def test_language_tesseract_lacks_goes_to_pp_ocr() -> None:
    """French is not installed for Tesseract here; auto reads it with PP-OCR and says so."""
    tesseract = get_engine("tesseract")
    assert "fra" not in tesseract.languages()
    img = text_image(["Le café est très bon"], size=30)
    result = get_engine().recognize(img, OcrOptions(language="fra"))
    assert result.engine == "rapidocr"
    assert any("read with rapidocr" in w for w in result.warnings)
    assert "café" in result.text


# -- every exporter --------------------------------------------------------------------------
def test_pp_ocr_result_through_every_exporter(rapid: RapidOcrEngine, tmp_path: Path) -> None:
    result = rapid.recognize(receipt_image(), OcrOptions(engine="rapidocr"))
    txt = render(result, "txt").decode()
    assert "TOTAL 17.00" in txt
    data = json.loads(render(result, "json", layout=True))
    assert data["engine"] == "rapidocr"
    assert data["pages"][0]["blocks"][0]["paragraphs"][0]["lines"][0]["words"]
    tsv = render(result, "tsv").decode().splitlines()
    assert tsv[0].startswith("level\t") and any(row.endswith("\t17.00") for row in tsv)
    hocr = tmp_path / "r.hocr"
    hocr.write_bytes(render(result, "hocr"))
    checker = shutil.which("hocr-check") or str(Path(sys.executable).parent / "hocr-check")
    check = subprocess.run([checker, str(hocr)], capture_output=True, text=True, check=False)
    report = check.stdout + check.stderr  # TAP on stderr; always exits 0
    assert "ok 1" in report and "not ok" not in report, report
    assert "rapidocr" in hocr.read_text()


# -- Tesseract faults --------------------------------------------------------------------------
def test_a_20000_px_strip_reads(tmp_path: Path) -> None:
    """Upscaling used to push it past Tesseract's 32767 px limit ("timed out after 66 s")."""
    font = ImageFont.truetype(font_path(), 11)
    img = Image.new("L", (20000, 30), 255)
    draw = ImageDraw.Draw(img)
    x, i = 5, 0
    while x < 19800:
        word = f"word{i}"
        draw.text((x, 8), word, fill=0, font=font)
        x += int(font.getlength(word)) + 30
        i += 1
    path = tmp_path / "strip.png"
    img.save(path)
    outcome = recognize_bytes(path.read_bytes(), OcrOptions(engine="tesseract"))
    found = set(outcome.result.text.split())
    assert len(found & {f"word{n}" for n in range(i)}) > 0.8 * i


def test_engine_failure_is_not_reported_as_a_time_out() -> None:
    """A Tesseract error (here: an image over its size limit, preprocessing off and the fit
    step bypassed) says what Tesseract said."""
    from app.core.engines.tesseract import TesseractEngine

    eng = TesseractEngine()
    img = Image.new("L", (33000, 20), 255)
    with pytest.raises(EngineError) as info:
        eng._run_data(img, "eng", 3, None, 30.0, None)
    assert "timed out" not in str(info.value)
    assert "too large" in str(info.value).lower()


def table_image_96dpi() -> tuple[Image.Image, list[list[str]]]:
    """A scanned-style statement table at 96 dpi: 7 columns × 13 rows of 9 pt text."""
    font = ImageFont.truetype(font_path(), 12)
    header = ["Date", "Ref", "Description", "Qty", "Unit", "Amount", "Balance"]
    rows = [header]
    for i in range(12):
        rows.append(
            [
                f"{i + 1:02d}/03/24",
                f"R{1000 + 37 * i}",
                ["Transfer", "Payment", "Interest", "Deposit"][i % 4],
                str(1 + i % 9),
                f"{3 + i}.{(17 * i) % 100:02d}",
                f"{40 + 13 * i}.{(29 * i) % 100:02d}",
                f"{1200 + 91 * i}.{(7 * i) % 100:02d}",
            ]
        )
    xs = [20, 110, 180, 330, 380, 440, 530]
    img = Image.new("L", (640, 60 + 22 * len(rows)), 248)
    draw = ImageDraw.Draw(img)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            draw.text((xs[c], 20 + 22 * r), cell, fill=25, font=font)
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    img.info["dpi"] = (96, 96)
    return img, rows


def test_96_dpi_table_keeps_all_its_columns(tmp_path: Path) -> None:
    img, rows = table_image_96dpi()
    path = tmp_path / "table.png"
    img.save(path, dpi=(96, 96))
    # Tesseract's layout analysis drops the single-digit Qty column whatever the resolution;
    # auto notices the unread ink and keeps PP-OCR's reading, which has every column.
    outcome = recognize_bytes(path.read_bytes(), OcrOptions())
    found = outcome.result.text.split()
    for c in range(7):
        column = [row[c] for row in rows]
        hits = sum(cell in found for cell in column)
        assert hits >= 0.8 * len(column), (c, column, found)


# -- the choice everywhere -------------------------------------------------------------------
def test_cli_engine_forced_and_unknown(isolated_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "receipt.png"
    receipt_image().save(path)
    proc = run("extract", str(path), "--engine", "rapidocr", "--format", "json", home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["engine"] == "rapidocr" and "TOTAL 17.00" in data["text"]
    bad = run("extract", str(path), "--engine", "nope", home=isolated_home)
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "nope" in bad.stderr
    assert "Traceback" not in bad.stderr


# -- the eval set ------------------------------------------------------------------------------
@pytest.mark.eval
def test_eval_receipt_photo_is_routed_to_pp_ocr(eval_dir: Path) -> None:
    path = eval_dir / "receipt" / "sroie_176.jpg"
    outcome = recognize_bytes(path.read_bytes(), OcrOptions())
    assert outcome.result.engine == "rapidocr"
    truth = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert score.cer(outcome.result.text, truth, ignore_case=True) < 0.10
    assert score.bag_of_words(outcome.result.text, truth).f1 > 0.85


@pytest.mark.eval
def test_eval_scene_photo_is_routed_to_pp_ocr(eval_dir: Path) -> None:
    path = eval_dir / "scene_text" / "icdar2015_img_1.jpg"
    outcome = recognize_bytes(path.read_bytes(), OcrOptions())
    assert outcome.result.engine == "rapidocr"
    truth = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert score.bag_of_words(outcome.result.text, truth).recall >= 0.5


@pytest.mark.eval
def test_eval_screenshot_stays_on_tesseract(eval_dir: Path) -> None:
    path = eval_dir / "screenshot" / "normcap_07_parse_paragraphs_of_text.png"
    outcome = recognize_bytes(path.read_bytes(), OcrOptions())
    assert outcome.result.engine == "tesseract"
    truth = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert score.cer(outcome.result.text, truth) < 0.05
