"""``GET /openapi.json``: the OpenAPI 3.1 description of the service, written as data.

The document below is the contract; ``tests/test_openapi.py`` runs schemathesis against it.
Two parts are filled in from the running code so they cannot drift: the option schema
(from the fields of :class:`cleaner.CleanOptions`) and the configured limits.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, current_app, json

import cleaner
from cleaner.options import LINE_CATEGORIES, NORMALIZATIONS

bp = Blueprint("openapi", __name__)

# Schema of an option value, keyed by the annotation of the CleanOptions field.
OPTION_KIND_SCHEMAS: dict[str, dict[str, Any]] = {
    "bool": {"type": "boolean"},
    "float": {"type": "number", "minimum": 0, "maximum": 1},
    "tuple[str, ...]": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "frozenset[str]": {
        "type": "array",
        "items": {"type": "string", "enum": sorted(LINE_CATEGORIES)},
    },
    "str | None": {"enum": [*NORMALIZATIONS, None]},
}

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "option": {"type": ["string", "null"], "description": "The invalid option, for 422."},
        "request_id": {"type": "string"},
    },
}

STEP_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["stage", "action", "reason"],
    "properties": {
        "stage": {"type": "string"},
        "action": {"type": "string"},
        "reason": {"type": "string"},
        "detail": {"type": "string"},
        "line": {"type": "integer"},
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "before": {"type": "string"},
        "after": {"type": "string"},
        "confidence": {"type": "number"},
    },
}

DECODING_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["encoding", "confidence", "candidates"],
    "properties": {
        "encoding": {"type": "string"},
        "confidence": {"type": "number"},
        "language": {"type": ["string", "null"]},
        "declared": {"type": ["string", "null"]},
        "declared_used": {"type": "boolean"},
        "candidates": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["encoding", "score"],
                "properties": {"encoding": {"type": "string"}, "score": {"type": "number"}},
            },
        },
    },
}

REPORT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The clean text and how it was made (CleanResult.to_dict()).",
    "required": ["text", "repairs", "removed_lines", "stats"],
    "properties": {
        "text": {"type": "string"},
        "encoding": {"type": ["string", "null"], "description": "null when the input was text"},
        "confidence": {"type": ["number", "null"]},
        "decoding": {"oneOf": [{"$ref": "#/components/schemas/Decoding"}, {"type": "null"}]},
        "changed": {"type": "boolean"},
        "repairs": {"type": "array", "items": {"$ref": "#/components/schemas/Step"}},
        "removed_lines": {"type": "array", "items": {"$ref": "#/components/schemas/Step"}},
        "stats": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}

# base64 as Python's b64decode(validate=True) accepts it: groups of 4, padded.
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"

TEXT_DOCUMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "The document as text."},
        "options": {"$ref": "#/components/schemas/Options"},
    },
}

BYTES_DOCUMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["base64"],
    "additionalProperties": False,
    "properties": {
        "base64": {
            "type": "string",
            "pattern": BASE64_PATTERN,
            "contentEncoding": "base64",
            "description": "The document as base64-encoded bytes of any encoding.",
        },
        "encoding": {
            "type": "string",
            "enum": [
                "utf-8",
                "utf-16",
                "cp1252",
                "latin-1",
                "cp1251",
                "koi8-r",
                "shift_jis",
                "gb18030",
            ],
            "description": "Declared charset of the bytes: honoured when it decodes them, else the "
            "encoding is detected and the report says so. Any Python text codec is accepted; "
            "an unknown or non-text codec (rot13, base64 ...) is a 415.",
        },
        "options": {"$ref": "#/components/schemas/Options"},
    },
}


def _with_id(schema: dict[str, Any]) -> dict[str, Any]:
    """A document schema that also takes the caller's ``id`` (echoed in the output line)."""
    out = copy.deepcopy(schema)
    out["properties"]["id"] = {"description": "Any JSON value; echoed in the output line."}
    return out


OPTIONS_QUERY_NOTE = (
    "Every cleaning option may also be given as a query parameter (booleans as true/false, "
    "lists comma-separated or repeated); options in a JSON body override them."
)

