"""The FastAPI application: ``/v1/ocr`` and friends, all talking to one JobManager.

The routes are declared here; what they do is ``service``, the checks of what a request brings
``request_checks``, and what the schema says beyond FastAPI's own ``openapi``."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

import anyio
from fastapi import (
    Depends,
    FastAPI,
    File,
    Form,
    Header,
    Query,
    Response,
    Security,
    UploadFile,
)
from fastapi.security import HTTPBearer

from app import __version__
from app.api.errors import install_handlers
from app.api.middleware import Guard
from app.api.models import (
    Deleted,
    EngineInfo,
    Engines,
    Health,
    JobList,
    JobModel,
    JobStatus,
    Languages,
    MissingEngine,
)
from app.api.openapi import REQUEST_DOC, error_responses, install_openapi
from app.api.request_checks import parse_request, reject_unknown_query, request_options
from app.api.request_checks import safe_name as _safe_name  # noqa: F401  (tests import it here)
from app.api.search import IndexSource, add_search_route
from app.api.service import ApiService
from app.core.engines import AUTO, ENGINES, get_engine, missing_engines
from app.core.errors import OcrError
from app.core.index.db import IndexDB
from app.core.job import QUEUED, Job
from app.jobs import JobManager

MAX_WAIT_SECONDS = 30.0
DEFAULT_MAX_UPLOAD_BYTES = 50 * 2**20
DEFAULT_MAX_FILES = 100

bearer = HTTPBearer(auto_error=False, description="the token `imagehq-ocr serve` prints")


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
    api = ApiService(manager, max_files, max_queue)
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
        responses=error_responses(400, 401, 409, 413, 415, 421, 422, 429, 503, 507),
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
        responses=error_responses(401, 404, 410, 421, 422),
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
            **error_responses(401, 404, 409, 410, 421, 422),
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
        responses=error_responses(401, 421, 422),
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
        responses=error_responses(401, 404, 410, 421, 503, 507),
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
        responses=error_responses(421),
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
        responses=error_responses(401, 421),
    )
    def languages() -> Languages:
        return Languages(languages=manager.engine.languages(), default="eng")

    @app.get(
        "/v1/engines",
        response_model=Engines,
        dependencies=auth,
        summary="OCR engines: the values of options.engine besides auto",
        responses=error_responses(401, 421),
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
        app,
        IndexSource(lambda: manager.store.root, index),
        auth,
        error_responses(401, 421, 422, 503),
    )
    return app


__all__ = [
    "DEFAULT_MAX_UPLOAD_BYTES",
    "OcrError",
    "create_app",
    "parse_request",
    "request_options",
]
