"""With Tesseract off PATH (really: the processes run with a PATH that lacks it), the API says so
(503 engine_unavailable, /v1/health lists the missing engine with its install hint) and the
window shows a banner at start-up; IMAGEHQ_OCR_TESSERACT brings it back."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import TOKEN, png_bytes

TESSERACT = shutil.which("tesseract")


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """The test's environment with a PATH holding nothing but an empty folder."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "IMAGEHQ_OCR_TESSERACT"}
    env.update(PATH=str(empty), IMAGEHQ_OCR_TOKEN=TOKEN, QT_QPA_PLATFORM="offscreen")
    return env


def run_py(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


LOCATE = (
    "import json; from app.core.engines.tesseract_locate import locate; f = locate();"
    "print(json.dumps(f and [str(f.executable), f.backend]))"
)


def test_locate_finds_nothing_without_tesseract_on_path(bare_env: dict[str, str]) -> None:
    run = run_py(LOCATE, bare_env)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) is None


def test_configured_path_comes_first(bare_env: dict[str, str]) -> None:
    assert TESSERACT, "tesseract must be installed for the test suite"
    run = run_py(LOCATE, {**bare_env, "IMAGEHQ_OCR_TESSERACT": TESSERACT})
    assert json.loads(run.stdout) == [TESSERACT, "configured"]
    on_path = run_py(LOCATE, {**bare_env, "PATH": str(Path(TESSERACT).parent)})
    assert json.loads(on_path.stdout) == [TESSERACT, "path"]


@pytest.fixture
def bare_server(bare_env: dict[str, str]) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=bare_env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert match, first + (proc.stderr.read() if proc.stderr else "")
        yield match.group(1)
    finally:
        proc.terminate()
        proc.communicate(timeout=60)


def test_serve_without_tesseract(bare_server: str) -> None:
    health = httpx.get(f"{bare_server}/v1/health", timeout=30).json()
    assert health["status"] == "degraded"  # PP-OCR still reads
    missing = {m["name"]: m["message"] for m in health["missing_engines"]}
    assert list(missing) == ["tesseract"]
    assert "apt-get install tesseract-ocr" in missing["tesseract"]

    files = {"files[]": ("a.png", png_bytes(["Hello 2041"], size=28), "image/png")}
    request = {"operation": "extract_text", "options": {"engine": "tesseract"}}
    answer = httpx.post(
        f"{bare_server}/v1/ocr",
        headers={"Authorization": f"Bearer {TOKEN}"},
        files=files,
        data={"request": json.dumps(request)},
        timeout=30,
    )
    assert answer.status_code == 503, answer.text
    error = answer.json()["error"]
    assert error["code"] == "engine_unavailable"
    assert "Tesseract is not installed" in error["message"]


WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.gui.main_window import MainWindow
from app.jobs import JobManager
manager = JobManager(max_workers=1, prune_timer=False)
win = MainWindow(manager)
win.show()
deadline = __import__("time").monotonic() + 60
while win._engine_timer.isActive() and __import__("time").monotonic() < deadline:
    app.processEvents()
print(repr((win.engine_banner.isVisible(), win.engine_banner.text())))
win._really_quit = True
win.close()
manager.shutdown(wait=True)
"""


def test_window_shows_a_banner_without_tesseract(bare_env: dict[str, str]) -> None:
    run = run_py(WINDOW, bare_env)
    assert run.returncode == 0, run.stderr
    visible, text = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    assert visible
    assert "read with rapidocr" in text and "apt-get install tesseract-ocr" in text


def test_window_has_no_banner_with_tesseract(bare_env: dict[str, str]) -> None:
    assert TESSERACT
    run = run_py(WINDOW, {**bare_env, "PATH": str(Path(TESSERACT).parent)})
    assert run.returncode == 0, run.stderr
    visible, text = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    assert (visible, text) == (False, "")
