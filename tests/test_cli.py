"""The command line through click's CliRunner, plus real processes for kill-and-resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from cleaner import cli

MOJIBAKE = "Caf\u00c3\u00a9 cr\u00c3\u00a8me"  # "Café crème" read as cp1252
SENTENCES = (
    "The harbour master said the ferry would sail again once the wind dropped below gale force.",
    "Local bakers ran out of bread by noon as people stocked up before the storm arrived.",
    "The school stayed open, and teachers walked the younger children home in small groups.",
    "Farmers moved their sheep to higher fields after the stream burst its banks at dawn.",
)


def article(i: int) -> str:
    body = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)]
    return "\n\n".join([f"Storm diary, day {i}", *body, MOJIBAKE, "Share this story"]) + "\n"


def write_jsonl(path: Path, n: int, bad: tuple[int, ...] = ()) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if i in bad:
                f.write('{"id": "broken", "text": \n')
            else:
                record = {"id": f"doc-{i}", "text": article(i), "meta": {"n": i, "tags": ["a"]}}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, **kwargs: Any) -> Any:
    """Run the CLI in this process; ``clean`` runs on one worker unless a test asks for more."""
    extra = ["-j", "1"] if args[0] == "clean" and "-j" not in args else []
    return runner.invoke(cli.cli, [*args, *extra], catch_exceptions=False, **kwargs)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", sorted(cli.cli.commands))
def test_every_command_has_help_with_an_example(runner: CliRunner, name: str) -> None:
    command = cli.cli.commands[name]
    assert command.help
    result = invoke(runner, name, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"cleaner {name}" in result.output


def test_group_help_and_version(runner: CliRunner) -> None:
    assert "Example:" in invoke(runner, "--help").output
    assert invoke(runner, "--version").exit_code == 0


def test_clean_jsonl_keeps_other_fields_and_adds_the_report(
    runner: CliRunner, tmp_path: Path
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    result = invoke(
        runner,
        "clean",
        str(src),
        "-o",
        str(out),
        "--report",
        "-j",
        "1",
        "--drop-phrase",
        "Share this",
    )
    assert result.exit_code == 0, result.output
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [f"doc-{i}" for i in range(5)]
    first = rows[0]
    assert list(first) == ["id", "text", "meta", "report"]
    assert first["meta"] == {"n": 0, "tags": ["a"]}
    assert "Café crème" in first["text"] and "Share this story" not in first["text"]
    report = first["report"]
    assert {"encoding", "repairs", "removed_lines", "stats"} <= set(report)
    assert report["repairs"][0]["reason"] == "mojibake"
    assert report["removed_lines"][0]["reason"] == "user_phrase"
    assert "records: 5" in result.stderr and "user_phrase 5" in result.stderr


def test_clean_text_folder_mirrors_layout_and_decodes_bytes(
    runner: CliRunner, tmp_path: Path
) -> None:
    src = tmp_path / "pages"
    (src / "2024" / "may").mkdir(parents=True)
    (src / "a.txt").write_bytes("Café crème brûlée, déjà vu.\n".encode("cp1252"))
    (src / "2024" / "may" / "b.txt").write_text(MOJIBAKE + "\n", encoding="utf-8")
    (src / "notes.md").write_text("not selected")
    out = tmp_path / "clean"
    result = invoke(runner, "clean", str(src), "-o", f"{out}/", "--glob", "*.txt", "--report", "-q")
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_text(encoding="utf-8") == "Café crème brûlée, déjà vu.\n"
    assert (out / "2024" / "may" / "b.txt").read_text(encoding="utf-8") == "Café crème\n"
    assert not (out / "notes.md").exists()
    report = json.loads((out / "a.txt.report.json").read_text())
    assert report["encoding"] == "cp1252"
    assert result.stderr == ""  # --quiet: no summary
    assert not (tmp_path / "clean.parts").exists()


def test_text_folder_to_jsonl_uses_relative_paths_as_ids(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "docs"
    (src / "sub").mkdir(parents=True)
    (src / "one.txt").write_text("first document\n")
    (src / "sub" / "two.html").write_text(MOJIBAKE)
    out = tmp_path / "all.jsonl"
    assert invoke(runner, "clean", str(src), "-o", str(out), "-q").exit_code == 0
    assert read_jsonl(out) == [
        {"id": "one.txt", "text": "first document\n"},
        {"id": "sub/two.html", "text": "Café crème"},
    ]


def test_clean_parquet_column(runner: CliRunner, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "url": [f"u{i}" for i in range(6)],
            "body": [article(i) for i in range(5)] + [None],
            "score": [float(i) for i in range(6)],
        }
    )
    src = tmp_path / "in.parquet"
    pq.write_table(table, src, row_group_size=4)
    out = tmp_path / "out.parquet"
    result = invoke(
        runner, "clean", str(src), "-o", str(out), "--field", "body", "--id-field", "url",
        "--report", "--part-records", "2", "-q",
    )  # fmt: skip
    assert result.exit_code == cli.EXIT_RECORD_ERRORS
    cleaned = pq.read_table(out)
    assert cleaned.column_names == ["url", "body", "score", "report"]
    assert cleaned.column("url").to_pylist() == [f"u{i}" for i in range(5)]
    assert cleaned.column("score").to_pylist() == [float(i) for i in range(5)]
    assert all("Café crème" in t for t in cleaned.column("body").to_pylist())
    assert json.loads(cleaned.column("report")[0].as_py())["repairs"]
    errors = read_jsonl(tmp_path / "out.parquet.errors.jsonl")
    assert [(e["id"], e["source"], e["error"]) for e in errors] == [
        ("u5", "in.parquet:6", "missing_field")
    ]
    # Parquet in, JSONL out (stdout): the report is an object again
    again = invoke(runner, "clean", str(out), "--field", "body", "--report", "-q")
    first = json.loads(again.stdout.splitlines()[0])
    assert first["url"] == "u0" and isinstance(first["report"], dict)


def test_parquet_without_pyarrow_says_how_to_install(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.parquet"
    src.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = runner.invoke(
        cli.cli, ["clean", str(src), "-o", str(tmp_path / "o.parquet"), "-j", "1"]
    )
    assert result.exit_code == 1
    assert "pip install 'cleaner[parquet]'" in result.stderr


def test_stdin_text_and_jsonl(runner: CliRunner) -> None:
    text = invoke(runner, "clean", "-", input=MOJIBAKE.encode())
    assert text.exit_code == 0 and text.stdout == "Café crème"
    lines = invoke(
        runner, "clean", "-", "--format", "jsonl", input=b'{"text": "' + MOJIBAKE.encode() + b'"}\n'
    )
    assert json.loads(lines.stdout) == {"text": "Café crème"}


def test_failed_records_go_to_the_errors_file_and_exit_non_zero(
    runner: CliRunner, tmp_path: Path
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 9, bad=(2, 6))
    with open(src, "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "no-text", "body": "x"}) + "\n")
        f.write(json.dumps({"id": "number", "text": 42}) + "\n")
    out = tmp_path / "out.jsonl"
    result = invoke(
        runner, "clean", str(src), "-o", str(out), "--id-field", "id", "--part-records", "3"
    )
    assert result.exit_code == cli.EXIT_RECORD_ERRORS
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [
        ("in.jsonl:3", "invalid_json"),
        ("in.jsonl:7", "invalid_json"),
        ("no-text", "missing_field"),
        ("number", "invalid_input"),
    ]
    assert all(e["message"] for e in errors)
    assert len(read_jsonl(out)) + len(errors) == 11  # count in = count out + errors
    assert "4 record(s) failed" in result.stderr


def test_errors_of_a_stdout_run_go_to_stderr(runner: CliRunner) -> None:
    result = invoke(runner, "clean", "-", "--format", "jsonl", "-q", input=b'{"text": 1}\n')
    assert result.exit_code == cli.EXIT_RECORD_ERRORS
    assert json.loads(result.stderr.splitlines()[0])["error"] == "invalid_input"


def test_library_flags_build_clean_options() -> None:
    opts = cli.options_from_cli_args(
        no_boilerplate=True, keep=("credit",), language=("fr",), normalize="NFC",
        option=("boilerplate_threshold=0.7", "uncurl_quotes=true"),
    )  # fmt: skip
    assert opts.remove_boilerplate is False
    assert opts.keep_categories == frozenset({"credit"})
    assert opts.languages == ("fr",) and opts.normalization == "NFC"
    assert opts.boilerplate_threshold == 0.7 and opts.uncurl_quotes is True
    with pytest.raises(click.BadParameter, match="NAME=VALUE"):
        cli.options_from_cli_args(option=("threshold",))


def test_bad_option_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("x")
    result = runner.invoke(cli.cli, ["clean", str(src), "--option", "boilerplate_threshold=7"])
    assert result.exit_code == 2
    assert "boilerplate_threshold" in result.stderr and "between 0 and 1" in result.stderr


def test_missing_input_says_what_to_pass(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli.cli, ["clean", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_unwritable_output_says_what_to_check(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("x")
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    result = runner.invoke(
        cli.cli, ["clean", str(src), "-o", str(blocker / "out.jsonl"), "-j", "1"]
    )
    assert result.exit_code == 1
    assert "check that the path exists" in result.stderr


def test_no_boilerplate_flag_keeps_every_line(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(article(1))
    kept = invoke(runner, "clean", str(src), "--no-boilerplate", "--drop-phrase", "Share this")
    assert "Share this story" in kept.stdout


def test_detect_prints_one_json_line_per_file(runner: CliRunner, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("Grüße aus Köln, schöne Straße und große Bäume.\n".encode("cp1252"))
    b = tmp_path / "b.txt"
    b.write_text("plain ascii\n")
    result = invoke(runner, "detect", str(a), str(b))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == [str(a), str(b)]
    assert lines[0]["encoding"] == "cp1252" and lines[0]["bytes"] == a.stat().st_size
    assert {"confidence", "candidates", "sampled"} <= set(lines[1])
    bad = runner.invoke(cli.cli, ["detect", str(a), "--declared-encoding", "rot13"])
    assert bad.exit_code == 1 and "--declared-encoding" in bad.stderr


def test_serve_calls_the_web_contract(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def serve(host: str = "127.0.0.1", port: int = 8000, workers: int | None = None,
              extra_args: tuple[str, ...] = ()) -> int:  # fmt: skip
        calls.append({"host": host, "port": port, "workers": workers, "extra_args": extra_args})
        return 4

    try:
        import cleaner.web  # noqa: F401
    except ImportError:
        monkeypatch.setitem(sys.modules, "cleaner.web", types.ModuleType("cleaner.web"))
    fake = types.ModuleType("cleaner.web.serve")
    fake.serve = serve  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cleaner.web.serve", fake)
    result = runner.invoke(
        cli.cli, ["serve", "--port", "9001", "--workers", "3", "--", "--timeout", "5"]
    )
    assert result.exit_code == 4
    assert calls == [
        {"host": "127.0.0.1", "port": 9001, "workers": 3, "extra_args": ("--timeout", "5")}
    ]


def test_two_workers_give_the_same_ordered_output(runner: CliRunner, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 24)
    one = tmp_path / "one.jsonl"
    assert (
        invoke(
            runner, "clean", str(src), "-o", str(one), "-j", "1", "--part-records", "3"
        ).exit_code
        == 0
    )
    both = invoke(runner, "clean", str(src), "-j", "2", "--part-records", "3")
    assert both.exit_code == 0
    assert both.stdout_bytes == one.read_bytes()
    assert "\r" not in both.stderr  # stderr is not a terminal: no progress bar


def _cleaner(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "cleaner", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kwargs,
    )


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Example:" in out.stdout


def test_sigkill_halfway_then_resume_equals_an_uninterrupted_run(
    runner: CliRunner, tmp_path: Path
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 600, bad=(5, 333, 555))
    reference = tmp_path / "ref.jsonl"
    args = ["--part-records", "8", "--id-field", "id", "--report"]
    assert invoke(runner, "clean", str(src), "-o", str(reference), "-j", "1", *args).exit_code == 3

    out = tmp_path / "out.jsonl"
    state = tmp_path / "out.jsonl.parts"
    command = ["clean", str(src), "-o", str(out), "-j", "2", *args]
    proc = _cleaner(*command)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(state.glob("0*.json"))) < 10:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, like a power cut
    proc.wait()
    done = len(list(state.glob("0*.json")))
    assert 10 <= done < 75, "the run must be stopped halfway"
    assert not out.exists()

    resumed = _cleaner(*command)
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == cli.EXIT_RECORD_ERRORS, err.decode()
    assert out.read_bytes() == reference.read_bytes()
    assert (tmp_path / "out.jsonl.errors.jsonl").read_bytes() == (
        tmp_path / "ref.jsonl.errors.jsonl"
    ).read_bytes()
    assert not state.exists()
    assert b"records: 600" in err


def test_ctrl_c_stops_with_a_resume_hint(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", 400)
    state = tmp_path / "out.jsonl.parts"
    proc = _cleaner(
        "clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-j", "2", "--part-records", "8"
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(state.glob("0*.json")):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == cli.EXIT_INTERRUPTED
    assert b"rerun the same command to resume" in err
    assert state.exists()
