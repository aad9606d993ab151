"""In-process (offscreen) tests: the single-instance protocol, DesktopIntegration's contract,
hotkey parsing and the tray menu."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

from app.capture import ipc
from app.capture.errors import HotkeyError
from app.capture.hotkey import parse_sequence
from app.capture.hotkey.pynput_backend import pynput_combo
from app.capture.hotkey.x11 import keysym_name
from app.capture.notification import first_words


def ask(message: Any, raw: bytes | None = None) -> dict | None:
    """Runs the blocking client in a thread (the server needs this thread's event loop)."""
    out: dict[str, Any] = {}

    def run() -> None:
        if raw is None:
            out["reply"] = ipc.request(message, timeout_s=5)
        else:
            out["reply"] = ipc.exchange(raw, timeout_s=5)

    t = threading.Thread(target=run)
    t.start()
    return out, t  # type: ignore[return-value]


def roundtrip(qtbot: Any, message: Any = None, raw: bytes | None = None) -> Any:
    out, t = ask(message, raw)  # type: ignore[misc]
    qtbot.waitUntil(lambda: not t.is_alive(), timeout=8000)
    return out["reply"]


def test_no_instance_means_none(qapp: Any) -> None:
    assert ipc.request({"cmd": "show"}, timeout_s=1) is None


def test_server_name_depends_on_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    a = ipc.server_name()
    monkeypatch.setenv("IMAGEHQ_OCR_HOME", str(tmp_path / "other"))
    assert ipc.server_name() != a and ipc.server_name().startswith("imagehq-ocr-")


def test_protocol_replies_and_errors(qtbot: Any) -> None:
    seen: list[dict] = []

    def handler(req: dict, reply: Any) -> None:
        seen.append(req)
        reply({"ok": True, "echo": req.get("cmd")})

    server = ipc.InstanceServer(handler)
    assert server.listen()
    try:
        assert roundtrip(qtbot, {"cmd": "show"}) == {"ok": True, "echo": "show"}
        bad = roundtrip(qtbot, raw=b"{not json\n")
        assert bad["ok"] is False and "malformed" in bad["error"]
        assert roundtrip(qtbot, raw=b"[1, 2]\n")["ok"] is False
        assert seen == [{"cmd": "show"}]
        # A second server for the same home refuses to start: one instance.
        second = ipc.InstanceServer(handler)
        assert not second.listen()
        second.deleteLater()
    finally:
        server.close()
        with qtbot.waitSignal(server.destroyed, timeout=2000):
            server.deleteLater()  # torn down here, while the test still holds it
    assert not server_alive(server)


def server_alive(obj: Any) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_a_closed_server_drops_its_connections_at_once(qtbot: Any) -> None:
    """close() ends every open connection itself (no socket is left to a deferred delete that
    could run after the server is gone), and a client that gave up is not kept."""
    server = ipc.InstanceServer(lambda req, reply: None)  # never answers
    assert server.listen()
    out, t = ask({"cmd": "show"})  # type: ignore[misc]
    qtbot.waitUntil(lambda: len(server._open) == 1, timeout=5000)
    server.close()
    assert not server._open and not server.listening
    qtbot.waitUntil(lambda: not t.is_alive(), timeout=8000)
    assert out["reply"]["ok"] is False  # the client hears the connection close, not silence
    with qtbot.waitSignal(server.destroyed, timeout=2000):
        server.deleteLater()


class FakeWindow(QMainWindow):
    capture_requested = Signal()
    settings_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.raised = 0
        self.integration: Any = None

    def show_and_raise(self) -> None:
        self.raised += 1


def test_desktop_integration_contract(qtbot: Any, qapp: Any) -> None:
    from app.gui.desktop import DesktopIntegration
    from app.jobs import JobManager

    manager = JobManager(prune_timer=False)
    window = FakeWindow()
    qtbot.addWidget(window)
    integration = DesktopIntegration(qapp, window, manager)
    try:
        # Offscreen has no global hotkey: a readable reason, not silence.
        assert isinstance(integration.hotkey_error, str) and "hotkey" in integration.hotkey_error
        assert integration.close_to_tray() is False  # no system tray here
        out, t = ask({"cmd": "show"})  # type: ignore[misc]
        qtbot.waitUntil(lambda: not t.is_alive(), timeout=8000)
        assert out["reply"] == {"ok": True} and window.raised == 1
        reply = roundtrip(qtbot, {"cmd": "capture", "region": [1, 2, 0, 4]})
        assert reply["ok"] is False and "region" in reply["error"]
        # No screenshot backend for the offscreen platform: a clear message.
        reply = roundtrip(qtbot, {"cmd": "capture", "region": [0, 0, 10, 10]})
        assert reply["ok"] is False and "screenshot" in reply["error"]
        assert roundtrip(qtbot, {"cmd": "nope"})["ok"] is False
        assert roundtrip(qtbot, {"cmd": "open", "paths": "a.png"})["ok"] is False
        assert roundtrip(qtbot, {"cmd": "open", "paths": []}) == {"ok": True}
        assert window.raised == 2
        # An engine the app does not know is refused before any screenshot is taken.
        reply = roundtrip(qtbot, {"cmd": "capture", "region": [0, 0, 10, 10], "engine": "x"})
        assert reply["ok"] is False and "unknown engine" in reply["error"]
        # Forwarding from a "second launch".
        result: list[bool] = []
        t2 = threading.Thread(
            target=lambda: result.append(DesktopIntegration.forward_to_running_instance([]))
        )
        t2.start()
        qtbot.waitUntil(lambda: not t2.is_alive(), timeout=8000)
        assert result == [True] and window.raised == 3
    finally:
        integration.shutdown()
        manager.shutdown()
    assert DesktopIntegration.forward_to_running_instance([]) is False


@pytest.mark.parametrize(
    ("text", "mods", "key"),
    [
        ("Ctrl+Alt+O", ("ctrl", "alt"), "O"),
        ("Meta+Shift+F5", ("shift", "meta"), "F5"),
        ("alt+ctrl+Print", ("ctrl", "alt"), "Print"),
        ("Ctrl++", ("ctrl",), "+"),
    ],
)
def test_parse_sequence(text: str, mods: tuple[str, ...], key: str) -> None:
    assert parse_sequence(text) == (mods, key)


@pytest.mark.parametrize("bad", ["", "Ctrl+Alt", "Ctrl+A+B"])
def test_parse_sequence_rejects(bad: str) -> None:
    with pytest.raises(HotkeyError):
        parse_sequence(bad)


def test_key_names_for_backends() -> None:
    assert keysym_name("O") == "o" and keysym_name("PgUp") == "Prior"
    assert keysym_name("F5") == "F5" and keysym_name("Print") == "Print"
    assert pynput_combo("Ctrl+Alt+O") == "<ctrl>+<alt>+o"
    assert pynput_combo("Meta+F5") == "<cmd>+<f5>"


def test_first_words() -> None:
    assert first_words("  Hello\n  world ") == "Hello world"
    long = "word " * 40
    short = first_words(long, 30)
    assert len(short) <= 30 and short.endswith("…")


def test_tray_menu_keeps_five_recent_results(qtbot: Any, qapp: Any) -> None:
    from app.gui.tray import Tray

    tray = Tray()
    assert not tray.icon.icon().isNull()
    for n in range(7):
        tray.add_result(f"job{n}", f"text number {n} & more")
    labels = [a.text() for a in tray.actions() if not a.isSeparator()]
    assert labels[0].startswith("Capture region") and labels[1] == "Show window"
    assert labels[-1] == "Quit"
    recent = [a for a in tray.actions() if a.text().startswith("text number")]
    assert [a.text() for a in recent] == [f"text number {n} && more" for n in (6, 5, 4, 3, 2)]
    with qtbot.waitSignal(tray.copy_requested) as blocker:
        recent[0].trigger()
    assert blocker.args == ["text number 6 & more"]
    with qtbot.waitSignal(tray.capture_requested):
        tray.actions()[0].trigger()


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("xcb", {"DISPLAY": ":9"}, {"x11", "qt", "xclip"}),
        ("xcb", {"DISPLAY": ":9", "WAYLAND_DISPLAY": "wayland-0"}, {"portal", "qt", "xclip"}),
        ("wayland", {"WAYLAND_DISPLAY": "wayland-0"}, {"portal", "wl-copy"}),
        ("windows", {}, {"pynput", "qt"}),
    ],
)
def test_backend_choice_per_session(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict, expected: set[str]
) -> None:
    """Which backends declare themselves compatible (XWayland: portals, no X11 key grab)."""
    from app.capture import backends
    from app.capture.clipboard import wlcopy, xclip
    from app.capture.hotkey import portal as hk_portal
    from app.capture.hotkey import pynput_backend, x11
    from app.capture.screenshot import portal as shot_portal
    from app.capture.screenshot import qt_grab

    for key in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(backends, "platform_name", lambda: platform)
    monkeypatch.setattr(
        pynput_backend.sys, "platform", "win32" if platform == "windows" else "linux"
    )
    found = set()
    if x11.is_compatible():
        found.add("x11")
    if hk_portal.is_compatible() and shot_portal.is_compatible():
        found.add("portal")
    if pynput_backend.is_compatible():
        found.add("pynput")
    if qt_grab.is_compatible():
        found.add("qt")
    if xclip.is_compatible():
        found.add("xclip")
    if wlcopy.is_compatible():
        found.add("wl-copy")
    assert found == expected


