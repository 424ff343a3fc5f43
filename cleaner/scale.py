"""Scale-out on Dask: clean a ``dask.bag`` or a ``dask.dataframe`` column, or run a batch job
(``cleaner clean --engine dask``) on a cluster.

Each partition goes through the same per-record functions as the local batch runner
(:func:`cleaner.batch.clean_records`, :func:`cleaner.batch.clean_value`), so results are the
same record for record. Every partition also returns its counters (``records``, ``written``,
``errors``, ``repaired``, ``removed:<reason>``); they merge by addition into one summary.

Dask is imported inside the functions: ``import cleaner`` never needs it. Workers must be
able to import ``cleaner`` (install it on them, e.g. ``pip install 'cleaner[dask]'``).

    import dask.bag as db
    from cleaner.scale import clean_bag

    cleaned = clean_bag(db.read_text("crawl-*.jsonl").map(json.loads), field="body")
    records, errors, summary = cleaned.compute()   # one pass: cleaning runs once
    cleaned.data.map(json.dumps).to_textfiles("clean-*.jsonl")   # or stay lazy
"""

from __future__ import annotations

import contextlib
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import cleaner
from cleaner.batch import Settings, clean_column, clean_records

# How long `--scheduler ADDRESS` waits for the scheduler before saying it cannot reach it:
# distributed's own default connect timeout.
SCHEDULER_CONNECT_TIMEOUT = "30s"


def merge_stats(counters: Iterable[Mapping[str, int]]) -> Counter[str]:
    """Add per-partition counters into one summary.

    >>> merge_stats([{"records": 2, "errors": 1}, {"records": 3}])
    Counter({'records': 5, 'errors': 1})
    """
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def _settings(
    options: cleaner.CleanOptions | Mapping[str, Any] | None,
    field: str,
    id_field: str | None,
    report: bool,
) -> Settings:
    if options is None:
        opts = cleaner.DEFAULT_OPTIONS
    elif isinstance(options, cleaner.CleanOptions):
        opts = options
    else:
        opts = cleaner.options_from_mapping(options)
    return Settings(opts, field, id_field, report)


def clean_partition(
    items: Iterable[Any], settings: Settings, partition: int = 0
) -> tuple[list[Any], list[dict[str, str]], Counter[str]]:
    """Clean one partition of strings or records: ``(rows, errors, counters)``.

    Records (mappings) come back with their text field replaced and every other field
    untouched; strings come back as clean strings (or as ``{"id", field, "report"}`` records
    when a report is asked for). Failed items are left out of ``rows`` and listed in
    ``errors`` under their id (``id_field``) or ``"<partition>:<position>"``.

    >>> rows, errors, stats = clean_partition(["CafÃ©", 7], Settings(), partition=3)
    >>> rows, [e["id"] for e in errors], stats["records"]
    (['Café'], ['3:2'], 2)
    """
    rows: list[Any] = []
    errors: list[dict[str, str]] = []
    stats: Counter[str] = Counter()
    for position, item in enumerate(items, 1):
        out = clean_records([(f"{partition}:{position}", item)], settings)
        stats.update(out.stats)
        errors.extend(out.errors)
        for row in out.rows:
            plain = not isinstance(item, Mapping) and not settings.report
            rows.append(row[settings.field] if plain else row)
    return rows, errors, stats


def clean_frame_partition(
    frame: Any, settings: Settings, partition: int = 0
) -> tuple[Any, list[dict[str, str]], Counter[str]]:
    """Clean the ``settings.field`` column of one pandas partition.

    Failed rows are dropped from the frame and listed in the errors; with ``report`` a
    ``report`` column holds each row's report as JSON text.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["CafÃ©", None], "n": [1, 2]})
    >>> out, errors, stats = clean_frame_partition(frame, Settings())
    >>> out["text"].tolist(), out["n"].tolist(), [e["error"] for e in errors]
    (['Café'], [1], ['missing_field'])
    """

    import pandas as pd

    column = settings.field
    if column not in frame.columns:
        raise cleaner.InvalidOptions(
            f"data frame has no column {column!r} (columns: {', '.join(map(str, frame.columns))})",
            "field",
        )
    values = frame[column].tolist()
    ids = (
        frame[settings.id_field].tolist()
        if settings.id_field and settings.id_field in frame.columns
        else None
    )
    column_out = clean_column(values, ids, lambda i: f"{partition}:{i + 1}", settings)
    keep, texts, reports = column_out.keep, column_out.texts, column_out.reports
    errors, stats = column_out.errors, column_out.stats
    out = frame.loc[keep].copy()
    out[column] = pd.Series(texts, index=out.index, dtype="str")
    if settings.report:
        out["report"] = pd.Series(reports, index=out.index, dtype="str")
    return out, errors, stats


