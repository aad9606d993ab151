"""The FastAPI application: ``/v1/ocr`` and friends, all talking to one JobManager."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import threading
import time
import zipfile
from dataclasses import replace
from pathlib import PurePath
from typing import Annotated, Any
from urllib.parse import quote

import anyio
from fastapi import (
    Depends,
    FastAPI,
    File,
    Form,
    Header,
    Query,
    Request,
    Response,
    Security,
    UploadFile,
)
from fastapi.openapi.utils import get_openapi
from fastapi.security import HTTPBearer
from pydantic import ValidationError

from app import __version__
from app.api.errors import (
    RETRY_AFTER_SECONDS,
    ApiError,
    describe_validation,
    install_handlers,
)
from app.api.middleware import Guard
from app.api.models import (
    Deleted,
    EngineInfo,
    Engines,
    ErrorEnvelope,
    Health,
    JobList,
    JobModel,
    JobStatus,
    Languages,
    MissingEngine,
    OcrRequest,
)
from app.api.search import IndexSource, add_search_route
from app.core import imageio
from app.core.engines import AUTO, ENGINES, get_engine, missing_engines
from app.core.errors import InvalidInputError, OcrError, clip
from app.core.index.db import IndexDB
from app.core.job import QUEUED, SUCCEEDED, Job, JobOutput
from app.core.options import FORMAT_MIME, OcrOptions
from app.jobs import InputData, JobManager

MAX_WAIT_SECONDS = 30.0
DEFAULT_MAX_UPLOAD_BYTES = 50 * 2**20
DEFAULT_MAX_FILES = 100
_JOB_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")

bearer = HTTPBearer(auto_error=False, description="the token `imagehq-ocr serve` prints")


def _err(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {
        400: "malformed request (multipart or the request JSON)",
        401: "missing or wrong token",
        404: "unknown job",
        409: "idempotency key reused with another body, or the job has no output yet",
        410: "the job expired and was deleted",
        413: "upload over the size cap, or an image over the pixel limit",
        415: "a file is not a supported image or PDF",
        421: "Host header is not a loopback name",
        422: "invalid request: unknown operation, option or language; bad parameters",
        429: "the queue is full; see Retry-After",
        503: "the server is shutting down, or the store cannot be written",
        507: "no space left on the disk that holds the store",
    }
    return {c: {"model": ErrorEnvelope, "description": text.get(c, "error")} for c in codes}


REQUEST_DOC = (
    "JSON string (an `OcrRequest`): operation, options {detect_orientation, language, "
    "output_format, psm, preprocess, engine, text_mode, pdf_text, barcodes}, tool_slug, "
    "client_reference_id, retention_policy. "
    'Example: {"operation": "extract_text", "options": {"language": "eng", '
    '"output_format": "txt"}, "tool_slug": "image-to-text"}'
)


def install_openapi(app: FastAPI) -> None:
    """Documents the multipart body precisely: ``files[]`` (1+ binary parts) and ``request``
    (a JSON part: the ``OcrRequest`` schema); FastAPI alone would call it a plain string."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        request_schema = OcrRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(request_schema.pop("$defs", {}))
        schemas["OcrRequest"] = request_schema
        schemas.pop("Body_create_job_v1_ocr_post", None)
        spec["paths"]["/v1/ocr"]["post"]["requestBody"] = {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["files[]"],
                        "properties": {
                            "files[]": {
                                "type": "array",
                                "minItems": 1,
                                "items": {"type": "string", "format": "binary"},
                                "description": "images: png, jpeg, webp, tiff, bmp, gif",
                            },
                            "request": {"$ref": "#/components/schemas/OcrRequest"},
                        },
                    },
                    "encoding": {"request": {"contentType": "application/json"}},
                }
            },
        }
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


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


def _check_id(job_id: str) -> None:
    if not _JOB_ID_RE.match(job_id):
        raise ApiError(404, "not_found", f"no job with id '{clip(job_id)}'")


