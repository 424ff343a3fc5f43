"""gunicorn configuration of the service, read from ``CLEANER_*`` environment variables.

Use it with ``gunicorn -c python:cleaner.web.gunicorn_conf`` (it names the app itself) or
through ``cleaner serve``. Command-line flags given to gunicorn override these values.

Also sets up Prometheus multiprocess mode (a fresh ``PROMETHEUS_MULTIPROC_DIR`` unless one is
given, emptied at start, dead workers marked by ``child_exit``) and writes JSON access logs
that carry the request id.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
import shutil as _shutil
import tempfile as _tempfile
from typing import Any as _Any

from gunicorn.glogging import Logger as _Logger

# Worker timeout (s) when CLEANER_TIMEOUT is unset: above the app's REQUEST_TIME_LIMIT
# (60 s) so a slow request gets its 503 problem before gunicorn kills the worker.
TIMEOUT_DEFAULT = 120
# Recycle a worker after this many requests (plus jitter) so slow memory growth is bounded.
# A new worker costs about 0.8 s of CPU (imports, lexicons, warm-up; measured on the project
# machine) and a ~3 KB page about 1 ms: recycling every 10,000 requests spent ~8 % of a
# loaded worker's time on restarts, every 200,000 spends ~0.4 %. The library's caches are
# bounded (tables per language, LRU caches), so memory does not grow with requests served.
MAX_REQUESTS_DEFAULT = 200_000
MAX_REQUESTS_JITTER_DEFAULT = 20_000


def _env(name: str, default: str) -> str:
    value = _os.environ.get(name, "").strip()
    return value or default


def _env_int(name: str, default: int) -> int:
    raw = _env(name, str(default))
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None


def default_workers() -> int:
    """Workers when CLEANER_WORKERS is unset: one per core (cleaning is CPU-bound), at least 2.

    >>> default_workers() >= 2
    True
    """
    return max(2, _os.cpu_count() or 1)


wsgi_app = "cleaner.web:create_app()"
bind = [_env("CLEANER_BIND", "127.0.0.1:8000")]
workers = _env_int("CLEANER_WORKERS", default_workers())
worker_class = _env("CLEANER_WORKER_CLASS", "sync")
threads = _env_int("CLEANER_THREADS", 1)
timeout = _env_int("CLEANER_TIMEOUT", TIMEOUT_DEFAULT)
graceful_timeout = _env_int("CLEANER_GRACEFUL_TIMEOUT", 30)
keepalive = _env_int("CLEANER_KEEPALIVE", 5)
max_requests = _env_int("CLEANER_MAX_REQUESTS", MAX_REQUESTS_DEFAULT)
max_requests_jitter = _env_int("CLEANER_MAX_REQUESTS_JITTER", MAX_REQUESTS_JITTER_DEFAULT)
# "-" is stderr/stdout as gunicorn means it; "off" disables the access log.
accesslog = None if _env("CLEANER_ACCESS_LOG", "-") == "off" else _env("CLEANER_ACCESS_LOG", "-")
errorlog = _env("CLEANER_ERROR_LOG", "-")
loglevel = _env("CLEANER_LOG_LEVEL", "info")
forwarded_allow_ips = _env("CLEANER_FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn >= 25.1 opens a control socket (by default ~/.gunicorn/gunicorn.ctl, shared by
# every instance of the same user). Only open one when a path is given.
_control_socket = _os.environ.get("CLEANER_CONTROL_SOCKET", "").strip()
if _control_socket:
    control_socket = _control_socket
else:
    control_socket_disable = True

# Set when this configuration made the metrics directory, so on_exit removes only its own.
_CREATED_DIR_ENV = "CLEANER_CREATED_METRICS_DIR"


def on_starting(server: _Any) -> None:
    """Prepare Prometheus multiprocess mode in the master, before any worker starts.

    Every worker writes its values to files in ``PROMETHEUS_MULTIPROC_DIR`` and /metrics
    aggregates them. The variable must be set before a worker imports prometheus_client,
    so do not combine this with ``--preload``. A given directory is emptied (values of an
    earlier run must not be added to ours); without one, a private directory is made.
    """
    directory = _os.environ.get("PROMETHEUS_MULTIPROC_DIR", "").strip()
    if not directory:
        directory = _tempfile.mkdtemp(prefix="cleaner-metrics-")
        _os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        _os.environ[_CREATED_DIR_ENV] = directory
    _os.makedirs(directory, exist_ok=True)
    for name in _os.listdir(directory):
        if name.endswith(".db"):
            _os.unlink(_os.path.join(directory, name))


def post_worker_init(worker: _Any) -> None:
    """Send the app's own log records (``cleaner.*``, e.g. a logged bug) to gunicorn's error
    log; then set the loaded app, modules and warmed tables aside from garbage collection.

    A worker holds ~40,000 tracked objects once warm, nearly all alive until it exits; a
    full collection walks them all (15-20 ms measured on the project machine, about one
    per 3,000 requests under load). Frozen after one last collection, they are no longer
    walked: collections see only what requests allocate.
    """
    import gc
    import logging

    app_log = logging.getLogger("cleaner")
    for handler in worker.log.error_log.handlers:
        app_log.addHandler(handler)
    app_log.setLevel(worker.log.error_log.level)
    app_log.propagate = False
    gc.collect()
    gc.freeze()


def child_exit(server: _Any, worker: _Any) -> None:
    """Mark a dead worker so its live gauges leave the aggregate (counters stay counted)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server: _Any) -> None:
    """Remove the metrics directory on_starting created."""
    created = _os.environ.get(_CREATED_DIR_ENV)
    if created:
        _shutil.rmtree(created, ignore_errors=True)


class JsonAccessLogger(_Logger):
    """gunicorn logger whose access log lines are JSON objects with the request id."""

    def access(self, resp: _Any, req: _Any, environ: dict[str, _Any], request_time: _Any) -> None:
        if not self.access_log_enabled:
            return
        headers = {k.lower(): v for k, v in (resp.headers or [])}
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        record = {
            "time": _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds"),
            "request_id": headers.get("x-request-id"),
            "remote": environ.get("REMOTE_ADDR"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(status) if str(status).isdigit() else status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 3),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "pid": _os.getpid(),
        }
        try:
            self.access_log.info(_json.dumps(record))
        except Exception:
            self.exception("could not write the access log")


logger_class = JsonAccessLogger
