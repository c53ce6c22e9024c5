"""The CKAN ``package_create`` payload of a release, and CKAN's own rules for names and tags.

The payload is the dataset a ``dcat_rdf`` harvest of our DCAT-AP file makes (ckanext-dcat 2.4.4,
profile ``euro_dcat_ap_3``): the same title, notes, licence, resources and extras, keyed the same,
so that pushing and harvesting, in either order, leave one dataset that does not change between
them. The harvester finds a dataset again by its ``guid`` extra, and its resources by ``uri``:
both are the DCAT IRIs. Core CKAN has one title and one description, the Chinese ones (what a
harvest gives a ``zh_Hans_CN`` portal); the English texts travel as ``title_translated`` and
``notes_translated``, which ckanext-fluent reads and a stock CKAN drops.
"""

from __future__ import annotations

import json
import re
from typing import Any

from publish.catalog.model import (
    ACCESS_PUBLIC,
    AVAILABILITY_STABLE,
    CHECKSUM_ALGORITHM,
    FREQUENCY_ANNUAL,
    LANGUAGES,
    PUBLISHER_TYPE_LOCAL,
    THEME_GOVERNMENT,
    Agent,
    CatalogModel,
    Distribution,
)
from publish.core import escape

NAME = re.compile(r"[a-z0-9_-]{2,100}")
TAG = re.compile(r"[\w .-]{2,100}")


def payload(model: CatalogModel, owner_org: str | None = None) -> dict[str, Any]:
    """What ``package_create`` (or ``package_update``) receives for this release."""
    data: dict[str, Any] = {
        "name": slug(model.name),
        "title": model.title.zh,
        "title_translated": {"zh": model.title.zh, "en": model.title.en},
        "notes": model.description.zh,
        "notes_translated": {"zh": model.description.zh, "en": model.description.en},
        "version": model.version,
        "url": escape.iri(model.landing_page),
        "license_id": model.license.ckan_id,
        "tags": [{"name": tag} for tag in tags(model.keywords)],
        "resources": [_resource(model, d) for d in sorted(model.distributions, key=model.distribution_iri)],
        "extras": [{"key": key, "value": value} for key, value in extras(model).items()],
    }
    if owner_org:
        data["owner_org"] = owner_org
    return data


def render(model: CatalogModel, owner_org: str | None = None) -> str:
    return json.dumps(payload(model, owner_org), ensure_ascii=False, indent=2) + "\n"


def slug(name: str) -> str:
    """A CKAN dataset name: 2–100 characters of a-z, 0-9, - and _."""
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")[:100]
    return cleaned if NAME.fullmatch(cleaned) else f"dataset-{cleaned}".strip("-")[:100]


def tags(keywords: tuple[str, ...] | list[str]) -> list[str]:
    """Keywords as CKAN tags: letters, digits, spaces, - _ . only, 2–100 characters, no repeats."""
    found: list[str] = []
    for keyword in keywords:
        # Chinese punctuation (“三公”经费) is dropped, other characters become spaces (budget/law -> budget law)
        tag = " ".join(re.sub(r"[^\w .-]", lambda m: "" if ord(m[0]) > 127 else " ", keyword).split())[:100]
        if TAG.fullmatch(tag) and tag not in found:
            found.append(tag)
    return found


def _resource(model: CatalogModel, distribution: Distribution) -> dict[str, Any]:
    """The resource as the harvest makes it: IRIs as the DCAT file writes them (``escape.iri``)."""
    url = escape.iri(distribution.url)
    resource: dict[str, Any] = {
        "uri": escape.iri(model.distribution_iri(distribution)),
        "distribution_ref": escape.iri(model.distribution_iri(distribution)),  # ckanext-dcat's, kept by CKAN
        "name": distribution.title.zh,
        "description": distribution.description.zh,
        "url": url,
        "access_url": url,
        "download_url": url,
        "format": distribution.file_format,
        "mimetype": distribution.media_type,
        "license": escape.iri(model.license.url),
        "availability": AVAILABILITY_STABLE,
    }
    if distribution.byte_size is not None:
        resource["size"] = distribution.byte_size
    if distribution.sha256:
        resource["hash"] = distribution.sha256
        resource["hash_algorithm"] = CHECKSUM_ALGORITHM
    return resource


def extras(model: CatalogModel) -> dict[str, str]:
    """The extras ckanext-dcat's parser makes of our DCAT-AP file, plus the harvester's ``guid``."""
    start, end = model.temporal
    dataset_iri = escape.iri(model.dataset_iri)
    found = {
        "uri": dataset_iri,
        "guid": dataset_iri,
        "identifier": model.dataset_iri,
        "issued": model.issued.isoformat() if model.issued else "",
        "modified": model.issued.isoformat() if model.issued else "",
        "frequency": FREQUENCY_ANNUAL,
        "language": json.dumps(sorted(LANGUAGES.values())),
        "theme": json.dumps([THEME_GOVERNMENT]),
        "access_rights": ACCESS_PUBLIC,
        "homepage": escape.iri(model.landing_page),
        "temporal_start": start.isoformat(),
        "temporal_end": end.isoformat(),
        "spatial_uri": escape.iri(model.place_iri),
        "spatial_text": model.place.name,
        **_agent("publisher", model, model.publisher),
        **(_agent("creator", model, model.first_creator) if model.first_creator else {}),
    }
    if model.contact:
        found["contact_name"] = model.contact.name
        found["contact_url"] = escape.iri(model.contact.tel) if model.contact.tel else ""
    return {key: value for key, value in found.items() if value}


def _agent(role: str, model: CatalogModel, agent: Agent) -> dict[str, str]:
    return {
        f"{role}_uri": escape.iri(model.agent_iri(agent)),
        f"{role}_name": agent.name,
        f"{role}_type": PUBLISHER_TYPE_LOCAL,
        f"{role}_identifier": agent.credit_code or "",
    }
