"""Batch CLI throughput and memory: records/s with 1 and 2 workers, peak RSS at two sizes.

    python benchmarks/batch_throughput.py [CASES.jsonl] [--records 20000] [--big 100000]

Builds JSONL files of article records by repeating the inputs of the boilerplate dev set
(each copy with its own id), then runs the real ``cleaner clean`` command on them:

1. ``--records`` records with ``-j 1`` and with ``-j 2``: records/s and the speed-up (the
   ``-j 1`` run is the baseline of the same run, on the same machine load);
2. peak resident memory of the whole process tree (the run and its workers, sampled every
   50 ms), of its largest process and of the main process (with ``-j 2`` it only reads,
   schedules and assembles: the runner's own cost), for ``--records`` and ``--big`` records
   with ``-j 2``: streaming keeps memory flat as the input grows. Most of a worker's memory
   is the library's word-frequency tables, loaded once per process.

Every run checks that output records + failed records = input records. All runs use one
copy of the package taken at the start, so they measure the same code even if the working
tree changes meanwhile. It measures and prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

DEFAULT_CASES = Path(__file__).resolve().parents[1].parent / "shared/bench/boilerplate/dev.jsonl"
SAMPLE_INTERVAL_S = 0.05


def build_input(cases: Path, n: int, target: Path) -> int:
    """Write ``n`` records ``{"id", "text", "source"}`` cycling through the dev inputs."""
    with cases.open(encoding="utf-8") as f:
        docs = [json.loads(line)["input"] for line in f if line.strip()]
    size = 0
    with target.open("w", encoding="utf-8") as out:
        for i in range(n):
            line = json.dumps(
                {"id": f"rec-{i:07d}", "text": docs[i % len(docs)], "source": "bench"}
            )
            size += out.write(line + "\n")
    return size


def snapshot_env(tmp: Path) -> dict[str, str]:
    """Copy the ``cleaner`` package into ``tmp`` and return an environment that imports it."""
    import cleaner

    code = tmp / "code"
    shutil.copytree(
        Path(cleaner.__file__).parent,
        code / "cleaner",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    path = os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def tree_rss(proc: psutil.Process) -> tuple[int, int, int]:
    """Total and largest RSS (bytes) of a process and its descendants, and its own RSS."""
    total = largest = own = 0
    try:
        members = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0, 0
    for member in members:
        try:
            rss = member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
        total += rss
        largest = max(largest, rss)
        own = rss if member is proc else own
    return total, largest, own


def run(src: Path, out: Path, jobs: int, env: dict[str, str]) -> dict[str, float]:
    """Run ``cleaner clean`` once; returns seconds, peak tree RSS, peak process RSS, counts."""
    cmd = [
        sys.executable,
        "-m",
        "cleaner",
        "clean",
        str(src),
        "-o",
        str(out),
        "-j",
        str(jobs),
        "-q",
    ]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # cwd: ``python -m`` puts the working folder first on sys.path, before the snapshot
    popen = subprocess.Popen(cmd, stderr=subprocess.PIPE, env=env, cwd=src.parent)
    proc = psutil.Process(popen.pid)
    peak_total = peak_one = peak_main = 0
    while popen.poll() is None:
        total, one, main = tree_rss(proc)
        peak_total, peak_one = max(peak_total, total), max(peak_one, one)
        peak_main = max(peak_main, main)
        time.sleep(SAMPLE_INTERVAL_S)
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    err = popen.stderr.read().decode() if popen.stderr else ""
    if popen.returncode not in (0, 3):
        raise SystemExit(f"cleaner clean failed ({popen.returncode}): {err}")
    written = sum(1 for _ in out.open("rb"))
    errors_file = Path(str(out) + ".errors.jsonl")
    failed = sum(1 for _ in errors_file.open("rb")) if errors_file.exists() else 0
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_tree_mb": peak_total / 1e6,
        "peak_process_mb": peak_one / 1e6,
        "peak_main_mb": peak_main / 1e6,
        "written": written,
        "failed": failed,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--big", type=int, default=100_000, help="0 skips the large run")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        env = snapshot_env(Path(tmp))
        small, big = Path(tmp) / "small.jsonl", Path(tmp) / "big.jsonl"
        small_bytes = build_input(args.cases, args.records, small)
        print(
            f"input: {args.records:,} records, {small_bytes / 1e6:.1f} MB ({os.cpu_count()} cores)"
        )

        results = {}
        for jobs in (1, 2):
            r = run(small, Path(tmp) / f"out-j{jobs}.jsonl", jobs, env)
            results[jobs] = r
            ok = r["written"] + r["failed"] == args.records
            rate, mbps = args.records / r["seconds"], small_bytes / r["seconds"] / 1e6
            print(
                f"-j {jobs}: {r['seconds']:7.1f} s  {rate:7.1f} records/s  {mbps:5.2f} MB/s  "
                f"peak RSS tree {r['peak_tree_mb']:6.1f} MB "
                f"(largest process {r['peak_process_mb']:5.1f} MB, main process "
                f"{r['peak_main_mb']:5.1f} MB)  count in = out + errors: {ok}"
            )
        speedup = results[1]["seconds"] / results[2]["seconds"]
        print(f"speed-up -j 2 / -j 1: {speedup:.2f}x (load average now {os.getloadavg()[0]:.1f})")
        # CPU seconds per 1,000 records: equal at -j 1 and -j 2 means the runner adds no
        # work, so a speed-up below 2 comes from cores taken by other processes.
        per = {j: 1000 * r["cpu_seconds"] / args.records for j, r in results.items()}
        print(f"CPU s per 1,000 records: -j 1 {per[1]:.1f}, -j 2 {per[2]:.1f}")

        small.unlink()
        if args.big <= 0:
            return
        big_bytes = build_input(args.cases, args.big, big)
        r = run(big, Path(tmp) / "out-big.jsonl", 2, env)
        ok = r["written"] + r["failed"] == args.big
        print(
            f"-j 2 on {args.big:,} records ({big_bytes / 1e6:.0f} MB): {r['seconds']:.1f} s  "
            f"{args.big / r['seconds']:.1f} records/s  peak RSS tree {r['peak_tree_mb']:.1f} MB "
            f"(largest process {r['peak_process_mb']:.1f} MB, main process "
            f"{r['peak_main_mb']:.1f} MB)  count in = out + errors: {ok}"
        )
        growth = r["peak_tree_mb"] / results[2]["peak_tree_mb"] - 1
        print(
            f"peak RSS tree: {results[2]['peak_tree_mb']:.1f} MB at {args.records:,} records, "
            f"{r['peak_tree_mb']:.1f} MB at {args.big:,} records ({growth:+.1%})"
        )
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
        print(f"largest single process seen by the kernel (ru_maxrss, children): {children:.1f} MB")


if __name__ == "__main__":
    main()
