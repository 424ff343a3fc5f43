"""Batch cleaning: input formats, parts, a parallel local runner, and resume.

A job is a list of *sources* (text documents, JSONL files, Parquet files, stdin) cut into
*parts* of at most ``part_records`` records, in an order that depends only on the inputs.
Each part is cleaned by a worker and written to its own file in a state folder next to the
output (temporary name, then ``rename``); then a small *meta* file records the part's counts
and failed records. The meta file is the commit: a part with a meta file is done, so a run
that is interrupted at any moment (Ctrl-C, ``kill -9``, power loss) and restarted with the
same command redoes only the parts without one. At the end the parts are assembled into the
output (again temporary name, then ``rename``; cleaned text documents of a folder output wait
in the state folder and are renamed into place), the errors file is written, and the state
folder is removed. Nothing appears at the output path before the run completes.

Counting rule: every record read is either written to the output or reported in the errors
file (``records == written + errors``), and every record is written once, in input order.

This module imports only ``cleaner``'s public API; pyarrow is imported only for Parquet.
"""

from __future__ import annotations

import contextlib
import fnmatch
import glob
import hashlib
import io
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

import cleaner
from cleaner import CleanerError, CleanOptions, CleanResult, Stage

# ---- sizes and limits
# Records per part. At the ~8 ms per 8 KB article measured on the project's boilerplate dev
# set, 500 records are ~4 s of work for one core: small enough that an interruption loses
# little, large enough that the per-part file, fsync and meta cost (~ms) stays under 1 %.
DEFAULT_PART_RECORDS = 500
# Parts handed to the pool per worker: one running and one queued, so a worker never waits
# for the reader; memory in flight is bounded by workers x this x one part.
MAX_PARTS_IN_FLIGHT_PER_WORKER = 2
# A single record (a JSONL line, a text document) above this size is reported as failed
# instead of read, so that one pathological record cannot exhaust a worker's memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024
# Read size when cutting a JSONL file into parts (the cut scans newlines, it never parses).
SCAN_BLOCK_BYTES = 1024 * 1024
# The progress line is redrawn at most this often (seconds).
PROGRESS_INTERVAL_S = 0.25
# A worker checks this often (seconds) whether the run that started it still exists.
PARENT_CHECK_INTERVAL_S = 1.0

# ---- formats and names
FORMATS = ("text", "jsonl", "parquet")
FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
OUTPUT_FORMAT_BY_SUFFIX = {**FORMAT_BY_SUFFIX, ".txt": "text"}
PART_SUFFIX = {"text": ".txt", "jsonl": ".jsonl", "parquet": ".parquet"}
STATE_SUFFIX = ".parts"
ERRORS_SUFFIX = ".errors.jsonl"
REPORT_FIELD = "report"
REPORT_SIDECAR_SUFFIX = ".report.json"
STDIN = "-"
STAGED_TREE = "tree"
STATE_VERSION = 1

# Output kinds.
STDOUT = "stdout"
FILE = "file"
MIRROR = "mirror"

PARQUET_MISSING = (
    "Parquet needs pyarrow, which is not installed. Install it with "
    "`pip install 'cleaner[parquet]'` (or `pip install pyarrow`), or use JSONL."
)


class BatchError(Exception):
    """A batch job cannot run as asked; the message says how to fix it."""


