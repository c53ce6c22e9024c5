"""Shared by the catalog tests: the base URL they publish under and a release-shaped copy of the package."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS
from rdflib.term import Node

from tests.helpers import ROOT

BASE = "https://data.example.org/budgets"


def make_release(dist: Path) -> Path:
    """dist/<name>-<version>/ laid out as `publish release` makes it: bytes and hash in the descriptor, xlsx, zip."""
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    top = f"{descriptor['name']}-{descriptor['version']}"
    folder = dist / top
    shutil.copytree(ROOT / "schemas", folder / "schemas")
    shutil.copytree(ROOT / "data", folder / "data")
    for entry in descriptor["resources"]:
        data = (folder / entry["path"]).read_bytes()
        entry["bytes"] = len(data)
        entry["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "README.md").write_text("# release\n", encoding="utf-8")
    (folder / f"{top}.xlsx").write_bytes(b"PK stand-in workbook bytes")
    with zipfile.ZipFile(dist / f"{top}.zip", "w") as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, f"{top}/{path.relative_to(folder)}")
    return folder


# What ckanext-dcat 2.4.4 (profile euro_dcat_ap_3, the dcat_rdf harvester's parser) makes of our DCAT-AP file, for the
# fields we rely on, on a portal whose ckan.locale_default is zh_Hans_CN (a tag no literal can carry, so the parser
# takes the first object in the file). Read from its source (profiles/base.py `_object_value`, `_license`,
# `_distribution_format`, `_contact_details`, `_spatial`; euro_dcat_ap_base.py `_parse_dataset_base`) and checked
# against the real parser in a scratch environment; the live CKAN tests (tests/ckan*) run the real one.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# CKAN's default licence register, by title (ckan/model/license.py), and its resource formats by media type
CKAN_REGISTER_TITLES = {
    "Creative Commons Attribution": "cc-by",
    "Creative Commons Attribution Share-Alike": "cc-by-sa",
    "Creative Commons CCZero": "cc-zero",
    "Open Data Commons Open Database License (ODbL)": "odc-odbl",
}
CKAN_FORMATS = {
    "text/csv": "CSV",
    "application/zip": "ZIP",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}


def first_value(graph: Graph, subject: Node, predicate: URIRef) -> str:
    """`_object_value`: the first object in the file; an IRI with an rdfs:label gives its label."""
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal):
            return str(value)
        label = next(graph.objects(value, RDFS.label), None)
        return str(value) if label is None else str(label)
    return ""


def harvested(graph: Graph) -> dict[str, Any]:
    """The dataset dict the parser yields (key fields; without the `name` and `guid` the harvester adds)."""
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    distributions = list(graph.objects(dataset, DCAT.distribution))
    licence = next(graph.objects(distributions[0], DCTERMS.license))
    return {
        "title": first_value(graph, dataset, DCTERMS.title),
        "notes": first_value(graph, dataset, DCTERMS.description),
        "url": first_value(graph, dataset, DCAT.landingPage),
        "version": first_value(graph, dataset, DCAT.version),
        "license_id": CKAN_REGISTER_TITLES.get(first_value(graph, licence, DCTERMS.title), ""),
        "tags": sorted(str(k) for k in graph.objects(dataset, DCAT.keyword)),
        "extras": _harvested_extras(graph, dataset),
        "resources": [_harvested_resource(graph, d) for d in distributions],
    }


def _harvested_extras(graph: Graph, dataset: Node) -> dict[str, str]:
    place = next(graph.objects(dataset, DCTERMS.spatial))
    period = next(graph.objects(dataset, DCTERMS.temporal))
    contact = next(graph.objects(dataset, DCAT.contactPoint))
    extras = {
        "uri": str(dataset),
        "identifier": first_value(graph, dataset, DCTERMS.identifier),
        "issued": first_value(graph, dataset, DCTERMS.issued),
        "modified": first_value(graph, dataset, DCTERMS.modified),
        "frequency": first_value(graph, dataset, DCTERMS.accrualPeriodicity),
        "language": json.dumps([str(v) for v in graph.objects(dataset, DCTERMS.language)]),
        "theme": json.dumps([str(v) for v in graph.objects(dataset, DCAT.theme)]),
        "access_rights": str(next(graph.objects(dataset, DCTERMS.accessRights))),
        "homepage": first_value(graph, dataset, FOAF.homepage),
        "temporal_start": first_value(graph, period, DCAT.startDate),
        "temporal_end": first_value(graph, period, DCAT.endDate),
        "spatial_uri": str(place) if isinstance(place, URIRef) else "",
        "spatial_text": first_value(graph, place, SKOS.prefLabel),
        "contact_name": first_value(graph, contact, VCARD.fn),
        "contact_url": first_value(graph, contact, VCARD.hasURL),
    }
    for role, predicate in (("publisher", DCTERMS.publisher), ("creator", DCTERMS.creator)):
        agent = next(graph.objects(dataset, predicate))
        extras |= {
            f"{role}_uri": str(agent),
            f"{role}_name": first_value(graph, agent, FOAF.name),
            f"{role}_type": first_value(graph, agent, DCTERMS.type),
            f"{role}_identifier": first_value(graph, agent, DCTERMS.identifier),
        }
    return {key: value for key, value in extras.items() if value}


def _harvested_resource(graph: Graph, distribution: Node) -> dict[str, Any]:
    mimetype = first_value(graph, distribution, DCAT.mediaType)
    resource = {
        "uri": str(distribution),
        "distribution_ref": str(distribution),
        "name": first_value(graph, distribution, DCTERMS.title),
        "description": first_value(graph, distribution, DCTERMS.description),
        "url": first_value(graph, distribution, DCAT.downloadURL),
        "access_url": first_value(graph, distribution, DCAT.accessURL),
        "download_url": first_value(graph, distribution, DCAT.downloadURL),
        "format": CKAN_FORMATS.get(mimetype, first_value(graph, distribution, DCTERMS.format)),
        "mimetype": mimetype,
        "license": first_value(graph, distribution, DCTERMS.license),
        "availability": first_value(graph, distribution, DCATAP.availability),
    }
    if size := first_value(graph, distribution, DCAT.byteSize):
        resource["size"] = int(size)
    for checksum in graph.objects(distribution, SPDX.checksum):
        resource["hash"] = first_value(graph, checksum, SPDX.checksumValue)
        resource["hash_algorithm"] = first_value(graph, checksum, SPDX.algorithm)
    return resource
