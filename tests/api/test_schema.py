"""Schemathesis against the API's OpenAPI document: generated requests for every operation
sent to a real server; no 5xx, and answers that match the documented schemas and statuses."""

from __future__ import annotations

from typing import Any, cast

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.api.app import create_app
from app.jobs import JobManager
from tests.api.conftest import TOKEN, Api

# The document is the one /openapi.json serves (checked below); building it needs no manager.
SPEC = create_app(cast(JobManager, None), "unused").openapi()
schema = schemathesis.openapi.from_dict(SPEC)


def test_served_document_is_the_tested_one(api: Api) -> None:
    assert api.client.get("/openapi.json").json() == SPEC


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_generated_requests(case: Any, api: Api) -> None:
    # A schema cannot say "the bytes of a real image": generated files are refused with 415,
    # so "schema-valid data is accepted" does not apply to the upload. Every other check does.
    excluded = [positive_data_acceptance] if case.path == "/v1/ocr" else []
    case.call_and_validate(
        base_url=api.url,
        headers={"Authorization": f"Bearer {TOKEN}"},
        excluded_checks=excluded,
    )
