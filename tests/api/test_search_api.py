"""``GET /v1/search``: the screenshot index over HTTP, with and without the token."""

from __future__ import annotations

from pathlib import Path

import httpx

from app.core.index.db import INDEXED, IndexDB, Item
from tests.api.conftest import TOKEN, Api
from tests.api.test_serve import serve, stop
from tests.conftest import cli, text_image
from tests.test_index import wait_for


def _index(api: Api) -> None:
    index = IndexDB(api.manager.store.root)  # the index beside the server's store
    words: list[list[object]] = [["Disk", 20, 24, 70, 41, 0], ["quota", 80, 24, 140, 41, 0]]
    index.put(
        Item("/shots/a.png", "/shots", 10, 1.0, "a" * 64, INDEXED, text="Disk quota", words=words)
    )
    index.put(Item("/shots/b.png", "/shots", 10, 1.0, "b" * 64, INDEXED, text="all fine"))
    index.close()


def test_search_needs_the_token(api: Api) -> None:
    _index(api)
    bare = httpx.get(f"{api.url}/v1/search", params={"q": "quota"})
    assert bare.status_code == 401
    assert bare.json()["error"]["code"] == "unauthorized"
    wrong = httpx.get(
        f"{api.url}/v1/search", params={"q": "quota"}, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401


def test_search_finds_hits_with_boxes(api: Api) -> None:
    _index(api)
    resp = api.client.get("/v1/search", params={"q": "quota", "limit": 5})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["query"] == "quota"
    assert [h["path"] for h in body["hits"]] == ["/shots/a.png"]
    hit = body["hits"][0]
    assert hit["snippet"] == "Disk [quota]"
    assert hit["boxes"] == [{"text": "quota", "bbox": [80, 24, 140, 41], "page": 0}]
    assert api.client.get("/v1/search", params={"q": "nothing"}).json()["hits"] == []


def test_search_rejects_bad_parameters(api: Api) -> None:
    for params in (
        {},
        {"q": ""},
        {"q": "x", "limit": 0},
        {"q": "x", "limit": 101},
        {"q": "x", "n": 1},
    ):
        resp = api.client.get("/v1/search", params=params)
        assert resp.status_code == 422, (params, resp.text)
        assert resp.json()["error"]["code"] == "invalid_request"


def test_serve_keeps_the_index_current(tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    assert cli("watch", "add", str(folder), home=isolated_home).returncode == 0
    with serve() as (proc, url):
        text_image(["Firewall blocked the request"]).save(folder / "fw.png")
        auth = {"Authorization": f"Bearer {TOKEN}"}

        def found() -> list[str]:
            resp = httpx.get(f"{url}/v1/search", params={"q": "firewall"}, headers=auth)
            assert resp.status_code == 200, resp.text
            return [h["path"] for h in resp.json()["hits"]]

        assert wait_for(lambda: found() or proc.poll() is not None)
        assert found() == [str((folder / "fw.png").resolve())]
        code, err = stop(proc)
    assert code == 0, err
