"""The command line: ``cleaner clean``, ``cleaner detect`` and ``cleaner serve``.

A thin click adapter over ``cleaner``'s public API and :mod:`cleaner.batch`. Library options
become a :class:`cleaner.CleanOptions` in exactly one function, :func:`options_from_cli_args`.
Library and job errors become ``click.ClickException`` with a message saying how to fix them.

Exit codes: 0 success; 1 the job could not run (message on stderr); 2 bad usage or option;
3 the run finished but some records failed (listed in the errors file); 130 interrupted
(rerun the same command to resume).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

import cleaner
from cleaner import batch

EXIT_RECORD_ERRORS = 3
EXIT_INTERRUPTED = 130
# `cleaner detect` reads at most this much of each file (cut back to a line end): enough
# for the detector, whose own sample is smaller, and bounded for files of any size.
DETECT_READ_BYTES = 1024 * 1024

F = TypeVar("F", bound=Callable[..., Any])

OPTION_NAMES = tuple(f.name for f in dataclasses.fields(cleaner.CleanOptions))


def options_from_cli_args(
    *,
    no_mojibake: bool = False,
    no_recover: bool = False,
    no_boilerplate: bool = False,
    no_dedupe: bool = False,
    keep: tuple[str, ...] = (),
    drop_phrase: tuple[str, ...] = (),
    keep_phrase: tuple[str, ...] = (),
    language: tuple[str, ...] = (),
    normalize: str | None = None,
    option: tuple[str, ...] = (),
) -> cleaner.CleanOptions:
    """The one place the CLI turns its flags into :class:`cleaner.CleanOptions`.

    Dedicated flags come first; ``--option NAME=VALUE`` pairs are applied after them.

    >>> options_from_cli_args(no_boilerplate=True, option=("languages=fr,de",)).languages
    ('fr', 'de')
    >>> options_from_cli_args(option=("colour=red",))
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: unknown option 'colour'; known options: ...
    """
    mapping: dict[str, Any] = {}
    for flag, name in (
        (no_mojibake, "fix_mojibake"),
        (no_recover, "recover_lossy"),
        (no_boilerplate, "remove_boilerplate"),
        (no_dedupe, "remove_duplicates"),
    ):
        if flag:
            mapping[name] = False
    for values, name in (
        (keep, "keep_categories"),
        (drop_phrase, "drop_phrases"),
        (keep_phrase, "keep_phrases"),
        (language, "languages"),
    ):
        if values:
            mapping[name] = list(values)
    if normalize:
        mapping["normalization"] = normalize
    for pair in option:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(
                f"{pair!r} is not NAME=VALUE; e.g. --option boilerplate_threshold=0.7",
                param_hint="--option",
            )
        mapping[name.strip()] = value
    try:
        return cleaner.options_from_mapping(mapping)
    except cleaner.InvalidOptions as exc:
        hint = (
            f"; known options: {', '.join(OPTION_NAMES)}" if str(exc).startswith("unknown") else ""
        )
        raise click.BadParameter(f"{exc}{hint}", param_hint="--option") from None


def library_options(fn: F) -> F:
    """The cleaning options shared by every command that cleans."""
    decorators = [
        click.option("--no-mojibake", is_flag=True, help="Do not repair mojibake."),
        click.option(
            "--no-recover",
            is_flag=True,
            help="Do not restore letters lost as ? or \N{REPLACEMENT CHARACTER}.",
        ),
        click.option("--no-boilerplate", is_flag=True, help="Remove no line at all (repair only)."),
        click.option("--no-dedupe", is_flag=True, help="Keep repeated lines."),
        click.option(
            "--keep",
            multiple=True,
            metavar="CATEGORY",
            help="Keep lines of this category even when recognised (e.g. credit). Repeatable.",
        ),
        click.option(
            "--drop-phrase",
            multiple=True,
            metavar="TEXT",
            help="Also drop lines containing TEXT. Repeatable.",
        ),
        click.option(
            "--keep-phrase",
            multiple=True,
            metavar="TEXT",
            help="Always keep lines containing TEXT. Repeatable.",
        ),
        click.option(
            "--language",
            multiple=True,
            metavar="LANG",
            help="Language hint (ISO 639-1). Repeatable.",
        ),
        click.option(
            "--normalize",
            type=click.Choice(["NFC", "NFKC", "NFD", "NFKD"]),
            help="Unicode normalisation of the output (default: none).",
        ),
        click.option(
            "--option",
            multiple=True,
            metavar="NAME=VALUE",
            help="Any library option, e.g. boilerplate_threshold=0.7. Repeatable.",
        ),
    ]
    for decorator in reversed(decorators):
        fn = decorator(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(cleaner.__version__, prog_name="cleaner")
def cli() -> None:
    """Repair text encoding and remove boilerplate, from files, folders or stdin.

    Example:

    \b
        cleaner clean articles.jsonl -o clean.jsonl --report
        cleaner detect page.html
        cleaner serve --port 8000
    """


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="OUT.jsonl, OUT.parquet, OUT.txt or a FOLDER/ (mirrors the inputs). Default: stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(batch.FORMATS),
    help="Input format (default: by extension; other files are text).",
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="Only files in input folders matching PATTERN (e.g. '*.txt'). Repeatable.",
)
@click.option(
    "--field",
    default="text",
    show_default=True,
    help="JSONL field / Parquet column holding the text.",
)
@click.option(
    "--id-field", metavar="NAME", help="Field holding each record's id (for the errors file)."
)
@click.option(
    "--report",
    is_flag=True,
    help="Add the per-record report: encoding, repairs, removed lines with reasons.",
)
@click.option(
    "--errors",
    "errors_path",
    metavar="PATH",
    help="Errors file (default: OUTPUT.errors.jsonl; stderr for stdout runs).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
)
@click.option(
    "--part-records",
    type=click.IntRange(min=1),
    default=batch.DEFAULT_PART_RECORDS,
    show_default=True,
    help="Records per part (the unit of work and of resume).",
)
@click.option("--restart", is_flag=True, help="Discard an unfinished run's state and start over.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run on local processes or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786); default: a local cluster of --jobs workers.",
)
@library_options
@click.pass_context
def clean(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    globs: tuple[str, ...],
    field: str,
    id_field: str | None,
    report: bool,
    errors_path: str | None,
    jobs: int | None,
    part_records: int,
    restart: bool,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    **library: Any,
) -> None:
    """Clean text documents, JSONL records or a Parquet column.

    INPUT is a file, a folder (walked recursively) or - for stdin. Text files are one
    document each, read as bytes and decoded by cleaner; .jsonl/.ndjson files hold one
    JSON object per line (the --field is cleaned, other fields pass through untouched);
    .parquet files have a text column. Output mirrors the input layout into a folder, or
    goes to one JSONL/Parquet file, or to stdout.

    File and folder outputs are resumable: an interrupted run (Ctrl-C, kill, power loss)
    restarted with the same command continues where it stopped. Records that fail are
    listed in the errors file and the exit code is 3 (0 all done, 1 the job cannot run,
    2 bad usage, 130 interrupted).

    Example:

    \b
        cleaner clean pages/ -o clean/ --glob '*.html'
        cleaner clean crawl.jsonl -o clean.jsonl --field body --id-field url --report -j 4
        cleaner clean data.parquet -o clean.parquet --no-boilerplate
        cat page.txt | cleaner clean -
    """
    if scheduler and engine != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    settings = batch.Settings(options_from_cli_args(**library), field, id_field, report)
    workers = jobs or _cpu_count()
    stderr = sys.stderr
    out: batch.Output | None = None
    try:
        state_paths = (
            [Path(output), Path(output.rstrip("/") + batch.STATE_SUFFIX)]
            if output and output != "-"
            else []
        )
        sources = batch.collect_sources(inputs, fmt=fmt, globs=globs, exclude=state_paths)
        out = batch.choose_output(output, sources, inputs, report)
        job = batch.Job(
            sources, settings, out, part_records, errors_path or batch.default_errors_path(out)
        )
        show_progress = not quiet and stderr.isatty() and all(s.path is not None for s in sources)

        def run(executor: batch.Executor, slots: int) -> batch.Summary:
            return batch.run_job(
                job,
                executor,
                workers=slots,
                restart=restart,
                stdout=sys.stdout.buffer,
                stderr=stderr,
                progress=show_progress,
                stdin=sys.stdin.buffer,
            )

        if engine == "dask":
            from cleaner.scale import dask_executor

            with dask_executor(scheduler, workers) as (cluster, slots):
                summary = run(cluster, slots)
        else:
            with batch.local_executor(workers) as pool:
                summary = run(pool, workers)
    except batch.BatchError as exc:
        raise click.ClickException(str(exc)) from None
    except cleaner.CleanerError as exc:
        raise click.ClickException(f"{exc}") from None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise click.ClickException(
            f"{exc.strerror or exc}{where}; check that the path exists, is writable and the "
            "disk has room, then rerun the same command to resume"
        ) from None
    except KeyboardInterrupt:
        state = out.state_dir if out is not None else None
        where = f" (finished parts are kept in {state})" if state is not None else ""
        click.echo(f"\ninterrupted; rerun the same command to resume{where}", err=True)
        ctx.exit(EXIT_INTERRUPTED)
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
    if summary.stats["errors"]:
        where = job.errors_path or "stderr"
        click.echo(f"error: {summary.stats['errors']} record(s) failed; see {where}", err=True)
        ctx.exit(EXIT_RECORD_ERRORS)


def _read_sample(path: str) -> tuple[bytes, int, bool]:
    stream = click.open_file(path, "rb")
    with stream as f:
        data = f.read(DETECT_READ_BYTES + 1)
        size = len(data)
        if path != "-":
            size = os.fstat(f.fileno()).st_size
    sampled = len(data) > DETECT_READ_BYTES
    if sampled:
        data = data[:DETECT_READ_BYTES]
        cut = data.rfind(b"\n")
        if cut > 0:
            data = data[: cut + 1]
    return data, size, sampled


@cli.command()
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar="FILE...",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True),
)
@click.option(
    "--declared-encoding",
    metavar="CHARSET",
    help="A charset declared by the source (HTTP header, <meta>), checked against the bytes.",
)
def detect(files: tuple[str, ...], declared_encoding: str | None) -> None:
    """Report the encoding of each FILE as one JSON line (- reads stdin).

    Each line has the path, its size, the chosen encoding with its confidence and language,
    and the ranked candidates. Large files are judged on their first megabyte.

    Example:

    \b
        cleaner detect old-page.html export.csv
    """
    for path in files:
        data, size, sampled = _read_sample(path)
        try:
            decoded = cleaner.detect_encoding(data, declared_encoding)
        except cleaner.UndecodableInput as exc:
            raise click.ClickException(
                f"{exc}; pass a real charset to --declared-encoding (e.g. cp1252) or omit it"
            ) from None
        line = {"path": path, "bytes": size, "sampled": sampled, **decoded.decoding.to_dict()}
        click.echo(json.dumps(line, ensure_ascii=False))


@cli.command(context_settings={"ignore_unknown_options": True})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to bind."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Server worker processes (default: the server's choice).",
)
@click.argument("extra_args", nargs=-1, type=click.UNPROCESSED, metavar="[-- SERVER-ARGS...]")
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, workers: int | None, extra_args: tuple[str, ...]
) -> None:
    """Serve the HTTP API (POST /clean, POST /detect, GET /healthz).

    Arguments after -- go to the server unchanged.

    Example:

    \b
        cleaner serve --host 0.0.0.0 --port 8000 --workers 4
        cleaner serve -- --timeout 60
    """
    try:
        from cleaner.web.serve import serve as run_server
    except ImportError as exc:
        raise click.ClickException(
            f"the HTTP service cannot be loaded ({exc}); reinstall with `pip install cleaner`"
        ) from None
    ctx.exit(run_server(host=host, port=port, workers=workers, extra_args=tuple(extra_args)))


def main() -> None:
    """The ``cleaner`` console script."""
    cli(prog_name="cleaner")


if __name__ == "__main__":  # pragma: no cover
    main()