class RecordFailure(CleanerError):
    """One record cannot be cleaned (missing field, bad JSON, too large); the run goes on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------------------
# Records: the one place that cleans a value and shapes the output record. The local runner
# and the Dask adapter both go through these functions, so their results are identical.


@dataclass(frozen=True, slots=True)
class Settings:
    """How each record is read, cleaned and written; the same in every worker.

    field: the text field (JSONL) or column (Parquet, data frames) to clean.
    id_field: the field holding a record id, used in the errors file; None = position.
    report: add the per-record report (encoding, repairs, removed lines with reasons).
    """

    options: CleanOptions = cleaner.DEFAULT_OPTIONS
    field: str = "text"
    id_field: str | None = None
    report: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "options": self.options.to_dict(),
            "field": self.field,
            "id_field": self.id_field,
            "report": self.report,
        }


def result_stats(result: CleanResult) -> Counter[str]:
    """Per-record counters for the run summary: ``repaired`` and ``removed:<reason>``.

    >>> sorted(result_stats(cleaner.clean("CafÃ© crÃ¨me")).items())
    [('repaired', 1)]
    """
    out: Counter[str] = Counter()
    removal_prefixes = (f"{Stage.BOILERPLATE}_", f"{Stage.DEDUPE}_")
    repair_prefixes = (f"{Stage.REPAIR}_", f"{Stage.RECOVER}_")
    repaired = False
    for key, n in result.stats.items():
        if n <= 0:
            continue
        if key.startswith(removal_prefixes):
            out[f"removed:{key.split('_', 1)[1]}"] += n
        elif key.startswith(repair_prefixes):
            repaired = True
    if repaired:
        out["repaired"] += 1
    return out


def report_of(result: CleanResult) -> dict[str, Any]:
    """The per-record report: ``to_dict()`` without the text.

    >>> sorted(report_of(cleaner.clean("CafÃ©")))[:3]
    ['changed', 'confidence', 'decoding']
    """
    report = result.to_dict()
    report.pop("text", None)
    return report


def clean_value(value: Any, settings: Settings) -> tuple[str, dict[str, Any] | None, Counter[str]]:
    """Clean one text value (``str``, or ``bytes`` decoded by the library).

    Returns the clean text, the report (when asked) and the record's counters.

    >>> clean_value("CafÃ©", Settings())[0]
    'Café'
    >>> clean_value(None, Settings())
    Traceback (most recent call last):
    ...
    cleaner.batch.RecordFailure: field 'text' is missing or null
    """
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        raise RecordFailure("missing_field", f"field {settings.field!r} is missing or null")
    if isinstance(value, bytearray | memoryview):
        value = bytes(value)
    if not isinstance(value, str | bytes):
        raise RecordFailure(
            "invalid_input",
            f"field {settings.field!r} must be a string, got {type(value).__name__}",
        )
    if len(value) > MAX_RECORD_BYTES:
        raise RecordFailure("input_too_large", f"record is larger than {MAX_RECORD_BYTES} bytes")
    result = cleaner.clean(value, settings.options)
    return result.text, (report_of(result) if settings.report else None), result_stats(result)


def record_id(record: Any, settings: Settings, default: str) -> str:
    """The id a record is reported under: its ``id_field`` value, else its position.

    >>> record_id({"url": "u1"}, Settings(id_field="url"), "a.jsonl:3")
    'u1'
    >>> record_id({"text": "x"}, Settings(id_field="url"), "a.jsonl:3")
    'a.jsonl:3'
    """
    if settings.id_field and isinstance(record, Mapping):
        value = record.get(settings.id_field)
        if value is not None:
            return str(value)
    return default


def error_entry(rid: str, where: str, exc: BaseException) -> dict[str, str]:
    """One line of the errors file: id, position, error code and reason.

    >>> error_entry("r1", "a.jsonl:2", RecordFailure("invalid_json", "bad"))["error"]
    'invalid_json'
    """
    code = getattr(exc, "code", None) or type(exc).__name__
    message = str(exc) or type(exc).__name__
    return {"id": rid, "source": where, "error": str(code), "message": message}


@dataclass(slots=True)
class Cleaned:
    """The outcome of cleaning a batch of records: output rows, failed records, counters."""

    rows: list[Any] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)


def clean_records(items: Iterable[tuple[str, Any]], settings: Settings) -> Cleaned:
    """Clean ``(position, item)`` pairs; an item is a record (mapping), a text, or an exception.

    A mapping keeps every other field untouched and gets its text field replaced (plus
    ``report`` when asked); a plain text becomes ``{"id": position, field: text}``; an
    exception (a line that could not be parsed) is reported as failed.

    >>> out = clean_records([("a:1", {"text": "CafÃ©", "n": 1}), ("a:2", {"n": 2})], Settings())
    >>> out.rows, [e["id"] for e in out.errors], out.stats["records"], out.stats["errors"]
    ([{'text': 'Café', 'n': 1}], ['a:2'], 2, 1)
    """
    out = Cleaned()
    for where, item in items:
        out.stats["records"] += 1
        rid = record_id(item, settings, where)
        try:
            if isinstance(item, BaseException):
                raise item
            if isinstance(item, Mapping):
                text, report, stats = clean_value(item.get(settings.field), settings)
                row = dict(item)
                row[settings.field] = text
            else:
                text, report, stats = clean_value(item, settings)
                row = {"id": rid, settings.field: text}
            if report is not None:
                row[REPORT_FIELD] = report
        except Exception as exc:  # a failing record is reported, never fatal to the run
            out.errors.append(error_entry(rid, where, exc))
            out.stats["errors"] += 1
            continue
        out.rows.append(row)
        out.stats["written"] += 1
        out.stats.update(stats)
    return out


# ---------------------------------------------------------------------------------------
# Jobs: sources, outputs, parts.


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (or stdin when ``path`` is None) and its name relative to its root."""

    path: str | None
    rel: str
    fmt: str
    size: int = 0
    mtime_ns: int = 0


@dataclass(frozen=True, slots=True)
class Output:
    """Where results go: ``stdout``, one ``file`` (``fmt``) or a ``mirror`` folder."""

    kind: str
    path: str | None = None
    fmt: str = "jsonl"

    @property
    def state_dir(self) -> Path | None:
        if self.kind == STDOUT or self.path is None:
            return None
        p = Path(self.path)
        return p.with_name(p.name + STATE_SUFFIX)


@dataclass(frozen=True, slots=True)
class Job:
    """Everything that defines a run; its signature guards resume against a changed command."""

    sources: tuple[Source, ...]
    settings: Settings
    output: Output
    part_records: int = DEFAULT_PART_RECORDS
    errors_path: str | None = None

    def signature(self) -> str:
        data = {
            "version": STATE_VERSION,
            "sources": [[s.path, s.rel, s.fmt, s.size, s.mtime_ns] for s in self.sources],
            "settings": self.settings.to_dict(),
            "output": [self.output.kind, self.output.path, self.output.fmt],
            "part_records": self.part_records,
        }
        blob = json.dumps(data, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()

    @property
    def total_bytes(self) -> int | None:
        if any(s.path is None for s in self.sources):
            return None
        return sum(s.size for s in self.sources)


@dataclass(frozen=True, slots=True)
class Part:
    """A slice of the job: ``[start, stop)`` bytes of a JSONL file, rows of a Parquet file,
    or a run of text documents; ``data`` holds the bytes when the source is stdin."""

    index: int
    sources: tuple[Source, ...]
    start: int = 0
    stop: int = 0
    first_line: int = 1
    nbytes: int = 0
    data: bytes | None = None

    @property
    def fmt(self) -> str:
        return self.sources[0].fmt


def format_of(path: str, forced: str | None = None) -> str:
    """The input format: ``forced`` when given, else by extension; anything else is text.

    >>> format_of("a/b.jsonl"), format_of("c.PARQUET"), format_of("d.html"), format_of("e", "jsonl")
    ('jsonl', 'parquet', 'text', 'jsonl')
    """
    if forced:
        return forced
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "text")