_ERRORS = {
    "400": "Malformed request: invalid JSON, empty body, bad base64, unknown or missing fields.",
    "401": "API keys are configured and the request has no valid Bearer key.",
    "408": "The request body did not arrive within the read timeout.",
    "413": "Body or document over the configured limit (refused before reading when "
    "Content-Length says so).",
    "415": "Unsupported content type, or a declared charset that is not a text encoding.",
    "422": "Invalid options: unknown name, wrong type or out of range; `option` names it.",
    "503": "The request hit the per-request time limit.",
}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def _errors(*codes: str) -> dict[str, Any]:
    return {code: _problem(_ERRORS[code]) for code in codes}


BINARY_BODY: dict[str, Any] = {"schema": {"type": "string", "format": "binary", "minLength": 1}}
TEXT_BODY: dict[str, Any] = {"schema": {"type": "string", "minLength": 1}}

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "cleaner",
        "summary": "Repair text encoding and remove boilerplate, with a trace of every change.",
        "description": (
            "Errors are application/problem+json (RFC 9457). Invalid options are always 422. "
            + OPTIONS_QUERY_NOTE
        ),
        "version": cleaner.__version__,
    },
    "paths": {
        "/v1/clean": {
            "post": {
                "operationId": "clean",
                "summary": "Clean one document.",
                "description": (
                    "text/plain: decoded with its declared charset when that is a text encoding "
                    "that decodes the body, else detected (the report says which). "
                    "application/octet-stream: raw bytes, encoding detected. application/json: "
                    "{text} or {base64, encoding?}, with optional options; answers the JSON "
                    "report. For text/plain and octet-stream bodies the answer is the clean "
                    "text unless the client sends Accept: application/json. " + OPTIONS_QUERY_NOTE
                ),
                "parameters": "OPTION_PARAMETERS",
                "requestBody": {
                    "required": True,
                    "content": {
                        "text/plain": TEXT_BODY,
                        "application/octet-stream": BINARY_BODY,
                        "application/json": {"schema": {"$ref": "#/components/schemas/Document"}},
                    },
                },
                "responses": {
                    "200": {
                        "description": "The clean text, or the JSON report.",
                        "content": {
                            "text/plain": {"schema": {"type": "string"}},
                            "application/json": {"schema": {"$ref": "#/components/schemas/Report"}},
                        },
                    },
                    **_errors("400", "401", "408", "413", "415", "422", "503"),
                },
            }
        },
        "/v1/clean/batch": {
            "post": {
                "operationId": "cleanBatch",
                "summary": "Clean many documents: NDJSON in, NDJSON out, streamed.",
                "description": (
                    "Each non-blank input line is a JSON object {id?, text | base64, encoding?, "
                    "options?}. Each gives one output line, in input order: {id, line, result} "
                    "or {id, line, error} (a problem document); a bad line does not stop the "
                    "batch. A batch-wide stop (more lines than MAX_BATCH_LINES, body over "
                    "MAX_BATCH_BYTES or read timeout) ends the stream with one "
                    "{line, aborted: true, error} record. The client should read the response "
                    "while it sends (the service streams). " + OPTIONS_QUERY_NOTE
                ),
                "parameters": "OPTION_PARAMETERS",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-ndjson": {
                            "schema": {"$ref": "#/components/schemas/BatchLines"},
                        },
                    },
                },
                "responses": {
                    "200": {
                        "description": "One JSON object per input line.",
                        "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                    },
                    **_errors("400", "401", "408", "413", "415", "422"),
                },
            }
        },
        "/v1/detect": {
            "post": {
                "operationId": "detect",
                "summary": "Detect the encoding of raw bytes.",
                "requestBody": {
                    "required": True,
                    "content": {"application/octet-stream": BINARY_BODY, "text/plain": TEXT_BODY},
                },
                "responses": {
                    "200": {
                        "description": "The decoding report.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Decoding"}
                            }
                        },
                    },
                    **_errors("400", "401", "408", "413", "415", "503"),
                },
            }
        },
        "/healthz": {
            "get": {
                "operationId": "healthz",
                "summary": "Liveness.",
                "security": [],
                "responses": {
                    "200": {
                        "description": "The process serves requests.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Status"}}
                        },
                    }
                },
            }
        },
        "/readyz": {
            "get": {
                "operationId": "readyz",
                "summary": "Readiness: lexicons loaded and one document cleaned.",
                "security": [],
                "responses": {
                    "200": {
                        "description": "Ready.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Status"}}
                        },
                    },
                    "503": _problem("Warm-up failed."),
                },
            }
        },
        "/metrics": {
            "get": {
                "operationId": "metrics",
                "summary": "Prometheus metrics (aggregated across gunicorn workers).",
                "security": [],
                "responses": {
                    "200": {
                        "description": "Prometheus text exposition format.",
                        "content": {"text/plain": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document.",
                "security": [],
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1 document.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/": {
            "get": {
                "operationId": "playground",
                "summary": "The playground page.",
                "security": [],
                "responses": {
                    "200": {
                        "description": "HTML page.",
                        "content": {"text/html": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Options": "OPTIONS_SCHEMA",
            "Document": {"oneOf": [TEXT_DOCUMENT_SCHEMA, BYTES_DOCUMENT_SCHEMA]},
            "BatchLines": {
                "description": "The NDJSON body: each item of this array is one line.",
                "type": "array",
                "minItems": 1,
                "items": {
                    "oneOf": [_with_id(TEXT_DOCUMENT_SCHEMA), _with_id(BYTES_DOCUMENT_SCHEMA)]
                },
            },
            "Report": REPORT_SCHEMA,
            "Step": STEP_SCHEMA,
            "Decoding": DECODING_SCHEMA,
            "Problem": PROBLEM_SCHEMA,
            "Status": {
                "type": "object",
                "required": ["status"],
                "properties": {"status": {"type": "string"}},
            },
        },
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    },
    # The POST routes need a key only when API_KEYS is configured: both ways are listed.
    "security": [{}, {"bearer": []}],
}


def options_schema() -> dict[str, Any]:
    """JSON schema of the ``options`` object, from the fields of ``CleanOptions``.

    >>> options_schema()["properties"]["explain"]
    {'type': 'boolean', 'default': True}
    """
    properties: dict[str, Any] = {}
    for f in dataclasses.fields(cleaner.CleanOptions):
        schema = dict(OPTION_KIND_SCHEMAS.get(str(f.type), {}))
        if f.default is not dataclasses.MISSING:
            default = f.default
            schema["default"] = list(default) if isinstance(default, tuple) else default
        elif f.default_factory is not dataclasses.MISSING:
            schema["default"] = []
        properties[f.name] = schema
    return {"type": "object", "additionalProperties": False, "properties": properties}


def option_parameters(options: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One optional query parameter per option (lists as repeated parameters)."""
    params = []
    for name, schema in options["properties"].items():
        params.append({"name": name, "in": "query", "required": False, "schema": schema})
    return params


def build_document(config: Mapping[str, Any]) -> dict[str, Any]:
    """The OpenAPI document for an app with ``config`` (limits are stated in it)."""
    doc = copy.deepcopy(DOCUMENT)
    options = options_schema()
    doc["components"]["schemas"]["Options"] = options
    for path in doc["paths"].values():
        for operation in path.values():
            if operation.get("parameters") == "OPTION_PARAMETERS":
                operation["parameters"] = option_parameters(options)
    doc["info"]["description"] += (
        f" Limits of this instance: body {config['MAX_BODY_BYTES']} bytes, document "
        f"{config['MAX_DOCUMENT_CHARS']} characters, batch {config['MAX_BATCH_LINES']} lines "
        f"and {config['MAX_BATCH_BYTES']} bytes, {config['REQUEST_TIME_LIMIT']:g} s per request."
    )
    return doc


@bp.get("/openapi.json")
def openapi_json() -> Response:
    """The OpenAPI document."""
    return Response(
        json.dumps(build_document(current_app.config)) + "\n", mimetype="application/json"
    )
