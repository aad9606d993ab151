"""A job that read no text: say so, and what may help (issue 9, defect 8).

One place for the window (a "No text found" notice with re-run buttons) and the CLI (a
one-line warning on stderr). The remedies are option changes for a re-run of the same image.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.core.job import SUCCEEDED, Job
from app.core.options import OcrOptions

NO_TEXT = "no text found"


@dataclass(frozen=True)
class Remedy:
    """One thing to try: ``key`` names it (engine, sparse, orientation), ``options`` are the
    re-run's options, ``cli`` the extract flag that does the same."""

    key: str
    options: OcrOptions
    cli: str


def found_no_text(job: Job) -> bool:
    """A job that succeeded without reading a single character."""
    return job.status == SUCCEEDED and not (job.text or "").strip()


def other_engine(engine_used: str, options: OcrOptions) -> str:
    """The engine that did not read it: PP-OCR after Tesseract, Tesseract after PP-OCR."""
    used = engine_used or options.engine
    return "tesseract" if used == "rapidocr" else "rapidocr"


def remedies(options: OcrOptions, engine_used: str = "") -> list[Remedy]:
    """What may find text the first run missed, in the order worth trying."""
    engine = other_engine(engine_used, options)
    found = [Remedy("engine", replace(options, engine=engine), f"--engine {engine}")]
    if options.psm != "sparse":
        found.append(Remedy("sparse", replace(options, psm="sparse"), "--psm sparse"))
    if not options.detect_orientation:
        found.append(
            Remedy("orientation", replace(options, detect_orientation=True), "--detect-orientation")
        )
    return found


def cli_message(source: str, job: Job) -> str:
    """The extract command's one-line warning for a job that read no text."""
    tries = [r.cli for r in remedies(job.options, job.engine)]
    hint = ", ".join(tries[:-1]) + f" or {tries[-1]}" if len(tries) > 1 else tries[0]
    return f"{source}: {NO_TEXT} (try {hint})"
