"""One dataset whatever the route: the CKAN payload is what a `dcat_rdf` harvest of our DCAT-AP file gives.

`harvested` (tests/catalog_support.py) reads our graph the way ckanext-dcat 2.4.4 does; the expectations below are
the contract the live CKAN tests (tests/ckan*) check against the real parser and a real CKAN 2.12.
"""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal

from publish.catalog.model import LANGUAGES
from tests.catalog_support import BASE, harvested, make_release
from tests.helpers import invoke
from tests.release_support import NAME

DATASET = f"{BASE}/{NAME}-1.0.0/#dataset"
FILES = [("dcat.ttl", "turtle"), ("dcat.jsonld", "json-ld")]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    dist = tmp_path_factory.mktemp("dist")
    out = dist / "catalog"
    result = invoke("catalog", str(make_release(dist)), "--base-url", BASE, "--out", str(out))
    assert result.exit_code == 0, result.output
    texts = ("dcat.ttl", "dcat.jsonld", "ckan.json")
    return {name: (out / f"{NAME}-1.0.0.{name}").read_text(encoding="utf-8") for name in texts}


@pytest.fixture(scope="module")
def payload(files) -> dict:
    return json.loads(files["ckan.json"])


def extras_of(payload: dict) -> dict[str, str]:
    return {extra["key"]: extra["value"] for extra in payload["extras"]}


@pytest.mark.parametrize(("file", "rdf_format"), FILES)
def test_the_payload_is_the_dataset_the_harvest_makes(files, payload, file, rdf_format):
    parsed = harvested(Graph().parse(data=files[file], format=rdf_format))
    assert {key: payload[key] for key in ("title", "notes", "url", "version", "license_id")} == {
        key: parsed[key] for key in ("title", "notes", "url", "version", "license_id")
    }
    assert sorted(tag["name"] for tag in payload["tags"]) == parsed["tags"]
    extras = extras_of(payload)
    assert extras.pop("guid") == DATASET  # the harvester adds it: how it finds the dataset again
    assert extras == parsed["extras"]
    assert payload["resources"] == parsed["resources"]  # same order too: by IRI in both


def test_the_fields_a_portal_shows_and_facets_on(payload):
    assert (payload["name"], payload["title"], payload["license_id"]) == (NAME, "巫溪县部门预算公开数据", "cc-by")
    assert payload["title_translated"]["en"] == "Wuxi County Department Budgets"
    kinds = {(r["format"], r["mimetype"]) for r in payload["resources"]}
    assert kinds == {
        ("CSV", "text/csv"),
        ("ZIP", "application/zip"),
        ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    }
    assert {r["hash_algorithm"] for r in payload["resources"]} == {"sha256"}
    assert all(r["uri"].startswith(f"{BASE}/{NAME}-1.0.0/#distribution-") for r in payload["resources"])
    extras = extras_of(payload)
    assert extras["uri"] == extras["guid"] == extras["identifier"] == DATASET
    assert json.loads(extras["language"]) == [LANGUAGES["en"], LANGUAGES["zh"]]
    assert (extras["spatial_uri"], extras["spatial_text"]) == (f"{BASE}/#place-500238", "重庆市巫溪县")
    assert (extras["contact_name"], extras["contact_url"]) == ("吴宝林", "tel:17830058663")
    # what a harvest never delivers is not pushed either: the dataset would change with the route
    assert not {"title_en", "division_code", "contact_phone", "publisher_credit_code"} & set(extras)
    assert not {"author", "maintainer"} & set(payload)


@pytest.mark.parametrize(("file", "rdf_format"), FILES)
def test_the_chinese_literal_comes_first_wherever_there_are_two(files, file, rdf_format):
    graph = Graph().parse(data=files[file], format=rdf_format)
    pairs = 0
    for subject, predicate in {(s, p) for s, p, o in graph if isinstance(o, Literal) and o.language == "en"}:
        languages = [o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
        if "zh" in languages:
            pairs += 1
            assert languages[0] == "zh", (subject, predicate, languages)
    assert pairs >= 40  # catalog, dataset and every distribution: title and description


def test_both_files_list_every_value_in_the_same_order(files):
    """A parser takes the first value of a property: the two files must not disagree on which it is."""

    def orders(graph: Graph) -> dict:
        return {
            (s, p): ["blank" if isinstance(o, BNode) else str(o) for o in graph.objects(s, p)]
            for s, p in {(s, p) for s, p, _ in graph if not isinstance(s, BNode)}
        }

    turtle, jsonld = (Graph().parse(data=files[f], format=rdf_format) for f, rdf_format in FILES)
    assert orders(turtle) == orders(jsonld)
