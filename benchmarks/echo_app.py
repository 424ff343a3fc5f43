"""A trivial Flask app, the baseline of ``benchmarks/http_load.py``.

It answers the same URL as the real service with the request body unchanged, so the load test
measures what Flask, gunicorn and the HTTP round trip cost without any cleaning:

    gunicorn --chdir benchmarks 'echo_app:create_app()'
"""

from __future__ import annotations

from flask import Flask, Response, request


def create_app() -> Flask:
    """Build the echo app: ``POST /v1/clean`` returns its body as text, ``GET /healthz`` ok.

    >>> client = create_app().test_client()
    >>> client.post("/v1/clean", data="Café".encode(), content_type="text/plain").text
    'Café'
    >>> client.get("/healthz").status_code
    200
    """
    app = Flask(__name__)

    @app.post("/v1/clean")
    def echo() -> Response:
        return Response(request.get_data(), mimetype="text/plain")

    @app.get("/healthz")
    def healthz() -> Response:
        return Response("ok\n", mimetype="text/plain")

    return app
