"""What the history shows once: identical results, and failures that no retry can change
(issue 9, defect 10)."""

from __future__ import annotations

import json
from typing import Any

from app.core.job import FAILED, SUCCEEDED, Job

#: Error codes of failures that depend only on the input: the same image fails again.
PERMANENT_CODES: frozenset[str] = frozenset(
    {
        "invalid_image",
        "unsupported_media_type",
        "image_too_large",
        "payload_too_large",
        "invalid_request",
    }
)


def same_result_key(job: Job) -> str | None:
    """Equal for jobs that read the same images with the same options into the same text (a
    capture of an unchanged screen, a cached extract repeated); None for a job that is not a
    success or whose images have no recorded hash."""
    if job.status != SUCCEEDED or not job.inputs or not all(i.sha256 for i in job.inputs):
        return None
    parts: dict[str, Any] = {
        "images": [i.sha256 for i in job.inputs],
        "operation": job.operation,
        "options": job.options.to_dict(),
        "text": job.text,
    }
    return json.dumps(parts, sort_keys=True)


def retry_can_help(job: Job) -> bool:
    """False for a failure that only the input decides (not a supported image, too large)."""
    if job.status != FAILED or not job.error:
        return True
    return job.error.get("code") not in PERMANENT_CODES
