"""The service under a real gunicorn (2 sync workers) on a free loopback port."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

MOJIBAKE = "Caf\u00c3\u00a9 cr\u00c3\u00a8me"
REPAIRED = "Caf\u00e9 cr\u00e8me"
# Seconds to wait for a server to answer /readyz (workers load the lexicons first).
STARTUP_WAIT_S = 60
# Body read timeout given to the test server, so the slow-body test is short.
BODY_READ_TIMEOUT_S = 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children_of(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (the gunicorn master's workers)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name (field 2) may hold spaces; the parent pid is 2 fields after it.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def server_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEANER_", "PROMETHEUS_"))}
    env.update(
        CLEANER_WORKERS="2",
        CLEANER_MAX_REQUESTS="0",
        CLEANER_BODY_READ_TIMEOUT=str(BODY_READ_TIMEOUT_S),
        CLEANER_CONTROL_SOCKET=str(tmp / "gunicorn.ctl"),
        PROMETHEUS_MULTIPROC_DIR=str(tmp / "metrics"),
    )
    env.update(extra)
    return env


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def wait_ready(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_WAIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if request(port, "GET", "/readyz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not become ready")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def workers(self) -> set[int]:
        return children_of(self.process.pid)

    def clean(
        self, text: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        status, hdrs, body = request(
            self.port,
            "POST",
            "/v1/clean",
            text.encode(),
            {"Content-Type": "text/plain; charset=utf-8", **(headers or {})},
        )
        return status, hdrs, body.decode()

    def access_log(self) -> list[dict[str, Any]]:
        records = []
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                records.append(json.loads(line))
        return records


# The sync worker is the default; gthread (threads in each worker) is the other common choice.
WORKER_CLASSES = (
    {"CLEANER_WORKER_CLASS": "sync"},
    {"CLEANER_WORKER_CLASS": "gthread", "CLEANER_THREADS": "4"},
)


@pytest.fixture(scope="module", params=WORKER_CLASSES, ids=lambda p: p["CLEANER_WORKER_CLASS"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("gunicorn")
    port = free_port()
    log = tmp / "server.log"
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:cleaner.web.gunicorn_conf",
        "--bind",
        f"127.0.0.1:{port}",
    ]
    with log.open("wb") as out:
        env = server_env(tmp, **request.param)
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        wait_ready(port, process)
        yield Server(port, process, log)
    finally:
        stop(process)


def metric_total(port: int, name: str, **labels: str) -> float:
    """Sum of the samples of ``name`` whose labels include ``labels``."""
    status, _, body = request(port, "GET", "/metrics")
    assert status == 200
    total = 0.0
    for line in body.decode().splitlines():
        if not line.startswith(name + "{"):
            continue
        label_text, _, value = line.rpartition(" ")
        if all(f'{k}="{v}"' in label_text for k, v in labels.items()):
            total += float(value)
    return total


# ---- tests ---------------------------------------------------------------------------


def test_clean_over_http_with_request_id_and_json_access_log(server: Server) -> None:
    status, headers, text = server.clean(MOJIBAKE, {"X-Request-ID": "req-clean-1"})
    assert status == 200
    assert text == REPAIRED
    assert headers["X-Request-ID"] == "req-clean-1"
    time.sleep(0.2)
    logged = [r for r in server.access_log() if r.get("request_id") == "req-clean-1"]
    assert logged and logged[0]["status"] == 200 and logged[0]["path"] == "/v1/clean"
    assert logged[0]["method"] == "POST" and logged[0]["duration_ms"] >= 0


def stream_batch(port: int, lines: list[bytes], lines_per_chunk: int = 250) -> list[dict[str, Any]]:
    """Send ``lines`` chunked from one thread while reading the streamed answer."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    head = (
        "POST /v1/clean/batch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n"
        "Connection: close\r\n\r\n"
    )
    sock.sendall(head.encode())
    errors: list[BaseException] = []

    def send() -> None:
        try:
            for i in range(0, len(lines), lines_per_chunk):
                chunk = b"".join(lines[i : i + lines_per_chunk])
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except OSError as err:
            errors.append(err)

    sender = threading.Thread(target=send)
    sender.start()
    try:
        response = http.client.HTTPResponse(sock, method="POST")
        response.begin()
        assert response.status == 200
        assert response.getheader("Content-Type") == "application/x-ndjson"
        records = [json.loads(line) for line in response.read().splitlines()]
    finally:
        sender.join()
        sock.close()
    assert not errors
    return records


