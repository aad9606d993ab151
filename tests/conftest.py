"""Shared fixtures: an isolated IMAGEHQ_OCR_HOME per test, real images made with real fonts."""

from __future__ import annotations

import ctypes
import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["OMP_THREAD_LIMIT"] = "1"

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")


def require(condition: bool, reason: str) -> None:
    """Skips a test whose system tool is missing on a developer's machine; on CI (where
    `make test` installs every tool) a missing tool fails instead of passing as a skip."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI installs it: packaging/system-deps.sh --test)")
    pytest.skip(reason)


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_file_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def obey_permissions(tmp_path: Path) -> Callable[[], None] | None:
    """A ``preexec_fn`` for a child that must obey file permissions although the tests run as
    root (CI does): it drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set, so
    the program it runs no longer has them. Checks that this works first (``require``)."""
    if os.geteuid() != 0:
        return None
    secret = tmp_path / "unreadable-probe"
    secret.write_text("x")
    secret.chmod(0)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(secret)!r}).read()"],
            preexec_fn=_drop_file_capabilities,
            capture_output=True,
            timeout=30,
            check=False,
        )
        works = probe.returncode != 0 and b"PermissionError" in probe.stderr
    except (OSError, subprocess.SubprocessError):
        works = False
    finally:
        secret.unlink()
    require(works, "cannot make a child process obey file permissions as root (CAP_SETPCAP)")
    return _drop_file_capabilities


def cli(
    *args: str,
    home: Path,
    preexec: Callable[[], None] | None = None,
    timeout: float = 90,
) -> subprocess.CompletedProcess[str]:
    """``imagehq-ocr ARGS`` as a user runs it, with ``home`` as IMAGEHQ_OCR_HOME."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "IMAGEHQ_OCR_HOME": str(home)},
        preexec_fn=preexec,
        timeout=timeout,
        check=False,
    )


def font_path(name: str = "DejaVuSans.ttf") -> str:
    for folder in FONT_DIRS:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(name)


def text_image(
    lines: list[str],
    size: int = 22,
    *,
    fg: str = "black",
    bg: str = "white",
    font: str = "DejaVuSans.ttf",
    margin: int = 20,
) -> Image.Image:
    """Renders lines of text with a system font: real pixels for real Tesseract."""
    f = ImageFont.truetype(font_path(font), size)
    widths = [int(f.getlength(line)) for line in lines]
    line_h = int(size * 1.5)
    img = Image.new("RGB", (max(widths) + 2 * margin, line_h * len(lines) + 2 * margin), bg)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * line_h), line, font=f, fill=fg)
    return img


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("IMAGEHQ_OCR_HOME", str(home))
    yield home


@pytest.fixture
def sample_png(tmp_path: Path) -> Path:
    path = tmp_path / "sample.png"
    text_image(["The quick brown fox", "jumps over the lazy dog"]).save(path)
    return path


@pytest.fixture
def eval_dir() -> Path:
    if not EVAL_DIR.exists():
        pytest.skip("../shared/eval is not present")
    return EVAL_DIR


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB file system of its own (tmpfs), to fill up; unmounted afterwards. Mounting needs
    root (CI runs as root); elsewhere the test is skipped, on CI it fails."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = False
    if os.geteuid() == 0:
        mount = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(disk)],
            capture_output=True,
            text=True,
            check=False,
        )
        mounted = mount.returncode == 0
    require(mounted, "cannot mount a small tmpfs (needs root)")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill_disk(disk: Path) -> Path:
    """Fills the file system of ``disk`` to the last byte; delete the returned file to free it."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        for size in (2**20, 2**12, 1):
            chunk = b"\xff" * size
            try:
                while True:
                    fh.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    return filler
