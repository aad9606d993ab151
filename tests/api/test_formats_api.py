"""The output options of issue 12 through the HTTP API: text_mode, and the new formats."""

from __future__ import annotations

from tests.api.conftest import Api, png_bytes

PARA = ["The committee met on Monday to discuss the docu-", "ment and agreed on the budget."]


def test_text_mode_paragraphs(api: Api) -> None:
    image = png_bytes(PARA, size=24)
    request = {"options": {"output_format": "txt", "text_mode": "paragraphs"}}
    resp = api.submit([("para.png", image)], request)
    assert resp.status_code == 202, resp.text
    assert resp.json()["options"]["text_mode"] == "paragraphs"
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    down = api.client.get(job["download_url"])
    assert "discuss the document and agreed" in down.text
    assert down.text.count("\n") == 1
    # result_json.text keeps the visual lines (the layout contract)
    assert "docu-\nment" in job["result_json"]["text"]


def test_unknown_text_mode_is_422(api: Api) -> None:
    resp = api.submit([("a.png", png_bytes(PARA))], {"options": {"text_mode": "prose"}})
    assert resp.status_code == 422
    assert "text_mode" in resp.json()["error"]["message"]


def test_alto_output(api: Api) -> None:
    resp = api.submit(
        [("scan.png", png_bytes(["Hello ALTO world"], size=26))],
        {"options": {"output_format": "alto"}},
    )
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    [output] = job["outputs"]
    assert (output["filename"], output["format"], output["mime_type"]) == (
        "scan.xml",
        "alto",
        "application/xml",
    )
    down = api.client.get(job["download_url"])
    assert down.headers["content-type"] == "application/xml; charset=utf-8"
    assert 'CONTENT="ALTO"' in down.text and "ns-v4#" in down.text


def test_pdf_output(api: Api, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from tests.test_pdf_output import _poppler

    image = png_bytes(["Searchable PDF over HTTP"], size=28)
    resp = api.submit([("scan.png", image)], {"options": {"output_format": "pdf"}})
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    [output] = job["outputs"]
    assert (output["filename"], output["mime_type"]) == ("scan.pdf", "application/pdf")
    down = api.client.get(job["download_url"])
    assert down.headers["content-type"] == "application/pdf"
    assert len(down.content) == output["size_bytes"]
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(down.content)
    text = subprocess.run(
        [_poppler("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert " ".join(text.split()) == "Searchable PDF over HTTP"


def test_pdf_upload_is_one_result_with_a_page_per_page(api: Api) -> None:
    from tests.pdf_samples import SCAN_PAGES, digital_pdf, scanned_pdf

    request = {"operation": "extract_text_with_layout", "options": {"output_format": "json"}}
    resp = api.submit([("scan.pdf", scanned_pdf(SCAN_PAGES[:2]))], request)
    assert resp.status_code == 202, resp.text
    assert resp.json()["inputs"][0]["mime_type"] == "application/pdf"
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    assert len(job["result_json"]["pages"]) == 2
    assert job["result_json"]["text"].split("\f") == ["\n".join(p) for p in SCAN_PAGES[:2]]
    locked = api.submit([("locked.pdf", digital_pdf(password="pw"))], request)
    assert locked.status_code in (202, 422), locked.text
    if locked.status_code == 202:
        failed = api.finish(locked.json()["id"])
        assert failed["status"] == "failed"
        assert "encrypted" in failed["error"]["message"]
    else:
        assert "encrypted" in locked.json()["error"]["message"]


def test_pdf_in_pdf_out_keeps_the_original_pages(api: Api, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.pdf_samples import SCAN_PAGES, scanned_pdf
    from tests.test_pdf_output import _images, _pages_text

    source = tmp_path / "in.pdf"
    source.write_bytes(scanned_pdf(SCAN_PAGES, dpi=150))
    resp = api.submit([("scan.pdf", source.read_bytes())], {"options": {"output_format": "pdf"}})
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    out = tmp_path / "out.pdf"
    out.write_bytes(api.client.get(job["download_url"]).content)
    assert _images(out) == _images(source)  # the scanner's images, not pages rendered again
    assert [" ".join(t.split()) for t in _pages_text(out)] == [" ".join(p) for p in SCAN_PAGES]


def test_barcodes_in_result_json(api: Api) -> None:
    from tests.test_barcodes import URL, label_png

    data, _ = label_png()
    resp = api.submit([("label.png", data)], {"options": {"output_format": "txt"}})
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    [code] = job["result_json"]["barcodes"]
    assert (code["format"], code["text"]) == ("QR Code", URL) and len(code["bbox"]) == 4
    assert api.client.get(job["download_url"]).text.endswith(f"[QR Code] {URL}\n")
    off = api.submit([("label.png", data)], {"options": {"barcodes": False}})
    assert "barcodes" not in api.finish(off.json()["id"])["result_json"]
