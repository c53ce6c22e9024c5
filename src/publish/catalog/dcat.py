"""DCAT-AP 3.0.1: the catalog, the release as a dataset, and one distribution per file.

Every controlled value is typed in the graph (a frequency ``a dct:Frequency``, a contact
``a vcard:Kind`` …) because the official SHACL shapes check classes without inference.
Places have no EU authority IRI, so the county is a ``dct:Location`` of our own, named by and
carrying its GB/T 2260 code. IRIs and literals built from the descriptor and the data go
through ``publish.core.escape``: an IRI rdflib can write, a literal on one line.

What ckanext-dcat 2.4.4 (CKAN's ``dcat_rdf`` harvester) reads decides a few additions, so that a
harvest gives the same dataset as ``catalog push`` (``publish.catalog.ckan``): the licence's
``dct:title`` is the one in CKAN's licence register (it matches by URL or title); the IANA and
SPDX IRIs carry an ``rdfs:label`` (``text/csv``, ``sha256``), which it reads instead of the IRI;
the contact's phone is also its ``vcard:hasURL`` (it reads no telephone); and where a value has
several objects it takes the first one in the file, so both files write the Chinese literal first
and every other list in one fixed order (``_object_order``).
"""

from __future__ import annotations

import io
import json
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from publish.catalog.ckan import tags
from publish.catalog.model import (
    ACCESS_PUBLIC,
    AVAILABILITY_STABLE,
    CHECKSUM_ALGORITHM,
    FILE_TYPE,
    FREQUENCY_ANNUAL,
    IANA,
    LANGUAGES,
    PUBLISHER_TYPE_LOCAL,
    THEME_GOVERNMENT,
    THEMES,
    Agent,
    CatalogModel,
    Distribution,
    Text,
    language_of,
)
from publish.core import escape

DCAT = Namespace("http://www.w3.org/ns/dcat#")  # DCAT 3 (rdflib's closed DCAT lacks dcat:version)
DCATAP = Namespace("http://data.europa.eu/r5r/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PREFIXES = {
    "dcat": DCAT,
    "dcatap": DCATAP,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "skos": SKOS,
    "spdx": SPDX,
    "adms": ADMS,
}
LICENCE_TYPE_ATTRIBUTION = "http://purl.org/adms/licencetype/Attribution"
JSONLD_CONTEXT = {**{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}, "xsd": str(XSD)}


class _Literal(Literal):
    """A literal that Turtle writes on one line, control characters escaped (rdflib keeps line breaks raw)."""

    def _quote_encode(self) -> str:
        return escape.turtle_string(str(self))


def _iri(text: str) -> URIRef:
    return URIRef(escape.iri(text))


