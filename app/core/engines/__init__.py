"""Engine registry.

Every engine is a module beside :mod:`app.core.engines.tesseract` plus one entry in
``ENGINES`` (name → factory). ``get_engine()`` returns the :class:`AutoEngine`, which reads
``options.engine`` (``auto`` routes per image) and falls back where an engine or a language is
missing; ``get_engine(name)`` returns that engine alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from app.core.engines.base import Engine

if TYPE_CHECKING:
    from app.core.engines.auto import AutoEngine

#: ``options.engine`` for "route per image". (The router and the second opinion load with the
#: first ``get_engine()``, not with this package: ``prewarm`` needs Tesseract alone.)
AUTO = "auto"


@cache
def _tesseract() -> Engine:
    from app.core.engines.tesseract import TesseractEngine

    return TesseractEngine()


@cache
def _rapidocr() -> Engine:
    from app.core.engines.rapid import RapidOcrEngine

    return RapidOcrEngine()


#: Registered engines in order of preference (the first installed one is the fallback).
ENGINES: dict[str, Callable[[], Engine]] = {"tesseract": _tesseract, "rapidocr": _rapidocr}
#: Every value ``options.engine`` / ``--engine`` takes.
ENGINE_CHOICES: tuple[str, ...] = (AUTO, *ENGINES)


@cache
def _auto() -> AutoEngine:
    from app.core.engines.auto import AutoEngine

    return AutoEngine(ENGINES)


def get_engine(name: str = AUTO) -> Engine:
    """``auto`` (default): the dispatcher; otherwise the named engine."""
    if name == AUTO:
        return _auto()
    try:
        return ENGINES[name]()
    except KeyError:
        raise ValueError(f"unknown engine '{name}'") from None


def prewarm(language: str, count: int = 1) -> None:
    """Gets Tesseract ready to read ``language`` on ``count`` threads: its language data loads
    on a background thread ahead of the first job (``TesseractEngine.prewarm``); nothing when
    Tesseract is missing or does not read ``language``."""
    from app.core.errors import OcrError

    tess = _tesseract()
    prewarm = getattr(tess, "prewarm", None)
    if prewarm is None or not tess.is_installed():
        return
    try:
        tess.check_language(language)
    except OcrError:
        return
    prewarm(language, count)


def missing_engines() -> dict[str, str]:
    """The registered engines that are not installed, each with how to install it."""
    from app.core.errors import EngineError

    out: dict[str, str] = {}
    for name in ENGINES:
        engine = get_engine(name)
        if not engine.is_installed():
            try:
                engine.check_language("eng")  # raises with the engine's install hint
                out[name] = f"the {name} engine is not installed"
            except EngineError as exc:
                out[name] = exc.message
    return out


__all__ = [
    "AUTO",
    "ENGINES",
    "ENGINE_CHOICES",
    "Engine",
    "get_engine",
    "missing_engines",
    "prewarm",
]
