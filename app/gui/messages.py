"""What the window says about a job, in the UI language: status words, error codes, language names.

The core reports stable error codes (``job.error["code"]``, app.core.errors) with an English
message for logs, the CLI and the API; the window shows the translated text for the code and
falls back to the core's message for a code it does not know.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.job import CANCELED, FAILED, PROCESSING, QUEUED, SUCCEEDED


def status_word(status: str) -> str:
    """``succeeded`` → "Done" (translated); an unknown status as it is."""
    words = {
        QUEUED: QCoreApplication.translate("Messages", "Queued"),
        PROCESSING: QCoreApplication.translate("Messages", "Processing"),
        SUCCEEDED: QCoreApplication.translate("Messages", "Done"),
        FAILED: QCoreApplication.translate("Messages", "Failed"),
        CANCELED: QCoreApplication.translate("Messages", "Canceled"),
    }
    return words.get(status, status)


def _code_texts() -> dict[str, str]:
    return {
        "invalid_image": QCoreApplication.translate(
            "Messages", "The image cannot be read (empty, damaged or truncated)"
        ),
        "unsupported_media_type": QCoreApplication.translate(
            "Messages", "Not a supported image (expected PNG, JPEG, WebP, TIFF, BMP, GIF or PDF)"
        ),
        "image_too_large": QCoreApplication.translate(
            "Messages", "The image is too large to recognise"
        ),
        "payload_too_large": QCoreApplication.translate(
            "Messages", "The file is over the size limit"
        ),
        "invalid_options": QCoreApplication.translate(
            "Messages", "These recognition settings cannot be used"
        ),
        "unknown_language": QCoreApplication.translate(
            "Messages", "The language pack for this language is not installed"
        ),
        "engine_error": QCoreApplication.translate(
            "Messages", "The OCR engine failed or is not installed"
        ),
        "engine_timeout": QCoreApplication.translate(
            "Messages", "Recognition took too long and was stopped"
        ),
        "canceled": QCoreApplication.translate("Messages", "Canceled"),
        "invalid_request": QCoreApplication.translate(
            "Messages", "The request cannot be carried out"
        ),
        "storage_unavailable": QCoreApplication.translate(
            "Messages", "The result cannot be saved: the data folder is not usable"
        ),
        "insufficient_storage": QCoreApplication.translate(
            "Messages", "The result cannot be saved: the disk is full"
        ),
        "input_missing": QCoreApplication.translate(
            "Messages", "Interrupted, and its input files are gone"
        ),
        "internal_error": QCoreApplication.translate(
            "Messages", "An internal error stopped this job"
        ),
    }


# Exact core messages that say more than their code (app/core/imageio.py, app/core/inputs.py).
def _message_texts() -> dict[str, str]:
    return {
        "the file is empty (0 bytes)": QCoreApplication.translate(
            "Messages", "The file is empty (0 bytes)"
        ),
        "the image file is truncated or corrupt": QCoreApplication.translate(
            "Messages", "The image file is truncated or damaged"
        ),
        "the image has no pixels": QCoreApplication.translate(
            "Messages", "The image has no pixels"
        ),
        "no such file": QCoreApplication.translate("Messages", "The file does not exist"),
        "is a directory": QCoreApplication.translate("Messages", "This is a folder, not an image"),
    }


# Codes whose English message names what the user must change (the language, the option, the
# engine's own complaint, the folder): the translated reason is followed by that message.
WITH_DETAIL = frozenset(
    {
        "invalid_options",
        "unknown_language",
        "engine_error",
        "invalid_request",
        "storage_unavailable",
        "insufficient_storage",
        "internal_error",
    }
)


def error_text(error: dict[str, Any] | None, inputs: int = 1) -> str:
    """The translated reason a job failed (plus the core's message where it names what to
    change, WITH_DETAIL); the core's own message for an unknown code."""
    if not error:
        return ""
    code = str(error.get("code", ""))
    message = str(error.get("message", ""))
    detail = message.rsplit("; ", 1)[-1].split(": ", 1)[-1] if inputs > 1 else message
    text = _message_texts().get(detail) or _code_texts().get(code) or message
    if code in WITH_DETAIL and text != message and detail:
        text = QCoreApplication.translate("Messages", "%1 (%2)").replace("%1", text)
        text = text.replace("%2", detail)
    if inputs > 1:
        return (
            QCoreApplication.translate("Messages", "All %1 images failed: %2")
            .replace("%1", str(inputs))
            .replace("%2", text)
        )
    return text


# Tesseract pack codes people often ask for, named in the UI language.
def _language_names() -> dict[str, str]:
    return {
        "eng": QCoreApplication.translate("Messages", "English"),
        "deu": QCoreApplication.translate("Messages", "German"),
        "fra": QCoreApplication.translate("Messages", "French"),
        "spa": QCoreApplication.translate("Messages", "Spanish"),
        "ita": QCoreApplication.translate("Messages", "Italian"),
        "por": QCoreApplication.translate("Messages", "Portuguese"),
        "nld": QCoreApplication.translate("Messages", "Dutch"),
        "pol": QCoreApplication.translate("Messages", "Polish"),
        "rus": QCoreApplication.translate("Messages", "Russian"),
        "tur": QCoreApplication.translate("Messages", "Turkish"),
        "chi_sim": QCoreApplication.translate("Messages", "Chinese (simplified)"),
        "chi_tra": QCoreApplication.translate("Messages", "Chinese (traditional)"),
        "jpn": QCoreApplication.translate("Messages", "Japanese"),
        "kor": QCoreApplication.translate("Messages", "Korean"),
        "ara": QCoreApplication.translate("Messages", "Arabic"),
    }


def language_name(code: str) -> str:
    """``deu`` → "German" in the UI language; other ISO 639-2 pack codes by Qt's (English)
    name of the language (``afr`` → "Afrikaans"); a code no language has (``osd``) as it is."""
    name = _language_names().get(code)
    if name is not None:
        return name
    from PySide6.QtCore import QLocale

    language = QLocale.codeToLanguage(code.split("_")[0], QLocale.LanguageCodeType.ISO639Part2)
    if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return code
    return QLocale.languageToString(language)
