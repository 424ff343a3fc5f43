"""The cleaning API: ``POST /v1/clean``, ``POST /v1/clean/batch``, ``POST /v1/detect``.

Views parse the request, call the library (``cleaner.clean``, ``cleaner.detect_encoding``,
``cleaner.options_from_mapping``) and return its result; they hold no cleaning logic.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, g, request, stream_with_context

import cleaner
from cleaner import CleanerError, CleanOptions, CleanResult, InvalidOptions
from cleaner.web.bodies import (
    BodyReader,
    TimeLimitExceeded,
    check_content_length,
    time_limit,
    too_large,
)
from cleaner.web.errors import Problem, problem_from_cleaner_error
from cleaner.web.metrics import Metrics, get_metrics, record_document

bp = Blueprint("api", __name__, url_prefix="/v1")

T = TypeVar("T")

_log = logging.getLogger("cleaner.web")

TEXT_TYPE = "text/plain"
BYTES_TYPE = "application/octet-stream"
JSON_TYPE = "application/json"
NDJSON_TYPE = "application/x-ndjson"
# Media types accepted for a batch body (all mean "one JSON value per line").
NDJSON_TYPES = frozenset(
    {
        NDJSON_TYPE,
        "application/ndjson",
        "application/jsonl",
        "application/x-jsonlines",
        "application/jsonlines",
    }
)
CLEAN_TYPES = (TEXT_TYPE, BYTES_TYPE, JSON_TYPE)
DETECT_TYPES = (BYTES_TYPE, TEXT_TYPE)
# Fields of a JSON document (single request or one batch line).
DOCUMENT_FIELDS = frozenset({"text", "base64", "encoding", "options"})
BATCH_FIELDS = DOCUMENT_FIELDS | {"id"}


@dataclass(frozen=True, slots=True)
class Document:
    """One document to clean: its data, a declared charset for bytes, and loose options."""

    data: str | bytes
    declared: str | None = None
    options: Mapping[str, Any] | None = None


# ---- request parsing -------------------------------------------------------------------


def unsupported_type(allowed: tuple[str, ...] | frozenset[str]) -> Problem:
    """The 415 problem listing the accepted media types."""
    given = request.mimetype or "none"
    return Problem(
        415,
        "unsupported-media-type",
        "Unsupported Media Type",
        f"content type {given!r} is not accepted here; use one of {sorted(allowed)}",
    )


def query_options() -> dict[str, Any]:
    """Options given as query parameters (a repeated parameter gives a list)."""
    out: dict[str, Any] = {}
    for name in request.args:
        values = request.args.getlist(name)
        out[name] = values[0] if len(values) == 1 else values
    return out


def build_options(*layers: Mapping[str, Any] | None) -> CleanOptions:
    """Merge loose option layers (later wins) through the library's one validator."""
    merged: dict[str, Any] = {}
    for layer in layers:
        if layer:
            merged.update(layer)
    return cleaner.options_from_mapping(merged)


# JSON types an option value must have in a JSON body, by CleanOptions field annotation.
# (Query parameters are strings; options_from_mapping parses those.)
JSON_OPTION_TYPES: dict[str, tuple[type, ...]] = {
    "bool": (bool,),
    "float": (int, float),
    "tuple[str, ...]": (list,),
    "frozenset[str]": (list,),
    "str | None": (str, type(None)),
}
_JSON_TYPE_NAMES = {bool: "a boolean", int: "a number", list: "a list", str: "a string"}


def check_json_option_types(options: Mapping[str, Any]) -> None:
    """Refuse option values whose JSON type is wrong (``"true"`` for a boolean ...).

    >>> check_json_option_types({"explain": False, "languages": ["fr"]})
    >>> check_json_option_types({"explain": "no"})
    Traceback (most recent call last):
    ...
    cleaner.errors.InvalidOptions: option 'explain' must be a boolean in JSON
    """
    kinds = {f.name: str(f.type) for f in dataclasses.fields(CleanOptions)}
    for name, value in options.items():
        allowed = JSON_OPTION_TYPES.get(kinds.get(name, ""))
        if allowed is None:
            continue  # unknown names are refused by options_from_mapping
        wrong_bool = isinstance(value, bool) and bool not in allowed
        if wrong_bool or not isinstance(value, allowed):
            raise InvalidOptions(
                f"option {name!r} must be {_JSON_TYPE_NAMES[allowed[0]]} in JSON", name
            )
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise InvalidOptions(f"option {name!r} must be a list of strings", name)


