"""Pydantic models of every request and response body (they make /openapi.json)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.job import DEFAULT_TTL_HOURS

JobStatus = Literal["queued", "processing", "succeeded", "failed", "canceled"]


# -- request ---------------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RequestOptions(_Strict):
    """``options`` of the ``request`` part. ``psm`` and ``preprocess`` are local extensions."""

    detect_orientation: bool = False
    language: str = Field(
        default="eng", max_length=200, description="installed packs, e.g. eng or eng+deu"
    )
    output_format: Literal["txt", "hocr", "json", "tsv", "csv", "alto", "pdf", "md"] = Field(
        default="txt",
        description="csv: the tables on the image (a receipt's items for parse_receipt); md: "
        "Markdown, tables as tables; alto: ALTO XML 4; pdf: searchable PDF",
    )
    psm: str | int = Field(
        default="auto",
        description=(
            "page segmentation: auto, single_column, single_block, single_line, sparse or 1-13"
        ),
    )
    preprocess: bool = True
    engine: Literal["auto", "tesseract", "rapidocr"] = Field(
        default="auto",
        description=(
            "auto picks per image (Tesseract for screenshots and documents, PP-OCR for photos, "
            "receipts and labels); GET /v1/engines lists them"
        ),
    )
    text_mode: Literal["lines", "paragraphs", "single_line"] = Field(
        default="lines",
        description=(
            "txt layout (local extension): lines as on the image, paragraphs (each on one line, "
            "end-of-line hyphens undone) or single_line"
        ),
    )
    barcodes: bool = Field(
        default=True,
        description="read barcodes and QR codes too (local extension): result_json.barcodes "
        "[{format, text, bbox}], appended to txt",
    )
    pdf_text: Literal["auto", "ocr", "embedded"] = Field(
        default="auto",
        description=(
            "a PDF's own text layer (local extension): auto uses it on pages that have one, "
            "ocr always reads the rendered pages, embedded only the text layer"
        ),
    )


class RetentionRequest(_Strict):
    ttl_hours: int = Field(default=DEFAULT_TTL_HOURS, ge=1, le=100_000)
    clamp: bool = Field(default=True, description="clamp ttl_hours to the maximum, else reject")


class OcrRequest(_Strict):
    """The JSON in the ``request`` form field of ``POST /v1/ocr``. Unknown keys are rejected."""

    operation: Literal["extract_text", "extract_text_with_layout", "parse_receipt"] = Field(
        default="extract_text",
        description="parse_receipt (local extension): the text plus result_json.receipt",
    )
    options: RequestOptions = Field(default_factory=RequestOptions)
    tool_slug: str = Field(default="image-to-text", max_length=200)
    client_reference_id: str | None = Field(default=None, max_length=500)
    retention_policy: RetentionRequest | None = None


# -- responses --------------------------------------------------------------------------------
class ErrorBody(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no job with id job_123"])


class ErrorEnvelope(BaseModel):
    """Every error, on every route."""

    error: ErrorBody


class JobOptions(BaseModel):
    language: str
    detect_orientation: bool
    psm: str
    output_format: str
    preprocess: bool
    engine: str
    text_mode: str = "lines"
    pdf_text: str = "auto"
    barcodes: bool = True


class Stage(BaseModel):
    name: str
    progress: int
    status: str


class JobInputModel(BaseModel):
    filename: str
    format: str
    mime_type: str
    size_bytes: int
    error: str | None = Field(default=None, description="present when this input failed")


class JobOutputModel(BaseModel):
    id: str
    filename: str
    format: str
    mime_type: str
    size_bytes: int


class RetentionPolicy(BaseModel):
    ttl_hours: int
    clamp: bool


class JobModel(BaseModel):
    """The public job object (``Job.to_dict``), shared with ``imagehq-ocr jobs --json``."""

    id: str
    status: JobStatus
    current_stage: str
    progress: int = Field(ge=0, le=100)
    operation: str
    tool_slug: str
    client_reference_id: str | None
    created_at: str
    updated_at: str | None
    started_at: str | None
    finished_at: str | None
    expires_at: str
    poll_url: str
    download_url: str | None
    options: JobOptions
    stages: list[Stage]
    inputs: list[JobInputModel]
    outputs: list[JobOutputModel]
    result_json: dict[str, Any] | None = Field(
        description="confidence (0-1), text, language, orientation; pages with blocks, "
        "paragraphs, lines and word boxes for extract_text_with_layout; documents for a batch; "
        "receipt (merchant, address, date, date_text, time, currency, subtotal, tax, total, "
        "payment_method, items, fields with confidence and boxes, warnings) for parse_receipt"
    )
    retention_policy: RetentionPolicy
    warnings: list[str]
    error: ErrorBody | None


class JobList(BaseModel):
    jobs: list[JobModel] = Field(description="newest first; result_json is null here")
    total: int
    limit: int
    offset: int
    page: int
    has_more: bool


class Deleted(BaseModel):
    id: str
    deleted: bool


class MissingEngine(BaseModel):
    name: str = Field(examples=["tesseract"])
    message: str  # how to install it


class Health(BaseModel):
    #: ok: every engine is installed; degraded: some are missing (requests still run, on the
    #: others); engine_unavailable: none is, so every POST /v1/ocr answers 503
    status: Literal["ok", "degraded", "engine_unavailable"]
    version: str
    engine: str
    engine_version: str
    queue_length: int
    missing_engines: list[MissingEngine] = []


class EngineInfo(BaseModel):
    name: str = Field(examples=["rapidocr"])
    installed: bool
    version: str = Field(examples=["3.10.0 (PP-OCRv6 small)"])
    languages: list[str]


class Engines(BaseModel):
    """``options.engine`` takes ``auto`` or one of these names."""

    default: str = Field(examples=["auto"])
    engines: list[EngineInfo]


class SearchBox(BaseModel):
    text: str
    bbox: list[int | float] = Field(description="[x0, y0, x1, y1], pixels of the image")
    page: int = Field(description="0-based page (PDF, multi-page TIFF)")


class SearchHit(BaseModel):
    path: str
    score: float = Field(description="bm25 relevance: higher is better")
    snippet: str = Field(description="the text around the hit, each hit in [ … ]")
    boxes: list[SearchBox] = Field(description="the boxes of the words that matched")


class SearchResults(BaseModel):
    query: str
    hits: list[SearchHit]


class Languages(BaseModel):
    languages: list[str]
    default: str