def _matches(rel: str, globs: tuple[str, ...]) -> bool:
    if not globs:
        return True
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase(name, g) for g in globs)


def _source(path: Path, rel: str, fmt: str) -> Source:
    st = path.stat()
    # absolute: workers of a cluster do not share this process's working folder
    return Source(str(path.absolute()), rel, fmt, st.st_size, st.st_mtime_ns)


def _is_within(path: Path, others: Iterable[Path]) -> bool:
    return any(path == o or o in path.parents for o in others)


def collect_sources(
    inputs: Iterable[str],
    *,
    fmt: str | None = None,
    globs: tuple[str, ...] = (),
    exclude: Iterable[Path] = (),
) -> tuple[Source, ...]:
    """Resolve inputs (files, folders walked recursively in sorted order, ``-``) to sources.

    Hidden files and folders are skipped; ``globs`` filter folder contents by relative path
    or name; paths under ``exclude`` (the output and its state) are never read.
    """
    excluded = [p.resolve() for p in exclude]
    out: list[Source] = []
    for raw in inputs:
        if raw == STDIN:
            out.append(Source(None, STDIN, fmt or "text"))
            continue
        path = Path(raw)
        if path.is_dir():
            found = 0
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                if _is_within(Path(dirpath).resolve(), excluded):
                    dirnames[:] = []
                    continue
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    full = Path(dirpath) / name
                    rel = full.relative_to(path).as_posix()
                    if not _matches(rel, globs) or _is_within(full.resolve(), excluded):
                        continue
                    out.append(_source(full, rel, format_of(name, fmt)))
                    found += 1
            if not found:
                raise BatchError(
                    f"no input files found in folder {raw!r}"
                    + (f" matching {' or '.join(globs)}" if globs else "")
                    + "; check the path and the --glob patterns"
                )
        elif path.is_file():
            out.append(_source(path, path.name, format_of(path.name, fmt)))
        else:
            raise BatchError(f"input {raw!r} does not exist; pass existing files, folders or -")
    return tuple(out)


def choose_output(
    output: str | None, sources: tuple[Source, ...], inputs: tuple[str, ...], report: bool
) -> Output:
    """Decide where results go from ``-o`` and the inputs (see ``cleaner clean --help``)."""
    if output in (None, STDIN):
        single_doc = len(inputs) == 1 and not Path(inputs[0]).is_dir() and len(sources) == 1
        as_text = single_doc and sources[0].fmt == "text" and not report
        return Output(STDOUT, None, "text" if as_text else "jsonl")
    assert output is not None
    path = Path(output)
    fmt = OUTPUT_FORMAT_BY_SUFFIX.get(path.suffix.lower())
    folder = path.is_dir() or output.endswith(("/", os.sep))
    if fmt is None and path.suffix and not folder:
        raise BatchError(
            f"cannot tell the output format of {output!r}: end it in .jsonl, .parquet or .txt, "
            "or in / for a folder that mirrors the inputs"
        )
    if folder or fmt is None:
        if any(s.path is None for s in sources):
            raise BatchError("stdin cannot be mirrored into a folder; use -o OUT.jsonl")
        seen: dict[str, str] = {}
        for s in sources:
            if s.rel in seen:
                raise BatchError(
                    f"two inputs would both be written as {s.rel!r} in {output!r}; "
                    "give each input its own run or -o OUT.jsonl"
                )
            seen[s.rel] = s.rel
        return Output(MIRROR, str(path.absolute()), "mirror")
    inputs_resolved = {Path(s.path).resolve() for s in sources if s.path is not None}
    if path.resolve() in inputs_resolved:
        raise BatchError(f"-o {output!r} is also an input; write the output to another path")
    if fmt == "text":
        if len(sources) != 1 or sources[0].fmt != "text":
            raise BatchError(
                "only one text document can go to a .txt file; use -o OUT.jsonl or a folder"
            )
        if report:
            raise BatchError("--report needs JSONL or Parquet output (or a folder)")
    return Output(FILE, str(path.absolute()), fmt)


# ---- planning


def _plan_jsonl_file(src: Source, n: int, first_index: int) -> Iterator[Part]:
    assert src.path is not None
    index = first_index
    with open(src.path, "rb") as f:
        pos = part_start = count = 0
        first_line = 1
        while block := f.read(SCAN_BLOCK_BYTES):
            i = 0
            while (j := block.find(b"\n", i)) >= 0:
                i = j + 1
                count += 1
                if count == n:
                    end = pos + i
                    yield Part(index, (src,), part_start, end, first_line, end - part_start)
                    index += 1
                    part_start, first_line, count = end, first_line + n, 0
            pos += len(block)
    if part_start < pos or index == first_index:
        yield Part(index, (src,), part_start, pos, first_line, pos - part_start)