def parse_json(body: bytes) -> Any:
    """Decode a JSON body, or raise the 400 problem.

    >>> parse_json(b'{"text": "x"}')
    {'text': 'x'}
    """
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as err:
        raise Problem(
            400, "invalid-json", "Invalid JSON", f"the body is not valid JSON: {err}"
        ) from None


def empty_body(detail: str = "the request body is empty") -> Problem:
    """The 400 problem for a request without content."""
    return Problem(400, "empty-body", "Empty body", detail)


def _field_problem(detail: str) -> Problem:
    return Problem(400, "invalid-request", "Invalid request", detail)


def document_from_json(payload: Any, allowed: frozenset[str] = DOCUMENT_FIELDS) -> Document:
    """Turn ``{"text": ...}`` or ``{"base64": ..., "encoding": ...}`` (+ ``options``) into a
    :class:`Document`; raise a 400 problem naming the wrong field.

    >>> document_from_json({"text": "abc", "options": {"explain": False}}).data
    'abc'
    >>> document_from_json({"base64": "Y2Fm6Q==", "encoding": "latin-1"}).data
    b'caf\\xe9'
    """
    if not isinstance(payload, dict):
        raise _field_problem("the JSON body must be an object with a 'text' or 'base64' field")
    unknown = sorted(str(k) for k in payload if k not in allowed)
    if unknown:
        raise _field_problem(f"unknown field {unknown[0]!r}; known fields: {sorted(allowed)}")
    options = payload.get("options", {})
    if not isinstance(options, dict):
        raise Problem(422, "invalid-options", "Invalid options", "'options' must be an object")
    if options:
        check_json_option_types(options)
    has_text, has_b64 = "text" in payload, "base64" in payload
    if has_text == has_b64:
        raise _field_problem("give exactly one of 'text' (a string) or 'base64' (encoded bytes)")
    declared = payload.get("encoding")
    if "encoding" in payload and (not isinstance(declared, str) or not declared):
        raise _field_problem("'encoding' must be a non-empty string")
    if has_text:
        text = payload["text"]
        if not isinstance(text, str):
            raise _field_problem("'text' must be a string")
        if "encoding" in payload:
            raise _field_problem("'encoding' applies to 'base64' input only")
        return Document(text, None, options)
    encoded = payload["base64"]
    if not isinstance(encoded, str):
        raise _field_problem("'base64' must be a string")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise _field_problem("'base64' is not valid base64") from None
    return Document(data, declared, options)


def read_body() -> bytes:
    """The request body under MAX_BODY_BYTES and BODY_READ_TIMEOUT."""
    config = current_app.config
    limit = config["MAX_BODY_BYTES"]
    check_content_length(request.content_length, limit)
    sock = request.environ.get("gunicorn.socket")
    with BodyReader(
        request.stream,
        max_bytes=limit,
        timeout=config["BODY_READ_TIMEOUT"],
        sock=sock,
        alarm=True,
    ) as reader:
        return reader.read_all()


def wants_json() -> bool:
    """True when the client prefers the JSON report over the bare clean text."""
    best = request.accept_mimetypes.best_match([TEXT_TYPE, JSON_TYPE])
    return best == JSON_TYPE


# ---- the library call ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits one clean runs under (copied from the app config)."""

    max_document_chars: int
    deadline: float  # time.monotonic() value

    @classmethod
    def from_config(cls, config: Mapping[str, Any], started: float) -> Limits:
        return cls(config["MAX_DOCUMENT_CHARS"], started + config["REQUEST_TIME_LIMIT"])


