"""The job object: the contract shared by the HTTP API, the CLI (``jobs --json``) and the store."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import PurePath
from typing import Any

from app.core.options import FORMAT_EXTENSION, FORMAT_MIME, OcrOptions

QUEUED, PROCESSING, SUCCEEDED, FAILED, CANCELED = (
    "queued",
    "processing",
    "succeeded",
    "failed",
    "canceled",
)
STATUSES = (QUEUED, PROCESSING, SUCCEEDED, FAILED, CANCELED)
FINAL_STATUSES = frozenset({SUCCEEDED, FAILED, CANCELED})

DEFAULT_TTL_HOURS = 24
DEFAULT_MAX_TTL_HOURS = 24 * 30


def new_job_id() -> str:
    return f"job_{uuid.uuid4().hex}"


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime | None) -> str | None:
    """``2026-05-02T00:00:00.123Z``: UTC, milliseconds, sortable as text."""
    if dt is None:
        return None
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass
class JobInput:
    filename: str
    format: str
    mime_type: str
    size_bytes: int
    sha256: str = ""
    error: str | None = None

    def public(self) -> dict[str, Any]:
        data = {
            "filename": self.filename,
            "format": self.format,
            "mime_type": self.mime_type,
            "size_bytes": self.size_bytes,
        }
        if self.error:
            data["error"] = self.error
        return data


@dataclass
class JobOutput:
    id: str
    filename: str
    format: str
    mime_type: str
    size_bytes: int

    def public(self) -> dict[str, Any]:
        return asdict(self)


def output_filename(input_name: str, fmt: str, taken: set[str]) -> str:
    """``scan.png`` → ``scan.txt``; made unique within a job (``scan-2.txt``)."""
    stem = PurePath(input_name).stem or "output"
    ext = FORMAT_EXTENSION[fmt]
    name, n = f"{stem}.{ext}", 2
    while name in taken:
        name, n = f"{stem}-{n}.{ext}", n + 1
    taken.add(name)
    return name


def make_output(index: int, input_name: str, fmt: str, size: int, taken: set[str]) -> JobOutput:
    return JobOutput(
        str(index),
        output_filename(input_name, fmt, taken),
        fmt,
        FORMAT_MIME[fmt].split(";")[0],
        size,
    )


@dataclass
class Job:
    id: str
    operation: str = "extract_text"
    options: OcrOptions = field(default_factory=OcrOptions)
    status: str = QUEUED
    current_stage: str = QUEUED
    progress: int = 0
    tool_slug: str = "image-to-text"
    client_reference_id: str | None = None
    source: str = "cli"  # cli, api, gui, capture
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    ttl_hours: int = DEFAULT_TTL_HOURS
    clamp: bool = True
    inputs: list[JobInput] = field(default_factory=list)
    outputs: list[JobOutput] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: dict[str, str] | None = None
    confidence: float | None = None
    text: str = ""
    idempotency_key: str | None = None
    request_hash: str | None = None
    cached: bool = False
    engine: str = ""  # the engine(s) that read it, e.g. "rapidocr" (internal, for the window)

    @property
    def expires_at(self) -> datetime:
        return self.created_at + timedelta(hours=self.ttl_hours)

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def layout(self) -> bool:
        return self.operation == "extract_text_with_layout"

    @property
    def display_name(self) -> str:
        if not self.inputs:
            return self.id
        if len(self.inputs) == 1:
            return self.inputs[0].filename
        return f"{self.inputs[0].filename} (+{len(self.inputs) - 1})"

    @property
    def duration(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    def stages(self) -> list[dict[str, Any]]:
        """Derived from the status: queued, then processing."""
        queued = {"name": QUEUED, "progress": 100, "status": "succeeded"}
        processing = {"name": PROCESSING, "progress": self.progress, "status": "pending"}
        if self.status == QUEUED:
            queued.update(progress=0, status="running")
        elif self.status == PROCESSING:
            processing["status"] = "running"
        elif self.status == SUCCEEDED:
            processing.update(progress=100, status="succeeded")
        elif self.status == FAILED:
            processing["status"] = "failed"
        elif self.status == CANCELED:
            if self.started_at is None:
                queued.update(progress=0, status="canceled")
            else:
                processing["status"] = "canceled"
        return [queued, processing]

    def to_dict(self, result_json: dict[str, Any] | None = None) -> dict[str, Any]:
        """The public job object (see ARCHITECTURE.md)."""
        data: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "current_stage": self.current_stage,
            "progress": self.progress,
            "operation": self.operation,
            "tool_slug": self.tool_slug,
            "client_reference_id": self.client_reference_id,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "expires_at": iso(self.expires_at),
            "poll_url": f"/v1/jobs/{self.id}",
            "download_url": f"/v1/jobs/{self.id}/download" if self.status == SUCCEEDED else None,
            "options": self.options.to_dict(),
            "stages": self.stages(),
            "inputs": [i.public() for i in self.inputs],
            "outputs": [o.public() for o in self.outputs],
            "result_json": result_json,
            "retention_policy": {"ttl_hours": self.ttl_hours, "clamp": self.clamp},
            "warnings": list(self.warnings),
            "error": self.error,
        }
        return data

    # -- storage ---------------------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        data = asdict(self)
        data["options"] = self.options.to_dict()
        for key in ("created_at", "updated_at", "started_at", "finished_at"):
            data[key] = iso(getattr(self, key))
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Job:
        data = dict(data)
        data["options"] = OcrOptions.from_dict(data.get("options") or {})
        data["inputs"] = [JobInput(**i) for i in data.get("inputs") or []]
        data["outputs"] = [JobOutput(**o) for o in data.get("outputs") or []]
        for key in ("created_at", "updated_at", "started_at", "finished_at"):
            data[key] = parse_iso(data.get(key))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})