def test_captured_text_is_on_the_clipboard_before_the_job_is_stored(
    qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text goes to the clipboard as soon as the engine has read the region; storing the
    job's result comes after (held back here until the copy is checked), and the reply and
    the final state follow it. (The offscreen platform has no clipboard of its own: the copy
    is recorded where the controller hands the text to the clipboard backends.)"""
    from PySide6.QtGui import QImage

    from app.capture.geometry import Rect, ScreenInfo
    from app.capture.screenshot import ScreenImage, Snapshot
    from app.gui import capture_controller
    from app.jobs import JobManager
    from tests.conftest import text_image

    picture = text_image(["Order 4711 shipped"], size=28).convert("RGB")
    image = QImage(
        picture.tobytes(), picture.width, picture.height, 3 * picture.width,
        QImage.Format.Format_RGB888,
    ).copy()  # fmt: skip
    geometry = Rect(0, 0, picture.width, picture.height)
    snapshot = Snapshot([ScreenImage(ScreenInfo("screen", geometry), image)], "test")
    monkeypatch.setattr(capture_controller.screenshot, "grab", lambda: snapshot)
    copied: list[str] = []

    def copy_text(text: str, *, keep_after_exit: bool = False) -> str:
        copied.append(text)
        return "recorded"

    monkeypatch.setattr(capture_controller.clipboard, "copy_text", copy_text)
    manager = JobManager(max_workers=1, prune_timer=False)
    stored = threading.Event()
    real_save = manager.store.save_result

    def held_save(*args: Any, **kwargs: Any) -> None:
        assert stored.wait(30)
        real_save(*args, **kwargs)

    monkeypatch.setattr(manager.store, "save_result", held_save)
    controller = capture_controller.CaptureController(manager, notify=False)
    replies: list[dict] = []
    try:
        controller.capture_region(geometry, "eng", replies.append, engine="tesseract")
        qtbot.waitUntil(lambda: bool(copied), timeout=30000)
        assert copied == ["Order 4711 shipped"]
        assert replies == []  # the job's result is still being stored
        stored.set()
        qtbot.waitUntil(lambda: bool(replies), timeout=30000)
        assert replies[0]["ok"] and replies[0]["text"] == "Order 4711 shipped"
        assert manager.get(replies[0]["job_id"]).status == "succeeded"
        assert copied == ["Order 4711 shipped"]  # once
    finally:
        stored.set()
        manager.shutdown()