def time_limit_problem() -> Problem:
    """The 503 problem for a request that ran out of time."""
    return Problem(
        503,
        "time-limit",
        "Time limit exceeded",
        "cleaning did not finish within the per-request time limit; send a smaller document",
        headers={"Retry-After": "1"},
    )


def within_deadline(fn: Callable[[], T], deadline: float) -> T:
    """``fn()`` under the request's deadline (``time.monotonic()`` value), else the 503."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise time_limit_problem()
    try:
        with time_limit(remaining):
            return fn()
    except TimeLimitExceeded:
        raise time_limit_problem() from None


def run_clean(doc: Document, options: CleanOptions, limits: Limits) -> CleanResult:
    """Call the library under the document size cap and the request's time limit."""
    if len(doc.data) > limits.max_document_chars:
        raise too_large("document", limits.max_document_chars)
    return within_deadline(
        lambda: cleaner.clean(doc.data, options, declared_encoding=doc.declared), limits.deadline
    )


def json_response(payload: Any, status: int = 200) -> Response:
    """A JSON response with a trailing newline (clean ``curl`` output)."""
    return Response(json.dumps(payload) + "\n", status=status, mimetype=JSON_TYPE)


def _limits() -> Limits:
    return Limits.from_config(current_app.config, g.get("started", time.monotonic()))


# ---- authentication ------------------------------------------------------------------


@bp.before_request
def authenticate() -> None:
    """With API_KEYS configured, every route of this blueprint needs ``Bearer <key>``."""
    keys: tuple[str, ...] = current_app.config["API_KEYS"]
    if not keys:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    given = token.strip().encode()
    matched = False
    for key in keys:
        # Compare against every key so the time taken does not tell which one was close.
        matched |= hmac.compare_digest(given, key.encode())
    if scheme.lower() != "bearer" or not given or not matched:
        raise Problem(
            401,
            "unauthorized",
            "Unauthorized",
            "this endpoint needs an 'Authorization: Bearer <key>' header with a valid key",
            headers={"WWW-Authenticate": 'Bearer realm="cleaner"'},
        )


# ---- routes --------------------------------------------------------------------------


@bp.post("/clean")
def clean_document() -> Response:
    """Clean one document: text/plain, application/octet-stream or application/json."""
    kind = request.mimetype
    if kind not in CLEAN_TYPES:
        raise unsupported_type(CLEAN_TYPES)
    query = query_options()
    options = build_options(query)  # invalid query options are refused before the body is read
    body = read_body()
    if not body:
        raise empty_body()
    metrics = get_metrics()
    if kind == JSON_TYPE:
        doc = document_from_json(parse_json(body))
        result = _clean_counted(doc, build_options(query, doc.options), metrics)
        return json_response(result.to_dict())
    declared = request.mimetype_params.get("charset") if kind == TEXT_TYPE else None
    result = _clean_counted(Document(body, declared), options, metrics)
    if wants_json():
        return json_response(result.to_dict())
    return Response(
        result.text.encode("utf-8", "replace"), content_type="text/plain; charset=utf-8"
    )


def _clean_counted(doc: Document, options: CleanOptions, metrics: Metrics) -> CleanResult:
    try:
        result = run_clean(doc, options, _limits())
    except (CleanerError, Problem):
        record_document(metrics, None)
        raise
    record_document(metrics, result)
    return result


@bp.post("/detect")
def detect() -> Response:
    """Encoding detection report for raw bytes (a text/plain charset is honoured)."""
    kind = request.mimetype
    if kind not in DETECT_TYPES:
        raise unsupported_type(DETECT_TYPES)
    body = read_body()
    if not body:
        raise empty_body()
    declared = request.mimetype_params.get("charset") if kind == TEXT_TYPE else None
    decoded = within_deadline(lambda: cleaner.detect_encoding(body, declared), _limits().deadline)
    return json_response(decoded.decoding.to_dict())


