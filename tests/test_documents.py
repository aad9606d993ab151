"""PDF and multi-page TIFF input: every page one ``pages[]`` entry of one result, per-page
progress, the PDF's own text layer (``pdf_text``), and clear errors for broken PDFs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core import imageio
from app.core.errors import ImageTooLargeError, InvalidInputError
from app.core.model import OcrResult
from app.core.options import OcrOptions
from app.core.pipeline import PDF_TEXT_ENGINE, recognize_bytes
from app.jobs import InputData, JobManager
from tests.conftest import cli
from tests.pdf_samples import (
    DIGITAL_LINES,
    SCAN_PAGES,
    blank_pdf,
    digital_pdf,
    multipage_tiff,
    scanned_pdf,
    zero_page_pdf,
)


def _page_texts(result: OcrResult) -> list[str]:
    return [p.text for p in result.pages]


def test_scanned_pdf_every_page_is_read_with_progress() -> None:
    seen: list[tuple[int, int]] = []
    out = recognize_bytes(scanned_pdf(), OcrOptions(), progress=lambda d, t: seen.append((d, t)))
    assert _page_texts(out.result) == ["\n".join(p) for p in SCAN_PAGES]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert out.output.decode() == "\f".join("\n".join(p) for p in SCAN_PAGES) + "\n"
    # pages rendered at 300 dpi: twice the pixels of the 150 dpi images in the file
    first = out.result.pages[0]
    info = imageio.probe(scanned_pdf())
    assert (info.format, info.frames) == ("pdf", 3)
    assert (first.width, first.height) == pytest.approx((info.width, info.height), abs=1)


def test_multipage_tiff_is_every_page() -> None:
    out = recognize_bytes(multipage_tiff(), OcrOptions(output_format="json"))
    assert _page_texts(out.result) == ["\n".join(p) for p in SCAN_PAGES]
    data = json.loads(out.output)
    assert [p["width"] for p in data["pages"]] == [p.width for p in out.result.pages]
    assert not out.result.warnings


@pytest.mark.parametrize(
    ("mode", "engine"), [("auto", PDF_TEXT_ENGINE), ("embedded", PDF_TEXT_ENGINE), ("ocr", None)]
)
def test_pdf_text_layer(mode: str, engine: str | None) -> None:
    out = recognize_bytes(digital_pdf(), OcrOptions(pdf_text=mode))
    assert [ln.text for ln in out.result.page.lines()] == DIGITAL_LINES
    if engine:
        assert out.result.engine == engine
    else:
        assert out.result.engine != PDF_TEXT_ENGINE  # read from the rendered page
    words = out.result.page.words()
    assert all(0 <= w.bbox[0] < w.bbox[2] <= out.result.page.width for w in words)


def test_embedded_only_on_a_scan_says_there_is_no_text() -> None:
    out = recognize_bytes(scanned_pdf(SCAN_PAGES[:1]), OcrOptions(pdf_text="embedded"))
    assert out.result.text == ""
    assert out.result.warnings == ["page 1 has no text layer (pdf_text embedded)"]


def test_stored_multipage_result_round_trips() -> None:
    result = recognize_bytes(scanned_pdf(SCAN_PAGES[:2]), OcrOptions()).result
    again = OcrResult.from_storage(json.loads(json.dumps(result.to_storage())))
    assert _page_texts(again) == _page_texts(result)


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (digital_pdf()[:300], InvalidInputError, "truncated or damaged"),
        (digital_pdf(password="secret"), InvalidInputError, "encrypted"),
        (zero_page_pdf(), InvalidInputError, "no pages"),
        (blank_pdf(imageio.MAX_PAGES + 1), ImageTooLargeError, "over the limit of 100"),
    ],
    ids=["truncated", "encrypted", "zero-pages", "too-many-pages"],
)
def test_bad_pdfs_get_clear_errors(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        imageio.probe(data)
    with pytest.raises(error, match=message):
        recognize_bytes(data, OcrOptions())


def test_cli_pdf_and_bad_pdf(tmp_path: Path, isolated_home: Path) -> None:
    good = tmp_path / "scan.pdf"
    good.write_bytes(scanned_pdf(SCAN_PAGES[:2]))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(digital_pdf(password="secret"))
    run = cli("extract", str(good), "--layout", "--format", "json", home=isolated_home)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert len(data["pages"]) == 2
    assert data["text"] == "\f".join("\n".join(p) for p in SCAN_PAGES[:2])
    bad = cli("extract", str(locked), home=isolated_home)
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == [
        f"imagehq-ocr: error: {locked}: the PDF is encrypted (password protected): "
        "save an unprotected copy"
    ]
    folder = cli("extract", str(tmp_path), "--pdf-text", "embedded", home=isolated_home)
    assert "Born digital" not in folder.stdout  # the locked one fails, the scan has no layer
    assert "scan.pdf" in folder.stdout and "encrypted" in folder.stderr


def test_manager_reports_progress_per_page(qapp: Any, qtbot: Any) -> None:
    manager = JobManager(max_workers=1, prune_timer=False)
    try:
        seen: list[int] = []
        manager.job_updated.connect(lambda job: seen.append(job.progress))
        with qtbot.waitSignal(manager.job_finished, timeout=60000) as blocker:
            manager.submit([InputData("scan.pdf", scanned_pdf())])
        assert blocker.args[0].status == "succeeded"
        assert blocker.args[0].inputs[0].format == "pdf"
        qtbot.waitUntil(lambda: 100 in seen)
        assert 33 in seen and 66 in seen
    finally:
        manager.shutdown(wait=True)