def _plan_stdin(src: Source, n: int, first_index: int, stream: IO[bytes]) -> Iterator[Part]:
    if src.fmt == "text":
        data = stream.read()
        yield Part(first_index, (src,), 0, len(data), 1, len(data), data)
        return
    if src.fmt != "jsonl":
        raise BatchError("stdin must be text or JSONL; for Parquet pass the file path")
    index, first_line = first_index, 1
    lines: list[bytes] = []
    for line in stream:
        lines.append(line)
        if len(lines) == n:
            data = b"".join(lines)
            yield Part(index, (src,), 0, len(data), first_line, len(data), data)
            index, first_line, lines = index + 1, first_line + n, []
    if lines or index == first_index:
        data = b"".join(lines)
        yield Part(index, (src,), 0, len(data), first_line, len(data), data)


def _plan_parquet_file(src: Source, n: int, first_index: int) -> Iterator[Part]:
    pq = _pyarrow_parquet()
    assert src.path is not None
    try:
        rows = pq.ParquetFile(src.path).metadata.num_rows
    except Exception as exc:
        raise BatchError(f"cannot read Parquet file {src.path!r}: {exc}") from None
    index = first_index
    for start in range(0, max(rows, 1), n):
        stop = min(start + n, rows)
        share = src.size * (stop - start) // rows if rows else src.size
        yield Part(index, (src,), start, stop, start + 1, share)
        index += 1


def plan_parts(job: Job, stdin: IO[bytes] | None = None) -> Iterator[Part]:
    """Cut the job into parts, lazily and always in the same order for the same inputs.

    Text documents are grouped ``part_records`` to a part; JSONL and Parquet files are cut
    into parts of ``part_records`` lines or rows, at least one part per file.
    """
    n = job.part_records
    index = 0
    docs: list[Source] = []

    def flush_docs() -> Iterator[Part]:
        nonlocal index, docs
        if docs:
            yield Part(index, tuple(docs), 0, len(docs), 1, sum(d.size for d in docs))
            index += 1
            docs = []

    for src in job.sources:
        if src.path is None:
            yield from flush_docs()
            parts: Iterator[Part] = _plan_stdin(src, n, index, stdin or sys.stdin.buffer)
        elif src.fmt == "text":
            docs.append(src)
            if len(docs) == n:
                yield from flush_docs()
            continue
        else:
            yield from flush_docs()
            plan = _plan_jsonl_file if src.fmt == "jsonl" else _plan_parquet_file
            parts = plan(src, n, index)
        for part in parts:
            yield part
            index = part.index + 1
    yield from flush_docs()


# ---- reading a part (in the worker)


def _jsonl_items(part: Part) -> Iterator[tuple[str, Any]]:
    src = part.sources[0]
    with contextlib.ExitStack() as stack:
        if part.data is not None:
            f: IO[bytes] = io.BytesIO(part.data)
            remaining = len(part.data)
        else:
            assert src.path is not None
            f = stack.enter_context(open(src.path, "rb"))
            f.seek(part.start)
            remaining = part.stop - part.start
        line_no = part.first_line
        while remaining > 0:
            line = f.readline(min(remaining, MAX_RECORD_BYTES + 1))
            if not line:
                break
            remaining -= len(line)
            where = f"{src.rel}:{line_no}"
            if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                while remaining > 0 and (rest := f.readline(min(remaining, SCAN_BLOCK_BYTES))):
                    remaining -= len(rest)
                    if rest.endswith(b"\n"):
                        break
                yield (
                    where,
                    RecordFailure(
                        "input_too_large", f"line is larger than {MAX_RECORD_BYTES} bytes"
                    ),
                )
            elif line.strip():
                yield where, _parse_json_line(line)
            line_no += 1


def _parse_json_line(line: bytes) -> Any:
    """A JSONL line as a mapping, or the failure to report for it.

    >>> _parse_json_line(b'{"text": "a"}')
    {'text': 'a'}
    >>> _parse_json_line(b"[1]")
    RecordFailure('line is not a JSON object; each line must be {"field": ...}')
    """
    try:
        value = json.loads(line)
    except ValueError as exc:
        return RecordFailure("invalid_json", f"line is not valid JSON: {exc}")
    if not isinstance(value, dict):
        return RecordFailure(
            "invalid_json", 'line is not a JSON object; each line must be {"field": ...}'
        )
    return value


def _text_items(part: Part) -> Iterator[tuple[str, Any]]:
    for src in part.sources:
        if part.data is not None:
            yield src.rel, part.data
            continue
        assert src.path is not None
        try:
            if os.path.getsize(src.path) > MAX_RECORD_BYTES:
                raise RecordFailure(
                    "input_too_large", f"document is larger than {MAX_RECORD_BYTES} bytes"
                )
            data = Path(src.path).read_bytes()
        except OSError as exc:
            yield src.rel, RecordFailure("unreadable", f"cannot read {src.path}: {exc.strerror}")
            continue
        except RecordFailure as exc:
            yield src.rel, exc
            continue
        yield src.rel, data


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise BatchError(PARQUET_MISSING) from None
    return pyarrow


def _pyarrow_parquet() -> Any:
    _pyarrow()
    import pyarrow.parquet

    return pyarrow.parquet


