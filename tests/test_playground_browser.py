"""The playground page in a real browser: paste the seed, press clean, read the visual diff.

Drives Debian's headless Chromium through the DevTools protocol over a pipe
(``--remote-debugging-pipe``: JSON messages separated by NUL bytes on file descriptors 3 and
4), so no websocket client, browser download or extra Python package is needed. The app runs
in-process on a free loopback port; the browser resolves no host name, so nothing leaves
127.0.0.1. A screenshot of the result goes to ``artifacts/playground.png``.

Skipped when Chromium is missing, unless CLEANER_REQUIRE_SYSTEM_TESTS=1 (then it fails).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

import cleaner
from cleaner.trace import Reason, Stage

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
SEED_MARKER = "Follow us on:"
# generous bounds for a shared 2-core machine; the test normally needs a few seconds
BROWSER_START_TIMEOUT_S = 30.0
PAGE_TIMEOUT_S = 20.0
VIEWPORT = {"width": 1280, "height": 1000}

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--no-proxy-server",
    # every host name fails to resolve: only 127.0.0.1 can be reached
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--remote-debugging-pipe",
)


def _unavailable(what: str) -> NoReturn:
    """Skip, or fail when the environment promises the system tools (CI)."""
    if os.environ.get("CLEANER_REQUIRE_SYSTEM_TESTS") == "1":
        pytest.fail(f"{what} (required: CLEANER_REQUIRE_SYSTEM_TESTS=1)")
    pytest.skip(what)


class CdpError(RuntimeError):
    """The browser answered a DevTools command with an error, or did not answer in time."""


class Chromium:
    """A headless Chromium driven over ``--remote-debugging-pipe``.

    Commands go out as NUL-terminated JSON on the browser's fd 3; answers and events come back
    on its fd 4. Events that no caller waited for are kept in ``pending`` until one does.
    """

    def __init__(self, binary: Path, profile_dir: Path, log_path: Path) -> None:
        # our ends and the browser's ends of the two pipes; all moved above fd 10 first, so
        # that mapping the browser's ends onto fds 3 and 4 cannot clobber one another
        to_browser_r, to_browser_w = (_high_fd(fd) for fd in os.pipe())
        from_browser_r, from_browser_w = (_high_fd(fd) for fd in os.pipe())
        argv = [str(binary), *CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}", "about:blank"]
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, str(log_path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_DUP2, 1, 2),
            (os.POSIX_SPAWN_DUP2, to_browser_r, 3),
            (os.POSIX_SPAWN_DUP2, from_browser_w, 4),
        ]
        self.pid = os.posix_spawn(str(binary), argv, os.environ, file_actions=actions)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._out = to_browser_w
        self._in = from_browser_r
        self._buffer = b""
        self._next_id = 0
        self.pending: list[dict[str, Any]] = []

    def close(self) -> None:
        """Ask the browser to quit, then make sure it is gone."""
        with contextlib.suppress(CdpError, OSError):
            self.send("Browser.close", timeout=5)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                break
            time.sleep(0.1)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self._out)
        os.close(self._in)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = PAGE_TIMEOUT_S,
    ) -> dict[str, Any]:
        """Send one command and return its ``result``."""
        self._next_id += 1
        msg_id = self._next_id
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._out, data) :]
        answer = self.wait_for(lambda m: m.get("id") == msg_id, timeout)
        if "error" in answer:
            raise CdpError(f"{method}: {answer['error']}")
        return dict(answer.get("result", {}))

    def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float
    ) -> dict[str, Any]:
        """The first message (kept or new) that satisfies ``predicate``."""
        deadline = time.monotonic() + timeout
        while True:
            for i, message in enumerate(self.pending):
                if predicate(message):
                    return self.pending.pop(i)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CdpError(f"no answer within {timeout:.0f} s")
            ready, _, _ = select.select([self._in], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise CdpError("the browser closed its DevTools pipe")
            self._buffer += chunk
            *complete, self._buffer = self._buffer.split(b"\0")
            self.pending.extend(json.loads(raw) for raw in complete)


def _high_fd(fd: int) -> int:
    """Duplicate ``fd`` to a number of at least 10 (close-on-exec) and close the original."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Page:
    """One browser tab, attached with a flat DevTools session."""

    def __init__(self, browser: Chromium) -> None:
        self.browser = browser
        targets = browser.send("Target.getTargets")["targetInfos"]
        target = next(t["targetId"] for t in targets if t["type"] == "page")
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {**VIEWPORT, "deviceScaleFactor": 1, "mobile": False},
        )

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session)

    def goto(self, url: str) -> None:
        """Navigate and wait for the load event."""
        answer = self.send("Page.navigate", {"url": url})
        if answer.get("errorText"):
            raise CdpError(f"navigation to {url} failed: {answer['errorText']}")
        self.browser.wait_for(
            lambda m: (
                m.get("method") == "Page.loadEventFired" and m.get("sessionId") == self.session
            ),
            PAGE_TIMEOUT_S,
        )

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page and return its (JSON) value."""
        answer = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in answer:
            raise CdpError(f"page script failed: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def poll(self, expression: str, timeout: float = PAGE_TIMEOUT_S) -> Any:
        """Evaluate ``expression`` until it returns something truthy."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise CdpError(f"page never satisfied: {expression[:80]}")

    def click(self, selector: str) -> None:
        """Press and release the left mouse button in the middle of an element."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1},
            )

    def paste(self, selector: str, text: str) -> None:
        """Focus a field and insert ``text`` as typed input (fires ``input`` events)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path: Path) -> None:
        """Save a PNG of the whole page."""
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))


