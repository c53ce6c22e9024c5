"""Nothing named in a descriptor is ever fetched: each URL-valued property frictionless would dereference is a
finding before frictionless sees the descriptor.

Each case points one property at a local HTTP server (127.0.0.1, in a thread, logging every request) and runs
`publish validate` with both engines: the finding is reported and the server saw no request. A control case
shows the server does log what is sent to it. The standard Data Package profile URLs in ``$schema`` stay
allowed: frictionless only reads the version from them, which a socket guard proves (no connection at all).
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from publish.validate import validate
from tests.fuzz.outcome import refused

Edit = Callable[[dict, dict, str], None]  # (descriptor, income schema, server URL)


class Logged(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        body = json.dumps({"fields": [{"name": "x"}], "$ref": f"{self.server.url}/ref"}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    """A local server that logs every request; stopped (and its thread joined) after the test."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Logged)
    httpd.requests, httpd.url = [], f"http://127.0.0.1:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _income(descriptor: dict) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == "income")


CASES: dict[str, tuple[Edit, str]] = {
    "package profile": (lambda d, s, url: d.update(profile=f"{url}/profile"), "remote-reference"),
    "package $schema": (lambda d, s, url: d.update({"$schema": f"{url}/schema"}), "remote-reference"),
    "resource profile": (lambda d, s, url: _income(d).update(profile=f"{url}/profile"), "remote-reference"),
    "resource $schema": (lambda d, s, url: _income(d).update({"$schema": f"{url}/s"}), "remote-reference"),
    "resource dialect": (lambda d, s, url: _income(d).update(dialect=f"{url}/dialect"), "unsafe-path"),
    "resource schema": (lambda d, s, url: _income(d).update(schema=f"{url}/schema.json"), "unsafe-path"),
    "resource extrapaths": (lambda d, s, url: _income(d).update(extrapaths=[f"{url}/more.csv"]), "unsafe-path"),
    "dialect $schema": (lambda d, s, url: _income(d)["dialect"].update({"$schema": f"{url}/d"}), "remote-reference"),
    "dialect profile": (lambda d, s, url: _income(d)["dialect"].update(profile=f"{url}/d"), "remote-reference"),
    "schema $schema": (lambda d, s, url: s.update({"$schema": f"{url}/ts"}), "remote-reference"),
    "schema profile": (lambda d, s, url: s.update(profile=f"{url}/ts"), "remote-reference"),
    "foreign key package": (
        lambda d, s, url: s["foreignKeys"][0]["reference"].update(package=f"{url}/datapackage.json"),
        "remote-reference",
    ),
    "standard profile URL": (  # frictionless fetches a profile URL even when it is the standard one
        lambda d, s, url: d.update(profile="https://datapackage.org/profiles/1.0/datapackage.json"),
        "remote-reference",
    ),
}


def _edit(package: Path, edit: Edit, url: str) -> None:
    descriptor_path, schema_path = package / "datapackage.json", package / "schemas" / "income.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    edit(descriptor, schema, url)
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def test_the_server_logs_what_is_sent_to_it(server):
    """The control: a request does reach the log, so an empty log below means nothing was fetched."""
    with urllib.request.urlopen(f"{server.url}/control", timeout=5) as reply:
        assert json.loads(reply.read())["fields"] == [{"name": "x"}]
    assert server.requests == ["/control"]


@pytest.mark.parametrize("engine", ["columnar", "frictionless"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_url_in_the_descriptor_is_a_finding_and_never_fetched(package_copy, server, case, engine):
    edit, rule = CASES[case]
    _edit(package_copy, edit, server.url)
    result = refused(["validate", package_copy, "--engine", engine, "--lang", "en"], [package_copy], rule)
    assert server.url in result.output or "datapackage.org" in result.output  # the refused value is named
    assert server.requests == []


def test_a_local_profile_whose_ref_is_a_url_is_refused_unread(package_copy, server):
    """frictionless reads a local profile as a JSON Schema and fetches the URLs of its $refs."""
    (package_copy / "profile.json").write_text(json.dumps({"$ref": f"{server.url}/ref"}), encoding="utf-8")
    _edit(package_copy, lambda d, s, url: d.update(profile="profile.json"), server.url)
    refused(["validate", package_copy, "--lang", "en"], [package_copy], "remote-reference", "profile.json")
    assert server.requests == []


def test_every_command_that_loads_the_package_refuses_it(package_copy, server, tmp_path):
    _edit(package_copy, CASES["package profile"][0], server.url)
    for args in (["release", package_copy], ["site", package_copy, "--out", tmp_path / "site"]):
        refused(args, [package_copy, tmp_path], "remote-reference")
    assert server.requests == []


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to look up a host or open a connection is recorded and fails."""
    attempts = []

    def refuse(address, *args, **kwargs):
        attempts.append(address)
        raise OSError(f"the test forbids connecting to {address}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: refuse(address))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: refuse(address))
    return attempts


@pytest.mark.parametrize("engine", ["columnar", "frictionless"])
def test_the_standard_schema_urls_are_never_fetched(package_copy, no_network, engine):
    """The repo's descriptor and schemas name datapackage.org's profiles in $schema: validated offline, clean."""
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    schema = json.loads((package_copy / "schemas" / "income.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].startswith("https://datapackage.org/profiles/")
    assert schema["$schema"].startswith("https://datapackage.org/profiles/")
    report = validate(package_copy, engine=engine)
    assert report.errors == []
    assert no_network == []


def test_the_socket_guard_catches_a_fetch(no_network):
    """The control for the guard: frictionless fetching a profile URL is caught by it."""
    from frictionless import Package

    descriptor = {"name": "x", "profile": "https://example.org/profile.json", "resources": []}
    assert Package.validate_descriptor(descriptor).errors
    assert no_network != []
