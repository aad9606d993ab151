"""JobManager on a real QThreadPool with real Tesseract."""

from __future__ import annotations

import io
import sys
import threading
import time

import pytest
from PIL import Image

from app.core.engines import get_engine
from app.core.errors import OptionsError, UnknownLanguageError
from app.core.options import OcrOptions
from app.jobs import InputData, JobManager, QueueFullError
from tests.conftest import text_image


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def page_png(seed: int, lines: int = 40) -> bytes:
    """A full page of text: slow enough (~1 s) to keep a worker busy."""
    text = [f"Line {seed}-{i}: the quick brown fox jumps over the lazy dog" for i in range(lines)]
    return png(text_image(text, size=18))


@pytest.fixture
def manager(qapp):
    m = JobManager(max_workers=2, prune_timer=False)
    yield m
    m.shutdown(wait=True)


def test_lifecycle_signals_and_job_object(manager, qtbot):
    seen: list[tuple[str, int]] = []
    manager.job_updated.connect(lambda job: seen.append((job.status, job.progress)))
    data = png(text_image(["Hello lifecycle"]))
    with qtbot.waitSignal(manager.job_finished, timeout=30000) as blocker:
        job = manager.submit([InputData("hello.png", data)], operation="extract_text_with_layout")
        assert job.status == "queued" and job.progress == 0
    done = blocker.args[0]
    assert done.id == job.id and done.status == "succeeded"
    qtbot.waitUntil(lambda: ("succeeded", 100) in seen)
    statuses = [s for s, _ in seen]
    assert statuses.index("processing") < statuses.index("succeeded")

    obj = done.to_dict(manager.result_json(done))
    assert obj["stages"] == [
        {"name": "queued", "progress": 100, "status": "succeeded"},
        {"name": "processing", "progress": 100, "status": "succeeded"},
    ]
    assert obj["inputs"][0] == {
        "filename": "hello.png",
        "format": "png",
        "mime_type": "image/png",
        "size_bytes": len(data),
    }
    assert obj["outputs"][0]["filename"] == "hello.txt"
    assert obj["result_json"]["text"] == "Hello lifecycle"
    assert 0.5 < obj["result_json"]["confidence"] <= 1
    words = obj["result_json"]["pages"][0]["blocks"][0]["paragraphs"][0]["lines"][0]["words"]
    assert [w["text"] for w in words] == ["Hello", "lifecycle"]
    assert obj["expires_at"] > obj["created_at"]
    assert obj["retention_policy"] == {"ttl_hours": 24, "clamp": True}
    assert manager.store.read_output(job.id, 0) == b"Hello lifecycle\n"


def test_plain_extract_text_has_no_pages(manager):
    job = manager.submit([InputData("a.png", png(text_image(["plain text"])))])
    done = manager.wait(job.id, 30)
    assert done is not None and done.status == "succeeded"
    result = manager.result_json(done)
    assert result is not None and "pages" not in result and result["text"] == "plain text"


def test_identical_request_is_served_from_cache(manager):
    data = page_png(1, lines=10)
    first = manager.wait(manager.submit([InputData("p.png", data)]).id, 60)
    second = manager.wait(manager.submit([InputData("copy.png", data)]).id, 60)
    assert first.status == second.status == "succeeded"
    assert not first.cached and second.cached
    assert any("cached" in w for w in second.warnings)
    assert second.text == first.text
    other = manager.wait(
        manager.submit([InputData("p.png", data)], options=OcrOptions(psm="single_block")).id, 60
    )
    assert not other.cached  # other options, other key


def test_cancel_queued_and_running(qapp):
    manager = JobManager(max_workers=1, prune_timer=False)
    try:
        running = manager.submit([InputData("big.png", page_png(2))])
        queued = manager.submit([InputData("next.png", page_png(3))])
        assert manager.cancel(queued.id)
        assert manager.cancel(running.id)
        for job_id in (running.id, queued.id):
            job = manager.wait(job_id, 60)
            assert job.status == "canceled"
        assert manager.get(queued.id).stages()[0]["status"] == "canceled"
        # the pool is still alive and the canceled results were dropped
        ok = manager.wait(manager.submit([InputData("x.png", png(text_image(["after"])))]).id, 60)
        assert ok.status == "succeeded"
        manager.wait_all(60)
        assert manager.get(running.id).status == "canceled"
        assert manager.get(running.id).outputs == []
    finally:
        manager.shutdown()


