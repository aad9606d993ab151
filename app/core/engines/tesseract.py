"""Tesseract: in this process through tesserocr where it loads, else the command via pytesseract.

``tesseract_backends`` runs it (``IMAGEHQ_OCR_TESSERACT_BACKEND`` forces one); this module finds
Tesseract and its language data, prepares the image, detects the orientation and builds the result
model from image_to_data's rows, the same for either backend.

Every call runs with ``OMP_THREAD_LIMIT=1``: Tesseract's OpenMP threads make it about 6× slower on
two cores; parallelism belongs to the job manager.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from PIL import Image

from app.core import preprocess
from app.core.engines import layout, small_lines, tesseract_backends, tesseract_locate
from app.core.engines.cancel import CancelToken
from app.core.engines.tesseract_backends import Call, OrientationFailed, subprocess_cli
from app.core.errors import EngineUnavailableError, UnknownLanguageError
from app.core.model import BBox, Block, Line, OcrResult, Page, Paragraph, Word
from app.core.options import OcrOptions, psm_value

os.environ["OMP_THREAD_LIMIT"] = "1"  # before libtesseract or a tesseract process starts
# Below this OSD confidence, the orientation is not trusted and the image is read as given.
MIN_OSD_CONFIDENCE = 1.0
#: Tesseract refuses images with a side longer than this ("Image too large").
MAX_SIDE = 32767
#: A text line's ink (what ``preprocess.estimate_text_height`` measures) is about this share of
#: the font size.
INK_PER_EM = 0.75
#: A stated resolution is believed when the text it implies is this many points tall.
PLAUSIBLE_PT = (5.0, 24.0)
#: Bump when the way an image is prepared or read changes results: part of the cache key.
#: 2: small unsure lines are read again enlarged (``small_lines``).
READ_REVISION = "3"
NOT_INSTALLED = (
    "Tesseract is not installed or not found (Debian/Ubuntu: sudo apt-get install "
    "tesseract-ocr; macOS: brew install tesseract; Windows: winget install "
    "UB-Mannheim.TesseractOCR; or set IMAGEHQ_OCR_TESSERACT to its path)"
)


class TesseractEngine:
    name = "tesseract"

    def __init__(self, cmd: str | None = None) -> None:
        self._cmd = cmd  # an explicit executable; otherwise tesseract_locate finds one
        if cmd:
            subprocess_cli.set_command(cmd)
        self._lock = threading.Lock()
        self._identity: dict[tuple[str, str], str] = {}
        self._version: dict[str, str] = {}
        self.located: tesseract_locate.Located | None = None

    # -- discovery -------------------------------------------------------------------------
    def is_installed(self) -> bool:
        """Finds Tesseract (again, until it is found: installing it needs no restart). Both
        backends need it: the in-process one reads the language data installed with it."""
        if tesseract_backends.choose() is None:
            return False  # IMAGEHQ_OCR_TESSERACT_BACKEND names a backend that cannot load
        if self._cmd:
            return shutil.which(self._cmd) is not None
        if self.located is None:
            found = tesseract_locate.locate()
            if found is None:
                return False
            self.located = found
            subprocess_cli.set_command(str(found.executable))
            if found.tessdata is not None and "TESSDATA_PREFIX" not in os.environ:
                # the bundled copy's eng and osd data; a user's TESSDATA_PREFIX wins
                os.environ["TESSDATA_PREFIX"] = str(found.tessdata)
        return True

    def backend(self) -> tesseract_backends.Backend:
        """The backend the next call uses."""
        backend = tesseract_backends.choose()
        if backend is None:
            raise EngineUnavailableError(
                f"the Tesseract backend '{tesseract_backends.forced()}' cannot load "
                f"(unset {tesseract_backends.ENV} to use the one that does)"
            )
        return backend

    def version(self) -> str:
        """The version of the Tesseract that reads (the backend's), or "" when not installed."""
        if not self.is_installed():
            return ""
        backend = self.backend()
        if not self._version.get(backend.NAME):
            self._version[backend.NAME] = backend.version()
        return self._version[backend.NAME]

    @cached_property
    def _tessdata(self) -> Path | None:
        """The language data folder: the one beside the executable where it is at a known
        place (no process start), else what ``tesseract --list-langs`` names."""
        guess = _tessdata_near(self._executable())
        if guess is not None:
            return guess
        try:
            out = subprocess.run(
                [self._executable() or "tesseract", "--list-langs"],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return None
        m = re.search(r'"(.+?)"', out.splitlines()[0] if out else "")
        return Path(m.group(1)) if m else None

    def _executable(self) -> str | None:
        if self._cmd:
            return shutil.which(self._cmd)
        self.is_installed()
        return str(self.located.executable) if self.located else None

    def _all_languages(self) -> list[str]:
        """Every installed pack, osd included (what ``tesseract --list-langs`` lists)."""
        if not self.is_installed() or self._tessdata is None:
            return []
        return sorted(
            p.name.removesuffix(".traineddata") for p in self._tessdata.glob("*.traineddata")
        )

    @cached_property
    def _languages(self) -> list[str]:
        return [lang for lang in self._all_languages() if lang != "osd"]

    def languages(self) -> list[str]:
        return list(self._languages)

    def has_osd(self) -> bool:
        return "osd" in self._all_languages()

    def identity(self, language: str) -> str:
        with self._lock:
            key = (self.backend().NAME, language)
            if key in self._identity:
                return self._identity[key]
            parts = [f"tesseract {self.version()}", f"read {READ_REVISION}"]
            tessdata = self._tessdata
            for lang in language.split("+"):
                f = tessdata / f"{lang}.traineddata" if tessdata else None
                if f and f.exists():
                    st = f.stat()
                    parts.append(f"{lang}:{st.st_size}:{int(st.st_mtime)}")
                else:
                    parts.append(lang)
            ident = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
            self._identity[key] = ident
            return ident

    def check_language(self, language: str) -> str:
        if not self.is_installed():
            self.backend()  # a forced backend that cannot load says so
            raise EngineUnavailableError(NOT_INSTALLED)
        installed = self.languages()
        missing = [lang for lang in language.split("+") if lang not in installed]
        if missing:
            raise UnknownLanguageError(
                f"language '{'+'.join(missing)}' is not installed "
                f"(installed: {', '.join(installed) or 'none'})"
            )
        return language

    def prewarm(self, language: str, count: int = 1) -> None:
        """Loads ``language`` for the next ``count`` reading threads on a background thread
        (the in-process backend; the command loads it per image anyway)."""
        if self.is_installed() and self.backend() is tesseract_backends.inprocess:
            tesseract_backends.inprocess.prewarm(self._tessdata, language, count)

    # -- recognition -----------------------------------------------------------------------
    def detect_orientation(
        self, image: Image.Image, timeout: float, cancel: CancelToken | None = None
    ) -> tuple[int, list[str]]:
        """Clockwise rotation (0/90/180/270) that makes the text upright, plus warnings."""
        if not self.has_osd():
            return 0, ["orientation detection unavailable: the 'osd' language pack is missing"]
        backend = self.backend()
        call = Call("osd", 0, None, timeout, cancel, self._tessdata)
        found: tuple[int, float] | None = None
        reason = ""
        # Default OSD samples many characters; a short screenshot needs a smaller sample.
        for min_characters in (None, 5):
            try:
                found = backend.orientation(image, call, min_characters)
                break
            except OrientationFailed as exc:
                reason = str(exc)
        if found is None:
            return 0, [f"orientation not detected ({reason}); read as given"]
        rotate, conf = found
        if rotate and conf < MIN_OSD_CONFIDENCE:
            return 0, [f"orientation uncertain (confidence {conf:.2f}); read as given"]
        return rotate, []

    def recognize(
        self,
        image: Image.Image,
        options: OcrOptions,
        timeout: float = 120.0,
        cancel: CancelToken | None = None,
    ) -> OcrResult:
        language = self.check_language(options.language)
        width, height = image.size
        prepared = preprocess.prepare(image, enabled=options.preprocess, max_side=MAX_SIDE)
        work = prepared.image
        pw, ph = work.size
        warnings: list[str] = []
        orientation = 0
        if options.detect_orientation:
            # OSD on the prepared image: upscaled grey text is read far more reliably.
            orientation, warnings = self.detect_orientation(work, timeout, cancel)
            if orientation:
                # OSD's "Rotate" is the clockwise turn that makes the page upright.
                work = work.rotate(-orientation, expand=True)
        dpi = resolution(image, prepared)
        started = time.monotonic()
        data = self._run_data(work, language, psm_value(options.psm), dpi, timeout, cancel)

        def to_input(box: BBox) -> BBox:
            return prepared.to_source(_unrotate(box, orientation, pw, ph), width, height)

        page = _build_page(data, width, height, to_input)
        if options.preprocess and not orientation:

            def read_line(
                line: Image.Image, left: float, token: CancelToken | None
            ) -> tesseract_backends.Data:
                psm = small_lines.PSM_SINGLE_LINE
                return self._run_data(line, language, psm, None, left, token)

            small_lines.reread(page, prepared, read_line, started + timeout, cancel)
        if options.psm == "auto":  # a layout the user chose is read as Tesseract reads it
            layout.join_table_columns(page)
        return OcrResult(
            page=page,
            language=language,
            orientation=orientation,
            engine=self.name,
            engine_version=self.version(),
            warnings=warnings,
        )

    def _run_data(
        self,
        image: Image.Image,
        language: str,
        psm: int,
        dpi: int | None,
        timeout: float,
        cancel: CancelToken | None,
    ) -> tesseract_backends.Data:
        """image_to_data's columns from the backend in use."""
        return self.backend().data(image, Call(language, psm, dpi, timeout, cancel, self._tessdata))


def resolution(image: Image.Image, prepared: preprocess.Prepared) -> int | None:
    """The DPI to tell Tesseract about the prepared image, or None to let it estimate.

    The prepared image is a headerless PGM: without ``--dpi`` Tesseract assumes 70 dpi and
    estimates the resolution from the text. The file's own resolution, times the preprocessing
    scale, is passed on when the text height it implies is plausible (``PLAUSIBLE_PT``); a
    renderer's default (96 dpi on a 2000 px wide page would make its body text 25 pt)
    is not believed, and Tesseract estimates as before. Measured on the eval set: a fixed
    guess for files without one (150, 200, 300 dpi) moved whole pages between Tesseract's
    layout outcomes in both directions; its own estimate was the best overall."""
    from app.core.imageio import dpi_of

    stated = dpi_of(image)
    if stated is None:
        return None
    height = prepared.text_height
    if height:
        implied_pt = height / INK_PER_EM * 72.0 / stated
        if not (PLAUSIBLE_PT[0] <= implied_pt <= PLAUSIBLE_PT[1]):
            return None
    return max(70, round(stated * prepared.scale))


def _tessdata_near(executable: str | None) -> Path | None:
    """``TESSDATA_PREFIX``, or the language data where the executable's package puts it: Linux
    and Homebrew ``<prefix>/share/tesseract-ocr/<N>/tessdata`` or ``<prefix>/share/tessdata``,
    Windows ``tessdata`` beside ``tesseract.exe``."""
    candidates: list[Path] = []
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        candidates += [Path(prefix), Path(prefix) / "tessdata"]
    if executable:
        exe = Path(executable).resolve()
        share = exe.parent.parent / "share"
        candidates.append(exe.parent / "tessdata")
        candidates += sorted((share / "tesseract-ocr").glob("*/tessdata"), reverse=True)
        candidates.append(share / "tessdata")
    return next((c for c in candidates if any(c.glob("*.traineddata"))), None)


def _unrotate(box: BBox, rotate: int, w: int, h: int) -> BBox:
    """Maps a box in the turned image back to the unturned one (``w`` × ``h``).

    ``rotate`` is the clockwise turn that was applied to the unturned image.
    """
    x0, y0, x1, y1 = box
    if rotate == 90:  # turned clockwise: turned (x, y) came from (y, h - x)
        pts = [(y0, h - x0), (y1, h - x1)]
    elif rotate == 180:
        pts = [(w - x0, h - y0), (w - x1, h - y1)]
    elif rotate == 270:  # turned counter-clockwise: turned (x, y) came from (w - y, x)
        pts = [(w - y0, x0), (w - y1, x1)]
    else:
        return box
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _build_page(data: dict, width: int, height: int, to_input: Callable[[BBox], BBox]) -> Page:
    """Groups image_to_data rows into blocks, paragraphs, lines and words."""
    page = Page(width, height)
    blocks: dict[int, Block] = {}
    paras: dict[tuple[int, int], Paragraph] = {}
    lines: dict[tuple[int, int, int], Line] = {}
    for (b, p, ln), box, text, conf in small_lines.tsv_words(data):
        if b not in blocks:
            blocks[b] = Block()
            page.blocks.append(blocks[b])
        if (b, p) not in paras:
            paras[(b, p)] = Paragraph()
            blocks[b].paragraphs.append(paras[(b, p)])
        if (b, p, ln) not in lines:
            lines[(b, p, ln)] = Line()
            paras[(b, p)].lines.append(lines[(b, p, ln)])
        lines[(b, p, ln)].words.append(Word(text, to_input(box), conf))
    return page