def batch_text(i: int) -> str:
    # Every 100th line needs a repair; plain lines keep the run short (the stream is tested).
    return f"{MOJIBAKE} number {i}" if i % 100 == 0 else f"plain line number {i}"


def test_batch_of_10000_lines_streams_back_in_order(server: Server) -> None:
    n = 10_000
    lines = [json.dumps({"id": f"n{i}", "text": batch_text(i)}).encode() + b"\n" for i in range(n)]
    lines[1234] = b"{not json}\n"
    records = stream_batch(server.port, lines)
    assert len(records) == n
    assert [r["line"] for r in records] == list(range(1, n + 1))
    expected_ids: list[str | None] = [f"n{i}" for i in range(n)]
    expected_ids[1234] = None
    assert [r["id"] for r in records] == expected_ids
    assert records[1234]["error"]["status"] == 400
    assert records[9900]["result"]["text"] == f"{REPAIRED} number 9900"
    assert records[9999]["result"]["text"] == "plain line number 9999"
    assert sum("result" in r for r in records) == n - 1


def test_concurrent_requests_each_get_their_own_answer(server: Server) -> None:
    def one(i: int) -> tuple[int, str]:
        status, _, text = server.clean(f"{MOJIBAKE} {i}")
        return status, text

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, range(64)))
    assert results == [(200, f"{REPAIRED} {i}") for i in range(64)]


def test_metrics_are_aggregated_across_workers(server: Server) -> None:
    labels = {"route": "/v1/clean", "method": "POST", "status": "200"}
    before = metric_total(server.port, "cleaner_http_requests_total", **labels)
    n = 40
    tag = f"metrics-{time.monotonic_ns()}"
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(
            pool.map(
                lambda i: server.clean("plain text", {"X-Request-ID": f"{tag}-{i}"})[0], range(n)
            )
        )
    assert statuses == [200] * n
    time.sleep(0.2)
    pids = {r["pid"] for r in server.access_log() if str(r.get("request_id", "")).startswith(tag)}
    assert len(pids) == 2, "both workers should have served some of the requests"
    # Whichever worker answers the scrape, it reports the requests of both.
    for _ in range(4):
        after = metric_total(server.port, "cleaner_http_requests_total", **labels)
        assert after - before == n


def test_a_worker_killed_mid_run_and_the_service_still_answers(server: Server) -> None:
    workers = server.workers()
    assert len(workers) == 2
    victim = min(workers)
    outcomes: list[object] = []
    stop_at = time.monotonic() + 3

    def traffic() -> None:
        i = 0
        while time.monotonic() < stop_at:
            try:
                outcomes.append(server.clean(f"{MOJIBAKE} {i}")[0])
            except (OSError, http.client.HTTPException) as err:
                outcomes.append(err)
            i += 1

    threads = [threading.Thread(target=traffic) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.7)
    os.kill(victim, signal.SIGKILL)
    for t in threads:
        t.join()
    failures = [o for o in outcomes if o != 200]
    assert len(outcomes) > 20
    # Only the requests in flight on the killed worker may fail (one per client thread).
    assert len(failures) <= 3, failures
    deadline = time.monotonic() + 20
    while len(server.workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(server.workers()) == 2 and victim not in server.workers()
    for i in range(10):
        assert server.clean(f"{MOJIBAKE} after {i}")[:3:2] == (200, f"{REPAIRED} after {i}")


def test_slow_body_is_cut_off_with_408(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(
            b"POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 1000\r\n\r\nonly a few bytes"
        )
        response = http.client.HTTPResponse(sock, method="POST")
        response.begin()
        assert response.status == 408
        body = json.loads(response.read())
        assert body["status"] == 408


def test_declared_oversize_body_is_refused_without_reading(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(
            b"POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 1000000000\r\n\r\n"
        )
        response = http.client.HTTPResponse(sock, method="POST")
        response.begin()
        assert response.status == 413
        assert response.getheader("Content-Type") == "application/problem+json"


def test_serve_runs_gunicorn_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    code = f"from cleaner.web.serve import serve; raise SystemExit(serve(port={port}, workers=1))"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=server_env(tmp_path),
        )
    try:
        wait_ready(port, process)
        gunicorn = children_of(process.pid)
        assert len(gunicorn) == 1
        status, _, body = request(
            port, "POST", "/v1/clean", MOJIBAKE.encode(), {"Content-Type": "text/plain"}
        )
        assert (status, body.decode()) == (200, REPAIRED)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert not Path(f"/proc/{gunicorn.pop()}").exists()
    finally:
        stop(process)
