"""A real CKAN 2.12 on 127.0.0.1 for the live tests, with everything it needs started here and stopped after.

PostgreSQL and Redis come from Debian and run as private instances (their data in a temporary folder, on free
loopback ports); CKAN, ckanext-dcat and ckanext-harvest come from .cache/ckan/venv (tests/ckan/install.sh, which
.ci/run calls). The search index is a stand-in (tests/ckan/solr_standin.py), only because Solr cannot be installed
here: CKAN's index writes are accepted and every search finds nothing, so nothing here relies on ``package_search``.
Where a piece is missing the tests are skipped with the reason, and under CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from glob import glob
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import ClassVar

import pytest
from ckanapi import RemoteCKAN

from tests.ckan import solr_standin
from tests.helpers import ROOT

VENV = ROOT / ".cache" / "ckan" / "venv"  # git-ignored; made by tests/ckan/install.sh
CKAN = VENV / "bin" / "ckan"
PYTHON = VENV / "bin" / "python"
ADMIN = "publish-admin"
ORGANIZATION = "wuxi-finance"
LOCALE = "zh_Hans_CN"  # as a Chinese portal would have it
START_SECONDS = 60
COMMAND_SECONDS = 180


def missing(reason: str) -> None:
    """Skip with ``reason``; under CI fail instead (as tests/helpers.py require_tool does for a program)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: what the test needs must be there, it is not skipped)", pytrace=False)
    pytest.skip(reason)


def ckan_venv() -> Path:
    """The python of the CKAN venv, or skip/fail naming the installer."""
    if not (CKAN.exists() and PYTHON.exists()):
        missing(f"CKAN is not installed in {VENV}: run tests/ckan/install.sh (.ci/run does)")
    return PYTHON


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


@dataclass
class Portal:
    """The running CKAN: its URL, the sysadmin's API token, and the ``ckan`` command bound to its config."""

    url: str
    api_key: str
    config: Path
    log: Path
    index: ThreadingHTTPServer  # the search stand-in: ``index.updates`` counts the writes CKAN sent it

    def action(self, action: str, /, **data):
        with RemoteCKAN(self.url, apikey=self.api_key) as portal:
            return portal.call_action(action, data)

    def datasets(self) -> list[dict]:
        """Every dataset on the portal (harvest sources left out), as ``package_show`` gives it."""
        shown = [self.action("package_show", id=name) for name in self.action("package_list")]
        return [dataset for dataset in shown if dataset["type"] == "dataset"]

    def harvest(self, source: str) -> str:
        """Run the harvest of ``source`` now, in one process: gather, fetch and import (harvester run-test)."""
        return run_ckan("-c", self.config, "harvester", "run-test", source, cwd=self.config.parent)

    def empty(self) -> None:
        """Remove every harvest source (with its jobs and datasets) and every dataset, for the next test."""
        for source in self.action("harvest_source_list", only_active=True):
            self.action("harvest_source_clear", id=source["id"])
            self.action("harvest_source_delete", id=source["id"])  # no longer active
            self.action("dataset_purge", id=source["id"])
        for name in self.action("package_list"):
            self.action("dataset_purge", id=name)


def run_ckan(*args: str | Path, cwd: Path | None = None) -> str:
    """``ckan ARGS`` in the venv: its standard output, or an error with the end of what it printed."""
    done = subprocess.run([CKAN, *args], capture_output=True, text=True, timeout=COMMAND_SECONDS, cwd=cwd)
    if done.returncode != 0:
        printed = (done.stdout + done.stderr)[-4000:]
        raise RuntimeError(f"ckan {' '.join(map(str, args))} failed (exit {done.returncode}):\n{printed}")
    return done.stdout


def write_config(folder: Path, **services: str) -> Path:
    """ckan.ini made by ``ckan generate config``, then set for this portal."""
    config = folder / "ckan.ini"
    run_ckan("generate", "config", config)
    settings = {
        "sqlalchemy.url": services["database"],
        "solr_url": services["solr"],
        "ckan.redis.url": services["redis"],
        "ckan.site_url": services["site"],
        "ckan.plugins": "dcat harvest dcat_rdf_harvester",
        "ckan.locale_default": LOCALE,
        "ckan.storage_path": "",  # storage off: the resources are links to the release's files
        "ckan.views.default_views": "",
    }
    lines = config.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.split("=", 1)[0].strip() not in settings]
    main = kept.index("[app:main]") + 1
    kept[main:main] = [f"{key} = {value}" for key, value in settings.items()]
    config.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return config


def prepare(config: Path) -> str:
    """The database's tables (CKAN's and the harvester's), a sysadmin and its API token."""
    run_ckan("-c", config, "db", "upgrade")  # initialises an empty database: core and plugin migrations
    account = ["email=admin@example.org", "password=Publish-Admin-Pass-2026"]
    run_ckan("-c", config, "sysadmin", "add", ADMIN, "--create", *account)
    printed = run_ckan("-c", config, "user", "token", "add", ADMIN, "publish")  # "API Token created:\n\t<token>"
    return printed.strip().splitlines()[-1].strip()


@contextlib.contextmanager
def ckan_server(config: Path, port: int) -> Iterator[Path]:
    log = config.parent / "ckan.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [CKAN, "-c", config, "run", "-H", "127.0.0.1", "-p", str(port), "--disable-reloader", "-t"],
            stdout=out, stderr=subprocess.STDOUT, cwd=config.parent,
        )  # fmt: skip
    try:
        wait_for(partial(accepts, port), "CKAN", server, log)
        yield log
    finally:
        stop(server)


@contextlib.contextmanager
def running_portal(folder: Path) -> Iterator[Portal]:
    """PostgreSQL, Redis, the search stand-in and CKAN, all on 127.0.0.1, stopped and removed on exit."""
    ckan_venv()
    data = Path(tempfile.mkdtemp(prefix="publish-ckan-db-"))  # owned by postgres under CI: not in pytest's tmp
    solr, solr_url = solr_standin.start()
    try:
        with postgresql(data) as database, redis(folder) as redis_url:
            port = free_port()
            site = f"http://127.0.0.1:{port}"
            config = write_config(folder, database=database, solr=solr_url, redis=redis_url, site=site)
            token = prepare(config)
            with ckan_server(config, port) as log:
                portal = Portal(url=site, api_key=token, config=config, log=log, index=solr)
                portal.action("organization_create", name=ORGANIZATION, title="巫溪县财政局")
                yield portal
    finally:
        solr.shutdown()
        solr.server_close()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def ckan_portal(tmp_path_factory) -> Iterator[Portal]:
    """One real CKAN for the session (tests empty it with ``Portal.empty`` before they use it)."""
    with running_portal(tmp_path_factory.mktemp("ckan")) as portal:
        yield portal
