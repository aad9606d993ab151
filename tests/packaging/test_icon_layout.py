"""The .deb's tree (packaging/build-deb.sh --root) installs the icon the desktop entry names."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from app.resources import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "packaging" / "linux" / "imagehq-ocr.desktop"


@pytest.fixture(scope="module")
def deb_root(tmp_path_factory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (not a Debian system)")
    tmp = tmp_path_factory.mktemp("deb")
    bundle = tmp / "bundle"
    bundle.mkdir()
    exe = bundle / "imagehq-ocr"
    exe.write_text("#!/bin/sh\necho stand-in for the frozen app\n")
    exe.chmod(0o755)
    root = tmp / "root"
    subprocess.run(
        [str(ROOT / "packaging" / "build-deb.sh"), "--root", str(root)],
        check=True,
        env={"PATH": "/usr/bin:/bin", "BUNDLE": str(bundle)},
        capture_output=True,
    )
    return root


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_icon_name_is_installed_in_hicolor(deb_root: Path) -> None:
    name = desktop_entry()["Icon"]
    assert "/" not in name and not name.endswith(".png")  # a theme name, found by the theme
    hicolor = deb_root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / f"{name}.png").is_file(), size
    assert (hicolor / "scalable" / "apps" / f"{name}.svg").is_file()
    assert (deb_root / "usr" / "share" / "applications" / DESKTOP.name).is_file()


def test_installed_pngs_have_the_size_of_their_folder(deb_root: Path) -> None:
    from PIL import Image

    hicolor = deb_root / "usr" / "share" / "icons" / "hicolor"
    pngs = sorted(hicolor.glob("*x*/apps/*.png"))
    assert len(pngs) == len(ICON_SIZES)
    for png in pngs:
        w, h = (int(v) for v in png.parts[-3].split("x"))
        assert Image.open(png).size == (w, h), png


def test_windows_and_macos_icons_hold_every_size() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    ico = Image.open(icons / "imagehq-ocr.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    icns = Image.open(icons / "imagehq-ocr.icns")
    assert {(16, 16, 2), (512, 512, 1), (512, 512, 2)} <= set(icns.info["sizes"])
