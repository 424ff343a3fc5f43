"""Errors as RFC 9457 problem documents (``application/problem+json``).

Every error response of the service is JSON with ``type``, ``title``, ``status``, ``detail``
(plus ``option`` for an invalid option and ``request_id``). Status codes:

- 400 malformed request: invalid JSON, empty body, bad base64, missing or unknown fields;
- 401 missing or wrong API key (only when API keys are configured);
- 404 unknown route, 405 method not allowed (with ``Allow``);
- 408 the body did not arrive within the read timeout;
- 413 body or document over the configured limit (refused before the body is read when
  ``Content-Length`` says so);
- 415 unsupported content type, or a declared charset that is not a text encoding;
- 422 invalid options (unknown name, wrong type, out of range), naming the ``option``;
- 503 the request hit the per-request time limit, or the service is not ready yet;
- 500 only as a last resort for a bug, logged with its traceback, never shown to the client.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, g, json
from werkzeug.exceptions import HTTPException

from cleaner import CleanerError, InputTooLarge, InvalidInput, InvalidOptions, UndecodableInput

PROBLEM_MIMETYPE = "application/problem+json"

# Problem types of this service. Plain HTTP errors use "about:blank" (RFC 9457 section 4.2.1).
PROBLEM_TYPES: dict[str, str] = {
    "http": "about:blank",
    "invalid-request": "urn:cleaner:problem:invalid-request",
    "invalid-json": "urn:cleaner:problem:invalid-json",
    "empty-body": "urn:cleaner:problem:empty-body",
    "unauthorized": "urn:cleaner:problem:unauthorized",
    "body-timeout": "urn:cleaner:problem:body-timeout",
    "too-large": "urn:cleaner:problem:too-large",
    "unsupported-media-type": "urn:cleaner:problem:unsupported-media-type",
    "undecodable-input": "urn:cleaner:problem:undecodable-input",
    "invalid-options": "urn:cleaner:problem:invalid-options",
    "time-limit": "urn:cleaner:problem:time-limit",
    "not-ready": "urn:cleaner:problem:not-ready",
    "internal": "urn:cleaner:problem:internal",
}

_log = logging.getLogger("cleaner.web")


class Problem(Exception):
    """An error the service answers with a problem document.

    >>> p = Problem(415, "unsupported-media-type", "Unsupported Media Type", "use text/plain")
    >>> p.to_dict()["status"], p.to_dict()["type"]
    (415, 'urn:cleaner:problem:unsupported-media-type')
    """

    def __init__(
        self,
        status: int,
        kind: str,
        title: str,
        detail: str,
        *,
        option: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.option = option
        self.headers = dict(headers or {})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": PROBLEM_TYPES[self.kind],
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.option is not None:
            out["option"] = self.option
        return out


def problem_from_cleaner_error(err: CleanerError) -> Problem:
    """Map a library error to its problem (status and type).

    >>> problem_from_cleaner_error(InvalidOptions("bad", "colour")).status
    422
    """
    if isinstance(err, InvalidOptions):
        return Problem(422, "invalid-options", "Invalid options", str(err), option=err.option)
    if isinstance(err, InputTooLarge):
        return Problem(413, "too-large", "Content Too Large", str(err))
    if isinstance(err, UndecodableInput):
        return Problem(415, "undecodable-input", "Undecodable input", str(err))
    if isinstance(err, InvalidInput):
        return Problem(400, "invalid-request", "Invalid input", str(err))
    return Problem(400, "invalid-request", "Invalid request", str(err))


def problem_response(problem: Problem) -> Response:
    """The ``application/problem+json`` response of ``problem``, with the request id."""
    body = problem.to_dict()
    request_id = g.get("request_id") if g else None
    if request_id:
        body["request_id"] = request_id
    response = Response(json.dumps(body) + "\n", status=problem.status, mimetype=PROBLEM_MIMETYPE)
    for name, value in problem.headers.items():
        response.headers[name] = value
    return response


def _http_problem(err: HTTPException) -> Response:
    status = err.code or 500
    original = err.get_response()
    # Plain HTTP errors carry no extra semantics: RFC 9457 says use about:blank for them.
    problem = Problem(status, "http", err.name, err.description or err.name)
    response = problem_response(problem)
    for name in ("Allow", "WWW-Authenticate", "Retry-After"):
        if name in original.headers:
            response.headers[name] = original.headers[name]
    return response


def _unexpected(err: Exception) -> Response:
    _log.exception("unhandled error (request id %s)", g.get("request_id"), exc_info=err)
    return problem_response(
        Problem(500, "internal", "Internal Server Error", "the request could not be processed")
    )


def init_app(app: Flask) -> None:
    """Register the handlers that turn every error into a problem document."""
    app.register_error_handler(Problem, problem_response)
    app.register_error_handler(
        CleanerError, lambda e: problem_response(problem_from_cleaner_error(e))
    )
    app.register_error_handler(HTTPException, _http_problem)
    app.register_error_handler(Exception, _unexpected)
