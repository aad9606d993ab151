"""Store: retention with a controllable clock, cache lookups, concurrent openers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.job import Job, JobInput, new_job_id
from app.core.store import JobGone, Store


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_job(store: Store, ttl_hours: int, text: str = "") -> Job:
    job = Job(
        id=new_job_id(),
        created_at=store.clock(),
        ttl_hours=ttl_hours,
        status="succeeded",
        inputs=[JobInput("a.png", "png", "image/png", 3)],
        text=text,
    )
    store.create(job, [b"abc"])
    return job


def test_prune_removes_only_expired(tmp_path):
    clock = Clock()
    store = Store(tmp_path / "data", clock=clock)
    short = make_job(store, ttl_hours=1)
    long = make_job(store, ttl_hours=48)
    store.save_result(short.id, 0, {"text": "x"}, cache_key="k1")

    clock.now += timedelta(minutes=59)
    assert store.prune() == []
    assert store.get(short.id) is not None

    clock.now += timedelta(minutes=2)
    assert store.prune() == [short.id]
    with pytest.raises(JobGone):
        store.get(short.id)
    assert not store.job_dir(short.id).exists()
    assert store.find_cached("k1") is None
    kept = store.get(long.id)
    assert kept is not None and store.input_path(long.id, 0).read_bytes() == b"abc"

    clock.now += timedelta(hours=48)
    assert store.prune() == [long.id]
    assert store.count() == 0


def test_unknown_job_is_none_not_gone(tmp_path):
    store = Store(tmp_path / "d")
    assert store.get("job_nope") is None


def test_cache_only_from_unexpired_jobs(tmp_path):
    clock = Clock()
    store = Store(tmp_path / "data", clock=clock)
    job = make_job(store, ttl_hours=1)
    store.save_result(job.id, 0, {"text": "hello"}, cache_key="key")
    assert store.find_cached("key") == {"text": "hello"}
    clock.now += timedelta(hours=2)  # expired but not yet pruned
    assert store.find_cached("key") is None


def test_list_search_and_paging(tmp_path):
    store = Store(tmp_path / "data")
    for i in range(25):
        make_job(store, 24, text=f"receipt number {i}" if i % 5 == 0 else "other 100%")
    page = store.list(limit=10)
    assert page.total == 25 and len(page.jobs) == 10
    found = store.list(search="receipt")
    assert found.total == 5
    assert store.list(search="100%").total == 20
    assert store.list(search="%").total == 20  # the wildcard is escaped
    ordered = [j.created_at for j in store.list(limit=25).jobs]
    assert ordered == sorted(ordered, reverse=True)


def test_two_stores_share_one_database(tmp_path):
    a = Store(tmp_path / "data")
    b = Store(tmp_path / "data")
    job = make_job(a, 24, text="shared")
    seen = b.get(job.id)
    assert seen is not None and seen.text == "shared"


def test_an_edit_is_kept_next_to_the_result_and_goes_with_the_job(tmp_path):
    store = Store(tmp_path, clock=Clock())
    job = make_job(store, 24, "as read")
    assert store.load_edit(job.id, 0) is None
    store.save_edit(job.id, 0, "as the user wrote it")
    assert store.load_edit(job.id, 0) == "as the user wrote it"
    assert oct(store.edit_path(job.id, 0).stat().st_mode & 0o777) == "0o600"
    store.save_edit(job.id, 0, None)
    assert store.load_edit(job.id, 0) is None
    store.save_edit(job.id, 0, "again")
    store.delete(job.id)
    assert not store.edit_path(job.id, 0).exists()
    store.close()
