"""Liveness and readiness probes.

``/healthz`` answers as soon as the process serves requests. ``/readyz`` answers 200 once the
lexicons are loaded and one document has been cleaned (the app warms up when it is created,
or on the first probe when warm-up at start is switched off), 503 until then.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from flask import Blueprint, Flask, Response, current_app

import cleaner
from cleaner import lexicon
from cleaner.web.errors import Problem

bp = Blueprint("health", __name__)

EXTENSION_KEY = "cleaner_readiness"
# The language whose lexicon is loaded at warm-up (the one most documents need first).
WARM_UP_LANGUAGE = "en"
# A short page with mojibake, a menu, prose and a footer, so warm-up runs every stage and
# loads the tables the line stage reads only for pages (a text under MIN_PAGE_LINES lines
# or MIN_PAGE_BLOCKS blocks skips them, and the first real page then paid ~15 ms for them).
WARM_UP_DOCUMENT = (
    "Home\nNews\nSport\n\n"
    "Caf\u00c3\u00a9 cr\u00c3\u00a8me is back on the menu\n\n"
    "The caf\u00c3\u00a9 on the corner opened again on Monday, and the owners said that "
    "they would keep the old recipes for the summer.\n\n"
    "Many people came to see it, and most of them stayed for lunch.\n\n"
    "Share on Facebook\nShare on Twitter\n\n"
    "Privacy Policy\nTerms of Use\n"
)

_log = logging.getLogger("cleaner.web")


@dataclass
class Readiness:
    """Whether this app has warmed up; the lock makes concurrent first probes warm once."""

    ready: bool = False
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def warm_up(self) -> bool:
        """Load the lexicon and clean one document; True when that worked."""
        with self.lock:
            if self.ready:
                return True
            try:
                lexicon.frequency_table(WARM_UP_LANGUAGE)
                cleaner.clean(WARM_UP_DOCUMENT)
            except Exception as err:  # readiness reports the failure instead of raising
                _log.exception("warm-up failed")
                self.error = f"{type(err).__name__}: {err}"
                return False
            self.ready = True
            self.error = None
            return True


def init_app(app: Flask) -> None:
    """Attach readiness state to ``app``; warm up now when WARM_UP is set."""
    readiness = Readiness()
    app.extensions[EXTENSION_KEY] = readiness
    if app.config["WARM_UP"]:
        readiness.warm_up()
    app.register_blueprint(bp)


def _json(payload: str, status: int = 200) -> Response:
    return Response(payload + "\n", status=status, mimetype="application/json")


@bp.get("/healthz")
def healthz() -> Response:
    """Liveness: the process is up and serving."""
    return _json('{"status": "ok"}')


@bp.get("/readyz")
def readyz() -> Response:
    """Readiness: lexicons loaded and one clean done."""
    readiness: Readiness = current_app.extensions[EXTENSION_KEY]
    if readiness.ready or readiness.warm_up():
        return _json('{"status": "ready"}')
    raise Problem(503, "not-ready", "Service Unavailable", "warm-up failed; see the server log")
