"""Ctrl+V right after launch makes a job of the clipboard's image (issue 9, defect 3)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.capture.conftest import stored_jobs, wait_until, x_env
from tests.conftest import text_image

pytestmark = pytest.mark.x11


@pytest.fixture
def clipboard_owner(desktop: str) -> Iterator:
    """``own(path, mime)``: xclip serves the file as the CLIPBOARD until the test ends."""
    owners: list[subprocess.Popen] = []

    def own(path: Path, mime: str) -> None:
        proc = subprocess.Popen(
            ["xclip", "-quiet", "-selection", "clipboard", "-t", mime, "-i", str(path)],
            env=x_env(desktop),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        owners.append(proc)
        targets = ["xclip", "-o", "-selection", "clipboard", "-t", "TARGETS"]
        wait_until(
            lambda: (
                mime
                in subprocess.run(
                    targets, env=x_env(desktop), capture_output=True, text=True
                ).stdout
            )
        )

    yield own
    for proc in owners:
        proc.terminate()
        proc.wait(timeout=5)


def test_ctrl_v_right_after_launch_adds_the_image(launch, clipboard_owner, tmp_path: Path) -> None:
    png = tmp_path / "shot.png"
    text_image(["Pasted right after launch"], size=28).save(png)
    clipboard_owner(png, "image/png")
    home = tmp_path / "home"
    app = launch(home)  # the search box has the focus now
    app.key("ctrl+v")
    jobs = wait_until(lambda: stored_jobs(home), timeout=30)
    assert len(jobs) == 1 and jobs[0]["inputs"][0]["filename"].startswith("pasted")


def test_text_still_pastes_into_the_search_box(launch, clipboard_owner, tmp_path: Path) -> None:
    """Text on the clipboard and the focus in a text field: an ordinary paste, no job."""
    note = tmp_path / "note.txt"
    note.write_text("invoice")
    clipboard_owner(note, "UTF8_STRING")
    home = tmp_path / "home"
    app = launch(home)
    app.key("ctrl+v", "ctrl+comma")  # the dialog is a marker: the paste was handled before
    wait_until(lambda: app.find_window("Settings — ImageHQ OCR"), timeout=20)
    app.key("Escape")
    assert stored_jobs(home) == []