def read_parquet_rows(path: str, start: int, stop: int) -> Any:
    """Rows ``[start, stop)`` of a Parquet file, reading only the row groups that hold them."""
    pa, pq = _pyarrow(), _pyarrow_parquet()
    pf = pq.ParquetFile(path)
    tables = []
    offset = 0
    for group in range(pf.metadata.num_row_groups):
        rows = pf.metadata.row_group(group).num_rows
        lo, hi = max(start, offset), min(stop, offset + rows)
        if lo < hi:
            tables.append(pf.read_row_group(group).slice(lo - offset, hi - lo))
        offset += rows
    if not tables:
        return pf.schema_arrow.empty_table()
    return pa.concat_tables(tables)


@dataclass
class CleanedColumn:
    """A column of values cleaned one by one: which rows survived, their texts and reports,
    the failed rows and the counters."""

    keep: list[bool] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)


def clean_column(
    values: list[Any], ids: list[Any] | None, where_of: Callable[[int], str], settings: Settings
) -> CleanedColumn:
    """Clean a column (Parquet or data frame); a failing row is reported, never fatal.

    >>> col = clean_column(["CafÃ©", None], None, lambda i: f"row {i}", Settings())
    >>> col.keep, col.texts, [e["error"] for e in col.errors]
    ([True, False], ['Café'], ['missing_field'])
    """
    out = CleanedColumn()
    for i, value in enumerate(values):
        where = where_of(i)
        rid = str(ids[i]) if ids is not None and ids[i] is not None else where
        out.stats["records"] += 1
        try:
            text, report, stats = clean_value(value, settings)
        except Exception as exc:  # a failing record is reported, never fatal to the run
            out.errors.append(error_entry(rid, where, exc))
            out.stats["errors"] += 1
            out.keep.append(False)
            continue
        out.keep.append(True)
        out.texts.append(text)
        if report is not None:
            out.reports.append(json.dumps(report, ensure_ascii=False))
        out.stats["written"] += 1
        out.stats.update(stats)
    return out


def _clean_table(table: Any, part: Part, settings: Settings) -> tuple[Any, Cleaned]:
    """Clean a Parquet part column-wise: the text column is replaced, other columns kept."""
    pa = _pyarrow()
    src = part.sources[0]
    if settings.field not in table.column_names:
        raise BatchError(
            f"Parquet file {src.path!r} has no column {settings.field!r} "
            f"(columns: {', '.join(table.column_names)}); pass --field COLUMN"
        )
    values = table.column(settings.field).to_pylist()
    ids = (
        table.column(settings.id_field).to_pylist()
        if settings.id_field and settings.id_field in table.column_names
        else None
    )
    out = Cleaned()
    column = clean_column(values, ids, lambda i: f"{src.rel}:{part.start + i + 1}", settings)
    keep, texts, reports = column.keep, column.texts, column.reports
    out.errors.extend(column.errors)
    out.stats.update(column.stats)
    if not all(keep):
        table = table.filter(pa.array(keep, type=pa.bool_()))
    position = table.column_names.index(settings.field)
    table = table.set_column(position, settings.field, pa.array(texts, type=pa.string()))
    if settings.report:
        if REPORT_FIELD in table.column_names:
            table = table.drop_columns([REPORT_FIELD])
        table = table.append_column(REPORT_FIELD, pa.array(reports, type=pa.string()))
    return table, out


