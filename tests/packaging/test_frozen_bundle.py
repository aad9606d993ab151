"""Smoke test of what `make package` built: the frozen bundle (dist/imagehq-ocr/) and, on Debian,
the .deb. Runs when PACKAGE_TEST=1 (`.ci/run` sets it and `make test` then builds the package
first); an ordinary `make test` makes no package.

The bundle runs with a PATH that has no Tesseract, so what reads is what the bundle carries:
libtesseract in process (tesserocr) with the bundled eng/osd data, the bundled Tesseract command
when the subprocess backend is forced, and PP-OCR with the models `make models` built. Its text
must be the development install's, word for word."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import text_image

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "imagehq-ocr"
EXE = BUNDLE / "imagehq-ocr"

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


def frozen(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    run = subprocess.run(
        [str(EXE), *args], capture_output=True, text=True, env=env, timeout=180, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    return run


def dev_output(args: list[str], tmp_path: Path) -> str:
    """What the development install (this test's interpreter, system PATH) prints."""
    run = subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "IMAGEHQ_OCR_HOME": str(tmp_path / "dev-home"), "OMP_THREAD_LIMIT": "1"},
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_version_names_the_libtesseract_in_the_bundle(env: dict[str, str]) -> None:
    import tesserocr

    out = frozen(["--version"], env).stdout
    assert out.startswith(f"ImageHQ OCR {__version__}\n")
    assert "RapidOCR" in out and "Qt 6" in out
    # PATH has no Tesseract: the version is that of tesserocr's libtesseract, in process
    assert f"\nTesseract {tesserocr.tesseract_version().split()[1]}\n" in out, out
    assert (BUNDLE / "tesseract" / "tessdata" / "osd.traineddata").is_file()


def test_bundle_carries_only_the_models_the_engine_loads() -> None:
    models = BUNDLE / "_internal" / "app" / "models"
    assert sorted(p.name for p in models.glob("*.onnx")) == sorted(
        p.name for p in (ROOT / "app" / "models").glob("*.onnx")
    )
    wheel = BUNDLE / "_internal" / "rapidocr" / "models"
    assert (wheel / "PP-OCRv6_rec_small.onnx").is_file()
    assert not (wheel / "PP-OCRv6_det_small.onnx").exists()  # the 8-bit detector replaces it


def test_tesseract_reads_in_process_with_the_bundled_data(
    env: dict[str, str], tmp_path: Path
) -> None:
    image = tmp_path / "sample.png"
    text_image(["Invoice 2041", "Total 17.50"], 32).save(image)
    args = ["extract", "--engine", "tesseract", "--layout", "--format", "json", str(image)]
    out = frozen(args, env).stdout
    assert "Invoice 2041" in out and "17.50" in out
    assert out == dev_output(args, tmp_path)  # words, boxes and confidences


def test_the_bundled_tesseract_command_reads(env: dict[str, str], tmp_path: Path) -> None:
    image = tmp_path / "sample.png"
    text_image(["Invoice 2041"], 32).save(image)
    forced = {**env, "IMAGEHQ_OCR_TESSERACT_BACKEND": "subprocess"}
    assert "Invoice 2041" in frozen(["extract", "--engine", "tesseract", str(image)], forced).stdout


def test_rapidocr_reads_as_the_development_install(env: dict[str, str], tmp_path: Path) -> None:
    image = tmp_path / "receipt.png"
    text_image(["COFFEE 3.50", "TOTAL 7.00"], 30, bg="#f3ecd9").save(image)
    args = ["extract", "--engine", "rapidocr", "--layout", "--format", "json", str(image)]
    out = frozen(args, env).stdout
    assert "7.00" in out
    # the development install reads with the models make models built: so does the bundle
    assert out == dev_output(args, tmp_path)


def test_extract_auto_without_tesseract_on_path(env: dict[str, str], tmp_path: Path) -> None:
    image = tmp_path / "sample.png"
    text_image(["Invoice 2041", "Total 17.50"], 32).save(image)
    out = frozen(["extract", str(image)], env).stdout
    assert "2041" in out and "17.50" in out


def test_window_runs_offscreen_for_3_seconds(env: dict[str, str]) -> None:
    proc = subprocess.Popen([str(EXE)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=3)  # still running: it started and did not crash
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err


def deb() -> Path:
    debs = sorted((ROOT / "dist").glob("imagehq-ocr_*.deb"))
    if shutil.which("dpkg-deb") is None or not debs:
        pytest.skip("no .deb (not a Debian system)")
    return debs[-1]


def test_deb_is_lintian_clean() -> None:
    """No error or warning beyond packaging/linux/lintian-overrides (each justified there), and
    no override that matches nothing."""
    package = deb()
    if shutil.which("lintian") is None:
        pytest.fail("lintian is missing: packaging/system-deps.sh --package installs it")
    run = subprocess.run(
        ["lintian", "--fail-on", "none", "--info", str(package)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    tags = [line for line in run.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert tags == [], "\n".join(tags)
    assert "unused-override" not in run.stdout, run.stdout


def test_deb_control_and_contents() -> None:
    package = deb()
    control = subprocess.run(
        ["dpkg-deb", "--field", str(package)], capture_output=True, text=True, check=True
    ).stdout
    assert "\nDepends: libc6 (>= 2." in control and "Installed-Size: " in control
    files = subprocess.run(
        ["dpkg-deb", "--contents", str(package)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./usr/share/doc/imagehq-ocr/copyright",
        "./usr/share/metainfo/io.imagehq.ocr.metainfo.xml",
        "./usr/share/icons/hicolor/256x256/apps/imagehq-ocr.png",
        "./opt/imagehq-ocr/_internal/app/models/",
    ):
        assert path in files, path
    assert "./opt/imagehq-ocr/tesseract/" not in files  # the .deb uses Debian's tesseract-ocr
