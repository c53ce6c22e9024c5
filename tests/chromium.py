"""Real headless Chromium for the portal tests (Debian's `chromium`), driven over the DevTools protocol.

The browser is spoken to through `--remote-debugging-pipe` (file descriptors 3 and 4, messages
separated by NUL bytes), so no port and no websocket library are needed. Every network request
the page makes, every console message and every uncaught exception is recorded.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

from PIL import Image, ImageStat

from tests.helpers import require_tool

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
)
LOCAL_SCHEMES = ("file:", "data:", "about:")
# Input.dispatchKeyEvent fields of the keys the keyboard tests press (a key that types text sends keyDown, the
# others rawKeyDown, as Chromium's own input does).
KEYS = {
    "Tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
    "Enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "Space": {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32, "text": " "},
    "Escape": {"key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27},
    "Backspace": {"key": "Backspace", "code": "Backspace", "windowsVirtualKeyCode": 8},
}
SHIFT = 8  # the modifiers bit of Shift in Input.dispatchKeyEvent


def find_chromium() -> str:
    """Debian's chromium: skipped with the reason where it is missing, failed under CI=true (.ci/run installs it)."""
    return require_tool("chromium", "the portal pages are opened in headless Chromium (apt-get install chromium)")


class Browser:
    """One Chromium process and one page, with the events the tests assert on."""

    def __init__(self, executable: str):
        self.profile = tempfile.mkdtemp(prefix="publish-site-chromium-")
        to_browser_read, self._send = os.pipe()
        self._receive, from_browser_write = os.pipe()

        def give_pipes() -> None:  # runs in the child: the protocol pipes become fds 3 and 4
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=give_pipes,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            self.page(f"{domain}.enable")

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._send, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                assert "error" not in reply, reply
                return reply["result"]
            self.events.append(reply)

    def page(self, method: str, params: dict | None = None) -> dict:
        return self.call(method, params, self.session)

    def open(self, url: str, width: int, height: int, mobile: bool = False) -> None:
        self.events.clear()
        self.page(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self.page("Page.navigate", {"url": url})
        deadline = time.monotonic() + 30
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._read(deadline))

    def evaluate(self, expression: str):
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def evaluate_async(self, expression: str, timeout: float = 60):
        """The value of ``expression`` once the promise it gives has settled (a rejection fails the test)."""
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        result = self.call("Runtime.evaluate", params, self.session, timeout=timeout)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def run_script(self, source: str) -> None:
        """Run a script's text in the page (e.g. a checker's library), with no request the page would see."""
        self.evaluate(source + "\n;undefined")

    def press(self, name: str, shift: bool = False) -> None:
        """A real key press (down and up) through Input.dispatchKeyEvent, as a reader's keyboard gives it."""
        fields = {**KEYS[name], "modifiers": SHIFT if shift else 0}
        self.page("Input.dispatchKeyEvent", {**fields, "type": "keyDown" if "text" in fields else "rawKeyDown"})
        self.page("Input.dispatchKeyEvent", {**{k: v for k, v in fields.items() if k != "text"}, "type": "keyUp"})

    def type_text(self, text: str) -> None:
        """Type ``text`` key by key into the focused element (a key press per character, as a keyboard does)."""
        for char in text:
            self.page("Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char})
            self.page("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})

    def screenshot(self) -> Image.Image:
        data = self.page("Page.captureScreenshot", {"format": "png"})["data"]
        return Image.open(io.BytesIO(base64.b64decode(data)))

    def requested_urls(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def errors(self) -> list[dict]:
        """Uncaught exceptions, console errors/warnings and browser log errors/warnings (e.g. failed loads)."""
        return [event["params"] for event in self.events if _is_problem(event)]

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._receive], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._receive, 1 << 20)
            if not chunk:
                raise ConnectionError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self) -> None:
        with contextlib.suppress(TimeoutError, ConnectionError, OSError):
            self.call("Browser.close", timeout=10)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._send)
        os.close(self._receive)
        shutil.rmtree(self.profile, ignore_errors=True)


def _is_problem(event: dict) -> bool:
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.consoleAPICalled":
        return params.get("type") in ("error", "assert", "warning")
    if method == "Log.entryAdded":
        return params["entry"].get("level") in ("error", "warning")
    return method == "Runtime.exceptionThrown"


def assert_not_blank(image: Image.Image) -> None:
    grey = image.convert("L")
    assert ImageStat.Stat(grey).stddev[0] > 10
    assert len(grey.getcolors(maxcolors=256 * 256) or range(257)) > 16


def assert_offline_and_clean(browser: Browser) -> None:
    urls = browser.requested_urls()
    assert urls, "the page loaded nothing at all"
    assert [url for url in urls if not url.startswith(LOCAL_SCHEMES)] == []
    assert browser.errors() == []
