"""Service configuration: the defaults, and the one function that checks a loaded config.

Every key can be set from the environment with the ``CLEANER_`` prefix (Flask's
``from_prefixed_env`` parses values as JSON, so ``CLEANER_MAX_BODY_BYTES=1000000`` is an int
and ``CLEANER_API_KEYS='["k1", "k2"]'`` a list; a plain ``CLEANER_API_KEYS=k1,k2`` works too).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

# Largest request body for a single document (POST /v1/clean, /v1/detect). 8 MiB covers the
# longest articles seen in scraped corpora many times over (a long news article is 10-50 KB)
# while keeping a worker's memory per request bounded.
MAX_BODY_BYTES_DEFAULT = 8 * 1024 * 1024

# Largest document handed to the core, in characters (bytes for raw-byte input, which never
# decode to more characters than they have bytes). The core is linear: measured at about
# 4 MB/s on one core of the project machine, 2 M characters take well under a second.
MAX_DOCUMENT_CHARS_DEFAULT = 2_000_000

# Batch limits: lines per batch and bytes per batch body. 100,000 lines of ~3 KB articles is
# about 300 MB, too much for one request; 10,000 lines at ~5 KB is the size a client should
# send per call, so the line cap is 50,000 and the byte cap 256 MiB.
MAX_BATCH_LINES_DEFAULT = 50_000
MAX_BATCH_BYTES_DEFAULT = 256 * 1024 * 1024

# Seconds a single-document request may spend receiving its body. A client that trickles
# its body would otherwise hold a sync worker indefinitely (gunicorn puts no deadline on
# body reads). 8 MiB in 15 s needs a client faster than ~0.5 MB/s.
BODY_READ_TIMEOUT_DEFAULT = 15.0

# Seconds one request may spend in total (body read and cleaning; for a batch, the whole
# stream). Kept well under gunicorn's worker timeout (CLEANER_TIMEOUT, default 120 s) so the
# service answers with a problem document before gunicorn kills the worker.
REQUEST_TIME_LIMIT_DEFAULT = 60.0

# Longest one socket read or write may block while a request is served under gunicorn: a
# client that stops sending its body, or stops reading the response, for this long is
# dropped (gunicorn's sync and threaded workers have no such bound of their own).
SOCKET_TIMEOUT_DEFAULT = 30.0

DEFAULTS: dict[str, Any] = {
    "MAX_BODY_BYTES": MAX_BODY_BYTES_DEFAULT,
    "MAX_DOCUMENT_CHARS": MAX_DOCUMENT_CHARS_DEFAULT,
    "MAX_BATCH_LINES": MAX_BATCH_LINES_DEFAULT,
    "MAX_BATCH_BYTES": MAX_BATCH_BYTES_DEFAULT,
    "BODY_READ_TIMEOUT": BODY_READ_TIMEOUT_DEFAULT,
    "REQUEST_TIME_LIMIT": REQUEST_TIME_LIMIT_DEFAULT,
    "SOCKET_TIMEOUT": SOCKET_TIMEOUT_DEFAULT,
    # Bearer keys for the POST routes; empty means the API is open.
    "API_KEYS": (),
    # Load the lexicons and run one clean when the app is created (readiness).
    "WARM_UP": True,
}

_POSITIVE_INTS = ("MAX_BODY_BYTES", "MAX_DOCUMENT_CHARS", "MAX_BATCH_LINES", "MAX_BATCH_BYTES")
_POSITIVE_NUMBERS = ("BODY_READ_TIMEOUT", "REQUEST_TIME_LIMIT", "SOCKET_TIMEOUT")


def parse_api_keys(value: Any) -> tuple[str, ...]:
    """Normalise ``API_KEYS`` (a list, or a comma-separated string) to a tuple of keys.

    >>> parse_api_keys("k1, k2,")
    ('k1', 'k2')
    >>> parse_api_keys(None)
    ()
    """
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple | set | frozenset):
        raise ValueError("API_KEYS must be a list of strings or a comma-separated string")
    keys = tuple(str(k).strip() for k in value)
    return tuple(k for k in keys if k)


def check_config(config: MutableMapping[str, Any]) -> None:
    """Validate and normalise the service keys of ``config`` in place; raise ``ValueError``.

    >>> cfg = dict(DEFAULTS, MAX_BODY_BYTES="1024")
    >>> check_config(cfg); cfg["MAX_BODY_BYTES"]
    1024
    """
    for key in _POSITIVE_INTS:
        try:
            value = int(config[key])
        except (TypeError, ValueError):
            raise ValueError(f"{key} must be a positive integer, got {config[key]!r}") from None
        if value <= 0:
            raise ValueError(f"{key} must be a positive integer, got {value}")
        config[key] = value
    for key in _POSITIVE_NUMBERS:
        try:
            number = float(config[key])
        except (TypeError, ValueError):
            raise ValueError(f"{key} must be a positive number, got {config[key]!r}") from None
        if not number > 0:
            raise ValueError(f"{key} must be a positive number, got {number}")
        config[key] = number
    config["API_KEYS"] = parse_api_keys(config.get("API_KEYS"))
    config["WARM_UP"] = bool(config.get("WARM_UP"))
