"""Desktop integration: capture hotkey, tray icon, single instance (issue 5).

Created by ``app.gui.main.run_gui`` after the window exists. It

* listens on the single-instance socket (``app.capture.ipc``): a second launch asks the first
  one to show itself, ``imagehq-ocr capture`` asks it to capture, and ``imagehq-ocr extract``
  of one image asks it to read the image (``app.gui.extract_requests``);
* installs the global capture hotkey (``settings.CAPTURE_HOTKEY``, default Ctrl+Alt+O); a
  hotkey that cannot be installed is reported (tray message, log, ``hotkey_error``);
* shows the tray icon (Capture region, Show window, recent results, Quit) when the desktop
  has a system tray.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import APP_NAME, settings
from app.capture import clipboard, hotkey, ipc, notification
from app.capture.errors import CaptureError, HotkeyError
from app.capture.geometry import Rect
from app.core.job import SUCCEEDED
from app.gui.capture_controller import CaptureController
from app.gui.extract_requests import ExtractRequests
from app.gui.tray import Tray

log = logging.getLogger(__name__)
# After the window is hidden: how long to wait for it to be unmapped (checked every POLL_MS),
# then for the windows below to repaint before the screenshot. A compositor's fade-out fits in.
HIDE_TIMEOUT_MS = 1000
HIDE_POLL_MS = 10
HIDE_SETTLE_MS = 150
#: ``--background`` at log-in: how long to wait for a tray that starts with the session, and
#: how often to look, before the window shows instead.
TRAY_WAIT_MS = 15000
TRAY_POLL_MS = 250


class DesktopIntegration(QObject):
    """Installs the hotkey, tray icon and single-instance server for a running window."""

    hotkey_pressed = Signal()  # emitted from the hotkey thread, delivered in the GUI thread
    hotkey_changed = Signal(str)  # the active sequence, "" when none
    hotkey_failed = Signal(str)  # a failure found later (portal refusal), from a thread

    def __init__(self, app: Any, window: Any, manager: Any) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.app, self.window, self.manager = app, window, manager
        self.hotkey_error: str | None = None
        self.hotkey_sequence: str | None = None
        self._hotkey: Any = None
        self.tray: Any = None
        self.controller = CaptureController(manager, parent=self)
        self.extract_requests = ExtractRequests(manager, self)  # `imagehq-ocr extract IMAGE`
        self.controller.succeeded.connect(self._captured)
        self._hidden_for_capture = False
        self.controller.job_submitted.connect(self._restore_after_capture)
        self.controller.failed.connect(self._restore_after_capture)
        self.controller.canceled.connect(self._restore_after_capture)
        self.hotkey_pressed.connect(self.start_capture)
        self.hotkey_failed.connect(self._hotkey_problem)
        if isinstance(app, QApplication):
            # Overlays and a hidden (tray) window must not end the app; the window quits it.
            app.setQuitOnLastWindowClosed(False)
            app.aboutToQuit.connect(self.shutdown)
        self._install_tray()
        self._install_hotkey()
        # Listening last: once the socket exists, the hotkey and tray are in place.
        self.server = ipc.InstanceServer(self._handle_request, self)
        if not self.server.listen():
            log.warning("single-instance socket not available; second launches start anew")
        for name, slot in (
            ("capture_requested", self.capture_from_window),
            ("settings_changed", self.reload_settings),
        ):
            signal = getattr(window, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(slot)
        if hasattr(manager, "job_finished"):
            manager.job_finished.connect(self._job_finished)

    # -- contract --------------------------------------------------------------------------
    @staticmethod
    def forward_to_running_instance(argv: list[str], paths: list[str] | None = None) -> bool:
        """True when another instance is running and was asked to show itself (and to open
        ``paths``, files given on the command line, as jobs)."""
        message: dict[str, Any] = {"cmd": "open", "paths": paths} if paths else {"cmd": "show"}
        try:
            reply = ipc.request(message, timeout_s=3.0)
        except Exception:
            log.exception("cannot ask the running instance")
            return False
        return bool(reply and reply.get("ok"))

    def start_hidden(self, wait_ms: int = TRAY_WAIT_MS) -> None:
        """``--background`` (the start at log-in): the window stays hidden, in reach through the
        tray icon. A tray that starts with the session may come up after the app: it is waited
        for (``wait_ms``); a desktop without one gets the window, so the app never runs out of
        reach."""
        if self.tray is not None:
            return
        if Tray.available():
            self._install_tray()
            return
        if wait_ms <= 0:
            log.info("no system tray came up: the window shows")
            self._show_window()
            return
        QTimer.singleShot(TRAY_POLL_MS, lambda: self.start_hidden(wait_ms - TRAY_POLL_MS))

    def close_to_tray(self) -> bool:
        """Whether closing the window should keep the app running in the tray."""
        if self.tray is None or not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        return bool(settings.get(settings.make_qsettings(), settings.CLOSE_TO_TRAY))

    def start_capture(self) -> None:
        """Opens the capture overlay (hotkey, tray, window button)."""
        if self.controller.busy:
            return
        self.controller.start_overlay()

    def capture_from_window(self) -> None:
        """The window's Capture (toolbar, Ctrl+Shift+R): the window hides before the screenshot
        and comes back once the region is chosen (or the capture is canceled or fails)."""
        window = self.window
        if self.controller.busy or self._hidden_for_capture:
            return
        if window is None or not window.isVisible() or window.isMinimized():
            self.start_capture()
            return
        self._hidden_for_capture = True
        window.hide()
        self._wait_hidden(HIDE_TIMEOUT_MS // HIDE_POLL_MS)

    def _wait_hidden(self, tries: int) -> None:
        handle = self.window.windowHandle() if self.window is not None else None
        if tries > 0 and handle is not None and handle.isExposed():
            QTimer.singleShot(HIDE_POLL_MS, lambda: self._wait_hidden(tries - 1))
            return
        QTimer.singleShot(HIDE_SETTLE_MS, self._capture_hidden)

    def _capture_hidden(self) -> None:
        self.controller.start_overlay()
        if not self.controller.busy:  # no overlay (the screenshot failed): the window is back
            self._restore_after_capture()

    def _restore_after_capture(self, *_: Any) -> None:
        if self._hidden_for_capture:
            self._hidden_for_capture = False
            self._show_window()

    def reload_settings(self) -> None:
        """The user saved the settings: re-install the hotkey if it changed."""
        wanted = self._wanted_hotkey()
        if wanted != self.hotkey_sequence or self.hotkey_error:
            self._install_hotkey()

    def shutdown(self) -> None:
        if self._hotkey is not None:
            self._hotkey.stop()
            self._hotkey = None
        self.server.close()
        if self.tray is not None:
            self.tray.hide()

    # -- hotkey ----------------------------------------------------------------------------
    def _wanted_hotkey(self) -> str:
        return str(settings.get(settings.make_qsettings(), settings.CAPTURE_HOTKEY) or "").strip()

    def _install_hotkey(self) -> None:
        if self._hotkey is not None:
            self._hotkey.stop()
            self._hotkey = None
        self.hotkey_sequence = None
        self.hotkey_error = None
        wanted = self._wanted_hotkey()
        if not wanted:
            self.hotkey_changed.emit("")
            if self.tray is not None:
                self.tray.set_hotkey_hint(None)
            return
        try:
            self._hotkey = hotkey.register(
                wanted, self.hotkey_pressed.emit, self.hotkey_failed.emit
            )
            self.hotkey_sequence = wanted
            log.info("capture hotkey %s via %s", wanted, self._hotkey.backend)
        except HotkeyError as err:
            self._hotkey_problem(str(err))
        if self.tray is not None:
            self.tray.set_hotkey_hint(self.hotkey_sequence)
        self.hotkey_changed.emit(self.hotkey_sequence or "")

    def _hotkey_problem(self, message: str) -> None:
        """Not silence: log, tray/desktop notification, ``hotkey_error`` for the settings."""
        if self._hotkey is not None and self._hotkey.backend.startswith("xdg"):
            self._hotkey = None
            self.hotkey_sequence = None
        self.hotkey_error = message
        log.warning("capture hotkey: %s", message)
        notification.notify(
            self.tr("%1: hotkey not available").replace("%1", APP_NAME), message, error=True
        )
        problem = getattr(self.window, "_on_problem", None)
        if callable(problem):
            try:
                problem(message)
            except Exception:
                log.exception("window could not show the hotkey problem")
        if self.tray is not None:
            self.tray.set_hotkey_hint(self.hotkey_sequence)
        self.hotkey_changed.emit(self.hotkey_sequence or "")

    # -- tray ------------------------------------------------------------------------------
    def _install_tray(self) -> None:
        if not Tray.available():
            log.info("no system tray on this desktop")
            return
        tray = Tray(self)
        tray.capture_requested.connect(self.start_capture)
        tray.show_requested.connect(self._show_window)
        tray.quit_requested.connect(self._quit)
        tray.copy_requested.connect(self._copy_recent)
        tray.show()
        self.tray = tray
        notification.set_tray(tray.icon)

    def _job_finished(self, job: Any) -> None:
        if self.tray is not None and job.status == SUCCEEDED and (job.text or "").strip():
            self.tray.add_result(job.id, job.text.strip())

    def _copy_recent(self, text: str) -> None:
        try:
            clipboard.copy_text(text)
            notification.notify(
                self.tr("%1: copied").replace("%1", APP_NAME), notification.first_words(text)
            )
        except CaptureError as err:
            notification.notify(APP_NAME, str(err), error=True)

    def _show_window(self) -> None:
        show = getattr(self.window, "show_and_raise", None)
        if callable(show):
            show()
        elif self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def _quit(self) -> None:
        quit_window = getattr(self.window, "_quit", None)
        if callable(quit_window):
            quit_window()
        else:
            QApplication.quit()

    def _captured(self, job_id: str, text: str) -> None:
        select = getattr(self.window, "select_job", None)
        if callable(select) and self.window.isVisible():
            try:
                select(job_id)
            except Exception:
                log.exception("window could not select the captured job")

    # -- single-instance requests ------------------------------------------------------------
    def _handle_request(self, req: dict[str, Any], reply: ipc.Reply) -> None:
        cmd = req.get("cmd")
        if cmd == "ping":
            reply({"ok": True})
        elif cmd == "show":
            self._show_window()
            reply({"ok": True})
        elif cmd == "extract":
            self.extract_requests.handle(req, reply)
        elif cmd == "open":
            paths = req.get("paths")
            if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
                reply({"ok": False, "error": "open needs a list of paths"})
                return
            self._show_window()
            if paths and hasattr(self.window, "add_paths"):
                self.window.add_paths(paths)
            reply({"ok": True})
        elif cmd == "capture":
            lang = req.get("lang") or None
            engine = req.get("engine") or None
            region = req.get("region")
            if region is None:
                self.controller.start_overlay(lang, reply, engine=engine)
                return
            try:
                x, y, w, h = (int(v) for v in region)
                if w <= 0 or h <= 0:
                    raise ValueError
            except (TypeError, ValueError):
                reply({"ok": False, "error": "region must be [x, y, w, h] with w, h > 0"})
                return
            self.controller.capture_region(Rect(x, y, w, h), lang, reply, engine=engine)
        else:
            reply({"ok": False, "error": f"unknown command {cmd!r}"})
