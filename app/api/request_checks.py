"""What a request brings, checked before a job is made of it: the ``request`` JSON field, the
uploaded files (names and bytes), the query parameters and job ids, and the hash that ties an
Idempotency-Key to one request. Anything wrong is an ApiError (a 4xx JSON error)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath

from fastapi import Request
from pydantic import ValidationError

from app.api.errors import ApiError, describe_validation
from app.api.models import OcrRequest
from app.core import imageio
from app.core.errors import InvalidInputError, clip
from app.core.options import OcrOptions

JOB_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def reject_unknown_query(request: Request) -> None:
    """A typo such as ``?wiat=10`` is an error, not silently ignored."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = {p.alias for p in getattr(dependant, "query_params", [])}  # the route's own
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        names = clip(", ".join(repr(k) for k in unknown), 200)
        allowed = ", ".join(sorted(known)) or "none"
        raise ApiError(
            422, "invalid_request", f"unknown query parameter {names} (allowed: {allowed})"
        )


def check_job_id(job_id: str) -> None:
    if not JOB_ID_RE.match(job_id):
        raise ApiError(404, "not_found", f"no job with id '{clip(job_id)}'")


def request_hash(req: OcrRequest, files: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256(json.dumps(req.model_dump(mode="json"), sort_keys=True).encode())
    for name, data in files:
        h.update(b"\0" + name.encode("utf-8", "replace") + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def safe_name(filename: str | None, n: int) -> str:
    """The base name of an uploaded file, printable, at most 200 characters."""
    base = PurePath((filename or "").replace("\\", "/")).name
    base = "".join(c for c in base if c.isprintable()).strip()[-200:]
    return base if base not in ("", ".", "..") else f"image-{n + 1}"


def parse_request(raw: str) -> OcrRequest:
    """The ``request`` form field → OcrRequest; anything else is a 400 or 422 ApiError."""
    try:
        payload = json.loads(raw) if raw.strip() else {}
    except RecursionError:
        raise ApiError(400, "bad_request", "request is nested too deeply") from None
    except ValueError as exc:
        raise ApiError(400, "bad_request", f"request is not valid JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise ApiError(400, "bad_request", "request must be a JSON object")
    try:
        return OcrRequest.model_validate(payload, strict=True)
    except RecursionError:
        raise ApiError(400, "bad_request", "request is nested too deeply") from None
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", describe_validation(exc.errors())) from None


def request_options(req: OcrRequest) -> OcrOptions:
    """The request's ``options`` as the OcrOptions a job takes (checked when submitted)."""
    opts = req.options
    return OcrOptions(
        language=opts.language,
        detect_orientation=opts.detect_orientation,
        psm=str(opts.psm),
        output_format=opts.output_format,
        preprocess=opts.preprocess,
        engine=opts.engine,
        text_mode=opts.text_mode,
        pdf_text=opts.pdf_text,
        barcodes=opts.barcodes,
    )


def check_image(name: str, data: bytes) -> None:
    """Refuses what is not an image we read (415), an empty file (422) or a bomb (413). A file
    that looks right but does not decode is accepted: its job fails with a readable error."""
    try:
        imageio.admit(data)
    except InvalidInputError as exc:
        raise ApiError(exc.http_status, exc.code, f"{name}: {exc.message}") from None