@bp.post("/clean/batch")
def clean_batch() -> Response:
    """NDJSON in, NDJSON out, streamed: one result (or error) per non-blank input line."""
    if request.mimetype not in NDJSON_TYPES:
        raise unsupported_type(NDJSON_TYPES)
    config = current_app.config
    query = query_options()
    build_options(query)
    check_content_length(request.content_length, config["MAX_BATCH_BYTES"])
    reader = BodyReader(
        request.stream,
        max_bytes=config["MAX_BATCH_BYTES"],
        timeout=config["REQUEST_TIME_LIMIT"],
        sock=request.environ.get("gunicorn.socket"),
    )
    batch = Batch(
        reader=reader,
        query=query,
        limits=_limits(),
        max_lines=config["MAX_BATCH_LINES"],
        max_line_bytes=config["MAX_BODY_BYTES"],
        metrics=get_metrics(),
    )
    try:
        first = batch.next_line()
    except Problem:
        reader.close()
        raise
    if first is None:
        reader.close()
        raise empty_body("the batch has no lines")
    return Response(stream_with_context(batch.records(first)), mimetype=NDJSON_TYPE)


# ---- batch ---------------------------------------------------------------------------


@dataclass
class Batch:
    """Reads NDJSON lines one at a time and yields one output line per input line."""

    reader: BodyReader
    query: Mapping[str, Any]
    limits: Limits
    max_lines: int
    max_line_bytes: int
    metrics: Metrics
    line_no: int = 0

    def next_line(self) -> bytes | None:
        """The next non-blank line (``b""`` stands for a line over the size cap), None at end."""
        while True:
            raw = self.reader.readline(self.max_line_bytes + 1)
            if not raw:
                return None
            self.line_no += 1
            if len(raw) > self.max_line_bytes and not raw.endswith(b"\n"):
                self._skip_rest_of_line()
                return b""
            if raw.strip():
                return raw

    def _skip_rest_of_line(self) -> None:
        while True:
            raw = self.reader.readline(self.max_line_bytes + 1)
            if not raw or raw.endswith(b"\n"):
                return

    def records(self, first: bytes) -> Iterator[bytes]:
        """Output lines, in input order; a batch-wide stop ends with one ``aborted`` record."""
        raw: bytes | None = first
        count = 0
        try:
            while raw is not None:
                count += 1
                line_no = self.line_no
                if count > self.max_lines:
                    raise Problem(
                        413,
                        "too-large",
                        "Too many lines",
                        f"the batch exceeds the limit of {self.max_lines} lines; "
                        f"lines from {line_no} on were not processed",
                    )
                yield _dump(self.record(raw, line_no))
                raw = self.next_line()
        except Problem as stop:
            yield _dump({"line": self.line_no, "aborted": True, "error": stop.to_dict()})
        except Exception:
            _log.exception("batch stopped by an unexpected error")
            bug = Problem(500, "internal", "Internal Server Error", "the batch stopped early")
            yield _dump({"line": self.line_no, "aborted": True, "error": bug.to_dict()})
        finally:
            self.reader.close()

    def record(self, raw: bytes, line_no: int) -> dict[str, Any]:
        """The output record of one input line: its result, or its error."""
        record_id: Any = None
        try:
            if not raw:
                raise too_large("line", self.max_line_bytes)
            payload = parse_json(raw)
            if isinstance(payload, dict):
                record_id = payload.get("id")
            doc = document_from_json(payload, BATCH_FIELDS)
            result = run_clean(doc, build_options(self.query, doc.options), self.limits)
        except (CleanerError, Problem) as err:
            problem = err if isinstance(err, Problem) else problem_from_cleaner_error(err)
            record_document(self.metrics, None)
            return {"id": record_id, "line": line_no, "error": problem.to_dict()}
        record_document(self.metrics, result)
        return {"id": record_id, "line": line_no, "result": result.to_dict()}


def _dump(record: Mapping[str, Any]) -> bytes:
    return (json.dumps(record) + "\n").encode()
