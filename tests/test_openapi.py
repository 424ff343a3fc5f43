"""Property tests of the HTTP API against its own OpenAPI document (schemathesis).

schemathesis generates requests from ``/openapi.json`` (valid and invalid ones) and checks
every response against the document: status codes, content types, response schemas, no
server errors, 405 with ``Allow`` for undeclared methods.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import negative_data_rejection

from cleaner.web import create_app

# Examples per operation: enough to cover every media type and option kind, small enough
# that the whole file runs in well under a minute on the project machine.
MAX_EXAMPLES = 30


@pytest.fixture(autouse=True)
def _single_process_metrics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: schemathesis.SerializationContext, value: Any) -> bytes:
    """The batch body is documented as an array of lines: send one JSON value per line."""
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item, default=str) + "\n" for item in items).encode()


schema = schemathesis.openapi.from_wsgi(
    "/openapi.json", create_app({"TESTING": True, "WARM_UP": False})
)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_matches_its_openapi_document(case: schemathesis.Case) -> None:
    # Every query value is a string on the wire, so a "negated" query value (a boolean where
    # a list is declared, ...) often is a valid value once sent: only bodies and headers are
    # held to "invalid data is rejected". Everything else is checked on every case.
    # A batch answers 200 and reports each bad line inside the stream, by design.
    excluded = []
    negative_query = case.meta is not None and case.meta.is_negative_at(ParameterLocation.QUERY)
    if negative_query or case.path == "/v1/clean/batch":
        excluded.append(negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)
