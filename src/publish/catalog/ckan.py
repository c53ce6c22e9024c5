"""The CKAN ``package_create`` payload of a release, and CKAN's own rules for names and tags.

Core CKAN has one title and one description; the English texts travel as ``title_translated``
and ``notes_translated`` (read by ckanext-fluent, ignored elsewhere) and the DCAT facts as the
extras ckanext-dcat uses (identifier, frequency, temporal_start …).
"""

from __future__ import annotations

import json
import re
from typing import Any

from publish.catalog.model import FREQUENCY_ANNUAL, CatalogModel, Distribution

NAME = re.compile(r"[a-z0-9_-]{2,100}")
TAG = re.compile(r"[\w .-]{2,100}")
# SPDX licence ids -> the ids of CKAN's default licence list
CKAN_LICENSES = {"CC-BY-4.0": "cc-by", "CC-BY-SA-4.0": "cc-by-sa", "CC0-1.0": "cc-zero", "ODbL-1.0": "odc-odbl"}


def payload(model: CatalogModel, owner_org: str | None = None) -> dict[str, Any]:
    """What ``package_create`` (or ``package_update``) receives for this release."""
    data: dict[str, Any] = {
        "name": slug(model.name),
        "title": model.title.zh,
        "title_translated": {"zh": model.title.zh, "en": model.title.en},
        "notes": f"{model.description.zh}\n\n{model.description.en}",
        "notes_translated": {"zh": model.description.zh, "en": model.description.en},
        "version": model.version,
        "url": model.landing_page,
        "license_id": CKAN_LICENSES.get(model.license.name, model.license.name),
        "author": model.publisher.name,
        "tags": [{"name": tag} for tag in tags(model.keywords)],
        "resources": [_resource(d) for d in model.distributions],
        "extras": _extras(model),
    }
    if model.contact:
        data["maintainer"] = model.contact.name
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


def _resource(distribution: Distribution) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": distribution.title.zh,
        "description": f"{distribution.description.zh} {distribution.description.en}",
        "url": distribution.url,
        "format": distribution.file_format,
        "mimetype": distribution.media_type,
    }
    if distribution.byte_size is not None:
        resource["size"] = distribution.byte_size
    if distribution.sha256:
        resource["hash"] = distribution.sha256
        resource["hash_algorithm"] = "sha256"
    return resource


def _extras(model: CatalogModel) -> list[dict[str, str]]:
    start, end = model.temporal
    extras = {
        "identifier": model.dataset_iri,
        "title_en": model.title.en,
        "publisher_name": model.publisher.name,
        "frequency": FREQUENCY_ANNUAL,
        "temporal_start": start.isoformat(),
        "temporal_end": end.isoformat(),
        "spatial_text": model.place.name,
        "division_code": model.place.division_code,
        "language": json.dumps(["zh", "en"]),
        "issued": model.issued.isoformat() if model.issued else "",
    }
    if model.publisher.credit_code:
        extras["publisher_credit_code"] = model.publisher.credit_code
    if model.contact:
        extras["contact_name"] = model.contact.name
        extras["contact_phone"] = model.contact.phone or ""
    return [{"key": key, "value": value} for key, value in extras.items() if value]
