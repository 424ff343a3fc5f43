"""``GET /``: the playground page (plain HTML, CSS and JS served by the app, no CDN)."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

bp = Blueprint("playground", __name__)

# The page loads only its own script and style sheet; nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@bp.get("/")
def index() -> Response:
    """The playground: paste text or drop a file, press Clean, see the text and the diff."""
    response = Response(render_template("index.html"), mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
