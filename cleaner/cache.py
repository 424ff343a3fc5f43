"""A disk cache for the models that are derived from the lexicons.

Several read-only models (letter n-gram counts, letter pairs, character counts) are computed
from wordfreq's lists the first time a process needs them, at 0.1 to 1.5 s each. They depend
only on the package's own code and data and on the installed wordfreq, so they are the same
in every process: :func:`persistent` keeps each one on disk after its first build and later
processes (CLI runs, service workers, batch workers) read it back in milliseconds.

Rules that keep the cache safe:

- Entries sit in a folder named by a fingerprint of everything a model depends on: the
  bytes of every file of the package, the wordfreq version and the Python version. Any
  change to any of them starts a new folder, so a stale model is never read.
- Files are written with ``marshal`` (plain data only: no code can be loaded from a cache
  file) to a temporary name, then renamed into place, so readers never see half a file; each
  file carries a digest of its content, and a file that fails it is rebuilt.
- The cache is an optimisation only: a folder that cannot be created or written (read-only
  image, no home directory) means the model is built in memory as before.

Where: ``$CLEANER_CACHE_DIR`` when set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/cleaner/models``, else ``~/.cache/cleaner/models``. The digest catches
damage, not malice: the folder must be one only the user running cleaner can write (a new
one is made with mode 0700).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import marshal
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

ENV_DIR = "CLEANER_CACHE_DIR"
# the value of ENV_DIR that turns the cache off
OFF = "off"
# a cache file: this tag, the content's digest, then the marshalled model
_MAGIC = b"cleaner-model-1\n"
_DIGEST_BYTES = 16
# fingerprint folders kept side by side (several installed versions may share a home);
# older ones are removed when a new one is made
KEEP_FOLDERS = 3
_FINGERPRINT_CHARS = 20

_PACKAGE = Path(__file__).resolve().parent


def cache_root() -> Path | None:
    """The cache's base folder, or ``None`` when the cache is turned off.

    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {ENV_DIR: "off"}):
    ...     cache_root() is None
    True
    >>> with mock.patch.dict(os.environ, {ENV_DIR: "/srv/models"}):
    ...     cache_root()
    PosixPath('/srv/models')
    """
    configured = os.environ.get(ENV_DIR)
    if configured is not None:
        return None if configured.strip().lower() in (OFF, "") else Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "cleaner" / "models"
    try:
        return Path.home() / ".cache" / "cleaner" / "models"
    except RuntimeError:  # no home directory can be found
        return None


@functools.cache
def fingerprint() -> str:
    """A digest of what the cached models depend on: every file of the package (code and
    data tables), the wordfreq version and the Python version (``marshal``'s format).

    >>> len(fingerprint())
    20
    """
    digest = hashlib.blake2b(digest_size=_FINGERPRINT_CHARS // 2)
    wordfreq_version = importlib.metadata.version("wordfreq")
    digest.update(f"{sys.version}\0{wordfreq_version}\0".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc", ".pyo"):
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _entry_path(folder: Path, name: str, args: tuple[Any, ...]) -> Path:
    key = hashlib.blake2b(repr(args).encode(), digest_size=8).hexdigest()
    return folder / f"{name}-{key}.marshal"


def _read(path: Path) -> Any:
    """The model stored at ``path``; raises ``OSError`` or ``ValueError`` when it is absent
    or damaged."""
    blob = path.read_bytes()
    head = len(_MAGIC) + _DIGEST_BYTES
    if not blob.startswith(_MAGIC) or len(blob) < head:
        raise ValueError("not a cache file")
    payload = memoryview(blob)[head:]
    if hashlib.blake2b(payload, digest_size=_DIGEST_BYTES).digest() != blob[len(_MAGIC) : head]:
        raise ValueError("cache file damaged")
    return marshal.loads(payload)


def _write(folder: Path, path: Path, value: Any) -> None:
    """Store ``value`` at ``path`` atomically; silently does nothing when it cannot."""
    try:
        payload = marshal.dumps(value)
    except ValueError:  # not plain data: such a model is simply not cached
        return
    try:
        new_folder = not folder.is_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if new_folder:
            _prune(folder)
        digest = hashlib.blake2b(payload, digest_size=_DIGEST_BYTES).digest()
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + digest + payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _prune(current: Path) -> None:
    """Remove the oldest fingerprint folders beside ``current`` beyond KEEP_FOLDERS."""
    try:
        others = [
            p
            for p in current.parent.iterdir()
            if p != current and p.is_dir() and len(p.name) == _FINGERPRINT_CHARS
        ]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in others[KEEP_FOLDERS - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)


def persistent(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Keep the results of a pure model builder on disk, by its arguments.

    The builder must return plain data (``dict``, ``list``, ``tuple``, ``frozenset``, ``str``,
    numbers) and depend only on its arguments, the package and wordfreq. Put an in-memory
    cache (``functools.cache``) on top: this layer is for the first call in a process.

    >>> import tempfile
    >>> from unittest import mock
    >>> calls = []
    >>> @persistent("squares")
    ... def squares(n: int) -> dict[int, int]:
    ...     calls.append(n)
    ...     return {k: k * k for k in range(n)}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with mock.patch.dict(os.environ, {ENV_DIR: folder}):
    ...         squares(3), squares(3), calls
    ({0: 0, 1: 1, 2: 4}, {0: 0, 1: 1, 2: 4}, [3])
    """

    def decorate(build: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(build)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            root = cache_root()
            if root is None or kwargs:
                return build(*args, **kwargs)
            folder = root / fingerprint()
            path = _entry_path(folder, name, args)
            try:
                value: R = _read(path)
            except (OSError, ValueError, EOFError, TypeError):
                value = build(*args, **kwargs)
                _write(folder, path, value)
            return value

        return cached

    return decorate