# ---- writing


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """Write ``path`` through a temporary file renamed into place only when complete.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with atomic_file(Path(d) / "x.txt") as f:
    ...         _ = f.write(b"done")
    ...     (Path(d) / "x.txt").read_bytes(), sorted(p.name for p in Path(d).iterdir())
    (b'done', ['x.txt'])
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)


def _json_line(row: Any) -> bytes:
    return (json.dumps(row, ensure_ascii=False, default=str) + "\n").encode("utf-8")


def _table_to_rows(table: Any, settings: Settings) -> list[dict[str, Any]]:
    """Parquet rows as JSON records; the report column (JSON text) becomes an object again."""
    rows: list[dict[str, Any]] = table.to_pylist()
    if settings.report:
        for row in rows:
            row[REPORT_FIELD] = json.loads(row[REPORT_FIELD])
    return rows


def _rows_to_table(rows: list[Any]) -> Any:
    pa = _pyarrow()
    try:
        return pa.Table.from_pylist(rows)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise BatchError(
            f"records cannot be stored as Parquet columns ({exc}); write JSONL instead"
        ) from None


def _part_path(state_dir: Path, index: int, fmt: str) -> Path:
    return state_dir / f"{index:08d}{PART_SUFFIX[fmt]}"


def _meta_path(state_dir: Path, index: int) -> Path:
    return state_dir / f"{index:08d}.json"


@dataclass(frozen=True, slots=True)
class PartDone:
    """What a worker returns: counts, failed records, and (stdout runs) the output bytes."""

    index: int
    rows: int
    stats: dict[str, int]
    errors: list[dict[str, str]]
    nbytes: int = 0
    payload: bytes | None = None

    def to_meta(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "rows": self.rows,
            "stats": self.stats,
            "errors": self.errors,
            "nbytes": self.nbytes,
        }


def _stage_text(part: Part, cleaned: Cleaned, settings: Settings, tree: Path) -> None:
    """Write cleaned documents (and report sidecars) under the state folder's ``tree``; they
    are renamed into the output folder when the run completes."""
    by_id = {row["id"]: row for row in cleaned.rows}
    for src in part.sources:
        row = by_id.get(src.rel)
        if row is None:
            continue
        with atomic_file(tree / src.rel) as f:
            f.write(row[settings.field].encode("utf-8"))
        if settings.report:
            with atomic_file(tree / (src.rel + REPORT_SIDECAR_SUFFIX)) as f:
                f.write(json.dumps(row[REPORT_FIELD], ensure_ascii=False, indent=1).encode())


def run_part(part: Part, settings: Settings, output: Output) -> PartDone:
    """Clean one part and write it (worker side). Safe to run twice: same bytes, same names."""
    fmt = part.fmt
    table = None
    if fmt == "parquet":
        assert part.sources[0].path is not None
        table, cleaned = _clean_table(
            read_parquet_rows(part.sources[0].path, part.start, part.stop), part, settings
        )
    elif fmt == "jsonl":
        cleaned = clean_records(_jsonl_items(part), settings)
    else:
        cleaned = clean_records(_text_items(part), settings)
    written = cleaned.stats["written"]
    target_fmt = output.fmt if output.kind != MIRROR else fmt
    payload: bytes | None = None
    state_dir = output.state_dir

    if output.kind == MIRROR and fmt == "text":
        assert state_dir is not None
        _stage_text(part, cleaned, settings, state_dir / STAGED_TREE)
    elif target_fmt == "parquet":
        if table is None and cleaned.rows:
            if settings.report:  # one column type for every part: the report as JSON text
                for row in cleaned.rows:
                    row[REPORT_FIELD] = json.dumps(row[REPORT_FIELD], ensure_ascii=False)
            table = _rows_to_table(cleaned.rows)
        if table is not None and table.num_rows and state_dir is not None:
            pq = _pyarrow_parquet()
            with atomic_file(_part_path(state_dir, part.index, "parquet")) as f:
                pq.write_table(table, f)
    else:
        if target_fmt == "text":
            data = b"".join(row[settings.field].encode("utf-8") for row in cleaned.rows)
        else:
            rows = _table_to_rows(table, settings) if table is not None else cleaned.rows
            data = b"".join(_json_line(row) for row in rows)
        if output.kind == STDOUT or state_dir is None:
            payload = data
        elif written:
            with atomic_file(_part_path(state_dir, part.index, target_fmt)) as f:
                f.write(data)
    return PartDone(part.index, written, dict(cleaned.stats), cleaned.errors, part.nbytes, payload)


# ---------------------------------------------------------------------------------------
# Running: executors, state, progress, assembly.


class Executor(Protocol):
    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


class InlineExecutor:
    """Runs each task at once in this process (``-j 1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as exc:
            fut.set_exception(exc)
        return fut


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_INTERVAL_S)
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            continue


