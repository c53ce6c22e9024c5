"""DCAT-AP 3.0.1: the exported graph conforms to the official SHACL shapes; a broken one does not."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SH

from publish.catalog.files import sha256_of
from tests.catalog_support import BASE
from tests.helpers import ROOT, TABLE_COUNT, invoke
from tests.release_support import NAME

SHAPES = ROOT / "tests" / "vendor" / "dcat-ap-3.0.1" / "dcat-ap-SHACL.ttl"  # see its README.md
DATASET = URIRef(f"{BASE}/{NAME}-1.0.0/#dataset")


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
