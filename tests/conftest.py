"""Shared fixtures: an isolated IMAGEHQ_OCR_HOME per test, real images made with real fonts."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