def test_bad_inputs_fail_with_readable_errors_and_others_carry_on(manager):
    good = png(text_image(["still fine"]))
    cases = {
        "empty.png": (b"", "empty"),
        "notes.jpg": (b"just some text\n", "not a supported image"),
        "cut.png": (good[: len(good) // 2], "truncated"),
    }
    jobs = {name: manager.submit([InputData(name, data)]) for name, (data, _) in cases.items()}
    ok = manager.submit([InputData("ok.png", good)])
    for name, job in jobs.items():
        done = manager.wait(job.id, 30)
        assert done.status == "failed"
        assert cases[name][1] in done.error["message"]
        assert "Traceback" not in done.error["message"]
    assert manager.wait(ok.id, 30).text == "still fine"


def test_batch_job_keeps_good_outputs(manager):
    job = manager.submit(
        [
            InputData("a.png", png(text_image(["first image"]))),
            InputData("bad.png", b"nope"),
            InputData("a.png", png(text_image(["second image"]))),
        ]
    )
    done = manager.wait(job.id, 60)
    assert done.status == "succeeded"
    assert [o.filename for o in done.outputs] == ["a.txt", "a-2.txt"]
    assert any(w.startswith("bad.png:") for w in done.warnings)
    result = manager.result_json(done)
    assert result["text"] == "first image\fsecond image"
    assert [d["filename"] for d in result["documents"]] == ["a.png", "a.png"]


def test_options_are_checked_when_submitting(manager):
    data = png(text_image(["x"]))
    with pytest.raises(UnknownLanguageError):
        manager.submit([InputData("a.png", data)], options=OcrOptions(language="klingon"))
    with pytest.raises(OptionsError):
        manager.submit([InputData("a.png", data)], options=OcrOptions(output_format="docx"))
    with pytest.raises(OptionsError):
        manager.submit([InputData("a.png", data)], options=OcrOptions(psm="diagonal"))


def test_ttl_is_clamped(manager):
    job = manager.submit([InputData("a.png", png(text_image(["x"])))], ttl_hours=10_000)
    assert job.ttl_hours == manager.max_ttl_hours
    manager.wait(job.id, 30)


def test_queue_bound(qapp):
    manager = JobManager(max_workers=1, max_queue=1, prune_timer=False)
    try:
        manager.submit([InputData("a.png", page_png(4, lines=10))])
        with pytest.raises(QueueFullError):
            manager.submit([InputData("b.png", page_png(5, lines=10))])
    finally:
        manager.wait_all(60)
        manager.shutdown()


class ExplodingEngine:
    """The real engine, except that it raises a bug-like error on one marked image."""

    def __init__(self) -> None:
        self._real = get_engine()
        self.name = self._real.name

    def __getattr__(self, name):
        return getattr(self._real, name)

    def recognize(self, image, options, timeout, cancel=None):
        if image.size == (123, 45):
            raise ZeroDivisionError("simulated bug")
        return self._real.recognize(image, options, timeout, cancel)


def test_a_crashing_worker_fails_its_job_not_the_pool(qapp):
    manager = JobManager(engine=ExplodingEngine(), max_workers=1, prune_timer=False)
    try:
        bad = manager.submit([InputData("bug.png", png(Image.new("RGB", (123, 45), "white")))])
        good = manager.submit([InputData("ok.png", png(text_image(["survivor"])))])
        failed = manager.wait(bad.id, 30)
        assert failed.status == "failed"
        assert failed.error["code"] == "internal_error"
        assert "simulated bug" in failed.error["message"]
        assert manager.wait(good.id, 30).text == "survivor"
    finally:
        manager.shutdown()


def test_retry_with_other_options(manager):
    img = text_image(["rotated text here"], size=24).rotate(90, expand=True)
    first = manager.wait(manager.submit([InputData("r.png", png(img))]).id, 30)
    again = manager.retry(first.id, options=OcrOptions(detect_orientation=True))
    assert again.id != first.id
    done = manager.wait(again.id, 30)
    assert done.text == "rotated text here"
    assert done.options.detect_orientation


def test_submit_is_thread_safe(manager):
    data = [png(text_image([f"thread {i}"])) for i in range(4)]
    ids: list[str] = []

    def worker(i: int) -> None:
        ids.append(manager.submit([InputData(f"{i}.png", data[i])]).id)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert manager.wait_all(60)
    texts = sorted(manager.get(i).text for i in ids)
    assert texts == [f"thread {i}" for i in range(4)]


def test_delete_purges(manager):
    job = manager.wait(manager.submit([InputData("a.png", png(text_image(["x y"])))]).id, 30)
    assert manager.delete(job.id)
    assert manager.get(job.id) is None
    assert not manager.store.job_dir(job.id).exists()


def _is_recognition(proc) -> bool:
    """Tesseract reading a page (not a --version or --list-langs probe)."""
    import psutil

    try:
        return "tesseract" in proc.name() and "tsv" in " ".join(proc.cmdline())
    except psutil.Error:
        return False


def test_cancel_kills_the_running_engine_process(qapp, monkeypatch):
    """Canceling stops Tesseract itself (SIGKILL) instead of letting it finish the page (the
    subprocess backend: the in-process one has no process to kill, see the next test)."""
    import signal

    import psutil

    monkeypatch.setenv("IMAGEHQ_OCR_TESSERACT_BACKEND", "subprocess")
    manager = JobManager(max_workers=1, prune_timer=False)
    try:
        big = manager.submit([InputData("big.png", page_png(6, lines=80))])
        me = psutil.Process()
        deadline = time.monotonic() + 30
        tess = []
        while not tess and time.monotonic() < deadline:
            tess = [p for p in me.children() if _is_recognition(p)]
            time.sleep(0.005)
        assert tess, "tesseract never started"
        assert manager.cancel(big.id)
        gone, alive = psutil.wait_procs(tess, timeout=10)
        assert not alive
        # psutil sees the exit status unless pytesseract reaped the process first
        assert gone[0].returncode in (None, -signal.SIGKILL)
        assert manager.wait(big.id, 10).status == "canceled"
        manager.pool.waitForDone(30000)
        # killed, not finished: the worker stored no result (a finished Tesseract call would have)
        assert not manager.store.result_path(big.id, 0).exists()
        assert manager.get(big.id).outputs == []
        # the worker is free again
        ok = manager.submit([InputData("s.png", png(text_image(["quick one"])))])
        assert manager.wait(ok.id, 30).text == "quick one"
    finally:
        manager.shutdown()


def test_cancel_while_in_process_tesseract_reads(qapp, monkeypatch):
    """In-process Tesseract (tesserocr) cannot be stopped from another thread: the job is
    canceled at once, the page's result is thrown away when the call returns (the documented
    bound), and the worker reads the next job."""
    from app.core.engines.tesseract_backends import inprocess

    if not inprocess.is_installed():
        pytest.skip("tesserocr is not installed")
    monkeypatch.setenv("IMAGEHQ_OCR_TESSERACT_BACKEND", "tesserocr")
    manager = JobManager(max_workers=1, prune_timer=False)
    try:
        big = manager.submit([InputData("big.png", page_png(6, lines=80))])
        deadline = time.monotonic() + 30
        while manager.get(big.id).status != "processing" and time.monotonic() < deadline:
            time.sleep(0.005)
        assert manager.get(big.id).status == "processing"
        assert manager.cancel(big.id)
        assert manager.get(big.id).status == "canceled"  # at once, not when the page is read
        ok = manager.submit([InputData("s.png", png(text_image(["quick one"])))])
        assert manager.wait(ok.id, 60).text == "quick one"
        assert not manager.store.result_path(big.id, 0).exists()
        assert manager.get(big.id).outputs == []
        assert manager.get(big.id).status == "canceled"
    finally:
        manager.shutdown()


def test_jobs_of_other_processes_are_announced(qapp, qtbot, sample_png, isolated_home):
    """The window's manager sees what `imagehq-ocr extract` (another process) writes."""
    import os
    import subprocess
    import sys

    manager = JobManager(max_workers=1, prune_timer=False, watch_external=True)
    seen: dict[str, str] = {}
    manager.job_updated.connect(lambda job: seen.__setitem__(job.id, job.status))
    try:
        own = manager.wait(manager.submit([InputData("own.png", png(text_image(["own"])))]).id, 30)
        proc = subprocess.run(
            [sys.executable, "-m", "app", "extract", str(sample_png)],
            env={**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home)},
            capture_output=True,
            timeout=60,
            check=True,
        )
        assert proc.stdout.startswith(b"The quick brown fox")
        other = [j for j in manager.store.list(limit=5).jobs if j.id != own.id]
        assert len(other) == 1
        qtbot.waitUntil(lambda: seen.get(other[0].id) == "succeeded", timeout=10000)
        assert manager.poll_external() == 0  # each change is announced once
    finally:
        manager.shutdown()


def test_parse_as_receipt_reuses_an_automatic_pp_ocr_reading(manager, tmp_path):
    """'Parse as receipt' on a receipt that auto already read with PP-OCR parses that reading
    (milliseconds) instead of reading the image again; a Tesseract reading is read again."""
    from tests.receipt_images import bakery_receipt
    from tests.test_engines import receipt_image

    def run(data: bytes, operation: str = "extract_text"):
        job = manager.submit([InputData("r.png", data)], operation=operation)
        return manager.wait(job.id, 120), manager.store.load_result(job.id, 0)

    scanned = png(receipt_image())  # grainy strip: auto reads it with PP-OCR
    read, result = run(scanned)
    assert read.status == "succeeded" and not read.cached and result["engine"] == "rapidocr"
    parsed, result = run(scanned, "parse_receipt")
    assert parsed.status == "succeeded" and parsed.cached
    assert parsed.text == read.text and result["receipt"]["total"] == "17.00"

    clean = bakery_receipt(tmp_path / "bakery.png").read_bytes()  # a clean render: Tesseract
    read, result = run(clean)
    assert result["engine"] == "tesseract"
    parsed, result = run(clean, "parse_receipt")
    assert not parsed.cached and result["engine"] == "rapidocr"
    assert result["receipt"]["total"] == "10.25"


def test_a_release_before_the_wait_begins_still_ends_it(qapp):
    """A server stop that lands between a long poll's check and its wait ends the wait at once
    (it used to wait out its whole time, and the poll got a 500 at the shutdown timeout)."""
    m = JobManager(max_workers=1, prune_timer=False)
    try:
        busy = m.submit([InputData("a.png", page_png(1))])
        queued = m.submit([InputData("b.png", page_png(2))])  # waits behind the first
        since = m.wake_generation
        m.release_waiters()  # the stop, before the poll's thread waits
        began = time.monotonic()
        job = m.wait(queued.id, 30, since=since)
        assert time.monotonic() - began < 5
        assert job is not None and not job.is_final
        m.wait(busy.id, 60)
    finally:
        m.shutdown(wait=True)


def test_the_manager_opens_one_store_and_recovers_once(qapp, monkeypatch):
    """The lifecycle (JobRunner) is set up once per manager: one store, one recovery pass."""
    from app.core import runner as runner_module

    stores: list[object] = []
    recoveries: list[object] = []
    real_init = runner_module.Store.__init__
    real_recover = runner_module.JobRunner._recover

    def counting_init(self, *args, **kwargs):
        stores.append(self)
        real_init(self, *args, **kwargs)

    def counting_recover(self):
        recoveries.append(self)
        real_recover(self)

    monkeypatch.setattr(runner_module.Store, "__init__", counting_init)
    monkeypatch.setattr(runner_module.JobRunner, "_recover", counting_recover)
    m = JobManager(max_workers=1, prune_timer=False)
    try:
        assert stores == [m.store] and recoveries == [m]
    finally:
        m.shutdown(wait=True)


@pytest.mark.parametrize("engine_name", ["tesseract", "rapidocr"])
def test_jobs_on_the_pool_reuse_one_warm_engine(qapp, monkeypatch, engine_name):
    """QThreadPool threads keep no Python thread-local data from one job to the next: the
    engines' warm objects (an initialised libtesseract, a RapidOCR) live in a pool instead, so
    three jobs in a row make one."""
    from app.core.engines import rapid
    from app.core.engines.tesseract_backends import inprocess

    made: list[str] = []
    if engine_name == "tesseract":
        real_api = inprocess._new_api

        def counting_api(tessdata, language, psm):
            made.append(language)
            return real_api(tessdata, language, psm)

        monkeypatch.setattr(inprocess, "_new_api", counting_api)
        language = "deu"  # a language no earlier test warmed
    else:
        real_make = rapid.RapidOcrEngine._make_instance

        def counting_make(self, threads):
            made.append(str(threads))
            return real_make(self, threads)

        monkeypatch.setattr(rapid.RapidOcrEngine, "_make_instance", counting_make)
        from app.core.engines.pool import Pool

        engine = get_engine("rapidocr")  # an empty pool that makes through the counter
        monkeypatch.setattr(engine, "_instances", Pool(engine._make_instance, max_idle=2))
        language = "eng"
    m = JobManager(max_workers=1, prune_timer=False)
    try:
        for n in range(3):
            data = png(text_image([f"Drei Wörter {n}"], size=28))
            options = OcrOptions(engine=engine_name, language=language)
            job = m.wait(m.submit([InputData(f"{n}.png", data)], options=options).id, 60)
            assert job is not None and job.status == "succeeded", job
        assert len(made) == 1, made
    finally:
        m.shutdown(wait=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux's")
def test_workers_run_nicer_than_the_event_loop_thread(qapp, monkeypatch):
    """The manager's workers read at a lower priority than the thread that runs the event loop
    (the window's GUI thread gets a core at once while both cores read)."""
    import os

    from app.core import pipeline

    seen: list[int] = []
    real = pipeline.recognize_pages

    def recording(*args, **kwargs):
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "recognize_pages", recording)
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    m = JobManager(max_workers=1, prune_timer=False)
    try:
        job = m.wait(m.submit([InputData("n.png", png(text_image(["nice worker"])))]).id, 60)
        assert job is not None and job.status == "succeeded"
        assert seen and seen[0] > mine
    finally:
        m.shutdown(wait=True)
