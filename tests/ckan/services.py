"""The services under the live CKAN tests (tests/ckan_server.py), each a context manager that starts it on a free
loopback port, waits until it answers, and stops it on exit: a private PostgreSQL and a private Redis (Debian's
programs, their files in temporary folders) and a static file server for the release's catalog files.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from functools import partial
from glob import glob
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import ClassVar

import pytest

START_SECONDS = 60


def missing(reason: str) -> None:
    """Skip with ``reason``; under CI fail instead (as tests/helpers.py require_tool does for a program)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: what the test needs must be there, it is not skipped)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(ready, what: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped (exit {process.returncode}):\n{tail(log)}")
        with contextlib.suppress(OSError):
            if ready():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {START_SECONDS} s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def accepts(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


def stop(process: subprocess.Popen, signal_number: int | None = None) -> None:
    if process.poll() is None:
        process.send_signal(signal_number) if signal_number else process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def postgresql(folder: Path) -> Iterator[str]:
    """A private PostgreSQL on a free loopback port with an empty ``ckan`` database: its SQLAlchemy URL."""
    initdb = sorted(glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb")]
    if not initdb[-1]:
        missing("PostgreSQL is not installed (apt-get install postgresql; tests/ckan/install.sh does)")
    bin_dir = Path(initdb[-1]).parent
    # PostgreSQL refuses to run as root: as root (CI), it runs as Debian's postgres user, in a folder it owns
    user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    as_owner = {"user": user.pw_uid, "group": user.pw_gid, "cwd": folder} if user else {"cwd": folder}
    if user:
        os.chown(folder, user.pw_uid, user.pw_gid)
    data, log, port = folder / "data", folder / "postgresql.log", free_port()
    init = [bin_dir / "initdb", "-D", data, "-A", "trust", "-U", "ckan", "-E", "UTF8", "--locale=C.UTF-8"]
    subprocess.run(init, check=True, capture_output=True, **as_owner)
    options = ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off"]
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [bin_dir / "postgres", "-D", data, "-p", str(port), "-k", folder, *options],
            stdout=out, stderr=subprocess.STDOUT, **as_owner,
        )  # fmt: skip
    try:
        wait_for(partial(accepts, port), "PostgreSQL", server, log)
        createdb = [bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "ckan", "ckan"]
        for _ in range(50):  # accepting connections comes a moment before accepting logins
            if subprocess.run(createdb, capture_output=True, **as_owner).returncode == 0:
                break
            time.sleep(0.2)
        yield f"postgresql://ckan@127.0.0.1:{port}/ckan"
    finally:
        stop(server, 2)  # SIGINT: PostgreSQL's fast shutdown


@contextlib.contextmanager
def redis(folder: Path) -> Iterator[str]:
    """A private Redis on a free loopback port, keeping nothing on disk: its URL."""
    program = shutil.which("redis-server")
    if not program:
        missing("redis-server is not installed (apt-get install redis-server; tests/ckan/install.sh does)")
    port, log = free_port(), folder / "redis.log"
    options = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)]
    with open(log, "wb") as out:
        server = subprocess.Popen([program, *options], stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(partial(accepts, port), "Redis", server, log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(server)


class _Files(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".ttl": "text/turtle",
        ".jsonld": "application/ld+json",
    }

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def static_files(folder: Path) -> Iterator[str]:
    """``folder`` served over http on a free loopback port (Turtle and JSON-LD with their media types): its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Files, directory=str(folder)))
    server.daemon_threads = True
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
