"""Bounded request-body reading and the per-request time guard.

gunicorn's sync and threaded workers put no deadline on reading a request body, so a client
that trickles its body could hold a worker for as long as it likes. :class:`BodyReader`
refuses a body over its byte limit (before reading, from ``Content-Length``; and while
reading, for chunked bodies), and stops reading at a deadline. Under gunicorn a blocked
``recv`` is cut short at the deadline: in a sync worker's main thread by a ``SIGALRM`` timer
whose handler interrupts the read (a few system calls per request), elsewhere, or for a body
read bit by bit between other work (a batch), by a watchdog thread that shuts the read side of
the client socket (starting a thread costs more than the rest of a small request's handling).
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import IO, Any

from werkzeug.exceptions import HTTPException

from cleaner.web.errors import Problem

# Bytes asked of the input stream per read: large enough for few system calls, small enough
# that a deadline is checked often.
READ_CHUNK_BYTES = 64 * 1024


def too_large(what: str, limit: int) -> Problem:
    """The 413 problem for a body or document over ``limit``.

    >>> too_large("body", 10).status
    413
    """
    return Problem(
        413, "too-large", "Content Too Large", f"{what} exceeds the limit of {limit} bytes"
    )


def body_timeout(seconds: float) -> Problem:
    """The 408 problem for a body that did not arrive in time."""
    return Problem(
        408,
        "body-timeout",
        "Request Timeout",
        f"the request body did not arrive within {seconds:g} s",
        headers={"Connection": "close"},
    )


def check_content_length(content_length: int | None, limit: int) -> None:
    """Refuse a declared body length over ``limit`` before anything is read.

    >>> check_content_length(5, 10)
    >>> check_content_length(11, 10)
    Traceback (most recent call last):
    ...
    cleaner.web.errors.Problem: request body exceeds the limit of 10 bytes
    """
    if content_length is not None and content_length > limit:
        raise too_large("request body", limit)


class BodyReader:
    """Read a request body under a byte limit and a deadline (``time.monotonic()`` based).

    With ``sock`` (the client socket), a read blocked at the deadline is cut short. Pass
    ``alarm=True`` when the whole body is read within one ``with`` block and nothing else
    in between sets ``SIGALRM``: in the main thread the deadline is then a ``SIGALRM``
    timer, otherwise (and without ``alarm``) a watchdog thread.

    >>> import io
    >>> r = BodyReader(io.BytesIO(b"a\\nb"), max_bytes=10, timeout=5)
    >>> r.readline(8), r.readline(8), r.readline(8)
    (b'a\\n', b'b', b'')
    """

    def __init__(
        self,
        stream: IO[bytes],
        *,
        max_bytes: int,
        timeout: float,
        sock: socket.socket | None = None,
        alarm: bool = False,
    ) -> None:
        self._stream = stream
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.bytes_read = 0
        self._watchdog: threading.Timer | None = None
        # Set while a read runs: the alarm interrupts reads only, never the caller's code.
        self._reading = False
        self._previous_handler: Any = None
        self._alarm = False
        if sock is None:
            return
        if alarm and _alarm_usable(timeout):
            self._previous_handler = _set_handler(signal.SIGALRM, self._on_alarm)
            self._alarm = True
            signal.setitimer(signal.ITIMER_REAL, timeout)
        else:
            self._watchdog = threading.Timer(timeout, _shut_read_side, args=(sock,))
            self._watchdog.daemon = True
            self._watchdog.start()

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if self._reading:
            raise _ReadDeadlinePassed

    def close(self) -> None:
        """Stop the alarm or the watchdog (call when the body has been read)."""
        if self._alarm:
            self._alarm = False
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
            finally:
                previous = self._previous_handler
                _set_handler(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None

    def __enter__(self) -> BodyReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _guarded(self, fn: Any, size: int) -> bytes:
        self._reading = True
        try:
            if time.monotonic() >= self.deadline:
                raise _ReadDeadlinePassed
            data = fn(size)
        except _ReadDeadlinePassed:
            raise body_timeout(self.timeout) from None
        except HTTPException:
            raise
        except Exception:
            if time.monotonic() >= self.deadline:
                raise body_timeout(self.timeout) from None
            raise Problem(
                400, "invalid-request", "Bad Request", "the request body ended early"
            ) from None
        finally:
            self._reading = False
        if not data and time.monotonic() >= self.deadline:
            # An end of stream caused by the watchdog is a timeout, not the real end.
            raise body_timeout(self.timeout)
        self.bytes_read += len(data)
        if self.bytes_read > self.max_bytes:
            raise too_large("request body", self.max_bytes)
        if time.monotonic() > self.deadline:
            raise body_timeout(self.timeout)
        return bytes(data)

    def read_all(self) -> bytes:
        """The whole body, or a 413/408/400 :class:`Problem`."""
        parts: list[bytes] = []
        while True:
            chunk = self._guarded(self._stream.read, READ_CHUNK_BYTES)
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)

    def readline(self, max_line: int) -> bytes:
        """One line (with its newline) of at most ``max_line`` bytes; ``b""`` at the end."""
        return self._guarded(self._stream.readline, max_line)


# The public signal functions (CPython's private ``_signal`` under them saves about 3 µs a
# pair, under 0.5 % of a request: not worth depending on an interpreter's internals).
_set_handler = signal.signal
_get_handler = signal.getsignal


class _ReadDeadlinePassed(Exception):
    """Raised by the read alarm into a blocked read."""


def _alarm_usable(seconds: float) -> bool:
    """Whether a ``SIGALRM`` timer can guard a block here: the main thread, no other user.

    >>> import threading
    >>> _alarm_usable(0)
    False
    """
    return (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and _get_handler(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


def _shut_read_side(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)


class TimeLimitExceeded(Exception):
    """Raised inside the guarded block when the time limit passes."""


def _raise_time_limit(signum: int, frame: FrameType | None) -> None:
    raise TimeLimitExceeded


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block with :class:`TimeLimitExceeded` after ``seconds``.

    Uses ``SIGALRM``, so it only acts in the main thread (gunicorn's sync workers, the test
    client) and only when no other ``SIGALRM`` handler is installed; elsewhere the block runs
    unguarded and the per-document size cap bounds the work (the core is linear).

    >>> with time_limit(5):
    ...     sum(range(10))
    45
    """
    if not _alarm_usable(seconds):
        yield
        return
    previous = _set_handler(signal.SIGALRM, _raise_time_limit)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            _set_handler(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