def worker_init(parent_pid: int) -> None:
    """Pool worker set-up: Ctrl-C is handled by the run, not by each worker; a worker whose
    run was killed (``kill -9``) exits instead of finishing orphaned parts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


@contextlib.contextmanager
def local_executor(jobs: int) -> Iterator[Executor]:
    """``jobs`` worker processes (spawned, so no thread or lock state is inherited)."""
    if jobs <= 1:
        yield InlineExecutor()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=worker_init,
        initargs=(os.getpid(),),
    )
    try:
        yield pool
    except BaseException:
        # Interrupted or failed: stop the workers now rather than let them finish parts
        # nobody waits for (ProcessPoolExecutor has no public terminate before Python 3.14).
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in workers:
            with contextlib.suppress(Exception):
                proc.terminate()
        raise
    pool.shutdown(wait=True)


class Progress:
    """A one-line progress display on stderr: records, MB/s, ETA. Silent when disabled."""

    def __init__(
        self,
        stream: IO[str],
        enabled: bool,
        total_bytes: int | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream, self.enabled, self.total, self.clock = stream, enabled, total_bytes, clock
        self.start = self.last = clock()
        self.records = 0
        self.done_bytes = 0
        self.session_bytes = 0
        self.drawn = False

    def skip(self, records: int, nbytes: int) -> None:
        self.records += records
        self.done_bytes += nbytes

    def advance(self, records: int, nbytes: int) -> None:
        self.records += records
        self.done_bytes += nbytes
        self.session_bytes += nbytes
        now = self.clock()
        if self.enabled and now - self.last >= PROGRESS_INTERVAL_S:
            self.last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self.drawn = True

    @property
    def rate(self) -> float:
        elapsed = max(self.clock() - self.start, 1e-9)
        return self.session_bytes / elapsed

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.session_bytes / elapsed
        text = f"{self.records:,} records  {rate / 1e6:.2f} MB/s"
        if self.total:
            share = min(self.done_bytes / self.total, 1.0)
            text += f"  {share:4.0%}"
            if rate > 0:
                eta = int((self.total - self.done_bytes) / rate)
                text += f"  ETA {eta // 3600}:{eta // 60 % 60:02d}:{eta % 60:02d}"
        return text

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@dataclass(slots=True)
class Summary:
    """Counters of a whole run (all parts, including those done before a resume)."""

    stats: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    errors_path: str | None = None
    seconds: float = 0.0
    mbps: float = 0.0

    def lines(self) -> list[str]:
        s = self.stats
        out = [
            f"records: {s['records']:,}  written: {s['written']:,}  repaired: {s['repaired']:,}  "
            f"errors: {s['errors']:,}"
        ]
        removed = sorted(
            ((k.split(":", 1)[1], n) for k, n in s.items() if k.startswith("removed:") and n),
            key=lambda kv: (-kv[1], kv[0]),
        )
        total = sum(n for _, n in removed)
        detail = ", ".join(f"{reason} {n:,}" for reason, n in removed)
        out.append(f"lines removed: {total:,}" + (f" ({detail})" if detail else ""))
        if s["errors"]:
            where = self.errors_path or "stderr"
            out.append(f"failed records are listed with their id and reason in {where}")
        out.append(f"time: {self.seconds:.1f} s  ({self.mbps:.2f} MB/s)")
        return out


class State:
    """The state folder of a file or folder output: manifest, part files, meta files."""

    def __init__(self, job: Job, restart: bool) -> None:
        assert job.output.state_dir is not None
        self.dir = job.output.state_dir
        self.job = job
        signature = job.signature()
        manifest = self.dir / "manifest.json"
        if restart and self.dir.exists():
            shutil.rmtree(self.dir)
        if manifest.exists():
            found = json.loads(manifest.read_text()).get("signature")
            if found != signature:
                raise BatchError(
                    f"{self.dir} holds an unfinished run of a different command or of inputs "
                    "that changed since; rerun that exact command to finish it, or pass "
                    "--restart to discard it and start over"
                )
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock = self._acquire_lock()
        if not manifest.exists():
            with atomic_file(manifest) as f:
                f.write(json.dumps({"signature": signature, "version": STATE_VERSION}).encode())

    def _acquire_lock(self) -> IO[bytes] | None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX: no lock
            return None
        handle = open(self.dir / "lock", "wb")  # noqa: SIM115 - held for the whole run
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise BatchError(
                f"another run is using {self.dir}; wait for it to finish or stop it first"
            ) from None
        return handle

    def done(self) -> set[int]:
        """Indices of the parts committed so far (their meta files exist)."""
        return {int(path.stem) for path in self.dir.glob("*.json") if path.stem.isdigit()}

    def read(self, index: int) -> dict[str, Any]:
        meta: dict[str, Any] = json.loads(_meta_path(self.dir, index).read_text())
        return meta

    def commit(self, done: PartDone) -> None:
        with atomic_file(_meta_path(self.dir, done.index)) as f:
            f.write(json.dumps(done.to_meta(), ensure_ascii=False).encode())

    def close(self, remove: bool) -> None:
        if self._lock is not None:
            self._lock.close()
        if remove:
            shutil.rmtree(self.dir, ignore_errors=True)


def _remove_stale_temps(target: Path) -> None:
    """Temporary files of ``target`` left by a run killed while writing it."""
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _assemble_jsonl(paths: Iterable[Path], target: Path) -> None:
    _remove_stale_temps(target)
    with atomic_file(target) as out:
        for path in paths:
            if path.exists():
                with open(path, "rb") as f:
                    shutil.copyfileobj(f, out, SCAN_BLOCK_BYTES)


def _conform(table: Any, schema: Any) -> Any:
    pa = _pyarrow()
    columns = []
    for fld in schema:
        if fld.name in table.column_names:
            columns.append(table.column(fld.name).cast(fld.type))
        else:
            columns.append(pa.nulls(table.num_rows, fld.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _assemble_parquet(paths: list[Path], target: Path, template: Any = None) -> None:
    pa, pq = _pyarrow(), _pyarrow_parquet()
    present = [p for p in paths if p.exists()]
    schemas = [pq.read_schema(p) for p in present]
    if schemas:
        try:
            schema = pa.unify_schemas(schemas, promote_options="permissive")
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise BatchError(
                f"records have fields of conflicting types ({exc}); write JSONL instead"
            ) from None
    elif template is not None:
        schema = template
    else:
        schema = pa.schema([])
    _remove_stale_temps(target)
    with atomic_file(target) as f:
        writer = pq.ParquetWriter(f, schema)
        try:
            for p in present:
                writer.write_table(_conform(pq.read_table(p), schema))
        finally:
            writer.close()


def _empty_parquet_schema(src: Source, settings: Settings) -> Any:
    pa, pq = _pyarrow(), _pyarrow_parquet()
    if src.fmt == "parquet" and src.path is not None:
        schema = pq.read_schema(src.path)
        if settings.field in schema.names:
            i = schema.get_field_index(settings.field)
            schema = schema.set(i, pa.field(settings.field, pa.string()))
        if settings.report and REPORT_FIELD not in schema.names:
            schema = schema.append(pa.field(REPORT_FIELD, pa.string()))
        return schema
    return None


def assemble(job: Job, n_parts: int, spans: Mapping[int, tuple[int, int]]) -> None:
    """Build the final output from the part files, in part order. ``spans`` maps a source
    index to the first and last index of its parts."""
    out = job.output
    state_dir = out.state_dir
    assert out.path is not None and state_dir is not None
    if out.kind == FILE:
        paths = [_part_path(state_dir, i, out.fmt) for i in range(n_parts)]
        if out.fmt == "parquet":
            template = _empty_parquet_schema(job.sources[0], job.settings)
            _assemble_parquet(paths, Path(out.path), template)
        else:
            _assemble_jsonl(paths, Path(out.path))
        return
    for src in job.sources:
        if src.fmt != "text":
            continue
        names = [src.rel, src.rel + REPORT_SIDECAR_SUFFIX] if job.settings.report else [src.rel]
        for name in names:
            staged = state_dir / STAGED_TREE / name
            if staged.exists():  # else failed, or already moved by an interrupted assembly
                (Path(out.path) / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, Path(out.path) / name)
    for source, (first, last) in spans.items():
        src = job.sources[source]
        if src.fmt == "text":
            continue
        target = Path(out.path) / src.rel
        paths = [_part_path(state_dir, i, src.fmt) for i in range(first, last + 1)]
        if src.fmt == "parquet":
            _assemble_parquet(paths, target, _empty_parquet_schema(src, job.settings))
        else:
            _assemble_jsonl(paths, target)


def _write_errors(path: Path, errors: Iterable[dict[str, Any]]) -> int:
    count = 0
    _remove_stale_temps(path)
    with atomic_file(path) as f:
        for err in errors:
            f.write(_json_line(err))
            count += 1
    if not count:
        path.unlink()
    return count


def run_job(
    job: Job,
    executor: Executor,
    *,
    workers: int = 1,
    restart: bool = False,
    stdout: IO[bytes] | None = None,
    stderr: IO[str] | None = None,
    progress: bool = False,
    stdin: IO[bytes] | None = None,
) -> Summary:
    """Run (or resume) a job; returns the summary. Raises ``BatchError`` on job-level failure.

    Parts go to ``executor`` at most ``workers x MAX_PARTS_IN_FLIGHT_PER_WORKER`` at a time
    and are collected in order, so stdout output is ordered and memory stays bounded.
    """
    stdout = stdout if stdout is not None else sys.stdout.buffer
    stderr = stderr if stderr is not None else sys.stderr
    state = State(job, restart) if job.output.state_dir is not None else None
    committed = state.done() if state is not None else set()
    bar = Progress(stderr, progress, job.total_bytes)
    summary = Summary(errors_path=job.errors_path)
    # Kept per source, not per part or record, so memory does not grow with the input.
    source_index = {id(s): i for i, s in enumerate(job.sources)}
    spans: dict[int, tuple[int, int]] = {}
    n_parts = 0
    stdout_errors: list[dict[str, Any]] = []  # stdout runs only: no state folder to keep them
    window: deque[tuple[Part, Any]] = deque()
    limit = max(1, workers) * MAX_PARTS_IN_FLIGHT_PER_WORKER

    def finish(part: Part, future: Any) -> None:
        try:
            done: PartDone = future.result()
        except BatchError:
            raise
        except Exception as exc:
            where = ", ".join(s.rel for s in part.sources[:3])
            raise BatchError(
                f"a worker failed on part {part.index} ({where}): {type(exc).__name__}: {exc}; "
                "fix the cause and rerun the same command to resume"
            ) from exc
        if state is not None:
            state.commit(done)
        else:
            if done.payload:
                stdout.write(done.payload)
                stdout.flush()
            stdout_errors.extend(done.errors)
        summary.stats.update(done.stats)
        bar.advance(done.stats.get("records", 0), done.nbytes)

    completed = False
    try:
        for part in plan_parts(job, stdin):
            n_parts = part.index + 1
            source = source_index[id(part.sources[0])]
            spans[source] = (spans.get(source, (part.index, part.index))[0], part.index)
            if part.index in committed and state is not None:
                meta = state.read(part.index)
                summary.stats.update(meta["stats"])
                bar.skip(meta["stats"].get("records", 0), meta["nbytes"])
                continue
            window.append((part, executor.submit(run_part, part, job.settings, job.output)))
            while len(window) > limit:
                finish(*window.popleft())
        while window:
            finish(*window.popleft())
        completed = True
    finally:
        bar.close()
        if not completed and state is not None:
            state.close(remove=False)

    if state is not None:
        assemble(job, n_parts, spans)
        if job.errors_path:
            errors = (e for i in range(n_parts) for e in state.read(i)["errors"])
            summary.errors = _write_errors(Path(job.errors_path), errors)
        state.close(remove=True)
    elif job.errors_path:
        summary.errors = _write_errors(Path(job.errors_path), stdout_errors)
    else:
        for err in stdout_errors:
            stderr.write(json.dumps(err, ensure_ascii=False) + "\n")
        summary.errors = len(stdout_errors)
    summary.seconds = bar.clock() - bar.start
    summary.mbps = bar.rate / 1e6
    if summary.stats["records"] != summary.stats["written"] + summary.stats["errors"]:
        raise BatchError(  # pragma: no cover - a broken invariant is a bug, never silent
            f"count mismatch: {summary.stats['records']} records read, "
            f"{summary.stats['written']} written, {summary.stats['errors']} failed"
        )
    return summary


def default_errors_path(output: Output) -> str | None:
    """Errors go next to a file or folder output; stdout runs report them on stderr.

    >>> default_errors_path(Output(FILE, "out/clean.jsonl", "jsonl"))
    'out/clean.jsonl.errors.jsonl'
    >>> default_errors_path(Output(STDOUT)) is None
    True
    """
    if output.kind == STDOUT or output.path is None:
        return None
    return str(Path(output.path.rstrip("/" + os.sep))) + ERRORS_SUFFIX
