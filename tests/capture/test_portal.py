"""The Wayland backends against a stand-in portal on a private D-Bus (real D-Bus messages,
no compositor): GlobalShortcuts (jeepney) and Screenshot (QtDBus)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("jeepney")
if shutil.which("dbus-daemon") is None and not os.environ.get("CI"):  # pragma: no cover
    pytest.skip("dbus-daemon is not installed", allow_module_level=True)

from tests.capture.fake_portal import FakePortal, private_bus

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bus() -> Iterator[str]:
    with private_bus() as address:
        yield address


def test_xdg_trigger_format() -> None:
    from app.capture.hotkey.portal import xdg_trigger

    assert xdg_trigger("Ctrl+Alt+O") == "CTRL+ALT+o"
    assert xdg_trigger("Meta+Shift+F5") == "SHIFT+LOGO+F5"


def test_global_shortcut_binds_and_fires(bus: str) -> None:
    from app.capture.hotkey.portal import PortalHotkey

    portal = FakePortal(bus)
    fired = threading.Event()
    hk = PortalHotkey("Ctrl+Alt+O", fired.set, bus=bus)
    try:
        assert hk.bound.wait(10)
        bind = next(body for member, body in portal.calls if member == "BindShortcuts")
        assert bind[0] == hk.session
        shortcut_id, props = bind[1][0]
        assert shortcut_id == "capture" and props["preferred_trigger"] == ("s", "CTRL+ALT+o")
        portal.activate("something-else")
        portal.activate("capture")
        assert fired.wait(10)
    finally:
        hk.stop()
        portal.close()


def test_global_shortcut_refusal_is_reported(bus: str) -> None:
    from app.capture.hotkey.portal import PortalHotkey

    portal = FakePortal(bus, refuse_bind=True)
    errors: list[str] = []
    done = threading.Event()

    def on_error(message: str) -> None:
        errors.append(message)
        done.set()

    hk = PortalHotkey("Ctrl+Alt+O", lambda: None, on_error, bus=bus)
    try:
        assert done.wait(10)
        assert "not allowed" in errors[0]
    finally:
        hk.stop()
        portal.close()


def test_no_portal_is_a_clear_error(bus: str) -> None:
    from app.capture.errors import HotkeyError
    from app.capture.hotkey.portal import PortalHotkey

    with pytest.raises(HotkeyError, match="no GlobalShortcuts portal"):
        PortalHotkey("Ctrl+Alt+O", lambda: None, bus=bus)


def test_screenshot_portal_over_qtdbus(bus: str, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "desktop.png"
    # The offscreen platform has one 800×800 screen; the portal's image is at 200 %.
    Image.new("RGB", (1600, 1600), (200, 30, 40)).save(png)
    portal = FakePortal(bus, screenshot_uri=png.as_uri())
    try:
        env = dict(
            os.environ,
            DBUS_SESSION_BUS_ADDRESS=bus,
            QT_QPA_PLATFORM="offscreen",
            PYTHONPATH=str(ROOT),
        )
        out = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("portal_screenshot_probe.py"))],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert out.returncode == 0, out.stderr
        shots = json.loads(out.stdout)
        assert len(shots) == 1 and shots[0]["geometry"] == [0, 0, 800, 800]
        assert shots[0]["size"] == [1600, 1600] and shots[0]["dpr"] == 2.0
        assert shots[0]["pixel"] == "#c81e28"
        call = next(body for member, body in portal.calls if member == "Screenshot")
        assert call[1]["interactive"] == ("b", False)
    finally:
        portal.close()
