"""Submit → poll → download, for both operations and every output format; batches; listing."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from pytestqt.qtbot import QtBot

from app.api.app import _safe_name
from app.api.models import JobModel
from tests.api.conftest import Api, png_bytes

FORMATS = {
    "txt": "text/plain; charset=utf-8",
    "hocr": "text/html; charset=utf-8",
    "json": "application/json",
    "tsv": "text/tab-separated-values; charset=utf-8",
}


def _check_output(fmt: str, body: bytes) -> None:
    text = body.decode("utf-8")
    if fmt == "txt":
        assert "Hello" in text and "42" in text
    elif fmt == "hocr":
        assert "ocrx_word" in text and "Hello" in text
    elif fmt == "json":
        assert "Hello" in json.loads(text)["text"]
    else:
        assert text.startswith("level\tpage_num") and "Hello" in text


@pytest.mark.parametrize("operation", ["extract_text", "extract_text_with_layout"])
def test_lifecycle_every_format(api: Api, hello_png: bytes, operation: str) -> None:
    for fmt, mime in FORMATS.items():
        request = {
            "operation": operation,
            "options": {"detect_orientation": False, "language": "eng", "output_format": fmt},
            "tool_slug": "image-to-text",
            "client_reference_id": f"ref-{fmt}",
        }
        resp = api.submit([("scan.png", hello_png)], request)
        assert resp.status_code == 202, resp.text
        queued = resp.json()
        job_id = queued["id"]
        assert resp.headers["location"] == f"/v1/jobs/{job_id}" == queued["poll_url"]
        assert queued["status"] == "queued" and queued["current_stage"] == "queued"
        assert queued["progress"] == 0 and queued["operation"] == operation
        assert queued["tool_slug"] == "image-to-text"
        assert queued["client_reference_id"] == f"ref-{fmt}"
        assert queued["created_at"].endswith("Z") and queued["expires_at"] > queued["created_at"]

        job = api.finish(job_id)
        assert job["status"] == "succeeded", job
        assert job["progress"] == 100
        assert job["inputs"] == [
            {"filename": "scan.png", "format": "png", "mime_type": "image/png",
             "size_bytes": len(hello_png)}
        ]  # fmt: skip
        [output] = job["outputs"]
        assert output["format"] == fmt and output["filename"] == f"scan.{fmt}"
        result = job["result_json"]
        assert "Hello" in result["text"] and 0 < result["confidence"] <= 1
        assert ("pages" in result) == (operation == "extract_text_with_layout")
        if "pages" in result:
            words = [
                w
                for block in result["pages"][0]["blocks"]
                for par in block["paragraphs"]
                for line in par["lines"]
                for w in line["words"]
            ]
            assert any(w["text"] == "Hello" for w in words)
            assert all(len(w["bbox"]) == 4 for w in words)

        down = api.client.get(job["download_url"])
        assert down.status_code == 200
        assert down.headers["content-type"] == mime
        assert f'filename="scan.{fmt}"' in down.headers["content-disposition"]
        _check_output(fmt, down.content)
        assert down.content == api.manager.store.read_output(job_id, 0)


def test_job_object_is_the_core_contract(api: Api, hello_png: bytes) -> None:
    resp = api.submit([("a.png", hello_png)], {"operation": "extract_text_with_layout"})
    job = api.finish(resp.json()["id"])
    core = api.manager.get(job["id"])
    assert core is not None
    assert job == core.to_dict(api.manager.result_json(core))
    JobModel.model_validate(job)
    assert core.source == "api"


def test_batch_makes_one_job_with_one_output_per_file(api: Api) -> None:
    files = []
    for n, fmt in enumerate(["PNG", "JPEG", "WEBP", "TIFF", "BMP", "GIF"]):
        files.append((f"page{n}.{fmt.lower()}", png_bytes([f"Batch page {n}"], fmt)))
    resp = api.submit(files, {"options": {"output_format": "txt"}})
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "succeeded", job
    assert [i["format"] for i in job["inputs"]] == ["png", "jpeg", "webp", "tiff", "bmp", "gif"]
    assert [o["id"] for o in job["outputs"]] == ["0", "1", "2", "3", "4", "5"]
    docs = job["result_json"]["documents"]
    assert [d["filename"] for d in docs] == [name for name, _ in files]
    for n, doc in enumerate(docs):
        assert f"page {n}" in doc["text"]

    down = api.client.get(job["download_url"])
    assert down.headers["content-type"] == "application/zip"
    assert f'filename="{job["id"]}.zip"' in down.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(down.content)) as zf:
        assert sorted(zf.namelist()) == sorted(f"page{n}.txt" for n in range(6))
        assert "page 3" in zf.read("page3.txt").decode()

    one = api.client.get(job["download_url"], params={"output": "3"})
    assert one.headers["content-type"].startswith("text/plain")
    assert 'filename="page3.txt"' in one.headers["content-disposition"]
    assert "page 3" in one.text
    missing = api.client.get(job["download_url"], params={"output": "9"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_long_poll_returns_when_done(api: Api, hello_png: bytes) -> None:
    job_id = api.submit([("a.png", hello_png)]).json()["id"]
    resp = api.client.get(f"/v1/jobs/{job_id}", params={"wait": 20})
    assert resp.json()["status"] == "succeeded"
    too_long = api.client.get(f"/v1/jobs/{job_id}", params={"wait": 31})
    assert too_long.status_code == 422 and too_long.json()["error"]["code"] == "invalid_request"


def test_list_filter_and_pages(api: Api, hello_png: bytes) -> None:
    ids = []
    for n in range(3):
        ref = "keep" if n < 2 else "other"
        resp = api.submit([(f"{n}.png", hello_png)], {"client_reference_id": ref})
        ids.append(resp.json()["id"])
    for job_id in ids:
        api.finish(job_id)
    listed = api.client.get("/v1/jobs", params={"client_reference_id": "keep"}).json()
    assert listed["total"] == 2 and {j["id"] for j in listed["jobs"]} == set(ids[:2])
    page2 = api.client.get("/v1/jobs", params={"limit": 2, "page": 2}).json()
    assert page2["offset"] == 2 and page2["page"] == 2 and len(page2["jobs"]) == 1
    assert page2["jobs"][0]["id"] == ids[0] and not page2["has_more"]  # newest first
    page1 = api.client.get("/v1/jobs", params={"limit": 2, "offset": 0}).json()
    assert page1["has_more"] and [j["id"] for j in page1["jobs"]] == ids[:0:-1]
    none = api.client.get("/v1/jobs", params={"status": "failed"}).json()
    assert none["total"] == 0 and none["jobs"] == []
    bad = api.client.get("/v1/jobs", params={"status": "nope"})
    assert bad.status_code == 422


def test_delete_cancels_and_purges(api: Api, hello_png: bytes) -> None:
    job_id = api.submit([("a.png", hello_png)]).json()["id"]
    folder = api.manager.store.job_dir(job_id)
    resp = api.client.delete(f"/v1/jobs/{job_id}")
    assert resp.status_code == 200 and resp.json() == {"id": job_id, "deleted": True}
    assert api.client.get(f"/v1/jobs/{job_id}").status_code == 404
    assert api.client.delete(f"/v1/jobs/{job_id}").status_code == 404
    api.manager.wait_all(30)
    assert not folder.exists()
    assert api.manager.store.get(job_id) is None


def test_health_and_languages(api: Api) -> None:
    health = api.client.get("/v1/health", headers={"Authorization": ""})
    assert health.status_code == 200 and health.json()["status"] == "ok"
    langs = api.client.get("/v1/languages").json()
    assert "eng" in langs["languages"] and "osd" not in langs["languages"]


def test_api_jobs_reach_the_window_and_the_cli(api: Api, hello_png: bytes, qtbot: QtBot) -> None:
    added: list[object] = []
    api.manager.job_added.connect(added.append)
    job_id = api.submit([("shared.png", hello_png)], {"client_reference_id": "cli"}).json()["id"]
    api.finish(job_id)
    qtbot.waitUntil(lambda: len(added) == 1)  # delivered to the main (GUI) thread
    assert [getattr(j, "id", None) for j in added] == [job_id]
    out = subprocess.run(
        [sys.executable, "-m", "app", "jobs", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    [listed] = [j for j in json.loads(out.stdout) if j["id"] == job_id]
    assert listed["status"] == "succeeded" and listed["client_reference_id"] == "cli"


def test_uploaded_file_names_are_sanitised(api: Api, hello_png: bytes) -> None:
    resp = api.submit([("../../etc/\u00e9vil name.png", hello_png)])
    job = api.finish(resp.json()["id"])
    assert job["inputs"][0]["filename"] == "\u00e9vil name.png"
    down = api.client.get(job["download_url"])
    disposition = down.headers["content-disposition"]
    assert 'filename="_vil name.txt"' in disposition
    assert "filename*=UTF-8''%C3%A9vil%20name.txt" in disposition
    assert _safe_name("a\tb\r\n.png", 0) == "ab.png"
    assert _safe_name("C:\\Users\\x\\scan.png", 0) == "scan.png"
    assert _safe_name("..", 2) == "image-3" and _safe_name(None, 0) == "image-1"
