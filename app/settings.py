"""User settings (QSettings, INI file in the config dir, so IMAGEHQ_OCR_HOME moves it too).

Keys are shared by the window, the capture/tray integration and the API toggle.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSettings

from app.core.options import OcrOptions
from app.paths import config_dir

OCR_LANGUAGE = "ocr/language"  # "eng" or "eng+deu"
OCR_DETECT_ORIENTATION = "ocr/detect_orientation"  # bool
OCR_PSM = "ocr/psm"  # "auto" | "single_block" | "single_line" | "sparse"
OCR_ENGINE = "ocr/engine"  # "auto" | "tesseract" | "rapidocr"
OCR_BARCODES = "ocr/barcodes"  # bool: read barcodes and QR codes too
OCR_PDF_TEXT = "ocr/pdf_text"  # "auto" | "ocr" | "embedded": a PDF's own text layer
RETENTION_TTL_HOURS = "retention/ttl_hours"  # int
API_ENABLED = "api/enabled"  # bool
API_PORT = "api/port"  # int
CAPTURE_HOTKEY = "capture/hotkey"  # QKeySequence portable text, e.g. "Ctrl+Alt+O"
CLOSE_TO_TRAY = "window/close_to_tray"  # bool
WINDOW_GEOMETRY = "window/geometry"  # QByteArray
WINDOW_STATE = "window/state"  # QByteArray
EXPORT_LAST_DIR = "export/last_dir"  # str
THEME = "window/theme"  # "system" | "light" | "dark"
TRAY_NOTICE_SHOWN = "window/tray_notice_shown"  # bool: "still running in the tray" was said
VIEW_JOBS = "view/jobs"  # bool: the job list pane is shown
VIEW_IMAGE = "view/image"  # bool: the image pane is shown
VIEW_TEXT = "view/text"  # bool: the text pane is shown
CAPTURE_TEXT_MODE = "capture/text_mode"  # "lines" | "paragraphs" | "single_line"
COPY_TEXT_MODE = "text/copy_mode"  # the same, for Copy and txt export in the window

DEFAULTS: dict[str, Any] = {
    OCR_LANGUAGE: "eng",
    OCR_DETECT_ORIENTATION: False,
    OCR_PSM: "auto",
    OCR_ENGINE: "auto",
    OCR_BARCODES: True,
    OCR_PDF_TEXT: "auto",
    RETENTION_TTL_HOURS: 24,
    API_ENABLED: False,
    API_PORT: 8765,
    CAPTURE_HOTKEY: "Ctrl+Alt+O",
    CLOSE_TO_TRAY: True,
    EXPORT_LAST_DIR: "",
    THEME: "system",
    TRAY_NOTICE_SHOWN: False,
    VIEW_JOBS: True,
    VIEW_IMAGE: True,
    VIEW_TEXT: True,
    CAPTURE_TEXT_MODE: "paragraphs",
    COPY_TEXT_MODE: "lines",
}

# The Tesseract pack for a UI language (ISO 639-1 → Tesseract code).
UI_LANGUAGE_PACKS = {
    "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "pl": "pol",
    "ru": "rus", "tr": "tur", "ja": "jpn", "ko": "kor", "ar": "ara", "zh": "chi_sim",
}  # fmt: skip


def default_ocr_language(ui_language: str, installed: Iterable[str]) -> str:
    """``eng``, plus the pack of the UI language when it is installed (``eng+deu`` on a German
    desktop). ``ui_language`` is a locale name such as ``de_DE`` or ``de``."""
    have = set(installed)
    pack = UI_LANGUAGE_PACKS.get(ui_language.replace("-", "_").split("_")[0].lower())
    langs = [lang for lang in ("eng", pack) if lang and lang in have]
    return "+".join(langs) or "eng"


def follow_ui_language(ui_language: str, installed: Iterable[str]) -> str:
    """Makes ``default_ocr_language`` the OCR language of a user who never chose one."""
    DEFAULTS[OCR_LANGUAGE] = default_ocr_language(ui_language, installed)
    return str(DEFAULTS[OCR_LANGUAGE])


# Earlier versions wrote these as "general/…": QSettings keeps a group called "general" in an
# INI section "[%General]" and reads it back as "General/…", so they never came back after a
# restart (and each save added another "[%General]" section). Read once, moved, removed.
LEGACY_KEYS: dict[str, tuple[str, ...]] = {
    CLOSE_TO_TRAY: ("General/close_to_tray", "general/close_to_tray"),
    THEME: ("General/theme", "general/theme"),
}


def migrate(settings: QSettings) -> bool:
    """Moves values from LEGACY_KEYS to their keys (a value under the new key wins)."""
    changed = False
    for key, old_keys in LEGACY_KEYS.items():
        for old in old_keys:
            if settings.contains(old):
                if not settings.contains(key):
                    settings.setValue(key, settings.value(old))
                settings.remove(old)
                changed = True
    if changed:
        settings.sync()
    return changed


def make_qsettings() -> QSettings:
    settings = QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    migrate(settings)
    return settings


def ocr_options(
    settings: QSettings, language: str | None = None, engine: str | None = None
) -> OcrOptions:
    """The OCR options of new jobs (the window's, a capture's); ``language`` and ``engine``
    override the settings'."""
    return OcrOptions(
        language=language or str(get(settings, OCR_LANGUAGE)),
        detect_orientation=bool(get(settings, OCR_DETECT_ORIENTATION)),
        psm=str(get(settings, OCR_PSM)),
        engine=engine or str(get(settings, OCR_ENGINE)),
        barcodes=bool(get(settings, OCR_BARCODES)),
        pdf_text=str(get(settings, OCR_PDF_TEXT)),
    )


def get(settings: QSettings, key: str) -> Any:
    """A value with its default and its type (INI files return strings)."""
    default = DEFAULTS.get(key)
    value = settings.value(key, default)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    if isinstance(default, int):
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default
    return value
