"""Run the service under gunicorn with the project's configuration (``cleaner serve``)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

GUNICORN_CONFIG = "python:cleaner.web.gunicorn_conf"
# Signals passed on to gunicorn: stop (TERM, INT, QUIT), reload (HUP), worker count (TTIN/TTOU).
FORWARDED_SIGNALS = ("SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGTTIN", "SIGTTOU")
APP_SPEC = "cleaner.web:create_app()"


def gunicorn_argv(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
    extra_args: Sequence[str] = (),
) -> list[str]:
    """The gunicorn command line ``serve`` runs.

    >>> gunicorn_argv("::1", 9000, 2)[-5:]
    ['--bind', '[::1]:9000', '--workers', '2', 'cleaner.web:create_app()']
    """
    address = f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"
    argv = [sys.executable, "-m", "gunicorn", "--config", GUNICORN_CONFIG, "--bind", address]
    if workers is not None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        argv += ["--workers", str(workers)]
    argv += list(extra_args)
    argv.append(APP_SPEC)
    return argv


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int | None = None,
    extra_args: Sequence[str] = (),
) -> int:
    """Run gunicorn in the foreground until it stops; return its exit code.

    ``workers=None`` keeps ``CLEANER_WORKERS`` (default: one per core, at least 2).
    ``extra_args`` are passed to gunicorn before the app (e.g. ``["--timeout", "60"]``).
    Ctrl-C stops gunicorn gracefully (it gets the same SIGINT) and returns its exit code.
    """
    argv = gunicorn_argv(host, port, workers, extra_args)
    process = subprocess.Popen(argv, env=os.environ.copy())
    with _forward_signals(process):
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:  # gunicorn got the SIGINT as well and is stopping
                continue


@contextlib.contextmanager
def _forward_signals(process: subprocess.Popen[bytes]) -> Iterator[None]:
    """Relay stop/reload signals to gunicorn while it runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def relay(signum: int, frame: FrameType | None) -> None:
        if process.poll() is None:
            process.send_signal(signum)

    previous = {}
    for name in FORWARDED_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, relay)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
