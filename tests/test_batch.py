"""The batch engine: parts, record handling, atomic writes, resume, progress."""

from __future__ import annotations

import io
import json
from collections import Counter
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner import batch
from cleaner.batch import FILE, MIRROR, STDOUT, Job, Output, Settings

SENTENCES = (
    "The river rose by two metres overnight and the council opened the sports hall.",
    "Engineers said the old stone bridge had held, but they closed it to lorries.",
    "Caf\u00c3\u00a9 owners on the quay moved their tables indoors and served soup.",
    "Volunteers filled sandbags through the night while the rain kept falling.",
)


def article(i: int) -> str:
    lines = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)]
    return "\n\n".join([f"Report number {i}", *lines, "Share this story"]) + "\n"


def write_jsonl(path: Path, n: int, bad: tuple[int, ...] = ()) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if i in bad:
                f.write("{not json\n")
            else:
                f.write(json.dumps({"id": f"r{i}", "text": article(i), "n": i}) + "\n")
    return path


def jsonl_job(src: Path, out: Path, part_records: int = 4, **settings: Any) -> Job:
    sources = batch.collect_sources([str(src)])
    output = batch.choose_output(str(out), sources, (str(src),), settings.get("report", False))
    errors = batch.default_errors_path(output)
    return Job(sources, Settings(**settings), output, part_records, errors)


