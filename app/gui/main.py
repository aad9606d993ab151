"""``run_gui``: the application, its translator and theme, the JobManager and the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"


def display_available() -> bool:
    """False on Linux without a display and without an explicit Qt platform."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


UI_LANG_ENV = "IMAGEHQ_OCR_UI_LANG"  # e.g. "fr" or "de_DE"; else the system's UI languages


def ui_locale() -> Any:
    """The UI language: $IMAGEHQ_OCR_UI_LANG when set, else the system locale (LANGUAGE, LANG)."""
    from PySide6.QtCore import QLocale

    name = os.environ.get(UI_LANG_ENV, "").strip()
    return QLocale(name) if name else QLocale.system()


def install_translators(app: object, locale: Any = None) -> list[Any]:
    """Loads Qt's own translations (standard buttons and dialogs: qtbase_<lang>.qm from the Qt
    installation) and ``imagehq_ocr_<lang>.qm`` for ``locale`` (default: ``ui_locale()``); makes
    ``locale`` the default QLocale. Returns the installed translators (for removeTranslator)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = ui_locale() if locale is None else locale
    QLocale.setDefault(locale)
    installed: list[Any] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("imagehq_ocr", str(I18N_DIR))):
        translator = QTranslator(app)  # type: ignore[arg-type]
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)  # type: ignore[attr-defined]
            installed.append(translator)
    return installed


def tesseract_packs(engine: Any) -> list[str]:
    """The installed Tesseract language packs ([] without Tesseract)."""
    try:
        tess = engine.engine("tesseract") if hasattr(engine, "engine") else engine
        return list(tess.languages())
    except Exception:  # no engine: the window says so; the default OCR language stays eng
        return []


def _report_startup(app: Any, window: Any) -> None:
    """For bench/bench_startup.py: prints when the window was first painted (``painted_at``)
    and when it was usable (``usable_at``: painted, and the history's first page listed, the
    event loop free again), then quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if not painted and event.type() == QEvent.Type.Paint:
                painted.append(time.time())
            return False

    spy = FirstPaint(window)
    window.installEventFilter(spy)

    def report() -> None:
        if not painted:
            QTimer.singleShot(5, report)
            return
        print(f"painted_at={painted[0]:.6f}", flush=True)
        print(f"usable_at={time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)  # after the history's first page (a timer queued before)


def run_gui(
    argv: list[str] | None = None, paths: list[str] | None = None, background: bool = False
) -> int:
    """The window; 1 with a dialog (and a line on stderr) when the store cannot be used.
    ``paths`` (files given on the command line, from a file manager's "Open with") become jobs,
    in the window already running when there is one. ``background`` (``--background``, the
    start at log-in): the window starts hidden in the tray, and an app already running is left
    as it is."""
    argv = list(sys.argv if argv is None else argv)
    if not display_available():
        print(
            "imagehq-ocr: no display found (DISPLAY/WAYLAND_DISPLAY unset); "
            "use `imagehq-ocr extract FILE` or set QT_QPA_PLATFORM",
            file=sys.stderr,
        )
        return 1
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app import APP_ID, APP_NAME
    from app.core.errors import StorageError

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("ImageHQ")
    app.setOrganizationDomain("imagehq.app")
    app.setDesktopFileName(APP_ID)
    install_translators(app)

    try:
        return _run(app, argv, paths or [], background)
    except StorageError as exc:  # an unusable store or home folder: say so, no traceback
        print(f"imagehq-ocr: error: {exc.message}", file=sys.stderr)
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1


def _already_running() -> bool:
    """Whether a window of this user and home is running (it answers on its socket)."""
    from app.instance import Connection

    conn = Connection.open()
    if conn is None:
        return False
    conn.close()
    return True


def _run(app: Any, argv: list[str], paths: list[str], background: bool = False) -> int:
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QMessageBox

    from app import APP_NAME
    from app.gui.desktop import DesktopIntegration
    from app.paths import config_dir

    config_dir()  # an unusable home folder: one clear message before anything else
    if background and _already_running():
        return 0  # started at log-in while running already: nothing to show
    if DesktopIntegration.forward_to_running_instance(argv, paths):
        return 0

    from app import settings as S
    from app.core.background import Background
    from app.gui.main_window import MainWindow
    from app.gui.theme import apply_theme
    from app.jobs import JobManager

    qsettings = S.make_qsettings()
    apply_theme(app, str(S.get(qsettings, S.THEME)))
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(
            lambda _s: apply_theme(app, str(S.get(qsettings, S.THEME)))
        )
    manager = JobManager(
        default_ttl_hours=int(S.get(qsettings, S.RETENTION_TTL_HOURS)), watch_external=True
    )
    S.follow_ui_language(QLocale().name(), tesseract_packs(manager.engine))
    if manager.store.notice:  # a damaged store was repaired: the user should know
        QMessageBox.warning(None, APP_NAME, manager.store.notice)
    window = MainWindow(manager, qsettings)
    if not background:
        window.show()
    integration = DesktopIntegration(app, window, manager)
    window.integration = integration
    if background:
        integration.start_hidden()
    app.aboutToQuit.connect(window.shutdown)
    # History and the API come after the first paint: the window appears at once.
    QTimer.singleShot(0, window.load_history)
    # So does Tesseract's language data, for every worker: the first capture or drop is then
    # read by a warm engine (on a helper thread: the GUI thread does not wait for it).
    language = str(S.get(qsettings, S.OCR_LANGUAGE))
    QTimer.singleShot(0, lambda: Background(manager.warm_up, language))
    if paths:
        QTimer.singleShot(0, lambda: window.add_paths(list(paths)))
    if os.environ.get("IMAGEHQ_OCR_BENCH_STARTUP"):  # bench/bench_startup.py
        _report_startup(app, window)
    code = app.exec()
    manager.shutdown(wait=False)
    return code
