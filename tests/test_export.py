"""Every export format, rendered from one real result and parsed back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core.engines import get_engine
from app.core.export import format_for_path, render
from app.core.options import OcrOptions
from tests.conftest import text_image

NS = {"h": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def result():
    img = text_image(["Invoice 2024-001", "Total: 42.50 EUR", "", "Thank you & goodbye"], 22)
    return get_engine().recognize(img, OcrOptions())


def test_txt(result):
    out = render(result, "txt").decode()
    assert out == result.text + "\n"
    assert "Total: 42.50 EUR" in out


def test_an_edit_is_the_text_of_txt_and_json(result):
    assert render(result, "txt", edited_text="Fixed by hand\n").decode() == "Fixed by hand\n"
    data = json.loads(render(result, "json", edited_text="Fixed by hand"))
    assert data["text"] == "Fixed by hand" and data["ocr_text"] == result.text
    assert data["edited"] is True and data["pages"]
    assert render(result, "tsv", edited_text="x") == render(result, "tsv")  # boxes: as read


def test_json_is_result_json(result):
    data = json.loads(render(result, "json"))
    assert data == json.loads(json.dumps(result.to_dict(layout=True)))
    assert "pages" in data
    assert "pages" not in json.loads(render(result, "json", layout=False))
    words = [
        w
        for b in data["pages"][0]["blocks"]
        for p in b["paragraphs"]
        for ln in p["lines"]
        for w in ln["words"]
    ]
    assert [w["text"] for w in words] == [w.text for w in result.page.words()]


def test_tsv_rows_match_words(result):
    rows = list(csv.DictReader(io.StringIO(render(result, "tsv").decode()), delimiter="\t"))
    words = [r for r in rows if r["level"] == "5"]
    assert [r["text"] for r in words] == [w.text for w in result.page.words()]
    for row, word in zip(words, result.page.words(), strict=True):
        x0, y0, x1, y1 = word.bbox
        assert (int(row["left"]), int(row["top"])) == (x0, y0)
        assert (int(row["width"]), int(row["height"])) == (x1 - x0, y1 - y0)
        assert float(row["conf"]) == pytest.approx(word.confidence)
    assert {r["level"] for r in rows} == {"1", "2", "3", "4", "5"}


def test_hocr_is_valid_hocr(result, tmp_path: Path):
    data = render(result, "hocr", source_name='scan "1".png')
    root = ET.fromstring(data)
    metas = {m.get("name"): m.get("content") for m in root.iterfind(".//h:meta", NS)}
    assert metas["ocr-system"].startswith("imagehq-ocr")
    for cap in ("ocr_page", "ocr_carea", "ocr_par", "ocr_line", "ocrx_word"):
        assert cap in metas["ocr-capabilities"]
    page = root.find(".//h:div[@class='ocr_page']", NS)
    assert page is not None and "bbox 0 0" in page.get("title", "")
    words = root.findall(".//h:span[@class='ocrx_word']", NS)
    assert [w.text for w in words] == [w.text for w in result.page.words()]
    for el, word in zip(words, result.page.words(), strict=True):
        title = el.get("title", "")
        assert title.startswith("bbox {} {} {} {}".format(*word.bbox))
        assert f"x_wconf {round(word.confidence * 100)}" in title
    for cls in ("ocr_carea", "ocr_par", "ocr_line"):
        for el in root.iterfind(f".//*[@class='{cls}']", NS):
            assert el.get("title", "").startswith("bbox ")
    # "&" in the text survives as XML
    assert any(w.text == "&" for w in words)

    checker = shutil.which("hocr-check") or str(Path(sys.executable).parent / "hocr-check")
    out_file = tmp_path / "page.hocr"
    out_file.write_bytes(data)
    proc = subprocess.run([checker, str(out_file)], capture_output=True, text=True, check=False)
    report = proc.stdout + proc.stderr  # hocr-check prints TAP on stderr and always exits 0
    assert "ok 1" in report
    assert "not ok" not in report, report


def test_format_for_path():
    assert format_for_path("a/b.TXT") == "txt"
    assert format_for_path("x.html") == "hocr"
    assert format_for_path("x.hocr") == "hocr"
    assert format_for_path("x.tsv") == "tsv"
    assert format_for_path("x.json") == "json"
    assert format_for_path("x.pdf") == "pdf"  # searchable PDF
    assert format_for_path("x.docx") is None


def test_unknown_format(result):
    with pytest.raises(ValueError, match="unknown format"):
        render(result, "docx")
