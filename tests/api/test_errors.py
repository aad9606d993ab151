"""Every error answer: one envelope, the right status, a readable message; idempotency."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import httpx
import pytest

from app.core.job import utcnow
from tests.api.conftest import CAP, TOKEN, Api, png_bytes, start_api


def assert_error(resp: httpx.Response, status: int, code: str, *words: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code, body
    for word in words:
        assert word in body["error"]["message"], body
    return body


def bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A tiny PNG whose header claims a huge image (a decompression bomb)."""
    raw = png_bytes(["x"])
    ihdr = struct.pack(">II", width, height) + raw[24:29]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return raw[:16] + ihdr + crc + raw[33:]


# -- malformed requests ------------------------------------------------------------------------
def test_malformed_requests(api: Api, hello_png: bytes) -> None:
    png = [("a.png", hello_png)]
    assert_error(api.submit(png, "{not json"), 400, "bad_request", "not valid JSON")
    assert_error(api.submit(png, "[1, 2]"), 400, "bad_request", "JSON object")
    assert_error(api.submit([], {}), 422, "invalid_request", "files[]")
    garbage = api.client.post(
        "/v1/ocr",
        content=b"--zz\r\nnonsense",
        headers={"Content-Type": "multipart/form-data; boundary=xx"},
    )
    assert_error(garbage, 400, "bad_request")
    as_json = api.client.post("/v1/ocr", json={"operation": "extract_text"})
    assert_error(as_json, 422, "invalid_request", "files[]")


@pytest.mark.parametrize("depth", [100_000, 2_000])
def test_deeply_nested_request_is_400_not_500(api: Api, hello_png: bytes, depth: int) -> None:
    png = [("a.png", hello_png)]
    for request in ("[" * depth + "]" * depth, '{"options": ' * depth + "{}" + "}" * depth):
        words = ["nested"] if len(request) < 2**20 else []  # a 1 MB part is refused as such
        assert_error(api.submit(png, request), 400, "bad_request", *words)
    assert api.manager.store.count() == 0


@pytest.mark.parametrize(
    ("request_body", "code", "words"),
    [
        ({"operation": "ocr"}, "invalid_request", ["operation", "extract_text_with_layout"]),
        ({"options": {"colour": True}}, "invalid_request", ["options.colour", "unknown"]),
        ({"unknown_key": 1}, "invalid_request", ["unknown_key"]),
        ({"options": {"output_format": "docx"}}, "invalid_request", ["output_format"]),
        ({"options": {"detect_orientation": "maybe"}}, "invalid_request", ["detect_orientation"]),
        ({"options": {"language": "klingon"}}, "unknown_language", ["klingon", "deu", "eng"]),
        ({"options": {"language": "eng;rm"}}, "invalid_options", ["eng;rm"]),
        ({"options": {"psm": "zigzag"}}, "invalid_options", ["zigzag"]),
        ({"options": {"engine": "nope"}}, "invalid_request", ["engine", "rapidocr"]),
        ({"options": {"psm": "³"}}, "invalid_options", ["³"]),  # str.isdigit() says yes
        ({"options": {"psm": "٣"}}, "invalid_options", ["٣"]),  # an Arabic-Indic three
        ({"options": {"psm": "9" * 5000}}, "invalid_options", ["1-13"]),
    ],
)
def test_invalid_request_json(
    shared_api: Api, hello_png: bytes, request_body: dict[str, Any], code: str, words: list[str]
) -> None:
    api = shared_api
    assert_error(api.submit([("a.png", hello_png)], request_body), 422, code, *words)
    assert api.manager.store.count() == 0


# -- files ---------------------------------------------------------------------------------------
def test_not_an_image_is_415_and_names_the_file(api: Api, hello_png: bytes) -> None:
    resp = api.submit([("ok.png", hello_png), ("notes.txt", b"just some text\n")])
    assert_error(resp, 415, "unsupported_media_type", "notes.txt")
    fake = b"\x89PNG\r\n\x1a\n" + b"\0" * 64  # PNG magic, nothing Pillow can identify
    assert_error(api.submit([("fake.png", fake)]), 415, "unsupported_media_type", "fake.png")
    assert_error(api.submit([("empty.png", b"")]), 422, "invalid_image", "empty")
    assert api.manager.store.count() == 0


