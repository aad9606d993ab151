"""Smoke test of the frozen bundle `make package` built (dist/imagehq-ocr/): runs when
PACKAGE_TEST=1 (a build takes minutes, so an ordinary `make test` does not make one)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import text_image

ROOT = Path(__file__).resolve().parents[2]
EXE = ROOT / "dist" / "imagehq-ocr" / "imagehq-ocr"

pytestmark = pytest.mark.skipif(
    os.environ.get("PACKAGE_TEST") != "1", reason="PACKAGE_TEST=1 runs the frozen-bundle smoke test"
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    if not EXE.exists():
        pytest.fail(f"{EXE} is missing: run make package first")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    return {
        **os.environ,
        "PATH": str(empty),  # no system Tesseract: the bundle must manage on its own
        "IMAGEHQ_OCR_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "OMP_THREAD_LIMIT": "1",
    }


def test_version(env: dict[str, str]) -> None:
    run = subprocess.run([str(EXE), "--version"], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ImageHQ OCR ")
    assert "RapidOCR" in run.stdout and "Qt 6" in run.stdout
    # PATH has no Tesseract: this is the one make package put in the bundle
    assert (EXE.parent / "tesseract" / "tessdata" / "osd.traineddata").is_file()
    assert "\nTesseract 5." in run.stdout, run.stdout


def test_bundled_tesseract_reads(env: dict[str, str], tmp_path: Path) -> None:
    image = tmp_path / "sample.png"
    text_image(["Invoice 2041"], 32).save(image)
    run = subprocess.run(
        [str(EXE), "extract", "--engine", "tesseract", str(image)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    assert "Invoice 2041" in run.stdout


def test_extract_without_tesseract_on_path(env: dict[str, str], tmp_path: Path) -> None:
    image = tmp_path / "sample.png"
    text_image(["Invoice 2041", "Total 17.50"], 32).save(image)
    run = subprocess.run(
        [str(EXE), "extract", str(image)], capture_output=True, text=True, env=env, timeout=180
    )
    assert run.returncode == 0, run.stderr
    assert "2041" in run.stdout and "17.50" in run.stdout


def test_window_runs_offscreen_for_3_seconds(env: dict[str, str]) -> None:
    proc = subprocess.Popen([str(EXE)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=3)  # still running: it started and did not crash
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