def test_jsonl_parts_cover_every_line_once(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n{"text": "d"}')  # no final \n
    job = jsonl_job(src, tmp_path / "out.jsonl", part_records=2)
    parts = list(batch.plan_parts(job))
    assert (parts[0].start, parts[0].stop, parts[0].first_line) == (0, 15, 1)
    assert [p.first_line for p in parts] == [1, 3, 5]
    assert parts[-1].stop == src.stat().st_size
    assert [p.index for p in parts] == [0, 1, 2]
    seen = [where for p in parts for where, _ in batch._jsonl_items(p)]
    assert seen == ["in.jsonl:1", "in.jsonl:3", "in.jsonl:4", "in.jsonl:5"]  # blank line 2 skipped


def test_empty_file_still_has_one_part_and_an_output(tmp_path: Path) -> None:
    src = tmp_path / "empty.jsonl"
    src.write_bytes(b"")
    job = jsonl_job(src, tmp_path / "out.jsonl")
    assert len(list(batch.plan_parts(job))) == 1
    summary = batch.run_job(job, batch.InlineExecutor(), stderr=io.StringIO())
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert summary.stats["records"] == 0


def test_records_keep_other_fields_and_count_failures() -> None:
    items = [
        ("f:1", {"text": "Caf\u00c3\u00a9", "meta": {"a": [1, 2]}, "n": 1}),
        ("f:2", {"body": "no text field"}),
        ("f:3", {"text": 12}),
        ("f:4", batch.RecordFailure("invalid_json", "line is not valid JSON")),
        ("f:5", b"Caf\xe9 cr\xe8me br\xfbl\xe9e"),
    ]
    out = batch.clean_records(items, Settings(report=True))
    assert out.rows[0]["meta"] == {"a": [1, 2]} and out.rows[0]["n"] == 1
    assert out.rows[0]["text"] == "Café"
    assert list(out.rows[0]) == ["text", "meta", "n", "report"]
    assert out.rows[0]["report"]["repairs"][0]["reason"] == "mojibake"
    assert out.rows[1]["id"] == "f:5" and out.rows[1]["text"] == "Café crème brûlée"
    assert out.rows[1]["report"]["encoding"]
    assert [(e["id"], e["error"]) for e in out.errors] == [
        ("f:2", "missing_field"),
        ("f:3", "invalid_input"),
        ("f:4", "invalid_json"),
    ]
    assert out.stats["records"] == out.stats["written"] + out.stats["errors"] == 5


def test_summary_counts_removed_lines_by_reason() -> None:
    settings = Settings(cleaner.options_from_mapping({"drop_phrases": ["Share this"]}))
    out = batch.clean_records([(str(i), article(i)) for i in range(3)], settings)
    assert out.stats["removed:user_phrase"] == 3
    summary = batch.Summary(out.stats)
    text = "\n".join(summary.lines())
    assert "lines removed: 3 (user_phrase 3)" in text
    assert "records: 3" in text


def test_oversized_line_is_reported_and_the_next_line_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "MAX_RECORD_BYTES", 100)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    job = jsonl_job(src, tmp_path / "out.jsonl")
    summary = batch.run_job(job, batch.InlineExecutor(), stderr=io.StringIO())
    assert (tmp_path / "out.jsonl").read_text() == '{"text": "ok"}\n'
    errors = (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()
    assert json.loads(errors[0])["error"] == "input_too_large"
    assert summary.stats["records"] == 2


def test_atomic_file_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    with pytest.raises(RuntimeError), batch.atomic_file(target) as f:
        f.write(b"half")
        raise RuntimeError("crash")
    assert list(tmp_path.iterdir()) == []


class CountingExecutor:
    """Runs parts inline and fails (like a killed run) after ``fail_after`` parts."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.fail_after = fail_after
        self.ran: list[int] = []

    def submit(self, fn: Any, /, *args: Any) -> Future[Any]:
        if self.fail_after is not None and len(self.ran) >= self.fail_after:
            raise KeyboardInterrupt
        self.ran.append(args[0].index)
        return batch.InlineExecutor().submit(fn, *args)


def test_interrupted_run_resumes_without_redoing_or_losing_parts(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 30, bad=(7,))
    reference = jsonl_job(src, tmp_path / "ref.jsonl")
    batch.run_job(reference, batch.InlineExecutor(), stderr=io.StringIO())

    job = jsonl_job(src, tmp_path / "out.jsonl")
    first = CountingExecutor(fail_after=3)
    with pytest.raises(KeyboardInterrupt):
        batch.run_job(job, first, stderr=io.StringIO())
    assert not (tmp_path / "out.jsonl").exists()
    state = job.output.state_dir
    assert state is not None
    committed = {int(p.stem) for p in state.glob("*.json") if p.stem.isdigit()}
    assert committed and committed < set(first.ran)  # parts in flight at the stop are lost

    second = CountingExecutor()
    summary = batch.run_job(job, second, stderr=io.StringIO())
    assert committed.isdisjoint(second.ran)
    assert sorted(committed | set(second.ran)) == list(range(8))  # 30 lines in parts of 4
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert (tmp_path / "out.jsonl.errors.jsonl").read_bytes() == (
        tmp_path / "ref.jsonl.errors.jsonl"
    ).read_bytes()
    stats = summary.stats
    assert (stats["records"], stats["written"], stats["errors"]) == (30, 29, 1)
    assert not state.exists()


def test_resume_refuses_a_different_command(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 12)
    job = jsonl_job(src, tmp_path / "out.jsonl")
    with pytest.raises(KeyboardInterrupt):
        batch.run_job(job, CountingExecutor(fail_after=1), stderr=io.StringIO())
    other = jsonl_job(src, tmp_path / "out.jsonl", report=True)
    with pytest.raises(batch.BatchError, match="--restart"):
        batch.run_job(other, batch.InlineExecutor(), stderr=io.StringIO())
    batch.run_job(other, batch.InlineExecutor(), stderr=io.StringIO(), restart=True)
    assert "report" in json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])


def test_choose_output() -> None:
    doc = (batch.Source("/d/a.txt", "a.txt", "text"),)
    rows = (batch.Source("/d/a.jsonl", "a.jsonl", "jsonl"),)
    assert batch.choose_output(None, doc, ("a.txt",), False) == Output(STDOUT, None, "text")
    assert batch.choose_output(None, doc, ("a.txt",), True).fmt == "jsonl"
    assert batch.choose_output(None, rows, ("a.jsonl",), False).fmt == "jsonl"
    assert batch.choose_output("o.parquet", rows, ("a.jsonl",), False).kind == FILE
    assert batch.choose_output("o/", rows, ("a.jsonl",), False).kind == MIRROR
    with pytest.raises(batch.BatchError, match="one text document"):
        batch.choose_output("o.txt", doc + doc, ("d",), False)
    with pytest.raises(batch.BatchError, match="both be written"):
        batch.choose_output("o/", doc + doc, ("d1", "d2"), False)


def test_collect_sources_walks_sorted_and_skips_output(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "a.md").write_text("m")
    (tmp_path / ".hidden").write_text("h")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("old output")
    found = batch.collect_sources([str(tmp_path)], globs=("*.txt",), exclude=[tmp_path / "out"])
    assert [s.rel for s in found] == ["a.txt", "b/z.txt"]
    with pytest.raises(batch.BatchError, match="--glob"):
        batch.collect_sources([str(tmp_path)], globs=("*.csv",))


def test_progress_line_shows_records_rate_and_eta() -> None:
    now = [0.0]
    stream = io.StringIO()
    bar = batch.Progress(stream, True, total_bytes=4_000_000, clock=lambda: now[0])
    now[0] = 2.0
    bar.advance(1000, 1_000_000)
    out = stream.getvalue()
    assert "1,000 records" in out and "0.50 MB/s" in out and "25%" in out and "ETA 0:00:06" in out
    silent = io.StringIO()
    quiet = batch.Progress(silent, False, None, clock=lambda: now[0])
    now[0] = 5.0
    quiet.advance(10, 10)
    quiet.close()
    assert silent.getvalue() == ""


def test_stats_merge_like_counters() -> None:
    a = batch.clean_records([("1", "Caf\u00c3\u00a9")], Settings()).stats
    b = batch.clean_records([("2", "plain text")], Settings()).stats
    total: Counter[str] = a + b
    assert total["records"] == 2 and total["repaired"] == 1


def test_mirror_folder_of_mixed_formats_resumes_and_moves_into_place(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    (src / "docs").mkdir(parents=True)
    for i in range(5):
        (src / "docs" / f"{i}.txt").write_text(article(i))
    write_jsonl(src / "rows.jsonl", 6)
    pq.write_table(
        pa.table({"text": [article(i) for i in range(3)], "k": [1, 2, 3]}), src / "t.parquet"
    )
    sources = batch.collect_sources([str(src)])
    output = batch.choose_output(str(tmp_path / "out") + "/", sources, (str(src),), True)
    job = Job(sources, Settings(report=True), output, 2, batch.default_errors_path(output))
    with pytest.raises(KeyboardInterrupt):
        batch.run_job(job, CountingExecutor(fail_after=3), stderr=io.StringIO())
    assert not (tmp_path / "out").exists()  # nothing in the output before the run completes
    summary = batch.run_job(job, batch.InlineExecutor(), stderr=io.StringIO())
    out = tmp_path / "out"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        *[f"docs/{i}.txt{suffix}" for i in range(5) for suffix in ("", ".report.json")],
        "rows.jsonl",
        "t.parquet",
    ]
    assert len((out / "rows.jsonl").read_text().splitlines()) == 6
    table = pq.read_table(out / "t.parquet")
    assert table.column("k").to_pylist() == [1, 2, 3]
    assert json.loads(table.column("report")[0].as_py())["repairs"]
    assert summary.stats["records"] == 5 + 6 + 3
    assert not (tmp_path / "out.parts").exists()


def test_jsonl_to_parquet_stores_the_report_as_json_text(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = write_jsonl(tmp_path / "in.jsonl", 5)
    job = jsonl_job(src, tmp_path / "out.parquet", part_records=2, report=True)
    batch.run_job(job, batch.InlineExecutor(), stderr=io.StringIO())
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names == ["id", "text", "n", "report"]
    assert table.column("n").to_pylist() == list(range(5))
    assert all(json.loads(r)["stats"] for r in table.column("report").to_pylist())


def test_output_over_an_input_is_refused(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 1)
    sources = batch.collect_sources([str(src)])
    with pytest.raises(batch.BatchError, match="also an input"):
        batch.choose_output(str(src), sources, (str(src),), False)


def test_unknown_output_suffix_is_refused() -> None:
    rows = (batch.Source("/d/a.jsonl", "a.jsonl", "jsonl"),)
    with pytest.raises(batch.BatchError, match=r"\.jsonl, \.parquet or \.txt"):
        batch.choose_output("out.json", rows, ("a.jsonl",), False)
