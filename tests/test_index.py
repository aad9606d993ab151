"""The screenshot index: a watched temp folder, real images read by the real engine."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.index.db import FAILED, INDEXED, IndexDB, Item
from app.core.index.folders import folder_key
from app.core.index.indexer import Indexer
from app.core.index.query import parse_query
from app.paths import data_dir
from tests.conftest import text_image

WAIT_S = 30.0


def wait_for(condition: Callable[[], object], timeout: float = WAIT_S) -> bool:
    """Polls ``condition`` until it holds or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


class Watched:
    def __init__(self, folder: Path, index: IndexDB, indexer: Indexer) -> None:
        self.folder = folder
        self.index = index
        self.indexer = indexer
        self.events: list[tuple[str, str]] = []

    def paths(self, query: str) -> list[str]:
        return [hit.path for hit in self.index.search(query)]


def _watch(tmp_path: Path, use_events: bool) -> Iterator[Watched]:
    folder = tmp_path / "Screenshots"
    folder.mkdir()
    index = IndexDB()
    index.add_folder(folder_key(folder))
    watched: Watched
    indexer = Indexer(
        index,
        rescan_s=600,
        use_events=use_events,
        on_change=lambda k, p: watched.events.append((k, p)),
    )
    watched = Watched(Path(folder_key(folder)), index, indexer)
    indexer.start()
    try:
        assert indexer.wait_idle(WAIT_S)
        yield watched
    finally:
        indexer.stop()
        index.close()


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[Watched]:
    yield from _watch(tmp_path, use_events=True)


@pytest.fixture
def rescanned(tmp_path: Path) -> Iterator[Watched]:
    """No file events: only the rescan finds changes."""
    yield from _watch(tmp_path, use_events=False)


PHRASES = {
    "invoice.png": ["Invoice 7731 is overdue", "Please pay by Friday"],
    "panic.png": ["Kernel panic detected", "System halted"],
    "order.png": ["Order number 48213 shipped", "Tracking will follow"],
}


