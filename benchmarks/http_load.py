"""HTTP load on the real service against a trivial Flask echo app, both under gunicorn.

    python benchmarks/http_load.py [CASES.jsonl] [--duration S] [--rounds N]

Serves ``cleaner.web:create_app()`` and ``benchmarks/echo_app.py`` with gunicorn and the
service's configuration (2 sync workers each, loopback only), then loads them alternately with
the same wrk run: 8 connections POSTing one ~3 KB article page (the input of CASES closest to
``--body-bytes``) as text/plain to ``/v1/clean``. Prints requests/s, p50 and p99 latency of
every run, the medians over the rounds, and the ratio cleaner/echo of requests/s; the targets
are a ratio of at least 50 % and a cleaner p99 of at most 20 ms. It also times
``cleaner.clean`` on the same body in this process, the part of a request's cost that is the
library's. Client and servers share the machine's cores, so the absolute figures are lower
than on a dedicated server; the ratio is the figure to compare. Each run also reports the
CPU time the server's processes (master and workers, read from ``/proc``) spent per request:
on a machine other jobs share, requests/s follow the load of those jobs while the CPU time
per request follows the server's own work, so its ratio echo/cleaner is the steadier figure
of what the service costs. It measures; it asserts nothing. Needs wrk (``apt-get install
wrk``) and Linux's ``/proc`` for the CPU figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = ROOT.parent / "shared/bench/boilerplate/dev.jsonl"
ENDPOINT = "/v1/clean"
HEALTH = "/healthz"

# the load shape fixed by the targets: 8 connections, 2 sync workers, a ~3 KB article
CONNECTIONS = 8
WORKERS = 2
DEFAULT_BODY_BYTES = 3_000
# targets of the service under this load
MIN_REQS_RATIO = 0.50
MAX_P99_MS = 20.0
# in-process timings of the library on the benchmark body
LIBRARY_REPEATS = 30
# seconds a server gets to answer its health check after start
STARTUP_TIMEOUT_S = 30.0

# both apps run under the service's own gunicorn configuration (access log, metrics
# directory, timeouts); the command line sets workers, bind address and app
GUNICORN_CONFIG = "python:cleaner.web.gunicorn_conf"
APPS = {
    "cleaner": ("cleaner.web:create_app()", ROOT),
    "echo": ("echo_app:create_app()", ROOT / "benchmarks"),
}

# wrk script: POST the body file and print the summary as one JSON line (latencies in µs)
WRK_SCRIPT = """\
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
local f = assert(io.open("{body}", "rb"))
wrk.body = f:read("*a")
f:close()

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
    .. '"errors": %d, "non_2xx": %d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass(frozen=True)
class Run:
    """One wrk run against one server (``cpu_us``: server CPU µs per request, or None)."""

    app: str
    reqs_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int
    cpu_us: float | None = None

    def line(self) -> str:
        """Format the run as one table row.

        >>> Run("echo", 2600.0, 2.5, 5.0, 0, 0).line()
        'echo        2600.0 req/s   p50   2.50 ms   p99   5.00 ms'
        >>> Run("echo", 2600.0, 2.5, 5.0, 0, 0, 351.4).line()
        'echo        2600.0 req/s   p50   2.50 ms   p99   5.00 ms   server CPU    351 µs/req'
        """
        text = (
            f"{self.app:<10}{self.reqs_per_s:>8.1f} req/s   "
            f"p50 {self.p50_ms:>6.2f} ms   p99 {self.p99_ms:>6.2f} ms"
        )
        if self.cpu_us is not None:
            text += f"   server CPU {self.cpu_us:>6.0f} µs/req"
        if self.errors or self.non_2xx:
            text += f"   ({self.errors} socket errors, {self.non_2xx} non-2xx: figures invalid)"
        return text


