"""The CLI as a user runs it: a subprocess, real files, real Tesseract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import text_image
from tests.test_imageio import bomb_png


def run(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def test_version(isolated_home):
    proc = run("--version", home=isolated_home)
    assert proc.returncode == 0
    assert "ImageHQ OCR 0.1.0" in proc.stdout
    assert "Tesseract 5." in proc.stdout and "Qt 6." in proc.stdout


def test_langs(isolated_home):
    proc = run("langs", home=isolated_home)
    assert proc.returncode == 0
    langs = proc.stdout.split()
    assert "eng" in langs and "osd" not in langs


def test_extract_one_file_to_stdout(isolated_home, sample_png):
    proc = run("extract", str(sample_png), home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "The quick brown fox\njumps over the lazy dog\n"
    assert proc.stderr == ""


def test_extract_of_an_image_without_text_says_so_on_stderr(isolated_home, tmp_path):
    from PIL import Image

    blank = tmp_path / "sky.png"
    Image.new("RGB", (400, 300), (120, 160, 200)).save(blank)
    proc = run("extract", "--engine", "tesseract", str(blank), home=isolated_home)
    assert proc.returncode == 0 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines == [
        f"imagehq-ocr: warning: {blank}: no text found "
        "(try --engine rapidocr, --psm sparse or --detect-orientation)"
    ]


def test_extract_format_from_output_extension(isolated_home, sample_png, tmp_path):
    out = tmp_path / "result.hocr"
    proc = run("extract", str(sample_png), "-o", str(out), home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    assert "ocrx_word" in out.read_text()
    proc = run("extract", str(sample_png), "--layout", "--format", "json", home=isolated_home)
    data = json.loads(proc.stdout)
    assert data["text"].startswith("The quick") and "pages" in data


def test_batch_with_bad_inputs(isolated_home, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    text_image(["first good image"]).save(folder / "a.png")
    text_image(["second good image"]).save(folder / "sub" / "b.jpg")
    (folder / "empty.png").write_bytes(b"")
    (folder / "notes.jpg").write_text("this is text, not a JPEG\n")
    good = (folder / "a.png").read_bytes()
    (folder / "cut.png").write_bytes(good[: len(good) // 2])
    (folder / "bomb.png").write_bytes(bomb_png())
    out = tmp_path / "out"
    proc = run(
        "extract", str(folder), str(tmp_path / "missing.png"), "-o", str(out), home=isolated_home
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 5, proc.stderr
    by_file = {Path(line.split(": ")[2]).name: line for line in lines}
    assert "empty" in by_file["empty.png"]
    assert "not a supported image" in by_file["notes.jpg"]
    assert "truncated" in by_file["cut.png"]
    assert "too large" in by_file["bomb.png"]
    assert "no such file" in by_file["missing.png"]
    assert (out / "a.txt").read_text() == "first good image\n"
    assert (out / "b.txt").read_text() == "second good image\n"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]


def test_several_files_to_stdout_have_headers(isolated_home, tmp_path):
    for name, text in (("one.png", "alpha one"), ("two.png", "beta two")):
        text_image([text]).save(tmp_path / name)
    proc = run("extract", str(tmp_path / "one.png"), str(tmp_path / "two.png"), home=isolated_home)
    assert proc.returncode == 0
    assert f"==> {tmp_path / 'one.png'} <==\nalpha one\n" in proc.stdout
    assert f"==> {tmp_path / 'two.png'} <==\nbeta two\n" in proc.stdout


def test_unknown_language(isolated_home, sample_png):
    proc = run("extract", str(sample_png), "--lang", "xx", home=isolated_home)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert "language 'xx' is not installed" in proc.stderr and "eng" in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "x.png", "--format", "docx"],
        ["extract", "x.png", "--psm", "diagonal"],
        ["extract", "x.png", "--psm", "³"],
        ["extract", "x.png", "--psm", "0"],
        ["nope"],
    ],
)
def test_bad_usage_exits_2(isolated_home, args):
    proc = run(*args, home=isolated_home)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.strip()
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr  # one line, no usage dump


def test_jobs_lists_history(isolated_home, sample_png):
    assert run("extract", str(sample_png), home=isolated_home).returncode == 0
    proc = run("extract", str(sample_png), home=isolated_home)  # served from the cache
    assert proc.returncode == 0
    data = json.loads(run("jobs", "--json", home=isolated_home).stdout)
    assert len(data) == 2
    assert {j["status"] for j in data} == {"succeeded"}
    assert "cached: served from the store" in data[0]["warnings"]
    assert data[0]["result_json"]["text"] == "The quick brown fox\njumps over the lazy dog"
    table = run("jobs", home=isolated_home).stdout
    assert "sample.png" in table and "succeeded" in table


def test_extract_does_not_import_what_it_does_not_use(isolated_home, sample_png):
    """A screenshot read by Tesseract (the default engine, auto) loads no Qt at all, no web
    stack, no second engine, no OpenCV or numpy for the second-opinion check of a small image,
    and neither the receipt rules nor the other formats' writers."""
    unused = [
        "PySide6.QtCore",
        "PySide6.QtWidgets",
        "fastapi",
        "pydantic",
        "uvicorn",
        "onnxruntime",
        "rapidocr",
        "cv2",
        "numpy",
        "app.core.receipt.parser",
        "app.core.export.pdf",
        "app.core.export.alto",
    ]
    code = (
        f"import sys; from app.cli import main; rc = main(['extract', {str(sample_png)!r}]); "
        f"loaded = [m for m in {unused!r} if m in sys.modules]; "
        "assert not loaded, f'imported: {loaded}'; "
        "sys.exit(rc)"
    )
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home)}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("console", [False, True])
def test_errors_are_logged_to_the_file_not_the_terminal(isolated_home, console):
    level = "logging.WARNING" if console else "None"
    code = (
        f"import logging; from app.logs import setup_logging; p = setup_logging({level}); "
        "logging.getLogger('app.jobs').error('boom', exc_info=ZeroDivisionError('x')); print(p)"
    )
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    # the console gets one line at most, never the traceback
    assert proc.stderr == ("ERROR app.jobs: boom\n" if console else "")
    log = Path(proc.stdout.strip())
    assert log.parent == isolated_home / "logs"
    text = log.read_text()
    assert "ERROR app.jobs: boom" in text and "ZeroDivisionError" in text


