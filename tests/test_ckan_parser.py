"""ckanext-dcat's own RDF parser (2.4.4: what CKAN's ``dcat_rdf`` harvester runs) reads the release's DCAT-AP Turtle and
JSON-LD into the dataset our push sends (`publish catalog --format ckan`), field by field (tests/ckan/contract.py).

The parser runs in .cache/ckan/venv (tests/ckan/install.sh, which .ci/run calls) through tests/ckan/parse_dcat.py, not
in our own environment: ckanext-dcat imports CKAN, and CKAN installs only with its exact pins of flask, sqlalchemy,
requests, click, pyyaml … (``ckan[requirements]``), which an optional extra would force on our own environment. The
portal's locale is a Chinese portal's, ``zh_Hans_CN``: ckanext-dcat picks a text's language by it.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.ckan.contract import catalog_release, differences, expected, landed, model_of
from tests.ckan_server import LOCALE, ckan_venv
from tests.helpers import ROOT

BASE = "https://data.example.org/budgets"
FORMATS = {"turtle": "dcat.ttl", "json-ld": "dcat.jsonld"}  # rdflib format -> the catalog file's suffix
PARSE = ROOT / "tests" / "ckan" / "parse_dcat.py"
# name: the harvester makes it (tests/test_ckan_live.py); organization: the harvest source's
NOT_FROM_RDF = ("name", "organization")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return catalog_release(tmp_path_factory.mktemp("ckan-parser"), BASE)


@pytest.fixture(scope="module")
def parsed(release) -> dict[str, list[dict]]:
    """rdflib format -> the datasets ckanext-dcat's parser yields from that catalog file."""
    files = {rdf_format: release.parent / f"{release.name}.{suffix}" for rdf_format, suffix in FORMATS.items()}
    arguments = [str(part) for rdf_format, path in files.items() for part in (path, rdf_format)]
    done = subprocess.run(
        [ckan_venv(), PARSE, LOCALE, *arguments], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    by_path = json.loads(done.stdout)
    return {rdf_format: by_path[str(path)] for rdf_format, path in files.items()}


@pytest.fixture(scope="module")
def model(release):
    return model_of(release, BASE)


@pytest.fixture(scope="module")
def pushed(release, model) -> dict:
    """What `publish catalog push` sends: the CKAN output `publish catalog` wrote beside the release."""
    return json.loads((release.parent / f"{release.name}.ckan.json").read_text(encoding="utf-8"))


def contract_keys(model) -> list[str]:
    return [key for key in expected(model) if key not in NOT_FROM_RDF]


@pytest.mark.parametrize("rdf_format", FORMATS)
def test_each_catalog_file_holds_one_dataset(parsed, rdf_format):
    assert len(parsed[rdf_format]) == 1


@pytest.mark.parametrize("rdf_format", FORMATS)
def test_the_parser_gives_the_dataset_our_push_sends(parsed, pushed, model, rdf_format):
    description = model.description.zh
    have, want = landed(parsed[rdf_format][0], description), landed(pushed, description)
    problems = differences(want, have, contract_keys(model))
    assert not problems, "parsed from the catalog file vs pushed:\n" + "\n".join(problems)


@pytest.mark.parametrize("rdf_format", FORMATS)
def test_the_parser_gives_every_field_ckan_has_a_place_for(parsed, model, rdf_format):
    problems = differences(expected(model), landed(parsed[rdf_format][0], model.description.zh), contract_keys(model))
    assert not problems, "\n".join(problems)


def test_our_push_payload_holds_every_field_ckan_has_a_place_for(pushed, model):
    problems = differences(expected(model), landed(pushed, model.description.zh), contract_keys(model))
    assert not problems, "\n".join(problems)