def test_dropped_images_become_searchable(watched: Watched) -> None:
    for name, lines in PHRASES.items():
        text_image(lines).save(watched.folder / name)
    for name, query in [
        ("invoice.png", "invoice overdue"),
        ("panic.png", '"kernel panic"'),
        ("order.png", "48213"),
    ]:
        path = str(watched.folder / name)
        assert wait_for(lambda q=query, p=path: watched.paths(q) == [p]), (
            query,
            watched.index.get(path),
        )
    hit = watched.index.search('"kernel panic"')[0]
    assert "[Kernel panic]" in hit.snippet
    assert {b["text"] for b in hit.boxes} == {"Kernel", "panic"}
    for box in hit.boxes:
        x0, y0, x1, y1 = box["bbox"]
        assert 0 <= x0 < x1 and 0 <= y0 < y1 < 100  # on the first line of the image
    assert watched.indexer.counts.recognized == 3
    # private like the store: the folder 0700, the database 0600
    assert stat.S_IMODE(data_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(watched.index.path.stat().st_mode) == 0o600


def test_renamed_keeps_text_and_deleted_leaves(watched: Watched) -> None:
    old = watched.folder / "shot.png"
    text_image(["Segmentation fault in worker"]).save(old)
    assert wait_for(lambda: watched.paths("segmentation") == [str(old)])
    sub = watched.folder / "2026"
    sub.mkdir()
    new = sub / "renamed.png"
    old.rename(new)
    assert wait_for(lambda: watched.paths("segmentation") == [str(new)])
    # the text moved along, not read again (the events say how, should it ever fail: it failed
    # in loaded full-suite runs with 2 and could not be reproduced on its own)
    assert watched.indexer.counts.recognized == 1, (watched.indexer.counts, watched.events)
    new.unlink()
    assert wait_for(lambda: watched.paths("segmentation") == [])
    assert watched.index.get(str(new)) is None


def test_rescan_finds_what_events_missed(rescanned: Watched) -> None:
    first = rescanned.folder / "first.png"
    text_image(["Connection refused on port"]).save(first)
    rescanned.indexer.rescan()
    assert wait_for(lambda: rescanned.paths("refused") == [str(first)])
    moved = rescanned.folder / "moved.png"
    first.rename(moved)
    rescanned.indexer.rescan()
    assert wait_for(lambda: rescanned.paths("refused") == [str(moved)])
    assert rescanned.indexer.counts.recognized == 1  # matched by its sha256
    moved.unlink()
    rescanned.indexer.rescan()
    assert wait_for(lambda: rescanned.index.stats().indexed == 0)


def test_bad_file_is_reported_once(watched: Watched) -> None:
    bad = watched.folder / "broken.png"
    bad.write_bytes(b"this is not an image")
    assert wait_for(lambda: watched.index.get(str(bad)) is not None)
    item = watched.index.get(str(bad))
    assert item is not None and item.status == FAILED
    assert "not a supported image" in (item.reason or "")
    for _ in range(3):  # rescans do not read it again while it is unchanged
        watched.indexer.rescan()
        assert watched.indexer.wait_idle(WAIT_S)
    assert watched.events.count(("failed", str(bad))) == 1
    assert watched.indexer.counts.failed == 1
    again = watched.index.get(str(bad))
    assert again is not None and again.indexed_at == item.indexed_at
    # once it changes it is tried again
    text_image(["Fixed now"]).save(bad)
    os.utime(bad, (time.time() - 5, time.time() - 5))
    watched.indexer.rescan()
    assert wait_for(lambda: (watched.index.get(str(bad)) or item).status == INDEXED)


def _item(path: str, text: str, words: list[list[object]] | None = None) -> Item:
    return Item(path, "/f", 1, 1.0, path, INDEXED, text=text, words=words or [])


def test_search_takes_any_query_as_text() -> None:
    index = IndexDB()
    index.put(_item("/f/a.png", 'order AND NEAR(x) "quoted" café', [["café", 1, 2, 3, 4, 0]]))
    index.put(_item("/f/b.png", "nothing here"))
    assert index.search("") == []
    assert index.search('"" ( ) * -') == []
    assert [h.path for h in index.search("NEAR(x")] == ["/f/a.png"]
    assert [h.path for h in index.search("cafe")] == ["/f/a.png"]  # accents do not matter
    assert index.search("cafe")[0].boxes == [{"text": "café", "bbox": [1, 2, 3, 4], "page": 0}]
    assert [h.path for h in index.search("ord")] == ["/f/a.png"]  # the last word as a prefix
    assert [h.path for h in index.search("b.png")] == ["/f/b.png"]  # the file name counts
    assert parse_query('"kernel panic') is not None  # an unclosed quote is not an error
    assert index.remove_folder("/f") is False  # not watched, but its items are dropped
    assert index.search("nothing") == []


def test_waits_while_jobs_run(tmp_path: Path) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    index = IndexDB()
    index.add_folder(folder_key(folder))
    jobs_running = True
    indexer = Indexer(index, busy=lambda: jobs_running, use_events=False)
    indexer.start()
    try:
        text_image(["Quarterly numbers attached"]).save(folder / "q.png")
        os.utime(folder / "q.png", (time.time() - 5, time.time() - 5))
        indexer.rescan()
        assert wait_for(lambda: indexer.waiting_for_jobs)
        assert index.get(folder_key(folder / "q.png")) is None  # not read while jobs run
        assert indexer.counts.recognized == 0
        jobs_running = False
        assert wait_for(lambda: index.search("quarterly"))
    finally:
        indexer.stop()
        index.close()


def test_items_outlive_the_store_retention() -> None:
    from datetime import timedelta

    from app.core.job import utcnow
    from app.core.store import Store

    index = IndexDB()
    index.put(_item("/f/old.png", "kept forever"))
    store = Store(clock=lambda: utcnow() + timedelta(days=3650))
    store.prune()  # removes what is past its expiry: the index is not the store's
    store.close()
    assert [h.path for h in index.search("forever")] == ["/f/old.png"]
    assert index.path.parent == store.root and index.path != store.db_path