def pick_body(cases: Path, target_bytes: int) -> str:
    """The article input of ``cases`` whose UTF-8 size is closest to ``target_bytes``."""
    with cases.open(encoding="utf-8") as f:
        inputs = [json.loads(line)["input"] for line in f if line.strip()]
    return min(inputs, key=lambda text: (abs(len(text.encode("utf-8")) - target_bytes), text))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_tree_cpu_s(pid: int) -> float | None:
    """CPU seconds (user and system) of process ``pid`` and all its children, living or
    reaped (a worker that exited and was waited for counts in its parent's ``cutime``);
    None where ``/proc`` cannot tell.

    >>> process_tree_cpu_s(os.getpid()) is None or process_tree_cpu_s(os.getpid()) >= 0
    True
    """
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        fields = _proc_stat(pid)
        # utime, stime, cutime, cstime (fields 14-17 of proc(5))
        total = sum(int(v) for v in fields[11:15])
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (OSError, ValueError, IndexError):
        return None
    for child in children:
        try:
            fields = _proc_stat(int(child))
        except (OSError, ValueError):
            continue  # exited meanwhile: its time is in our cutime from now on
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def _proc_stat(pid: int) -> list[str]:
    """The fields of ``/proc/PID/stat`` after the command name (state is field 0)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def wait_healthy(base_url: str, proc: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll the health endpoint until it answers 200; fail if the server exits or times out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(base_url + HEALTH, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base_url}{HEALTH} did not answer within {timeout_s:.0f} s")


@dataclass(frozen=True)
class Server:
    """A running server: its URL and the pid of its gunicorn master."""

    url: str
    pid: int


@contextmanager
def gunicorn(name: str, workdir: Path) -> Iterator[Server]:
    """Serve one app with gunicorn (2 sync workers) on a free loopback port; yield it."""
    target, chdir = APPS[name]
    port = free_port()
    cmd = [
        sys.executable, "-m", "gunicorn", "--config", GUNICORN_CONFIG,
        "--workers", str(WORKERS), "--worker-class", "sync",
        "--bind", f"127.0.0.1:{port}",
        "--chdir", str(chdir),
        "--control-socket", str(workdir / f"{name}.ctl"),
        "--log-level", "warning",
        target,
    ]  # fmt: skip
    log = (workdir / f"{name}.log").open("wb")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url, proc, STARTUP_TIMEOUT_S)
        yield Server(base_url, proc.pid)
    except RuntimeError as exc:
        log.flush()
        tail = (workdir / f"{name}.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{name}: {exc}\n{tail}") from exc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def check_answer(base_url: str, body: bytes) -> None:
    """One POST before the load, so that a broken endpoint is not benchmarked."""
    request = urllib.request.Request(
        base_url + ENDPOINT, data=body, headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        if response.status != 200:
            raise RuntimeError(f"{base_url}{ENDPOINT} answered {response.status}")


def run_wrk(wrk: str, app: str, server: Server, script: Path, duration_s: int) -> Run:
    """Load ``server`` with wrk for ``duration_s`` seconds and parse its summary."""
    cmd = [
        wrk, "--threads", "2", "--connections", str(CONNECTIONS),
        "--duration", f"{duration_s}s", "--timeout", "5s",
        "--script", str(script), server.url + ENDPOINT,
    ]  # fmt: skip
    cpu_before = process_tree_cpu_s(server.pid)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    cpu_after = process_tree_cpu_s(server.pid)
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    data = json.loads(line.removeprefix("RESULT "))
    cpu_us = None
    if cpu_before is not None and cpu_after is not None and data["requests"]:
        cpu_us = (cpu_after - cpu_before) * 1e6 / data["requests"]
    return Run(
        app=app,
        reqs_per_s=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=data["errors"],
        non_2xx=data["non_2xx"],
        cpu_us=cpu_us,
    )


def time_library(body: bytes, repeats: int = LIBRARY_REPEATS) -> float:
    """Median milliseconds of ``cleaner.clean(body)`` in this process, after one warm-up."""
    cleaner.clean(body, declared_encoding="utf-8")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        cleaner.clean(body, declared_encoding="utf-8")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--duration", type=int, default=8, help="seconds per measured run (8)")
    ap.add_argument("--rounds", type=int, default=2, help="alternations echo/cleaner (2)")
    ap.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load (2)")
    ap.add_argument("--body-bytes", type=int, default=DEFAULT_BODY_BYTES)
    args = ap.parse_args()

    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk not found: apt-get install wrk")
    body = pick_body(args.cases, args.body_bytes).encode("utf-8")

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="http-load-")))
        body_file = workdir / "body.txt"
        body_file.write_bytes(body)
        script = workdir / "post.lua"
        script.write_text(WRK_SCRIPT.format(body=body_file), encoding="utf-8")
        servers = {name: stack.enter_context(gunicorn(name, workdir)) for name in APPS}
        for server in servers.values():
            check_answer(server.url, body)
            if args.warmup > 0:
                run_wrk(wrk, "warmup", server, script, args.warmup)

        print(
            f"body: {len(body)} bytes; wrk {CONNECTIONS} connections, {args.duration} s per run; "
            f"gunicorn {WORKERS} sync workers ({GUNICORN_CONFIG}); "
            f"{os.cpu_count()} cores shared with the client"
        )
        runs: list[Run] = []
        for _ in range(args.rounds):
            for name in ("echo", "cleaner"):
                run = run_wrk(wrk, name, servers[name], script, args.duration)
                print(run.line(), flush=True)
                runs.append(run)

    library_ms = time_library(body)
    medians = {}
    for name in ("echo", "cleaner"):
        mine = [r for r in runs if r.app == name]
        cpus = [r.cpu_us for r in mine if r.cpu_us is not None]
        medians[name] = Run(
            app=name,
            reqs_per_s=statistics.median(r.reqs_per_s for r in mine),
            p50_ms=statistics.median(r.p50_ms for r in mine),
            p99_ms=statistics.median(r.p99_ms for r in mine),
            errors=sum(r.errors for r in mine),
            non_2xx=sum(r.non_2xx for r in mine),
            cpu_us=statistics.median(cpus) if cpus else None,
        )
    print(f"median over {args.rounds} rounds:")
    for name in ("echo", "cleaner"):
        print("  " + medians[name].line())
    print(
        f"cleaner.clean on the same body in-process: {library_ms:.2f} ms per document "
        f"(at most {WORKERS * 1000 / library_ms:.0f} documents/s on {WORKERS} fully used cores)"
    )
    ratio = medians["cleaner"].reqs_per_s / medians["echo"].reqs_per_s
    p99 = medians["cleaner"].p99_ms
    print(
        f"ratio cleaner/echo req/s: {ratio:.1%} (target >= {MIN_REQS_RATIO:.0%}: "
        f"{'met' if ratio >= MIN_REQS_RATIO else 'missed'}); "
        f"cleaner p99 {p99:.2f} ms (target <= {MAX_P99_MS:.0f} ms: "
        f"{'met' if p99 <= MAX_P99_MS else 'missed'})"
    )
    echo_cpu, cleaner_cpu = medians["echo"].cpu_us, medians["cleaner"].cpu_us
    if echo_cpu and cleaner_cpu:
        print(
            f"server CPU per request: echo {echo_cpu:.0f} µs, cleaner {cleaner_cpu:.0f} µs "
            f"(ratio echo/cleaner {echo_cpu / cleaner_cpu:.1%}; the client's share of the "
            f"cores is not in it)"
        )


if __name__ == "__main__":
    main()
