"""The two ways the ``tesseract`` engine runs Tesseract: in process (tesserocr) and as a command
(pytesseract). Same result model, the choice by IMAGEHQ_OCR_TESSERACT_BACKEND, fallback where
tesserocr cannot load, time-outs and cancel in process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from app.core.engines.cancel import CancelToken
from app.core.engines.tesseract import TesseractEngine
from app.core.engines.tesseract_backends import ENV, inprocess
from app.core.errors import CanceledError, EngineTimeoutError
from app.core.options import OcrOptions
from tests.conftest import text_image

LINES = ["Invoice 2041 total due", "Pay by 12 March, reference QX-77"]
PAGE = [f"Line {i}: the quick brown fox jumps over the lazy dog again" for i in range(70)]

pytestmark = pytest.mark.skipif(not inprocess.is_installed(), reason="tesserocr not installed")


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[TesseractEngine]:
    monkeypatch.setenv(ENV, "tesserocr")
    eng = TesseractEngine()
    assert eng.is_installed()
    yield eng


def test_both_backends_give_the_same_words_and_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    eng = TesseractEngine()
    img = text_image(LINES, size=24)
    results = {}
    for name in ("tesserocr", "subprocess"):
        monkeypatch.setenv(ENV, name)
        assert name == eng.backend().NAME
        results[name] = eng.recognize(img, OcrOptions(), timeout=60)
    a, b = results["tesserocr"], results["subprocess"]
    assert a.text == b.text == "\n".join(LINES)
    assert [ln.text for ln in a.page.lines()] == [ln.text for ln in b.page.lines()]
    for wa, wb in zip(a.page.words(), b.page.words(), strict=True):
        assert max(abs(p - q) for p, q in zip(wa.bbox, wb.bbox, strict=True)) <= 2, (wa, wb)
        assert abs(wa.confidence - wb.confidence) < 0.2  # 5.5 and 5.3 score a little apart
        assert 0.0 <= wa.confidence <= 1.0


def test_the_backend_in_use_is_part_of_the_cache_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """libtesseract in the wheel (5.5) and the command (here 5.3) may read differently."""
    eng = TesseractEngine()
    monkeypatch.setenv(ENV, "tesserocr")
    in_process = (eng.version(), eng.identity("eng"))
    monkeypatch.setenv(ENV, "subprocess")
    command = (eng.version(), eng.identity("eng"))
    assert in_process[0] == inprocess.version() and in_process[0].startswith("5.")
    if in_process[0] != command[0]:
        assert in_process[1] != command[1]
    assert eng.identity("eng") == command[1]


def test_warm_api_per_thread_follows_language_and_psm(engine: TesseractEngine) -> None:
    """One API per thread; switching language or psm between calls on it reads correctly."""
    german = text_image(["Größe und Übung"], size=24)
    line = text_image(["one single line"], size=24)
    texts: dict[str, list[str]] = {}

    def work(name: str) -> None:
        texts[name] = [
            engine.recognize(line, OcrOptions(), timeout=60).text,
            engine.recognize(german, OcrOptions(language="eng+deu"), timeout=60).text,
            engine.recognize(line, OcrOptions(psm="single_line"), timeout=60).text,
        ]

    threads = [threading.Thread(target=work, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    expected = ["one single line", "Größe und Übung", "one single line"]
    assert texts == {"a": expected, "b": expected}


def test_prewarmed_api_serves_the_first_reading_thread(
    engine: TesseractEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``prewarm`` loads the language on a background thread; the next thread that reads that
    language takes that API (one initialisation in all) and reads with it."""
    made: list[str] = []
    real = inprocess._new_api

    def counting(tessdata: object, language: str, psm: int) -> object:
        made.append(threading.current_thread().name)
        return real(tessdata, language, psm)  # type: ignore[arg-type]

    monkeypatch.setattr(inprocess, "_new_api", counting)
    engine.prewarm("eng+deu")
    texts: list[str] = []
    reader = threading.Thread(
        target=lambda: texts.append(
            engine.recognize(
                text_image(["warm start"], size=24), OcrOptions(language="eng+deu")
            ).text
        )
    )
    reader.start()
    reader.join(120)
    assert texts == ["warm start"]
    assert made == ["tesseract-warm"]


def test_in_process_time_out(engine: TesseractEngine) -> None:
    img = text_image(PAGE, size=18)
    with pytest.raises(EngineTimeoutError, match=r"timed out after 0\.05 s"):
        engine.recognize(img, OcrOptions(preprocess=False), timeout=0.05)


def test_in_process_cancel_ends_the_call(engine: TesseractEngine) -> None:
    """A cancel during the read raises CanceledError when libtesseract returns (the bound)."""
    img = text_image(PAGE, size=18)
    token = CancelToken()
    timer = threading.Timer(0.2, token.cancel)
    timer.start()
    try:
        with pytest.raises(CanceledError):
            engine.recognize(img, OcrOptions(), timeout=120, cancel=token)
    finally:
        timer.cancel()


FALLBACK = """
import sys
sys.modules["tesserocr"] = None  # as where no wheel installs
from app.core.engines.tesseract import TesseractEngine
from app.core.options import OcrOptions
from tests.conftest import text_image
eng = TesseractEngine()
result = eng.recognize(text_image(["fallback works"], size=24), OcrOptions(), timeout=60)
print(eng.backend().NAME, "|", result.text, "|", "pytesseract" in sys.modules)
"""


@pytest.mark.parametrize("forced", ["", "tesserocr"])
def test_without_tesserocr_the_command_reads(forced: str) -> None:
    """No tesserocr: the subprocess backend reads; forcing tesserocr then says it can't."""
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if forced:
        env[ENV] = forced
    run = subprocess.run(
        [sys.executable, "-c", FALLBACK], capture_output=True, text=True, env=env, timeout=120
    )
    if not forced:
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "subprocess | fallback works | True"
    else:
        assert run.returncode != 0
        assert "the Tesseract backend 'tesserocr' cannot load" in run.stderr


def test_in_process_reads_without_pytesseract() -> None:
    """The in-process path loads neither pytesseract nor (through it) numpy."""
    code = FALLBACK.replace('sys.modules["tesserocr"] = None', "")
    run = subprocess.run(
        [sys.executable, "-c", code + "\nprint('numpy' in sys.modules)"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != ENV},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:2] == ["tesserocr | fallback works | False", "False"]


EXTRACT_IMPORTS = """
import sys
from app.cli import main
code = main(["extract", "--engine", "tesseract", sys.argv[1]])
heavy = ("PySide6.QtCore", "PySide6.QtWidgets", "PySide6.QtGui", "fastapi", "pydantic",
         "onnxruntime", "numpy", "cv2", "pytesseract", "tqdm")
print(code, sorted(m for m in heavy if m in sys.modules))
"""


def test_extract_of_one_image_loads_nothing_it_does_not_use(sample_png, isolated_home) -> None:
    """`extract --engine tesseract IMAGE` (the start-up path): no GUI, HTTP, ONNX, numpy or
    progress-bar modules."""
    run = subprocess.run(
        [sys.executable, "-c", EXTRACT_IMPORTS, str(sample_png)],
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k != ENV},
            "IMAGEHQ_OCR_HOME": str(isolated_home),
        },
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    assert lines[0].split() == ["The", "quick", "brown", "fox"]
    assert lines[-1] == "0 []"