def test_pixel_bomb_is_413(api: Api) -> None:
    resp = api.submit([("bomb.png", bomb_png())])
    assert_error(resp, 413, "image_too_large", "bomb.png")


def test_truncated_image_makes_a_failed_job(api: Api, hello_png: bytes) -> None:
    resp = api.submit([("cut.png", hello_png[: len(hello_png) // 2])])
    assert resp.status_code == 202, resp.text
    job = api.finish(resp.json()["id"])
    assert job["status"] == "failed"
    assert job["error"]["code"] == "invalid_image"
    assert "truncated" in job["error"]["message"]
    assert_error(api.client.get(job["poll_url"] + "/download"), 409, "not_ready", "failed")


def test_upload_over_the_cap_by_content_length(api: Api) -> None:
    big = b"\x89PNG\r\n\x1a\n" + b"\0" * (CAP + 1000)
    assert_error(api.submit([("big.png", big)]), 413, "payload_too_large", "2 MB")
    assert api.manager.store.count() == 0
    assert api.client.get("/v1/health").status_code == 200  # the server is fine


def multipart_stream(size: int, counter: list[int]) -> Iterator[bytes]:
    """A chunked multipart upload of ``size`` bytes of one "image"; counts what was sent."""
    yield (
        b'--bnd\r\nContent-Disposition: form-data; name="files[]"; filename="a.png"\r\n'
        b"Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"
    )
    chunk = b"\0" * 2**20
    while counter[0] < size:
        counter[0] += len(chunk)
        yield chunk
    yield b"\r\n--bnd--\r\n"


MULTIPART = {"Content-Type": "multipart/form-data; boundary=bnd"}


def test_chunked_upload_over_the_cap_is_refused(api: Api) -> None:
    for _ in range(3):
        sent = [0]
        resp = api.client.post("/v1/ocr", content=multipart_stream(CAP + 6 * 2**20, sent),
                               headers=MULTIPART)  # fmt: skip
        assert_error(resp, 413, "payload_too_large", "2 MB")
    assert api.manager.store.count() == 0
    assert list(api.manager.store.jobs_dir.iterdir()) == []


def test_endless_upload_is_cut_off(qapp: Any) -> None:
    """Past the drain limit the server stops reading and closes: the client may see a reset
    then, but nothing is kept and the server is fine."""
    server, manager = start_api(drain_limit=8 * 2**20)
    sent = [0]
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
            try:
                resp = c.post("/v1/ocr", content=multipart_stream(500 * 2**20, sent),
                              headers=MULTIPART)  # fmt: skip
                assert_error(resp, 413, "payload_too_large")
            except httpx.TransportError:
                pass  # a reset after the drain limit: allowed for an endless body
            assert c.get("/v1/health").status_code == 200
        assert sent[0] < 64 * 2**20, sent  # refused long before the 500 MB were sent
        assert manager.store.count() == 0
    finally:
        server.stop()
        manager.shutdown()


# -- jobs ----------------------------------------------------------------------------------------
def test_unknown_job_is_404_everywhere(api: Api) -> None:
    for path in ("/v1/jobs/job_nope", "/v1/jobs/job_nope/download", "/v1/jobs/.hidden"):
        assert_error(api.client.get(path), 404, "not_found")
    assert_error(api.client.delete("/v1/jobs/job_nope"), 404, "not_found")


def test_expired_job_is_410(api: Api, hello_png: bytes) -> None:
    job_id = api.submit([("a.png", hello_png)]).json()["id"]
    api.finish(job_id)
    store = api.manager.store
    store.clock = lambda: utcnow() + timedelta(hours=25)
    assert api.manager.prune() == [job_id]
    assert_error(api.client.get(f"/v1/jobs/{job_id}"), 410, "job_expired", job_id)
    assert_error(api.client.get(f"/v1/jobs/{job_id}/download"), 410, "job_expired")
    assert_error(api.client.delete(f"/v1/jobs/{job_id}"), 410, "job_expired")


def test_queue_full_is_429_with_retry_after(api: Api, hello_png: bytes, qapp: Any) -> None:
    api.manager.max_queue = 0  # the manager's own bound
    resp = api.submit([("a.png", hello_png)])
    assert_error(resp, 429, "queue_full")
    assert int(resp.headers["retry-after"]) > 0

    server, manager = start_api(max_queue=0)  # a bound set on the server
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
            resp = c.post("/v1/ocr", files=[("files[]", ("a.png", hello_png))])
        assert_error(resp, 429, "queue_full", "retry later")
        assert int(resp.headers["retry-after"]) > 0
    finally:
        server.stop()
        manager.shutdown()


def test_framework_errors_use_the_envelope(api: Api) -> None:
    assert_error(api.client.get("/v2/nothing"), 404, "not_found")
    assert_error(api.client.put("/v1/health"), 405, "method_not_allowed")
    put = api.client.put("/v1/jobs/job_x")
    assert_error(put, 405, "method_not_allowed", "DELETE, GET")
    assert put.headers["allow"] == "DELETE, GET"
    assert_error(api.client.get("/v1/jobs", params={"limit": 0}), 422, "invalid_request", "limit")
    assert_error(api.client.get("/docs"), 404, "not_found")


# -- idempotency -----------------------------------------------------------------------------
def test_idempotency_key(api: Api, hello_png: bytes) -> None:
    request = {"client_reference_id": "idem", "options": {"output_format": "json"}}
    key = {"Idempotency-Key": "order-1"}
    first = api.submit([("a.png", hello_png)], request, key)
    assert first.status_code == 202 and "idempotent-replayed" not in first.headers
    job_id = first.json()["id"]
    api.finish(job_id)
    again = api.submit([("a.png", hello_png)], request, key)
    assert again.status_code == 202 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == job_id and again.json()["status"] == "succeeded"
    assert again.headers["location"] == f"/v1/jobs/{job_id}"
    assert api.manager.store.count() == 1

    other_body = {**request, "client_reference_id": "changed"}
    assert_error(api.submit([("a.png", hello_png)], other_body, key), 409, "idempotency_conflict")
    other_file = png_bytes(["another image"])
    assert_error(api.submit([("a.png", other_file)], request, key), 409, "idempotency_conflict")
    assert api.manager.store.count() == 1


def test_concurrent_requests_with_one_key_make_one_job(api: Api, hello_png: bytes) -> None:
    def post(_: int) -> str:
        resp = api.submit([("a.png", hello_png)], {}, {"Idempotency-Key": "race"})
        assert resp.status_code == 202, resp.text
        return str(resp.json()["id"])

    with ThreadPoolExecutor(6) as pool:
        ids = set(pool.map(post, range(6)))
    assert len(ids) == 1
    assert api.manager.store.count() == 1


def test_unknown_query_parameters_are_rejected(api: Api) -> None:
    assert_error(api.client.get("/v1/jobs?wiat=10"), 422, "invalid_request", "'wiat'", "limit")
    assert_error(api.client.get("/v1/jobs?client_reference_id=&="), 422, "invalid_request")
    assert_error(api.client.get("/v1/health?x=1"), 422, "invalid_request", "'x'")
    assert api.client.get("/v1/jobs?limit=5&status=queued").status_code == 200


def test_huge_content_length_is_refused_without_reading(api: Api) -> None:
    big = b"\x89PNG\r\n\x1a\n" + b"\0" * (12 * 2**20)  # over the cap and the drain limit
    assert_error(api.submit([("big.png", big)]), 413, "payload_too_large")
    assert api.manager.store.count() == 0
