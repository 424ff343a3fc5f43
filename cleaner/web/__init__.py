"""The HTTP service: ``create_app()`` builds a Flask app over the ``cleaner`` library.

Serve it with gunicorn: ``gunicorn -c python:cleaner.web.gunicorn_conf 'cleaner.web:create_app()'``
(or ``cleaner serve``). Routes: ``POST /v1/clean``, ``POST /v1/clean/batch``,
``POST /v1/detect``, ``GET /healthz``, ``GET /readyz``, ``GET /metrics``, ``GET /openapi.json``
and the playground ``GET /``.
"""

from __future__ import annotations

import contextlib
import re
import time
import uuid
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, current_app, g, request

from cleaner.web import settings

REQUEST_ID_HEADER = "X-Request-ID"
# A caller's request id is echoed when it is short and plain (no spaces, quotes or control
# characters, so it is safe in headers and logs); otherwise a new one is generated.
_REQUEST_ID_RE = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")


def request_id_from(header: str | None) -> str:
    """The caller's request id when it is acceptable, else a new random one.

    >>> request_id_from("abc-123")
    'abc-123'
    >>> len(request_id_from("bad id with spaces"))
    32
    """
    if header and _REQUEST_ID_RE.fullmatch(header):
        return header
    return uuid.uuid4().hex


def _begin_request() -> None:
    g.started = time.monotonic()
    g.request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
    sock = request.environ.get("gunicorn.socket")
    if sock is not None:
        # Bound every blocking read and write on the client connection (see SOCKET_TIMEOUT).
        with contextlib.suppress(OSError):
            sock.settimeout(current_app.config["SOCKET_TIMEOUT"])


def _finish_response(response: Response) -> Response:
    request_id = g.get("request_id")
    if request_id:
        response.headers[REQUEST_ID_HEADER] = request_id
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then ``CLEANER_*`` environment variables (or ``test_config``).

    >>> create_app({"TESTING": True, "WARM_UP": False}).testing
    True
    """
    # Imported here, not at the top: the gunicorn master imports this package to read
    # cleaner.web.gunicorn_conf, and prometheus_client must not be imported there before
    # the config has set PROMETHEUS_MULTIPROC_DIR (it picks its storage at import time).
    from cleaner.web import api, errors, health, metrics, openapi, playground

    app = Flask(__name__)
    app.config.from_mapping(settings.DEFAULTS)
    if test_config is None:
        app.config.from_prefixed_env("CLEANER")
    else:
        app.config.update(test_config)
    settings.check_config(app.config)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.before_request(_begin_request)
    app.after_request(_finish_response)
    errors.init_app(app)
    metrics.init_app(app)
    health.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(playground.bp)
    return app


__all__ = ["create_app"]
