"""The .deb's tree (packaging/build-deb.sh --root) installs the icon the desktop entry names."""

from __future__ import annotations

import configparser
import re
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


def test_debian_policy_files(deb_root: Path) -> None:
    import gzip

    doc = deb_root / "usr" / "share" / "doc" / "imagehq-ocr"
    copyright_text = (doc / "copyright").read_text(encoding="utf-8")
    assert copyright_text.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    )
    for licence in ("LGPL-3", "Apache-2.0", "Expat", "BSD-3-clause"):
        assert f"\nLicense: {licence}\n" in copyright_text, licence
    raw = (doc / "changelog.gz").read_bytes()
    assert raw[3] & 0x08 == 0 and raw[4:8] == b"\0\0\0\0"  # gzip -n: no name, no time stamp
    assert gzip.decompress(raw).decode().startswith("imagehq-ocr (0.1.0)")
    assert (deb_root / "usr" / "share" / "man" / "man1" / "imagehq-ocr.1.gz").is_file()
    control = dict(
        line.split(": ", 1)
        for line in (deb_root / "DEBIAN" / "control").read_text().splitlines()
        if ": " in line and not line.startswith(" ")
    )
    assert re.fullmatch(r".+ <[^@ ]+@[^@ ]+>", control["Maintainer"])
    assert int(control["Installed-Size"]) > 0
    assert control["Depends"].startswith("libc6 (>= ")


def test_libc_minimum_and_stripping_come_from_the_bundle(tmp_path: Path) -> None:
    """A real ELF library in the bundle: the package is stripped of its symbols, loses its
    execute bit, and the libc6 dependency is the newest GLIBC_ version it needs."""
    if shutil.which("dpkg-deb") is None or shutil.which("objdump") is None:
        pytest.skip("dpkg-deb or objdump is missing")
    real = Path(shutil.which("tesseract") or "/usr/bin/tesseract").resolve()
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "imagehq-ocr").write_text("#!/bin/sh\n")
    (bundle / "imagehq-ocr").chmod(0o755)
    lib = bundle / "_internal" / "libsample.so"
    shutil.copy2(real, lib)
    subprocess.run(["objcopy", "--add-symbol", "sample_local=.text:0,local", str(lib)], check=True)
    root = tmp_path / "root"
    subprocess.run(
        [str(ROOT / "packaging" / "build-deb.sh"), "--root", str(root)],
        check=True,
        env={"PATH": "/usr/bin:/bin", "BUNDLE": str(bundle)},
        capture_output=True,
    )
    dumped = subprocess.run(["objdump", "-T", str(real)], capture_output=True, text=True).stdout
    versions = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([\d.]+)", dumped)}
    newest = ".".join(str(p) for p in max(versions))
    control = (root / "DEBIAN" / "control").read_text()
    assert f"Depends: libc6 (>= {newest})," in control
    packed = root / "opt" / "imagehq-ocr" / "_internal" / "libsample.so"
    assert packed.stat().st_mode & 0o111 == 0
    assert packed.stat().st_size < lib.stat().st_size
    sections = subprocess.run(["readelf", "-S", str(packed)], capture_output=True, text=True)
    assert ".symtab" not in sections.stdout