def _request_hash(req: OcrRequest, files: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256(json.dumps(req.model_dump(mode="json"), sort_keys=True).encode())
    for name, data in files:
        h.update(b"\0" + name.encode("utf-8", "replace") + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def _content_disposition(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def _safe_name(filename: str | None, n: int) -> str:
    """The base name of an uploaded file, printable, at most 200 characters."""
    base = PurePath((filename or "").replace("\\", "/")).name
    base = "".join(c for c in base if c.isprintable()).strip()[-200:]
    return base if base not in ("", ".", "..") else f"image-{n + 1}"


def accepted(job: Job) -> Job:
    """The 202 receipt: the job as it was accepted (queued), whatever a worker did since."""
    return replace(
        job,
        status=QUEUED,
        current_stage=QUEUED,
        progress=0,
        started_at=None,
        finished_at=None,
        updated_at=job.created_at,
        outputs=[],
        inputs=[replace(i, error=None) for i in job.inputs],
        warnings=[],
        error=None,
    )


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


def _check_image(name: str, data: bytes) -> None:
    """Refuses what is not an image we read (415), an empty file (422) or a bomb (413). A file
    that looks right but does not decode is accepted: its job fails with a readable error."""
    try:
        imageio.admit(data)
    except InvalidInputError as exc:
        raise ApiError(exc.http_status, exc.code, f"{name}: {exc.message}") from None


class _Api:
    """Route logic; FastAPI runs the plain ``def`` routes in its thread pool."""

    def __init__(self, manager: JobManager, max_files: int, max_queue: int | None) -> None:
        self.manager = manager
        self.max_files = max_files
        self.max_queue = max_queue
        self.idem_lock = threading.Lock()
        self.wait_limiter = anyio.CapacityLimiter(64)  # threads blocked in long polls
        self.waiting = 0  # long polls in progress
        self.stopping = threading.Event()

    def stop(self) -> None:
        """The server is stopping: every long poll answers now, with the job as it stands."""
        self.stopping.set()
        self.manager.release_waiters()

    def job_dict(self, job: Job, with_result: bool = True) -> dict[str, Any]:
        return job.to_dict(self.manager.result_json(job) if with_result else None)

    def get(self, job_id: str) -> Job:
        _check_id(job_id)
        job = self.manager.get(job_id)  # raises JobGone → 410
        if job is None:
            raise ApiError(404, "not_found", f"no job with id {job_id!r}")
        return job

    def submit(
        self, raw_request: str, uploads: list[UploadFile], idempotency_key: str | None
    ) -> tuple[Job, bool]:
        req = parse_request(raw_request)
        if not uploads:
            raise ApiError(400, "bad_request", "no files[]: send one or more images")
        if len(uploads) > self.max_files:
            raise ApiError(422, "invalid_request", f"at most {self.max_files} files per job")
        files: list[tuple[str, bytes]] = []
        for n, upload in enumerate(uploads):
            name = _safe_name(upload.filename, n)
            data = upload.file.read()
            _check_image(name, data)
            files.append((name, data))
        options = request_options(req)
        retention = req.retention_policy
        kwargs: dict[str, Any] = {
            "operation": req.operation,
            "options": options,
            "ttl_hours": retention.ttl_hours if retention else None,
            "clamp": retention.clamp if retention else True,
            "tool_slug": req.tool_slug,
            "client_reference_id": req.client_reference_id,
            "source": "api",
        }
        inputs = [InputData(name, data) for name, data in files]
        if not idempotency_key:
            self._check_queue()
            return self.manager.submit(inputs, **kwargs), False
        digest = _request_hash(req, files)
        with self.idem_lock:
            existing = self._replay(idempotency_key, digest)
            if existing is not None:
                return existing, True
            self._check_queue()
            try:
                job = self.manager.submit(
                    inputs, idempotency_key=idempotency_key, request_hash=digest, **kwargs
                )
            except sqlite3.IntegrityError:  # another process took the key meanwhile
                existing = self._replay(idempotency_key, digest)
                if existing is None:
                    raise
                return existing, True
        return job, False

    def _replay(self, key: str, digest: str) -> Job | None:
        found = self.manager.store.find_idempotent(key)
        if found is None:
            return None
        if found.request_hash != digest:
            raise ApiError(
                409,
                "idempotency_conflict",
                "this Idempotency-Key was used with a different request",
            )
        return self.manager.get(found.id) or found

    def _check_queue(self) -> None:
        if self.max_queue is not None and self.manager.queue_length() >= self.max_queue:
            raise ApiError(
                429,
                "queue_full",
                f"the queue is full ({self.max_queue} jobs waiting); retry later",
                {"Retry-After": str(RETRY_AFTER_SECONDS)},
            )

    def download(self, job_id: str, output: str | None) -> Response:
        job = self.get(job_id)
        if job.status != SUCCEEDED:
            raise ApiError(
                409, "not_ready", f"job {job.id} is {job.status}: there is nothing to download"
            )
        outputs = job.outputs
        if output is not None:
            outputs = [o for o in job.outputs if o.id == output]
            if not outputs:
                ids = ", ".join(o.id for o in job.outputs)
                raise ApiError(404, "not_found", f"job {job.id} has no output {output!r} ({ids})")
        try:
            return self._download(job, outputs)
        except OSError:  # pruned or deleted between the lookup and the read
            raise ApiError(404, "not_found", f"the output files of {job.id} are gone") from None

    def _download(self, job: Job, outputs: list[JobOutput]) -> Response:
        if len(outputs) == 1:
            out = outputs[0]
            data = self.manager.store.read_output(job.id, int(out.id))
            return Response(
                data,
                media_type=FORMAT_MIME.get(out.format, out.mime_type),
                headers={"Content-Disposition": _content_disposition(out.filename)},
            )
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for out in outputs:
                zf.writestr(out.filename, self.manager.store.read_output(job.id, int(out.id)))
        return Response(
            buf.getvalue(),
            media_type="application/zip",
            headers={"Content-Disposition": _content_disposition(f"{job.id}.zip")},
        )

    def _wait_until(self, job_id: str, deadline: float, since: int) -> Job | None:
        """In a worker thread: the time spent getting the thread is already gone, and a stop
        since ``since`` (read before ``stopping`` was checked) ends the wait at once."""
        return self.manager.wait(job_id, max(0.0, deadline - time.monotonic()), since=since)

    async def wait(self, job_id: str, seconds: float) -> Job:
        """Long poll: the job once final, or as it is when ``seconds`` pass or the server stops.
        Never longer than asked: waiting for a free thread counts against ``seconds`` too."""
        deadline = time.monotonic() + seconds
        job = await anyio.to_thread.run_sync(self.get, job_id)
        self.waiting += 1
        try:
            while True:
                # stop() sets ``stopping`` before it releases the waiters: read the release
                # count first, so a stop landing before the worker thread waits still ends it
                since = self.manager.wake_generation
                if job.is_final or self.stopping.is_set():
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                waited = None
                with anyio.move_on_after(remaining):
                    waited = await anyio.to_thread.run_sync(
                        self._wait_until,
                        job.id,
                        deadline,
                        since,
                        abandon_on_cancel=True,
                        limiter=self.wait_limiter,
                    )
                if waited is None:
                    waited = await anyio.to_thread.run_sync(self.manager.get, job.id)
                if waited is None:
                    raise ApiError(404, "not_found", f"job {job.id} was deleted")
                job = waited
                if not job.is_final and not self.stopping.is_set():  # another process runs it
                    await anyio.sleep(min(0.25, max(0.0, deadline - time.monotonic())))
        finally:
            self.waiting -= 1
        return job


def create_app(
    manager: JobManager,
    token: str,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    *,
    max_files: int = DEFAULT_MAX_FILES,
    max_queue: int | None = None,
    allowed_hosts: frozenset[str] = frozenset(),
    allow_remote: bool = False,
    drain_limit: int | None = None,
    index: IndexDB | None = None,
) -> FastAPI:
    """The API app. ``max_queue`` adds a server-side bound (429) below the manager's own;
    ``drain_limit``: how much of a refused body is read so that the client gets the answer
    (see ``Guard``); ``index``: what ``/v1/search`` searches (default: the index beside the
    manager's store)."""
    api = _Api(manager, max_files, max_queue)
    app = FastAPI(
        title="ImageHQ OCR local API",
        version=__version__,
        description=(
            "ImageHQ OCR compatible API on this machine. Every route but /v1/health and "
            "/openapi.json needs `Authorization: Bearer <token>`. Errors are "
            '`{"error": {"code": "...", "message": "..."}}`.'
        ),
        docs_url=None,
        redoc_url=None,
    )
    install_handlers(app)
    app.add_middleware(
        Guard,
        token=token,
        max_upload_bytes=max_upload_bytes,
        allowed_hosts=allowed_hosts,
        allow_remote=allow_remote,
        drain_limit=drain_limit,
    )
    auth = [Security(bearer), Depends(reject_unknown_query)]
    app.state.api = api

    install_openapi(app)

    @app.post(
        "/v1/ocr",
        status_code=202,
        response_model=JobModel,
        response_model_exclude_unset=True,
        dependencies=auth,
        summary="Queue an OCR job for one or more images",
        responses=_err(400, 401, 409, 413, 415, 421, 422, 429, 503, 507),
    )
    def create_job(
        response: Response,
        files: Annotated[
            list[UploadFile],
            File(alias="files[]", description="images: png, jpeg, webp, tiff, bmp, gif"),
        ],
        request: Annotated[str, Form(description=REQUEST_DOC)] = "{}",
        idempotency_key: Annotated[
            str | None, Header(alias="Idempotency-Key", max_length=255)
        ] = None,
    ) -> dict[str, Any]:
        job, replayed = api.submit(request, files, idempotency_key)
        response.headers["Location"] = f"/v1/jobs/{job.id}"
        if replayed:
            response.headers["Idempotent-Replayed"] = "true"
            return api.job_dict(job)
        return accepted(job).to_dict()

    @app.get(
        "/v1/jobs/{job_id}",
        response_model=JobModel,
        response_model_exclude_unset=True,
        dependencies=auth,
        summary="A job; ?wait=N long-polls up to N seconds for it to finish",
        responses=_err(401, 404, 410, 421, 422),
    )
    async def get_job(
        job_id: str,
        wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
    ) -> dict[str, Any]:
        job = await api.wait(job_id, wait)
        return await anyio.to_thread.run_sync(api.job_dict, job)

    @app.get(
        "/v1/jobs/{job_id}/download",
        dependencies=auth,
        summary="The output file; a zip when the job has several",
        response_class=Response,
        responses={
            200: {
                "description": "the output (txt, hocr, json, tsv, alto…) or a zip of them",
                "content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "application/json": {"schema": {}},
                    "text/tab-separated-values": {"schema": {"type": "string"}},
                    "application/zip": {"schema": {"type": "string", "format": "binary"}},
                },
            },
            **_err(401, 404, 409, 410, 421, 422),
        },
    )
    def download(
        job_id: str,
        output: Annotated[str | None, Query(max_length=20, description="one output id")] = None,
    ) -> Response:
        return api.download(job_id, output)

    @app.get(
        "/v1/jobs",
        response_model=JobList,
        response_model_exclude_unset=True,
        dependencies=auth,
        summary="Stored jobs, newest first",
        responses=_err(401, 421, 422),
    )
    def list_jobs(
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
        page: Annotated[int | None, Query(ge=1, le=10**7, description="1-based; sets offset")] = (
            None
        ),
        status: JobStatus | None = None,
        client_reference_id: Annotated[str | None, Query(max_length=500)] = None,
    ) -> dict[str, Any]:
        if page is not None:
            offset = (page - 1) * limit
        result = manager.store.list(
            limit=limit, offset=offset, status=status, client_reference_id=client_reference_id
        )
        return {
            "jobs": [job.to_dict() for job in result.jobs],
            "total": result.total,
            "limit": limit,
            "offset": offset,
            "page": offset // limit + 1,
            "has_more": offset + len(result.jobs) < result.total,
        }

    @app.delete(
        "/v1/jobs/{job_id}",
        response_model=Deleted,
        dependencies=auth,
        summary="Cancel the job if it runs, then delete it and its files",
        responses=_err(401, 404, 410, 421, 503, 507),
    )
    def delete_job(job_id: str) -> Deleted:
        job = api.get(job_id)
        manager.delete(job.id)
        return Deleted(id=job.id, deleted=True)

    @app.get(
        "/v1/health",
        response_model=Health,
        summary="Liveness (no token needed)",
        dependencies=[Depends(reject_unknown_query)],
        responses=_err(421),
    )
    def health() -> Health:
        missing = [MissingEngine(name=n, message=m) for n, m in missing_engines().items()]
        usable = len(missing) < len(ENGINES)
        return Health(
            status="ok" if not missing else "degraded" if usable else "engine_unavailable",
            version=__version__,
            engine=manager.engine.name,
            engine_version=manager.engine.version() or "unknown",
            queue_length=manager.queue_length(),
            missing_engines=missing,
        )

    @app.get(
        "/v1/languages",
        response_model=Languages,
        dependencies=auth,
        summary="Installed language packs",
        responses=_err(401, 421),
    )
    def languages() -> Languages:
        return Languages(languages=manager.engine.languages(), default="eng")

    @app.get(
        "/v1/engines",
        response_model=Engines,
        dependencies=auth,
        summary="OCR engines: the values of options.engine besides auto",
        responses=_err(401, 421),
    )
    def engines() -> Engines:
        return Engines(
            default=AUTO,
            engines=[
                EngineInfo(
                    name=name,
                    installed=(eng := get_engine(name)).is_installed(),
                    version=eng.version(),
                    languages=eng.languages(),
                )
                for name in ENGINES
            ],
        )

    add_search_route(
        app, IndexSource(lambda: manager.store.root, index), auth, _err(401, 421, 422, 503)
    )
    return app


__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "OcrError", "create_app"]
