"""How the API documents itself: the error answers each route may give, and the multipart
body of ``POST /v1/ocr`` in the OpenAPI schema (``/openapi.json``)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.api.models import ErrorEnvelope, OcrRequest


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
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
