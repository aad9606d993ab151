"""Start with the desktop session, in the tray: the entries each system reads at log-in."""

from __future__ import annotations

import plistlib
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from app import autostart
from tests.conftest import require


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart" / "imagehq-ocr.desktop"


def _exec_line(entry: Path) -> str:
    return next(ln for ln in entry.read_text().splitlines() if ln.startswith("Exec="))[5:]


def test_the_xdg_entry_starts_this_install_in_the_background(xdg: Path) -> None:
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled() and xdg.is_file()
    assert stat.S_IMODE(xdg.stat().st_mode) == 0o600
    command = shlex.split(_exec_line(xdg))
    assert command[-1] == "--background"
    # the command is this installation: it runs
    done = subprocess.run(
        [*command[:-1], "--version"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0 and "ImageHQ OCR" in done.stdout, done.stderr
    tool = shutil.which("desktop-file-validate")
    require(tool is not None, "desktop-file-validate is not installed")
    assert tool is not None
    checked = subprocess.run([tool, str(xdg)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stdout.strip() == "", checked.stdout
    autostart.set_enabled(False)
    assert not xdg.exists() and not autostart.is_enabled()
    autostart.set_enabled(False)  # already off: nothing to do, no error


def test_paths_with_spaces_and_quotes_survive_the_exec_key(xdg: Path) -> None:
    odd = ["/opt/Image HQ/bin/imagehq-ocr", 'say "hi"', "100%"]
    autostart.set_enabled(True, odd)
    line = _exec_line(xdg)
    assert shlex.split(line.replace("%%", "%")) == [*odd, "--background"]


def test_a_folder_that_cannot_be_written_raises_oserror(
    xdg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))  # a file where a folder should be
    with pytest.raises(OSError):
        autostart.set_enabled(True, ["imagehq-ocr"])


def test_the_macos_launch_agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "darwin")
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path))
    autostart.set_enabled(True, ["/Applications/ImageHQ OCR.app/Contents/MacOS/imagehq-ocr"])
    agent = tmp_path / "Library" / "LaunchAgents" / "io.imagehq.ocr.plist"
    data = plistlib.loads(agent.read_bytes())
    assert data["Label"] == "io.imagehq.ocr" and data["RunAtLoad"] is True
    assert data["ProgramArguments"][-1] == "--background"
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not agent.exists()
