"""Prometheus metrics that stay correct under several gunicorn workers.

Each app owns its metric objects in its own registry (no module-level metrics, so tests can
build many apps). When ``PROMETHEUS_MULTIPROC_DIR`` is set (``serve()`` and the gunicorn
config set it up), prometheus-client writes every worker's values to files in that directory
and ``GET /metrics`` aggregates them across workers with a ``MultiProcessCollector``; the
gunicorn ``child_exit`` hook marks dead workers. Without it, the app's registry is served.
"""

from __future__ import annotations

import os
import time
from collections import Counter as _Tally
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from flask import Blueprint, Flask, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client import generate_latest as _generate_latest

from cleaner import CleanResult

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
EXTENSION_KEY = "cleaner_metrics"

# Latency buckets (seconds): a short document cleans in about 1 ms, a long article in
# 10-50 ms, a batch in seconds.
LATENCY_BUCKETS = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)

# The request methods HTTP defines (RFC 9110 and PATCH); any other is counted as "other".
HTTP_METHODS = frozenset(
    ("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH")
)

bp = Blueprint("metrics", __name__)


@dataclass(frozen=True)
class Metrics:
    """The metric objects of one app."""

    registry: CollectorRegistry
    requests: Counter
    latency: Histogram
    documents: Counter
    removed_lines: Counter
    repairs: Counter
    # The labelled children already made, by metric and label values: ``labels()`` checks
    # and locks on every call, and a request counts up to a dozen of them.
    children: dict[tuple[str, tuple[str, ...]], Any] = field(default_factory=dict)

    def child(self, metric: Counter | Histogram, *values: str) -> Any:
        """``metric.labels(*values)``, made once per label values."""
        key = (metric._name, values)
        found = self.children.get(key)
        if found is None:
            found = self.children[key] = metric.labels(*values)
        return found

    @classmethod
    def create(cls) -> Metrics:
        registry = CollectorRegistry(auto_describe=True)
        return cls(
            registry=registry,
            requests=Counter(
                "cleaner_http_requests",
                "HTTP requests by route, method and status.",
                ["route", "method", "status"],
                registry=registry,
            ),
            latency=Histogram(
                "cleaner_http_request_duration_seconds",
                "Time to produce the response (for a batch: until streaming starts).",
                ["route"],
                buckets=LATENCY_BUCKETS,
                registry=registry,
            ),
            documents=Counter(
                "cleaner_documents",
                "Documents cleaned, by outcome (ok or error).",
                ["outcome"],
                registry=registry,
            ),
            removed_lines=Counter(
                "cleaner_removed_lines",
                "Lines removed, by reason code.",
                ["reason"],
                registry=registry,
            ),
            repairs=Counter(
                "cleaner_repairs",
                "Changes other than removed lines (decoding, mojibake, lost letters), by reason.",
                ["reason"],
                registry=registry,
            ),
        )


def get_metrics(app: Flask | None = None) -> Metrics:
    """The metrics of ``app`` (default: the current app)."""
    target = app if app is not None else current_app
    metrics: Metrics = target.extensions[EXTENSION_KEY]
    return metrics


# A step's (action, reason) pair: removed lines and repairs are counted by reason.
_ACTION_AND_REASON = attrgetter("action", "reason")


def record_document(metrics: Metrics, result: CleanResult | None) -> None:
    """Count one cleaned document (None when it failed) and its changes by reason."""
    if result is None:
        metrics.child(metrics.documents, "error").inc()
        return
    metrics.child(metrics.documents, "ok").inc()
    # one increment per reason, not per step: a page has dozens of removed lines (the
    # steps are tallied by action and reason at C speed)
    child, removed_lines, repairs = metrics.child, metrics.removed_lines, metrics.repairs
    for (action, reason), count in _Tally(map(_ACTION_AND_REASON, result.steps)).items():
        counter = removed_lines if action == "drop_line" else repairs
        child(counter, str(reason)).inc(count)


def render() -> Response:
    """The text exposition of the current app's metrics (all workers in multiprocess mode)."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = get_metrics().registry
    return Response(_generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


@bp.get("/metrics")
def metrics_view() -> Response:
    """Prometheus scrape endpoint."""
    return render()


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response: Response) -> Response:
    metrics = get_metrics()
    route = request.url_rule.rule if request.url_rule is not None else "unmatched"
    # a client may send any method token: only the ones HTTP defines get their own label
    method = request.method if request.method in HTTP_METHODS else "other"
    metrics.child(metrics.requests, route, method, str(response.status_code)).inc()
    started = g.get("metrics_started")
    if started is not None:
        metrics.child(metrics.latency, route).observe(time.perf_counter() - started)
    return response


def init_app(app: Flask) -> None:
    """Create the app's metrics and the hooks that observe every request."""
    app.extensions[EXTENSION_KEY] = Metrics.create()
    app.before_request(_start_timer)
    app.after_request(_observe)
    app.register_blueprint(bp)
