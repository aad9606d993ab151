"""The engine the pipeline and the job manager use: it honours ``options.engine``.

``options.engine`` is ``auto`` (the router in :mod:`app.core.engines.router` picks per image),
or the name of a registered engine. Two fallbacks keep a request from failing for a reason the
user did not choose:

- a language that the chosen engine does not read, but another installed engine does, goes to
  that engine, with a warning (PP-OCR ships Latin-script, Chinese and Japanese models; Arabic,
  say, goes to Tesseract);
- a page Tesseract read badly — text left unread (a table's number column, a form's cells) or
  low confidence — is read by PP-OCR too, and the better result is kept (``needs_second_opinion``,
  ``prefer_second``; measured in the README's "Engines" section);
- an engine that is not installed is replaced by one that is, with a warning, when the choice
  was ``auto``; a forced engine that is missing fails the request with the install hint.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from PIL import Image

from app.core.background import Background
from app.core.engines import AUTO
from app.core.engines.base import Engine
from app.core.engines.cancel import CancelToken
from app.core.engines.coverage import Ink, coverage_of, find_ink, releases_gil, tall_garbage
from app.core.engines.rapid import NAME as RAPID
from app.core.engines.rapid import covers
from app.core.engines.router import ROUTER_VERSION, TESSERACT, choose, features
from app.core.errors import EngineUnavailableError, OptionsError, UnknownLanguageError
from app.core.imageio import CAMERA_INFO_KEY
from app.core.model import OcrResult
from app.core.options import OcrOptions

log = logging.getLogger(__name__)


#: Second opinion (``auto`` only): PP-OCR reads a page Tesseract read, when Tesseract's words
#: cover less than ``LOW_COVERAGE`` of the character-like ink, its mean confidence is below
#: ``LOW_CONFIDENCE``, or it read columns top to bottom as tall unsure words. PP-OCR's
#: result is kept when it covers ``BETTER_COVERAGE`` more of the ink, or — where Tesseract was
#: unsure — when PP-OCR is sure and covers about as much.
LOW_COVERAGE = 0.80
LOW_CONFIDENCE = 0.70
BETTER_COVERAGE = 0.02
SURE_CONFIDENCE = 0.85
#: Tall unsure words it takes: one or two are common on noisy scans (a rule, a stamp).
MIN_GARBAGE = 3


def needs_second_opinion(
    coverage: float | None, confidence: float, has_words: bool, garbage: int = 0
) -> bool:
    if not has_words:
        return coverage is not None  # ink that looks like text, and nothing read
    if garbage >= MIN_GARBAGE:  # columns read top to bottom as tall unsure words
        return True
    return (coverage is not None and coverage < LOW_COVERAGE) or confidence < LOW_CONFIDENCE


def prefer_second(
    first_cov: float | None, first_conf: float, second_cov: float | None, second_conf: float
) -> bool:
    if second_cov is None:
        return False
    if first_cov is None:
        return second_conf >= SURE_CONFIDENCE
    if second_cov >= first_cov + BETTER_COVERAGE:
        return True
    return (
        first_conf < LOW_CONFIDENCE
        and second_conf >= SURE_CONFIDENCE
        and second_cov >= first_cov - 2 * BETTER_COVERAGE
    )


class AutoEngine:
    """Dispatches each request to the engine ``options.engine`` names, or routes (``auto``)."""

    name = AUTO

    def __init__(self, engines: dict[str, Callable[[], Engine]]) -> None:
        self._factories = engines

    def engine(self, name: str) -> Engine:
        try:
            factory = self._factories[name]
        except KeyError:
            raise OptionsError(
                f"unknown engine '{name}' (use {', '.join([AUTO, *self._factories])})"
            ) from None
        return factory()

    def installed(self) -> list[Engine]:
        return [e for e in (self.engine(n) for n in self._factories) if e.is_installed()]

    def set_parallelism(self, jobs: int) -> None:
        """Jobs that may run at once (ONNX engines split the cores among them)."""
        for name in self._factories:
            setter = getattr(self.engine(name), "set_parallelism", None)
            if setter is not None:
                setter(jobs)

    # -- the Engine protocol ---------------------------------------------------------------
    def is_installed(self) -> bool:
        return bool(self.installed())

    def version(self) -> str:
        return "; ".join(f"{e.name} {e.version()}" for e in self.installed())

    def languages(self) -> list[str]:
        return sorted({lang for e in self.installed() for lang in e.languages()})

    def identity(self, language: str) -> str:
        parts = [f"router {ROUTER_VERSION}"]
        for e in self.installed():
            parts.append(f"{e.name}:{e.identity(language)}")
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    def has_osd(self) -> bool:
        """Orientation detection (Tesseract's osd pack) is available."""
        tess = self.engine(TESSERACT)
        return bool(getattr(tess, "has_osd", lambda: False)())

    def check_language(self, language: str) -> str:
        engines = self.installed()
        if not engines:
            # Tesseract's message says how to install it.
            return self.engine(TESSERACT).check_language(language)
        errors: list[UnknownLanguageError] = []
        for e in engines:
            try:
                return e.check_language(language)
            except UnknownLanguageError as exc:
                errors.append(exc)
        raise errors[0]

    def check_options(self, options: OcrOptions) -> OcrOptions:
        """Validates the engine choice and the language at submit time."""
        if options.engine != AUTO:
            chosen = self.engine(options.engine)
            if not chosen.is_installed():
                chosen.check_language(options.language)  # raises with the install hint
                raise EngineUnavailableError(f"the {chosen.name} engine is not installed")
        self.check_language(options.language)
        return options

    def recognize(
        self,
        image: Image.Image,
        options: OcrOptions,
        timeout: float = 120.0,
        cancel: CancelToken | None = None,
    ) -> OcrResult:
        engine, warnings = self.pick(image, options)
        started = time.monotonic()
        second = options.engine == AUTO and engine.name == TESSERACT and self._can_second(options)
        ink: Background[Ink | None] | None = None
        if second and releases_gil(image):
            # the ink the second opinion weighs Tesseract's words against is counted (OpenCV)
            # while Tesseract reads (both without the GIL)
            ink = Background(find_ink, image)
        try:
            result = engine.recognize(image, options, timeout=timeout, cancel=cancel)
        except BaseException:
            if ink is not None:
                ink.wait()
            raise
        if second:
            found = ink.result() if ink is not None else find_ink(image)
            left = max(1.0, timeout - (time.monotonic() - started))
            result = self._second_opinion(image, options, result, found, left, cancel)
        result.warnings[:0] = warnings
        return result

    def _can_second(self, options: OcrOptions) -> bool:
        """PP-OCR is there to give a second opinion in ``options.language``."""
        return self.engine(RAPID).is_installed() and covers(options.language)

    def _second_opinion(
        self,
        image: Image.Image,
        options: OcrOptions,
        first: OcrResult,
        ink: Ink | None,
        timeout: float,
        cancel: CancelToken | None,
    ) -> OcrResult:
        """Reads the image with PP-OCR too when Tesseract left text unread or is unsure of what
        it read (see ``second_opinion``), and keeps the better of the two. ``ink``: the image's
        character-like ink (``find_ink``)."""
        words = first.page.words()
        first_cov = coverage_of(ink, words)
        if not needs_second_opinion(first_cov, first.confidence, bool(words), tall_garbage(words)):
            return first
        second = self.engine(RAPID).recognize(image, options, timeout=timeout, cancel=cancel)
        second_cov = coverage_of(ink, second.page.words())
        keep = prefer_second(first_cov, first.confidence, second_cov, second.confidence)
        log.info(
            "second opinion: tesseract coverage %s confidence %.2f, rapidocr %s %.2f → %s",
            first_cov,
            first.confidence,
            second_cov,
            second.confidence,
            RAPID if keep else TESSERACT,
        )
        return second if keep else first

    # -- the choice ------------------------------------------------------------------------
    def pick(self, image: Image.Image, options: OcrOptions) -> tuple[Engine, list[str]]:
        """The engine that reads ``image`` and any warnings about the choice."""
        warnings: list[str] = []
        if options.engine == AUTO:
            wanted, why = choose(features(image, bool(image.info.get(CAMERA_INFO_KEY))))
            log.info("auto engine: %s (%s)", wanted, why)
        else:
            wanted = options.engine
        chosen = self.engine(wanted)
        if not chosen.is_installed():
            if options.engine != AUTO:
                chosen.check_language(options.language)  # raises with the install hint
                raise EngineUnavailableError(f"the {chosen.name} engine is not installed")
            others = [e for e in self.installed() if e.name != wanted]
            if not others:
                chosen.check_language(options.language)
                raise EngineUnavailableError(f"the {chosen.name} engine is not installed")
            warnings.append(f"{wanted} engine not installed; read with {others[0].name}")
            chosen = others[0]
        try:
            chosen.check_language(options.language)
        except UnknownLanguageError:
            for other in self.installed():
                if other.name == chosen.name:
                    continue
                try:
                    other.check_language(options.language)
                except UnknownLanguageError:
                    continue
                warnings.append(
                    f"the {chosen.name} engine does not read '{options.language}'; "
                    f"read with {other.name}"
                )
                return other, warnings
            raise
        return chosen, warnings
