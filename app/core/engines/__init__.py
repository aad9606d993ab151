"""Engine registry: ``get_engine()`` returns the default (Tesseract) engine."""

from __future__ import annotations

from functools import cache

from app.core.engines.base import Engine


@cache
def get_engine(name: str = "tesseract") -> Engine:
    if name == "tesseract":
        from app.core.engines.tesseract import TesseractEngine

        return TesseractEngine()
    raise ValueError(f"unknown engine '{name}'")


__all__ = ["Engine", "get_engine"]
