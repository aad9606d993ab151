"""The engine interface. Tesseract is the first; an ONNX detector for photos can plug in later."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PIL import Image

from app.core.engines.cancel import CancelToken
from app.core.model import OcrResult
from app.core.options import OcrOptions


@runtime_checkable
class Engine(Protocol):
    """An OCR engine: recognises one decoded image into the result model."""

    name: str

    def is_installed(self) -> bool:
        """Whether the engine can run on this machine."""
        ...

    def version(self) -> str: ...

    def languages(self) -> list[str]:
        """Installed language packs (OSD excluded)."""
        ...

    def identity(self, language: str) -> str:
        """Engine version plus a fingerprint of the language data: part of the cache key."""
        ...

    def check_language(self, language: str) -> str:
        """Returns the normalised language or raises UnknownLanguageError naming the packs."""
        ...

    def recognize(
        self,
        image: Image.Image,
        options: OcrOptions,
        timeout: float,
        cancel: CancelToken | None = None,
    ) -> OcrResult:
        """One pass: text, confidences and page → block → paragraph → line → word boxes.

        ``cancel``: when it is canceled, stop at once and raise CanceledError."""
        ...
