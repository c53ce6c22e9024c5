"""`publish catalog push` against a small fake CKAN on 127.0.0.1: create, then update; the key never shows."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from publish.catalog.ckan import payload
from publish.catalog.source import build
from tests.catalog_support import BASE
from tests.helpers import ROOT, invoke
from tests.release_support import NAME

KEY = "secret-key-4f9c1e"
MAX_REQUESTS = 10


class FakeCkan(BaseHTTPRequestHandler):
    """package_show / package_search (by guid) / package_create / package_update on an in-memory store;
    rejects a wrong key."""

    def do_POST(self):
        server = self.server
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
        action = self.path.rsplit("/", 1)[-1]
        server.requests.append((action, dict(self.headers), body))
        if self.headers.get("Authorization") != server.accepted_key:
            # a careless server echoes the key it refused: the client must still not show it
            key = self.headers.get("Authorization")
            return self._reply(403, {"__type": "Authorization Error", "message": f"Access denied for key {key}"})
        if action == "package_show":
            found = server.datasets.get(body["id"])
            if found is None:
                return self._reply(404, {"__type": "Not Found Error", "message": "Not found"})
            return self._reply(200, result=found)
        if action == "package_search":
            return self._reply(200, result={"results": [d for d in server.datasets.values() if _fq(d) == body["fq"]]})
        stored = {**body, "id": body.get("id", "id-" + body["name"])}
        server.datasets = {name: d for name, d in server.datasets.items() if d["id"] != stored["id"]}
        server.datasets[body["name"]] = stored
        return self._reply(200, result=stored)

    def _reply(self, status, error=None, result=None):
        data = {"success": error is None, **({"error": error} if error else {"result": result})}
        raw = json.dumps(data).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture
def ckan():
    server = HTTPServer(("127.0.0.1", 0), FakeCkan)
    server.requests, server.datasets, server.accepted_key = [], {}, KEY
    server.timeout = 0.2  # handle_request returns at least this often, so teardown is quick

    def serve():  # bounded: at most MAX_REQUESTS requests, then the thread ends
        while len(server.requests) < MAX_REQUESTS and not server.stopped:
            server.handle_request()

    server.stopped = False
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server
    server.stopped = True
    server.server_close()
    thread.join(timeout=2)


def _fq(dataset: dict) -> str:
    """The search filter that finds ``dataset`` by its guid extra."""
    return next((f'+guid:"{e["value"]}"' for e in dataset.get("extras", []) if e["key"] == "guid"), "")


def push(server, *extra, key=KEY):
    url = f"http://127.0.0.1:{server.server_port}"
    args = ["catalog", "push", str(ROOT), "--base-url", BASE, "--ckan-url", url, "--api-key-env", "CKAN_KEY", *extra]
    return invoke(*args, env={"CKAN_KEY": key})


def test_push_creates_then_updates_and_never_shows_the_key(ckan):
    first = push(ckan, "--owner-org", "wuxi-finance")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"已创建 created {NAME} @ http://127.0.0.1:")
    model, _ = build(ROOT, BASE)
    assert [action for action, _, _ in ckan.requests] == ["package_show", "package_search", "package_create"]
    assert ckan.requests[2][2] == payload(model, "wuxi-finance")
    assert all(headers["Authorization"] == KEY for _, headers, _ in ckan.requests)

    second = push(ckan, "--owner-org", "wuxi-finance")
    assert second.exit_code == 0 and second.stdout.startswith(f"已更新 updated {NAME}")
    assert [action for action, _, _ in ckan.requests[3:]] == ["package_show", "package_update"]
    assert ckan.requests[4][2]["id"] == f"id-{NAME}"
    assert KEY not in first.output + second.output


def test_a_push_after_a_harvest_updates_the_harvested_dataset(ckan):
    """A dcat_rdf harvest names a Chinese-titled dataset `__`; the push finds it by its guid (the DCAT IRI),
    gives it our name and keeps the ids of its resources, matched by their DCAT IRI (`uri`)."""
    model, _ = build(ROOT, BASE)
    sent = payload(model)
    harvested = {**sent, "name": "__", "id": "harvested-id", "resources": [dict(r) for r in sent["resources"]]}
    for number, resource in enumerate(harvested["resources"]):
        resource["id"] = f"resource-{number}"
    ckan.datasets["__"] = harvested
    result = push(ckan)
    assert result.exit_code == 0 and result.stdout.startswith(f"已更新 updated {NAME}")
    assert [action for action, _, _ in ckan.requests] == ["package_show", "package_search", "package_update"]
    assert ckan.requests[1][2]["fq"] == f'+guid:"{BASE}/{NAME}-1.0.0/#dataset"'
    update = ckan.requests[2][2]
    assert (update["id"], update["name"]) == ("harvested-id", NAME)
    assert [r["id"] for r in update["resources"]] == [f"resource-{n}" for n in range(len(sent["resources"]))]
    assert list(ckan.datasets) == [NAME]


def test_a_refused_key_exits_3_without_showing_it(ckan):
    wrong = "wrong-key-77aa31"
    result = push(ckan, key=wrong)
    assert result.exit_code == 3
    assert "CKAN" in result.stderr and "refused the request" in result.stderr
    assert wrong not in result.output and KEY not in result.output
    assert len(ckan.requests) == 1


def test_an_unreachable_portal_exits_3_with_a_message():
    result = invoke(
        "catalog", "push", str(ROOT), "--base-url", BASE, "--ckan-url", "http://127.0.0.1:9",
        "--api-key-env", "CKAN_KEY", env={"CKAN_KEY": KEY},
    )  # fmt: skip
    assert result.exit_code == 3
    assert "the push to CKAN (http://127.0.0.1:9) failed" in result.stderr and KEY not in result.output


def test_a_missing_key_variable_is_a_usage_error():
    result = invoke(
        "catalog", "push", str(ROOT), "--base-url", BASE, "--ckan-url", "http://127.0.0.1:9",
        "--api-key-env", "NO_SUCH_VARIABLE_FOR_TEST",
    )  # fmt: skip
    assert result.exit_code == 2 and "NO_SUCH_VARIABLE_FOR_TEST" in result.stderr