def graph(model: CatalogModel) -> Graph:
    """The DCAT-AP graph of the release."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    catalog, dataset = _iri(model.catalog_iri), _iri(model.dataset_iri)
    g.add((catalog, RDF.type, DCAT.Catalog))
    _texts(g, catalog, DCTERMS.title, model.catalog_title)
    _texts(g, catalog, DCTERMS.description, model.catalog_description)
    g.add((catalog, DCTERMS.publisher, _agent(g, model, model.publisher)))
    g.add((catalog, FOAF.homepage, _typed(g, model.base_url + "/", FOAF.Document)))
    g.add((catalog, DCTERMS.license, _license(g, model)))
    g.add((catalog, DCAT.dataset, dataset))
    g.add((catalog, DCTERMS.spatial, _place(g, model)))
    themes = _typed(g, THEMES, SKOS.ConceptScheme)
    g.add((themes, DCTERMS.title, _Literal("Data theme", lang="en")))
    g.add((catalog, DCAT.themeTaxonomy, themes))
    _dates(g, model, catalog)
    _languages(g, catalog)
    _dataset(g, model, dataset)
    return g


def turtle(model: CatalogModel) -> str:
    stream = io.BytesIO()
    _OrderedTurtle(graph(model)).serialize(stream, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def jsonld(model: CatalogModel) -> str:
    """The same graph as JSON-LD, compacted with the prefixes above (no remote context needed)."""
    text = graph(model).serialize(format="json-ld", context=JSONLD_CONTEXT, indent=2, auto_compact=True)
    return json.dumps(_ordered(json.loads(text)), ensure_ascii=False, indent=2) + "\n"


def _object_order(chinese: bool, literal: bool, text: str) -> tuple[bool, bool, str]:
    """Where a value goes among the objects of one property: Chinese literals first, then IRIs, then
    other literals, each by their text. A parser keeps this order, and ckanext-dcat takes the first
    literal when none has the portal's language (``zh_Hans_CN`` is never a literal's tag)."""
    return (not chinese, literal, text)


class _OrderedTurtle(TurtleSerializer):
    """rdflib's Turtle writer with each property's objects in ``_object_order``."""

    def sortProperties(self, properties: Any) -> list:  # rdflib names it
        ordered = super().sortProperties(properties)
        for objects in properties.values():
            objects.sort(key=_turtle_order)
        return ordered


def _turtle_order(node: Node) -> tuple[bool, bool, str]:
    literal = isinstance(node, Literal)
    return _object_order(literal and node.language == "zh", literal, str(node))


def _ordered(document: Any) -> Any:
    """The JSON-LD document with every list of values in ``_object_order``, as the Turtle has them."""
    if isinstance(document, dict):
        return {key: _ordered(value) for key, value in document.items()}
    if isinstance(document, list):
        return sorted((_ordered(item) for item in document), key=_jsonld_order)
    return document


def _jsonld_order(item: Any) -> tuple[bool, bool, str]:
    if isinstance(item, dict) and "@id" in item:
        return _object_order(False, False, item["@id"])
    if isinstance(item, dict):
        return _object_order(item.get("@language") == "zh", True, str(item.get("@value", "")))
    return _object_order(False, True, str(item))


def _dataset(g: Graph, model: CatalogModel, dataset: URIRef) -> None:
    g.add((dataset, RDF.type, DCAT.Dataset))
    _texts(g, dataset, DCTERMS.title, model.title)
    _texts(g, dataset, DCTERMS.description, model.description)
    g.add((dataset, DCTERMS.identifier, _Literal(model.dataset_iri)))
    g.add((dataset, DCAT.version, _Literal(model.version)))
    for word in tags(model.keywords):  # as CKAN tags: a harvest stops at a keyword CKAN refuses
        g.add((dataset, DCAT.keyword, _Literal(word, lang=language_of(word))))
    _dates(g, model, dataset)
    g.add((dataset, DCTERMS.publisher, _agent(g, model, model.publisher)))
    for creator in model.creators:
        g.add((dataset, DCTERMS.creator, _agent(g, model, creator)))
    if model.contact:
        g.add((dataset, DCAT.contactPoint, _contact(g, model)))
    g.add((dataset, DCTERMS.spatial, _place(g, model)))
    g.add((dataset, DCTERMS.temporal, _period(g, model)))
    g.add((dataset, DCTERMS.accrualPeriodicity, _typed(g, FREQUENCY_ANNUAL, DCTERMS.Frequency)))
    g.add((dataset, DCTERMS.accessRights, _typed(g, ACCESS_PUBLIC, DCTERMS.RightsStatement)))
    theme = _typed(g, THEME_GOVERNMENT, SKOS.Concept)
    g.add((theme, SKOS.prefLabel, _Literal("Government and public sector", lang="en")))
    g.add((dataset, DCAT.theme, theme))
    g.add((dataset, DCAT.landingPage, _typed(g, model.landing_page, FOAF.Document)))
    # ckanext-dcat's `homepage` extra is the portal's own address unless the dataset names one
    g.add((dataset, FOAF.homepage, _iri(model.landing_page)))
    _languages(g, dataset)
    for distribution in model.distributions:
        g.add((dataset, DCAT.distribution, _distribution(g, model, distribution)))


def _distribution(g: Graph, model: CatalogModel, distribution: Distribution) -> URIRef:
    node = _iri(model.distribution_iri(distribution))
    url = _iri(distribution.url)
    g.add((node, RDF.type, DCAT.Distribution))
    _texts(g, node, DCTERMS.title, distribution.title)
    _texts(g, node, DCTERMS.description, distribution.description)
    availability = _typed(g, AVAILABILITY_STABLE, SKOS.Concept)
    g.add((availability, SKOS.prefLabel, _Literal("Stable", lang="en")))
    g.add((node, DCATAP.availability, availability))
    g.add((node, DCAT.accessURL, url))
    g.add((node, DCAT.downloadURL, url))
    g.add((node, DCTERMS.format, _typed(g, FILE_TYPE + distribution.file_format, DCTERMS.MediaTypeOrExtent)))
    media_type = _typed(g, IANA + distribution.media_type, DCTERMS.MediaType)
    g.add((media_type, RDFS.label, _Literal(distribution.media_type)))
    g.add((node, DCAT.mediaType, media_type))
    g.add((node, DCTERMS.license, _license(g, model)))
    if distribution.byte_size is not None:
        g.add((node, DCAT.byteSize, _Literal(distribution.byte_size, datatype=XSD.nonNegativeInteger)))
    if distribution.sha256:
        checksum = BNode()
        g.add((node, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        algorithm = _typed(g, str(SPDX.checksumAlgorithm_sha256), SPDX.ChecksumAlgorithm)
        g.add((algorithm, RDFS.label, _Literal(CHECKSUM_ALGORITHM)))
        g.add((checksum, SPDX.algorithm, algorithm))
        g.add((checksum, SPDX.checksumValue, _Literal(distribution.sha256, datatype=XSD.hexBinary)))
    return node


def _agent(g: Graph, model: CatalogModel, agent: Agent) -> URIRef:
    node = _iri(model.agent_iri(agent))
    g.add((node, RDF.type, FOAF.Agent))
    g.add((node, RDF.type, FOAF.Organization))
    g.add((node, FOAF.name, _Literal(agent.name, lang="zh")))
    kind = _typed(g, PUBLISHER_TYPE_LOCAL, SKOS.Concept)
    g.add((kind, SKOS.prefLabel, _Literal("Local Authority", lang="en")))
    g.add((node, DCTERMS.type, kind))
    if agent.credit_code:
        g.add((node, DCTERMS.identifier, _Literal(agent.credit_code)))
    return node


def _contact(g: Graph, model: CatalogModel) -> BNode:
    contact, node = model.contact, BNode()
    g.add((node, RDF.type, VCARD.Kind))
    g.add((node, VCARD.fn, _Literal(contact.name, lang="zh")))
    if contact.organization:
        g.add((node, VCARD["organization-name"], _Literal(contact.organization, lang="zh")))
    if contact.tel:
        g.add((node, VCARD.hasTelephone, _iri(contact.tel)))
        g.add((node, VCARD.hasURL, _iri(contact.tel)))  # what ckanext-dcat reads (as contact_url)
    return node


def _place(g: Graph, model: CatalogModel) -> URIRef:
    node = _typed(g, model.place_iri, DCTERMS.Location)
    g.add((node, SKOS.prefLabel, _Literal(model.place.name, lang="zh")))
    g.add((node, DCTERMS.identifier, _Literal(model.place.division_code)))
    return node


def _period(g: Graph, model: CatalogModel) -> BNode:
    start, end = model.temporal
    node = BNode()
    g.add((node, RDF.type, DCTERMS.PeriodOfTime))
    g.add((node, DCAT.startDate, _Literal(start.isoformat(), datatype=XSD.date)))
    g.add((node, DCAT.endDate, _Literal(end.isoformat(), datatype=XSD.date)))
    return node


def _license(g: Graph, model: CatalogModel) -> URIRef:
    node = _typed(g, model.license.url, DCTERMS.LicenseDocument)
    g.set((node, DCTERMS.title, _Literal(model.license.ckan_title, lang="en")))  # one title: CKAN matches it
    if model.license.name.upper().startswith("CC-BY"):
        kind = _typed(g, LICENCE_TYPE_ATTRIBUTION, SKOS.Concept)
        g.add((kind, SKOS.prefLabel, _Literal("Attribution", lang="en")))
        g.add((node, DCTERMS.type, kind))
    return node


def _dates(g: Graph, model: CatalogModel, subject: URIRef) -> None:
    """Issued and modified: the descriptor's ``created`` date (a release is not changed after it is made)."""
    if model.issued:
        for predicate in (DCTERMS.issued, DCTERMS.modified):
            g.add((subject, predicate, _Literal(model.issued.isoformat(), datatype=XSD.date)))


def _languages(g: Graph, subject: URIRef) -> None:
    for iri in LANGUAGES.values():
        g.add((subject, DCTERMS.language, _typed(g, iri, DCTERMS.LinguisticSystem)))


def _typed(g: Graph, iri: str, rdf_class: URIRef) -> URIRef:
    node = _iri(iri)
    g.add((node, RDF.type, rdf_class))
    return node


def _texts(g: Graph, subject: URIRef, predicate: URIRef, text: Text) -> None:
    for lang in ("zh", "en"):
        g.add((subject, predicate, _Literal(getattr(text, lang), lang=lang)))
