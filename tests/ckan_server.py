"""A real CKAN 2.12 on 127.0.0.1 for the live tests, with everything it needs started here and stopped after.

PostgreSQL and Redis come from Debian and run as private instances (their data in a temporary folder, on free
loopback ports); CKAN, ckanext-dcat and ckanext-harvest come from .cache/ckan/venv (tests/ckan/install.sh, which
.ci/run calls). The search index is a stand-in (tests/ckan/solr_standin.py), only because Solr cannot be installed
here: a minimal index that keeps CKAN's writes and evaluates the filters CKAN's searches send (exact matches on the
string fields of CKAN's schema); anything else it answers with an error, so a test fails rather than finds nothing.
Where a piece is missing the tests are skipped with the reason, and under CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from ckanapi import RemoteCKAN

from tests.ckan import solr_standin
from tests.ckan.services import accepts, free_port, missing, postgresql, redis, stop, wait_for
from tests.ckan.solr_schema import Schema
from tests.ckan.solr_standin import Index
from tests.helpers import ROOT

VENV = ROOT / ".cache" / "ckan" / "venv"  # git-ignored; made by tests/ckan/install.sh
CKAN = VENV / "bin" / "ckan"
PYTHON = VENV / "bin" / "python"
ADMIN = "publish-admin"
ORGANIZATION = "wuxi-finance"
LOCALE = "zh_Hans_CN"  # as a Chinese portal would have it
COMMAND_SECONDS = 180


def solr_schema() -> Path:
    """CKAN's own Solr schema, which the search stand-in reads its field types from."""
    found = sorted(VENV.glob("lib/python3*/site-packages/ckan/config/solr/schema.xml"))
    if not found:
        missing(f"CKAN's Solr schema is not in {VENV}: run tests/ckan/install.sh (.ci/run does)")
    return found[-1]


def ckan_venv() -> Path:
    """The python of the CKAN venv, or skip/fail naming the installer."""
    if not (CKAN.exists() and PYTHON.exists()):
        missing(f"CKAN is not installed in {VENV}: run tests/ckan/install.sh (.ci/run does)")
    return PYTHON


@dataclass
class Portal:
    """The running CKAN: its URL, the sysadmin's API token, and the ``ckan`` command bound to its config."""

    url: str
    api_key: str
    config: Path
    log: Path
    index: Index  # the search stand-in's documents; ``index.updates`` counts the writes CKAN sent it

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
    done = subprocess.run(
        [CKAN, *args], capture_output=True, text=True, timeout=COMMAND_SECONDS, cwd=cwd, stdin=subprocess.DEVNULL
    )
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
    solr, solr_url = solr_standin.start(Schema(solr_schema().read_bytes()))
    try:
        with postgresql(data) as database, redis(folder) as redis_url:
            port = free_port()
            site = f"http://127.0.0.1:{port}"
            config = write_config(folder, database=database, solr=solr_url, redis=redis_url, site=site)
            token = prepare(config)
            with ckan_server(config, port) as log:
                portal = Portal(url=site, api_key=token, config=config, log=log, index=solr.index)
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
