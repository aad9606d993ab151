"""Token, Host header (DNS rebinding), no CORS, loopback-only binding, the token file."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

import httpx
import pytest

from app.api import security
from app.api.server import ApiServer, serve_main
from tests.api.conftest import TOKEN, Api


@pytest.mark.parametrize(
    "auth",
    [None, "", "Bearer", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN.upper()}", TOKEN],
)
def test_token_required(shared_api: Api, auth: str | None, hello_png: bytes) -> None:
    api = shared_api
    headers = {} if auth is None else {"Authorization": auth}
    with httpx.Client(base_url=api.url, headers=headers) as client:
        for method, path in [
            ("GET", "/v1/jobs"),
            ("GET", "/v1/languages"),
            ("GET", "/v1/jobs/job_x"),
            ("DELETE", "/v1/jobs/job_x"),
        ]:
            resp = client.request(method, path)
            assert resp.status_code == 401, (method, path)
            assert resp.json()["error"]["code"] == "unauthorized"
            assert resp.headers["www-authenticate"] == "Bearer"
        upload = client.post("/v1/ocr", files=[("files[]", ("a.png", hello_png))])
        assert upload.status_code == 401
        assert client.get("/v1/health").status_code == 200
        assert client.get("/openapi.json").status_code == 200
    assert api.manager.store.count() == 0


def test_right_token_in_any_scheme_case(api: Api) -> None:
    resp = httpx.get(f"{api.url}/v1/languages", headers={"Authorization": f"bearer {TOKEN}"})
    assert resp.status_code == 200


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("127.0.0.1", True),
        ("127.0.0.1:8765", True),
        ("localhost:1", True),
        ("LOCALHOST", True),
        ("[::1]:8765", True),
        ("[::1]", True),
        ("evil.example", False),
        ("evil.example:8765", False),
        ("127.0.0.1.nip.io", False),
        ("localhost.evil.example", False),
        ("192.168.1.10:8765", False),
        ("", False),
    ],
)
def test_host_header_guards_against_dns_rebinding(shared_api: Api, host: str, ok: bool) -> None:
    api = shared_api
    resp = api.client.get("/v1/languages", headers={"Host": host})
    if ok:
        assert resp.status_code == 200, resp.text
    else:
        assert resp.status_code == 421
        assert resp.json()["error"]["code"] == "misdirected_request"
    health = httpx.get(f"{api.url}/v1/health", headers={"Host": host})  # no token, same rule
    assert health.status_code == (200 if ok else 421)


def test_no_cors_headers(api: Api) -> None:
    origin = {"Origin": "https://evil.example"}
    preflight = api.client.options(
        "/v1/ocr", headers={**origin, "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code in (401, 405)
    for resp in (preflight, api.client.get("/v1/jobs", headers=origin)):
        assert not [h for h in resp.headers if h.lower().startswith("access-control-")]


def test_openapi_is_public_and_documents_the_bearer_token(api: Api) -> None:
    spec = httpx.get(f"{api.url}/openapi.json").json()
    assert {"/v1/ocr", "/v1/jobs", "/v1/jobs/{job_id}", "/v1/jobs/{job_id}/download"} <= set(
        spec["paths"]
    )
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    post = spec["paths"]["/v1/ocr"]["post"]
    assert {"202", "400", "401", "409", "413", "415", "422", "429"} <= set(post["responses"])


def test_remote_host_needs_allow_remote(capsys: pytest.CaptureFixture[str], api: Api) -> None:
    args = argparse.Namespace(host="0.0.0.0", port=0, allow_remote=False)
    assert serve_main(args) == 2
    err = capsys.readouterr().err
    assert "--allow-remote" in err and "0.0.0.0" in err
    with pytest.raises(ValueError, match="loopback"):
        ApiServer(api.manager, host="192.168.0.1", token=TOKEN)
    assert security.is_loopback_host("127.0.0.2") and security.is_loopback_host("::1")
    assert not security.is_loopback_host("localhost.evil") and not security.is_loopback_host("")


def test_token_file_is_generated_once_with_mode_0600(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(security.TOKEN_ENV, raising=False)
    path = security.token_path()
    assert not path.exists()
    token = security.get_token()
    assert len(token) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert security.get_token() == token
    assert path.parent == Path(os.environ["IMAGEHQ_OCR_HOME"]) / "config"
    assert security.token_source() == str(path)
    path.chmod(0o644)
    assert security.get_token() == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    monkeypatch.setenv(security.TOKEN_ENV, "from-env")
    assert security.get_token() == "from-env"
    assert security.TOKEN_ENV in security.token_source()


def test_remote_mode_accepts_ip_literals_never_other_names() -> None:
    extra = frozenset({"mybox.lan"})
    assert security.host_allowed("192.168.1.5:8765", extra, remote=True)
    assert security.host_allowed("[fe80::1]:8765", extra, remote=True)
    assert security.host_allowed("mybox.lan:8765", extra, remote=True)
    assert not security.host_allowed("evil.example", extra, remote=True)
    assert not security.host_allowed("192.168.1.5:8765", frozenset(), remote=False)


def test_server_start_stop(qapp: object, hello_png: bytes) -> None:
    from app.jobs import JobManager

    manager = JobManager(max_workers=1, prune_timer=False)
    server = ApiServer(manager, port=0, token=TOKEN)
    server.start()
    assert server.running and server.port > 0 and server.url.endswith(f":{server.port}")
    assert httpx.get(f"{server.url}/v1/health").status_code == 200
    server.stop()
    server.stop()  # idempotent
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/v1/health")
    assert serve_main(argparse.Namespace(host="127.0.0.1", port=70000, allow_remote=False)) == 2
    manager.shutdown()
