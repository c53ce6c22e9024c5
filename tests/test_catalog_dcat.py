"""DCAT-AP 3.0.1: the exported graph conforms to the official SHACL shapes; a broken one does not."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SH

from publish.catalog.files import sha256_of
from tests.catalog_support import BASE
from tests.helpers import ROOT, TABLE_COUNT, invoke
from tests.release_support import NAME

SHAPES = ROOT / "tests" / "vendor" / "dcat-ap-3.0.1" / "dcat-ap-SHACL.ttl"  # see its README.md
DATASET = URIRef(f"{BASE}/{NAME}-1.0.0/#dataset")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    """A real release of a copy of the repo's package, built by `publish release`."""
    package = tmp_path_factory.mktemp("package")
    for name in ("datapackage.json", "README.md"):
        shutil.copy(ROOT / name, package)
    for name in ("schemas", "data"):
        shutil.copytree(ROOT / name, package / name)
    result = invoke("release", str(package), "--out", str(package / "dist"))
    assert result.exit_code == 0, result.output
    (folder,) = (p for p in (package / "dist").iterdir() if p.is_dir())
    assert (package / "dist" / f"{folder.name}.zip").is_file()
    return folder


@pytest.fixture(scope="module")
def release_graph(release) -> Graph:
    result = invoke("catalog", str(release), "--format", "dcat-ttl", "--base-url", BASE)
    assert result.exit_code == 0, result.output
    return Graph().parse(data=result.stdout, format="turtle")


def violations(data: Graph, shapes: Graph) -> list[tuple[str, str, str]]:
    started = time.perf_counter()
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    print(f"pyshacl: {time.perf_counter() - started:.2f} s for {len(data)} triples")
    return sorted(
        (
            str(results.value(r, SH.focusNode)),
            str(results.value(r, SH.resultPath)),
            str(results.value(r, SH.resultMessage)),
        )
        for r in results.subjects(SH.resultSeverity, SH.Violation)
    )


def test_the_release_conforms_with_zero_violations(release_graph, shapes):
    assert violations(release_graph, shapes) == []


def test_the_package_folder_conforms_too(shapes):
    result = invoke("catalog", str(ROOT), "--format", "dcat-ttl", "--base-url", BASE)
    assert violations(Graph().parse(data=result.stdout, format="turtle"), shapes) == []


def test_a_dataset_without_description_violates_the_shapes(release_graph, shapes):
    broken = Graph()
    for triple in release_graph:
        broken.add(triple)
    broken.remove((DATASET, DCTERMS.description, None))
    found = violations(broken, shapes)
    assert [(focus, path) for focus, path, _ in found] == [(str(DATASET), str(DCTERMS.description))]


def test_a_distribution_without_access_url_violates_the_shapes(release_graph, shapes):
    broken = Graph()
    for triple in release_graph:
        broken.add(triple)
    zip_distribution = URIRef(f"{BASE}/{NAME}-1.0.0/#distribution-zip")
    broken.remove((zip_distribution, URIRef("http://www.w3.org/ns/dcat#accessURL"), None))
    assert [(f, p) for f, p, _ in violations(broken, shapes)] == [
        (str(zip_distribution), "http://www.w3.org/ns/dcat#accessURL")
    ]


def test_jsonld_is_the_same_graph_as_turtle(release, release_graph):
    # the same release folder: two zips made a second apart differ in their timestamps, hence in their sums
    result = invoke("catalog", str(release), "--format", "dcat-jsonld", "--base-url", BASE)
    assert result.exit_code == 0
    assert isomorphic(Graph().parse(data=result.stdout, format="json-ld"), release_graph)


def test_release_distributions_carry_size_and_checksum(release, release_graph):
    query = """
        PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX spdx: <http://spdx.org/rdf/terms#>
        SELECT ?url ?size ?sum WHERE {
            ?d dcat:downloadURL ?url ; dcat:byteSize ?size ; spdx:checksum/spdx:checksumValue ?sum }"""
    rows = {str(url): (int(size), str(value)) for url, size, value in release_graph.query(query)}
    assert len(rows) == TABLE_COUNT + 2  # every CSV, the zip and the xlsx
    xlsx, zipped = release / f"{NAME}-1.0.0.xlsx", release.parent / f"{NAME}-1.0.0.zip"
    assert rows[f"{BASE}/{NAME}-1.0.0/{NAME}-1.0.0.xlsx"] == (xlsx.stat().st_size, sha256_of(xlsx))
    assert rows[f"{BASE}/{NAME}-1.0.0.zip"] == (zipped.stat().st_size, sha256_of(zipped))


def test_what_ckanext_dcat_reads_is_in_the_graph(release_graph):
    """A licence title CKAN's register knows, labelled media type and algorithm, a place IRI, a contact URL."""
    query = """
        PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX spdx: <http://spdx.org/rdf/terms#>
        SELECT DISTINCT ?licence ?media ?algorithm WHERE {
            ?d a dcat:Distribution ; dct:license/dct:title ?licence ; dcat:mediaType/rdfs:label ?media .
            OPTIONAL { ?d spdx:checksum/spdx:algorithm/rdfs:label ?algorithm } }"""
    rows = {tuple(str(v) if v is not None else None for v in row) for row in release_graph.query(query)}
    assert rows == {
        ("Creative Commons Attribution", "text/csv", "sha256"),
        ("Creative Commons Attribution", "application/zip", "sha256"),
        ("Creative Commons Attribution", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sha256"),
    }
    place = URIRef(f"{BASE}/#place-500238")
    assert (DATASET, DCTERMS.spatial, place) in release_graph
    assert str(release_graph.value(place, DCTERMS.identifier)) == "500238"
    (contact,) = release_graph.objects(DATASET, DCAT.contactPoint)
    assert release_graph.value(contact, VCARD.hasURL) == release_graph.value(contact, VCARD.hasTelephone)
    assert str(release_graph.value(contact, VCARD.hasURL)) == "tel:17830058663"


@pytest.mark.parametrize(
    ("spdx", "ckan_id", "title"),
    [
        ("CC0-1.0", "cc-zero", "Creative Commons CCZero"),
        ("CC-BY-SA-4.0", "cc-by-sa", "Creative Commons Attribution Share-Alike"),
        ("ODbL-1.0", "odc-odbl", "Open Data Commons Open Database License (ODbL)"),
        ("MIT", "MIT", "MIT Licence"),  # not in CKAN's register: its own title, and no match on a portal
    ],
)
def test_each_licence_carries_the_title_ckan_matches(package_copy, spdx, ckan_id, title):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["licenses"] = [{"name": spdx, "path": "https://example.org/licence", "title": "MIT Licence"}]
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    turtle = invoke("catalog", str(package_copy), "--format", "dcat-ttl", "--base-url", BASE)
    titles = set(
        Graph().parse(data=turtle.stdout, format="turtle").objects(URIRef("https://example.org/licence"), DCTERMS.title)
    )
    assert {str(t) for t in titles} == {title}
    pushed = invoke("catalog", str(package_copy), "--format", "ckan", "--base-url", BASE)
    assert json.loads(pushed.stdout)["license_id"] == ckan_id