def test_batch_progress_bar_on_a_terminal(isolated_home, tmp_path):
    """stderr on a terminal shows a progress bar; stdout stays clean for the results."""
    import fcntl
    import pty
    import struct
    import termios

    for i in range(3):
        text_image([f"progress {i}"]).save(tmp_path / f"p{i}.png")
    main, secondary = pty.openpty()
    # a terminal of 24 × 100 (a fresh pty reports 0 × 0, where tqdm draws nothing)
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home)}
    proc = subprocess.run(
        [sys.executable, "-m", "app", "extract", str(tmp_path), "-o", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    bar = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 0
    assert proc.stdout == b""
    assert "3/3" in bar and "100%" in bar and "img" in bar
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["p0.txt", "p1.txt", "p2.txt"]


def test_without_tesseract_says_how_to_install_it(isolated_home, sample_png):
    """Without Tesseract, auto reads with PP-OCR and says once how to install Tesseract; asking
    for Tesseract itself fails with the hint."""
    venv_bin = str(Path(sys.executable).parent)
    env = {**os.environ, "IMAGEHQ_OCR_HOME": str(isolated_home), "PATH": venv_bin}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    for args, code, level in (
        (["extract", str(sample_png)], 0, "warning"),
        (["langs"], 0, "warning"),
        (["extract", str(sample_png), "--engine", "tesseract"], 1, "error"),
    ):
        proc = cli(*args)
        assert proc.returncode == code, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert f"{level}:" in proc.stderr and "Tesseract is not installed" in proc.stderr
        assert "apt-get install tesseract-ocr" in proc.stderr
    assert "quick brown fox" in cli("extract", str(sample_png)).stdout
    code = (
        "from app.core.engines import get_engine; from app.core.errors import EngineError\n"
        "try:\n    get_engine('tesseract').check_language('eng')\n"
        "except EngineError as e:\n    print(e.message)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.stdout.startswith("Tesseract is not installed")


def test_extract_receipt(isolated_home, tmp_path):
    from tests.receipt_images import bakery_receipt

    image = bakery_receipt(tmp_path / "bakery.png")
    proc = run("extract", "--receipt", str(image), home=isolated_home)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "merchant: CORNER BAKERY LTD" in lines and "total: 10.25" in lines
    assert "  Croissant: 3.50 (2 x 1.75)" in lines
    out = tmp_path / "items.csv"
    proc = run(
        "extract", "--operation", "parse_receipt", str(image), "-o", str(out), home=isolated_home
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().splitlines()[1] == "Croissant,2,1.75,3.50"
    proc = run("extract", "--receipt", "--format", "json", str(image), home=isolated_home)
    assert json.loads(proc.stdout)["receipt"]["date"] == "2024-03-14"


@pytest.mark.parametrize(
    "args",
    [
        ["--layout", "--receipt"],
        ["--receipt", "--operation", "extract_text"],
    ],
)
def test_receipt_flags_bad_usage(isolated_home, sample_png, args):
    proc = run("extract", *args, str(sample_png), home=isolated_home)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
