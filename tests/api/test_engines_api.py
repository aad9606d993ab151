"""The engine choice over HTTP: ``options.engine`` and ``GET /v1/engines``."""

from __future__ import annotations

import io

from tests.api.conftest import Api
from tests.test_engines import receipt_image


def test_engines_are_listed(shared_api: Api) -> None:
    resp = shared_api.client.get("/v1/engines")
    assert resp.status_code == 200
    body = resp.json()
    assert body["default"] == "auto"
    by_name = {e["name"]: e for e in body["engines"]}
    assert set(by_name) == {"tesseract", "rapidocr"}
    assert by_name["rapidocr"]["installed"] and "PP-OCRv6" in by_name["rapidocr"]["version"]
    assert "eng" in by_name["tesseract"]["languages"]


def test_engine_forced_over_http(shared_api: Api) -> None:
    buf = io.BytesIO()
    receipt_image().save(buf, "PNG")
    results = {}
    for engine in ("rapidocr", "tesseract"):
        request = {"operation": "extract_text", "options": {"engine": engine}}
        resp = shared_api.submit([("receipt.png", buf.getvalue())], request)
        assert resp.status_code == 202, resp.text
        job = shared_api.finish(resp.json()["id"])
        assert job["status"] == "succeeded", job
        assert job["options"]["engine"] == engine
        assert job["result_json"]["engine"] == engine
        results[engine] = job["result_json"]["text"]
    assert "TOTAL 17.00" in results["rapidocr"]
    assert results["rapidocr"] != results["tesseract"]  # two engines, two cache entries
