"""The desktop metadata passes the tools software centres and desktops use: appstreamcli validate
(pedantic) for the AppStream metainfo and desktop-file-validate (not even a hint) for the entry.
Both tools come with packaging/system-deps.sh --test; a test skips only when its tool is absent."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.test_icon_layout import deb_root  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "packaging" / "linux" / "io.imagehq.ocr.metainfo.xml"
DESKTOP = ROOT / "packaging" / "linux" / "imagehq-ocr.desktop"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (packaging/system-deps.sh --test installs it)")
    return path


def appstream_findings(output: str) -> list[str]:
    """The validator's findings (E/W/I/P lines), minus the one an AppStream older than 1.0 must
    give: it does not know the <developer> tag (the replacement of <developer_name>)."""
    found = [line.strip() for line in output.splitlines() if re.match(r"\s*[EWIP]: ", line)]
    return [line for line in found if not line.endswith("unknown-tag developer")]


def test_metainfo_passes_pedantic_validation() -> None:
    tool = need("appstreamcli")
    run = subprocess.run(
        [tool, "validate", "--pedantic", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert appstream_findings(run.stdout) == []


def test_installed_tree_validates(deb_root: Path) -> None:  # noqa: F811
    tool = need("appstreamcli")
    installed = deb_root / "usr" / "share" / "metainfo" / METAINFO.name
    assert installed.read_bytes() == METAINFO.read_bytes()
    run = subprocess.run(
        [tool, "validate-tree", "--pedantic", "--no-net", str(deb_root)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert appstream_findings(run.stdout) == []


def test_metainfo_names_the_desktop_entry_and_icon() -> None:
    text = METAINFO.read_text(encoding="utf-8")
    assert f'<launchable type="desktop-id">{DESKTOP.name}</launchable>' in text
    assert '<icon type="stock">imagehq-ocr</icon>' in text
    summary = re.search(r"<summary>(.*?)</summary>", text)
    assert summary is not None and len(summary.group(1)) <= 35


def test_desktop_entry_has_no_errors_or_hints() -> None:
    tool = need("desktop-file-validate")
    run = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == "", run.stdout + run.stderr


def test_screenshots_light_and_dark_are_the_committed_images() -> None:
    """Each screenshot URL names a file of resources/screenshots/ (published under the same name)
    with the size the metainfo states; one default (light) and one for a dark desktop."""
    from xml.etree import ElementTree

    from PIL import Image

    shots = ElementTree.parse(METAINFO).getroot().findall("./screenshots/screenshot")
    assert [s.get("type") for s in shots].count("default") == 1
    assert any((s.get("environment") or "").endswith(":dark") for s in shots)
    for shot in shots:
        image = shot.find("image")
        assert image is not None and image.text and shot.findtext("caption")
        local = ROOT / "resources" / "screenshots" / image.text.rsplit("/", 1)[-1]
        assert local.is_file(), local
        assert Image.open(local).size == (int(image.get("width", 0)), int(image.get("height", 0)))
