"""The Dask adapter on a real multi-process LocalCluster, compared with the local runner."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaner import cli
from cleaner.batch import Settings, clean_records

MOJIBAKE = "Caf\u00c3\u00a9 cr\u00c3\u00a8me"
LINES = (
    "The night train to the coast was cancelled after a tree fell across the line.",
    "Passengers waited in the station hall, where volunteers handed out tea and blankets.",
    "The rail company said buses would replace trains until the track was inspected.",
)


def article(i: int) -> str:
    body = [LINES[(i + k) % len(LINES)] for k in range(2)]
    return "\n\n".join([f"Travel update {i}", *body, MOJIBAKE, "Share this story"]) + "\n"


def records(n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"id": f"r{i}", "text": article(i), "n": i} for i in range(n)]
    out[4] = {"id": "r4", "text": None, "n": 4}  # fails: no text
    return out


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("dask.dataframe")
    import dask
    from distributed import Client, LocalCluster

    scratch = tmp_path_factory.mktemp("dask-scratch")
    with (
        dask.config.set({"temporary-directory": str(scratch)}),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            local_directory=str(scratch),
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def run_local(runner: CliRunner, src: Path, out: Path, *args: str) -> None:
    result = runner.invoke(
        cli.cli, ["clean", str(src), "-o", str(out), "-j", "1", "-q", *args], catch_exceptions=False
    )
    assert result.exit_code in (0, cli.EXIT_RECORD_ERRORS), result.output


def test_bag_of_records_matches_the_local_run(client: Any, tmp_path: Path) -> None:
    import dask.bag as db

    from cleaner.scale import clean_bag

    data = records(23)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in data), encoding="utf-8")
    local_out = tmp_path / "local.jsonl"
    run_local(CliRunner(), src, local_out, "--id-field", "id", "--report")
    local = [json.loads(line) for line in local_out.read_text(encoding="utf-8").splitlines()]

    cleaned = clean_bag(
        db.from_sequence(data, npartitions=4), field="text", id_field="id", report=True
    )
    rows, errors, summary = cleaned.compute()
    assert rows == local  # record for record, report included
    assert [e["id"] for e in errors] == ["r4"]
    assert (summary["records"], summary["written"], summary["errors"]) == (23, 22, 1)
    assert summary["repaired"] == 22


def test_bag_of_strings_comes_back_as_strings(client: Any) -> None:
    import dask.bag as db

    from cleaner.scale import clean_bag

    texts = [article(i) for i in range(7)]
    expected = [row["text"] for row in clean_records(enumerate(texts), Settings()).rows]  # type: ignore[arg-type]
    rows, errors, summary = clean_bag(db.from_sequence(texts, npartitions=3)).compute()
    assert rows == expected and errors == []
    assert summary["records"] == 7


def test_dataframe_column_matches_the_local_parquet_run(client: Any, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    import dask.dataframe as dd

    from cleaner.scale import clean_dataframe

    data = records(17)
    frame = pd.DataFrame(
        {
            "url": [r["id"] for r in data],
            "body": [r["text"] for r in data],
            "n": [r["n"] for r in data],
        }
    )
    src = tmp_path / "in.parquet"
    frame.to_parquet(src, index=False)
    local_out = tmp_path / "local.parquet"
    run_local(CliRunner(), src, local_out, "--field", "body", "--id-field", "url")
    local = pq.read_table(local_out)

    cleaned = clean_dataframe(dd.from_pandas(frame, npartitions=3), "body", id_column="url")
    result, errors, summary = cleaned.compute()
    assert result["body"].tolist() == local.column("body").to_pylist()
    assert result["url"].tolist() == local.column("url").to_pylist()
    assert result["n"].tolist() == local.column("n").to_pylist()
    assert [e["id"] for e in errors] == ["r4"]
    assert summary["errors"] == 1 and summary["written"] == 16
    assert cleaned.data.compute()["body"].tolist() == result["body"].tolist()  # lazy frame alone


def test_cli_engine_dask_writes_the_same_files(client: Any, tmp_path: Path) -> None:
    data = records(30)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in data), encoding="utf-8")
    runner = CliRunner()
    run_local(runner, src, tmp_path / "local.jsonl", "--part-records", "4", "--report")
    result = runner.invoke(
        cli.cli,
        ["clean", str(src), "-o", str(tmp_path / "dask.jsonl"), "--part-records", "4", "--report",
         "--engine", "dask", "--scheduler", client.scheduler.address],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == cli.EXIT_RECORD_ERRORS
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask.jsonl.errors.jsonl").read_bytes() == (
        tmp_path / "local.jsonl.errors.jsonl"
    ).read_bytes()
    assert "records: 30" in result.stderr


def test_unreachable_scheduler_says_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from cleaner import scale

    monkeypatch.setattr(scale, "SCHEDULER_CONNECT_TIMEOUT", "1s")
    src = tmp_path / "a.txt"
    src.write_text("text")
    result = CliRunner().invoke(
        cli.cli,
        ["clean", str(src), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"],
    )
    assert result.exit_code == 1
    assert "dask scheduler" in result.stderr


def test_adapters_import_no_engine() -> None:
    code = (
        "import sys, cleaner.batch, cleaner.scale; "
        "print(sorted({'dask', 'distributed', 'click', 'pyarrow', 'pandas'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_engine_dask_without_dask_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "a.txt"
    src.write_text("text")
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(cli.cli, ["clean", str(src), "--engine", "dask"])
    assert result.exit_code == 1
    assert "pip install 'cleaner[dask]'" in result.stderr
