"""A real CKAN 2.12 on 127.0.0.1 takes our release both ways: `publish catalog push`, and a ``dcat_rdf`` harvest
(ckanext-dcat 2.4.4, ckanext-harvest 1.6.3) of the release's DCAT-AP Turtle or JSON-LD served over http.

Whichever comes first, the portal must end with one dataset: our name, the Chinese title, the licence ``cc-by`` and
every field of tests/ckan/contract.py. A harvest alone gives the same dataset under the name CKAN makes of the Chinese
title, ``__`` (nothing in a DCAT file names a dataset for ckanext-dcat 2.4.4; the README's catalog section says what a
portal can do). PostgreSQL and Redis are Debian's; the search index is a stand-in only because Solr cannot be installed
here (tests/ckan/solr_standin.py): a minimal index that keeps CKAN's writes and evaluates the filters CKAN sends, which
is how the push after a harvest finds the harvested dataset (``package_search`` by ``guid``). The tests themselves read
the portal with ``package_list`` and ``package_show`` (PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ckan.contract import catalog_release, differences, expected, landed, model_of
from tests.ckan.services import static_files
from tests.ckan_server import ORGANIZATION, Portal
from tests.helpers import invoke

KEY_VARIABLE = "PUBLISH_TEST_CKAN_KEY"
# route id -> its steps: "push", or "harvest <suffix>" of the release's <name>-<version>.<suffix> file
ROUTES = {
    "push-then-harvest-turtle": ("push", "harvest dcat.ttl"),
    "harvest-turtle-then-push": ("harvest dcat.ttl", "push"),
    "push-then-harvest-jsonld": ("push", "harvest dcat.jsonld"),
    "harvest-jsonld-then-push": ("harvest dcat.jsonld", "push"),
    "harvest-turtle-only": ("harvest dcat.ttl",),
}
HARVEST_ONLY_NAME = "__"  # ckanext-harvest's munge_title_to_name of the Chinese title: a known limit (README)


@dataclass
class Landed:
    """What a route left on the portal, and what each of its steps said."""

    steps: tuple[str, ...]
    datasets: list[dict]
    pushed: str  # the push's output line ("已创建 created …" or "已更新 updated …")
    harvest_stats: dict

    @property
    def name_expected(self) -> str | None:
        """The name the dataset should have: ours once pushed, else the harvester's (None: ours)."""
        return None if "push" in self.steps else HARVEST_ONLY_NAME


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The release and its catalog files, served over http from 127.0.0.1: (release folder, base URL)."""
    folder = tmp_path_factory.mktemp("ckan-release")
    (folder / "dist").mkdir()
    with static_files(folder / "dist") as base_url:
        yield catalog_release(folder, base_url), base_url


@pytest.fixture(scope="module", params=list(ROUTES), ids=list(ROUTES))
def route(request, ckan_portal: Portal, served) -> Landed:
    """The portal emptied, then the route's steps run in order: what it left."""
    release, base_url = served
    ckan_portal.empty()
    pushed, stats = "", {}
    for step in ROUTES[request.param]:
        if step == "push":
            pushed = push(ckan_portal, release, base_url)
        else:
            stats = harvest(ckan_portal, f"{base_url}/{release.name}.{step.split()[1]}")
    return Landed(steps=ROUTES[request.param], datasets=ckan_portal.datasets(), pushed=pushed, harvest_stats=stats)


def push(portal: Portal, release: Path, base_url: str) -> str:
    result = invoke(
        "catalog", "push", release, "--base-url", base_url, "--ckan-url", portal.url,
        "--api-key-env", KEY_VARIABLE, "--owner-org", ORGANIZATION, env={KEY_VARIABLE: portal.api_key},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert portal.api_key not in result.output
    return result.stdout


def harvest(portal: Portal, url: str) -> dict:
    """A ``dcat_rdf`` harvest source for ``url`` in our organisation, harvested once: the job's counts."""
    name = "release-" + url.rsplit(".", 1)[-1]
    source = portal.action(
        "harvest_source_create", name=name, title=name, url=url, source_type="dcat_rdf",
        owner_org=ORGANIZATION, frequency="MANUAL",
    )  # fmt: skip
    portal.harvest(name)
    jobs = portal.action("harvest_job_list", source_id=source["id"])
    assert len(jobs) == 1, jobs
    return jobs[0]["stats"]


@pytest.fixture(scope="module")
def want(served) -> dict:
    release, base_url = served
    return expected(model_of(release, base_url), ORGANIZATION)


@pytest.fixture(scope="module")
def description_zh(served) -> str:
    release, base_url = served
    return model_of(release, base_url).description.zh


def test_the_harvest_reports_no_error(route: Landed):
    assert route.harvest_stats.get("errored") == 0, route.harvest_stats
    assert route.harvest_stats.get("added", 0) + route.harvest_stats.get("updated", 0) == 1, route.harvest_stats


def test_one_dataset_under_our_name(route: Landed, want: dict):
    names = [dataset["name"] for dataset in route.datasets]
    assert names == [route.name_expected or want["name"]]
    if route.steps[0] != "push" and "push" in route.steps:
        assert route.pushed.startswith(f"已更新 updated {want['name']}"), "the push must update the harvested dataset"


def test_the_chinese_title_and_the_licence(route: Landed, want: dict, description_zh: str):
    problems = every_dataset_against(want, route, description_zh, ["title", "license_id"])
    assert not problems, "\n".join(problems)


def test_every_field_ckan_has_a_place_for(route: Landed, want: dict, description_zh: str):
    problems = every_dataset_against({**want, "name": route.name_expected or want["name"]}, route, description_zh)
    assert not problems, "\n".join(problems)


def test_the_search_index_holds_the_dataset_ckan_shows(route: Landed, ckan_portal: Portal):
    """The stand-in for Solr (Solr cannot be installed here) kept CKAN's writes: ``package_search`` by the dataset
    IRI finds the one dataset that ``package_show`` gives, as the push relies on."""
    (dataset,) = route.datasets
    guid = next(extra["value"] for extra in dataset["extras"] if extra["key"] == "guid")
    found = ckan_portal.action("package_search", fq=f'+guid:"{guid}"', include_private=True)
    assert ckan_portal.index.updates > 0
    assert [(d["id"], d["name"]) for d in found["results"]] == [(dataset["id"], dataset["name"])]


def every_dataset_against(want: dict, route: Landed, description_zh: str, keys: list[str] | None = None) -> list[str]:
    """What each dataset that arrived (one, when the route works) holds otherwise than ``want``, named by dataset."""
    assert route.datasets, "no dataset arrived"
    return [
        f"{dataset['name']}: {problem}"
        for dataset in route.datasets
        for problem in differences(want, landed(dataset, description_zh), keys)
    ]
