"""Where a frozen build finds its own Tesseract: ``tesseract/`` beside the executable (Linux
tarball, Windows), else in the bundle's folder (``sys._MEIPASS``: macOS's
``Contents/Frameworks``), each with its ``tessdata/``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core.engines.tesseract_locate import bundled


def fake_tesseract(folder: Path) -> Path:
    (folder / "tessdata").mkdir(parents=True)
    exe = folder / bundled.EXE_NAME
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    return exe


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    app = tmp_path / "ImageHQ OCR.app" / "Contents"
    (app / "MacOS").mkdir(parents=True)
    (app / "MacOS" / "imagehq-ocr").write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "MacOS" / "imagehq-ocr"))
    monkeypatch.setattr(sys, "_MEIPASS", str(app / "Frameworks"), raising=False)
    return app


def test_not_frozen_is_not_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert not bundled.is_compatible()


def test_bundle_folder_of_a_macos_app(frozen_app: Path) -> None:
    exe = fake_tesseract(frozen_app / "Frameworks" / "tesseract")
    assert bundled.is_compatible() and bundled.executable() == exe
    assert bundled.tessdata() == exe.parent / "tessdata"


def test_beside_the_executable_comes_first(frozen_app: Path) -> None:
    fake_tesseract(frozen_app / "Frameworks" / "tesseract")
    beside = fake_tesseract(frozen_app / "MacOS" / "tesseract")
    assert bundled.executable() == beside


def test_none_when_the_bundle_has_none(frozen_app: Path) -> None:
    assert bundled.executable() is None and not bundled.is_installed()
    assert bundled.tessdata() is None