@dataclass(frozen=True, slots=True)
class CleanedCollection:
    """Lazy results: cleaned ``data`` (a Bag or a DataFrame, e.g. for ``to_parquet``), failed
    records as a Bag of ``errors``, the merged ``summary`` (a Delayed Counter), and the
    per-partition ``parts`` (Delayed ``(rows, errors, counters)``) they are all built from."""

    data: Any
    errors: Any
    summary: Any
    parts: tuple[Any, ...]
    frame: bool = False

    def compute(self, **kwargs: Any) -> tuple[Any, list[dict[str, str]], Counter[str]]:
        """Compute data, errors and summary in one pass, so each partition is cleaned once.

        Data comes back as a list (bags) or a pandas DataFrame (data frames).
        """
        import dask

        results = dask.compute(*self.parts, **kwargs)
        errors = [e for _, part_errors, _ in results for e in part_errors]
        summary = merge_stats(stats for _, _, stats in results)
        if self.frame:
            import pandas as pd

            frames = [frame for frame, _, _ in results]
            data = pd.concat(frames) if frames else self.data._meta
        else:
            data = [row for rows, _, _ in results for row in rows]
        return data, errors, summary


def clean_bag(
    bag: Any,
    options: cleaner.CleanOptions | Mapping[str, Any] | None = None,
    *,
    field: str = "text",
    id_field: str | None = None,
    report: bool = False,
) -> CleanedCollection:
    """Clean a ``dask.bag`` of strings (or bytes) or of records (dicts with ``field``)."""
    import dask
    import dask.bag as db

    settings = _settings(options, field, id_field, report)
    outs = [
        dask.delayed(clean_partition, nout=3, pure=True)(part, settings, i)
        for i, part in enumerate(bag.to_delayed())
    ]
    return CleanedCollection(
        db.from_delayed([o[0] for o in outs]),
        db.from_delayed([o[1] for o in outs]),
        dask.delayed(merge_stats, pure=True)([o[2] for o in outs]),
        tuple(outs),
    )


def clean_dataframe(
    df: Any,
    column: str = "text",
    options: cleaner.CleanOptions | Mapping[str, Any] | None = None,
    *,
    id_column: str | None = None,
    report: bool = False,
) -> CleanedCollection:
    """Clean the text ``column`` of a ``dask.dataframe``; other columns pass through."""
    import dask
    import dask.bag as db
    import dask.dataframe as dd

    settings = _settings(options, column, id_column, report)
    meta = clean_frame_partition(df._meta, settings)[0]
    outs = [
        dask.delayed(clean_frame_partition, nout=3, pure=True)(part, settings, i)
        for i, part in enumerate(df.to_delayed())
    ]
    return CleanedCollection(
        dd.from_delayed([o[0] for o in outs], meta=meta, verify_meta=False),
        db.from_delayed([o[1] for o in outs]),
        dask.delayed(merge_stats, pure=True)([o[2] for o in outs]),
        tuple(outs),
        frame=True,
    )


class DaskExecutor:
    """Submits batch parts to a Dask cluster (the interface of the local process pool)."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Any, /, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


@contextlib.contextmanager
def dask_executor(scheduler: str | None, workers: int) -> Iterator[tuple[DaskExecutor, int]]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers``
    processes; yields the executor and the number of task slots.

    Inputs, outputs and the state folder must be on storage every worker can reach.
    """
    from cleaner.batch import BatchError

    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("--engine dask needs Dask: pip install 'cleaner[dask]'") from None

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout=SCHEDULER_CONNECT_TIMEOUT))
            except OSError as exc:
                raise BatchError(
                    f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with "
                    "`dask scheduler` and check the address, or omit --scheduler for a local "
                    "cluster"
                ) from None
        else:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="cleaner-dask-"))
            stack.enter_context(dask.config.set({"temporary-directory": scratch}))
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    local_directory=scratch,
                )
            )
            client = stack.enter_context(Client(cluster))
        slots = sum(client.nthreads().values()) or 1
        yield DaskExecutor(client), slots
