"""A real uvicorn server on an ephemeral port, on a real JobManager, driven by httpx."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.api.server import ApiServer
from app.core.store import Store
from app.jobs import JobManager
from tests.conftest import text_image

TOKEN = "test-token-0123456789"
CAP = 2 * 2**20  # upload cap of the test server


@dataclass
class Api:
    server: ApiServer
    manager: JobManager
    client: httpx.Client

    @property
    def url(self) -> str:
        return self.server.url

    def submit(
        self,
        files: list[tuple[str, bytes]],
        request: dict[str, Any] | str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        parts = [("files[]", (name, data, "application/octet-stream")) for name, data in files]
        data = {}
        if request is not None:
            data["request"] = request if isinstance(request, str) else json.dumps(request)
        return self.client.post("/v1/ocr", files=parts, data=data, headers=headers or {})

    def finish(self, job_id: str) -> dict[str, Any]:
        """Long-polls the job to a final state (the server's own wait, no sleeping here)."""
        for _ in range(6):
            resp = self.client.get(f"/v1/jobs/{job_id}", params={"wait": 10})
            assert resp.status_code == 200, resp.text
            body: dict[str, Any] = resp.json()
            if body["status"] in ("succeeded", "failed", "canceled"):
                return body
        raise AssertionError(f"job {job_id} did not finish: {body}")


def png_bytes(lines: list[str], fmt: str = "PNG", size: int = 22) -> bytes:
    img = text_image(lines, size)
    buf = io.BytesIO()
    if fmt == "GIF":
        img = img.convert("L")
    img.save(buf, fmt)
    return buf.getvalue()


@pytest.fixture(scope="session")
def hello_png() -> bytes:
    return png_bytes(["Hello local API", "receipt 42 total"])


def start_api(store_root: Path | None = None, **kwargs: Any) -> tuple[ApiServer, JobManager]:
    store = Store(store_root) if store_root else None
    manager = JobManager(store, max_workers=2, prune_timer=False)
    server = ApiServer(manager, port=0, token=TOKEN, max_upload_bytes=CAP, **kwargs)
    server.start()
    return server, manager


@contextmanager
def running_api(store_root: Path | None = None) -> Iterator[Api]:
    server, manager = start_api(store_root)
    client = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )
    try:
        yield Api(server, manager, client)
    finally:
        client.close()
        server.stop()
        manager.shutdown(wait=True)
        manager.store.close()


@pytest.fixture
def api(qapp: Any) -> Iterator[Api]:
    """A fresh server and store per test (under the test's IMAGEHQ_OCR_HOME)."""
    with running_api() as api:
        yield api


@pytest.fixture(scope="module")
def shared_api(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One server for a module's tests that create no jobs (its own store folder)."""
    with running_api(tmp_path_factory.mktemp("shared-store")) as api:
        yield api