# Every element of #diff whose text holds the marker and which is drawn struck out (by its own
# style or an ancestor's inside #diff), with the text of the diff row around it and any
# title/data attributes, where a reason may be shown on hover.
STRUCK_OUT_JS = """
((marker) => {
  const diff = document.querySelector('#diff');
  if (!diff) return null;
  const struck = (el) => {
    for (let e = el; e && e !== diff.parentElement; e = e.parentElement) {
      if (getComputedStyle(e).textDecorationLine.includes('line-through')) return true;
    }
    return false;
  };
  const hits = [];
  for (const el of diff.querySelectorAll('*')) {
    if (!el.textContent.includes(marker) || !struck(el)) continue;
    const row = el.closest('li, tr, p, div:not(#diff)') || el;
    const attrs = [];
    for (const e of [el, row, ...row.querySelectorAll('*')]) {
      for (const a of e.attributes) {
        if (a.name === 'title' || a.name.startsWith('data-')) attrs.push(a.value);
      }
    }
    hits.push({text: el.textContent, row: row.textContent, attrs: attrs});
  }
  return hits.length ? hits : null;
})
"""


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The real app served by werkzeug on a free loopback port, in a background thread."""
    from werkzeug.serving import make_server

    from cleaner.web import create_app

    server = make_server("127.0.0.1", 0, create_app({"TESTING": True}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def page() -> Iterator[Page]:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="cleaner-chromium-") as tmp:
        browser = Chromium(CHROMIUM, Path(tmp) / "profile", Path(tmp) / "chromium.log")
        try:
            browser.send("Browser.getVersion", timeout=BROWSER_START_TIMEOUT_S)
            yield Page(browser)
        finally:
            browser.close()


def test_playground_diff_shows_removed_lines_and_repairs(
    app_url: str, page: Page, seed_pair: tuple[str, str]
) -> None:
    raw, expected = seed_pair
    # what the library reports for the seed, which the diff must show
    report = cleaner.clean(raw)
    dropped = [s for s in report.removed_lines if SEED_MARKER in (s.before or "")]
    assert [str(s.reason) for s in dropped] == [Reason.SOCIAL]
    recovered = [s for s in report.repairs if s.stage == Stage.RECOVER and s.after]
    assert recovered, "the seed's name with lost letters is no longer recovered"

    page.goto(app_url + "/")
    page.paste("#input", raw)
    assert page.evaluate("document.querySelector('#input').value") == raw
    page.click("#clean")

    hits = page.poll(f"{STRUCK_OUT_JS}({json.dumps(SEED_MARKER)})")
    page.screenshot(ARTIFACTS / "playground.png")
    # the struck-out share line carries its reason code next to it
    assert any(Reason.SOCIAL in " ".join([hit["row"], *hit["attrs"]]) for hit in hits), hits
    # every recovered word is highlighted, tagged with its reason
    marks = page.evaluate(
        "[...document.querySelectorAll('#diff mark')].map(m => [m.textContent, m.dataset.reason])"
    )
    for step in recovered:
        assert [step.after, str(step.reason)] in marks, marks
    output = page.evaluate("document.querySelector('#output').textContent")
    assert output == report.text
    assert SEED_MARKER not in output
    assert output == expected
    # removed lines are shown where they stood in the input: the repeated caption is struck
    # out right after its first occurrence, not somewhere further down
    rows = page.evaluate(
        "[...document.querySelectorAll('#diff .line')]"
        ".map(r => [r.textContent, r.classList.contains('removed')])"
    )
    rows = [(text, removed) for text, removed in rows if text.strip()]
    duplicate = next(s for s in report.removed_lines if s.reason == Reason.DUPLICATE)
    at = next(i for i, (text, removed) in enumerate(rows) if removed and duplicate.before in text)
    assert rows[at - 1] == (duplicate.before, False), rows[at - 2 : at + 2]
