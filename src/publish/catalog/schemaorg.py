"""schema.org/Dataset as JSON-LD, the form dataset search engines read from a landing page."""

from __future__ import annotations

import json
from typing import Any

from publish.catalog.model import Agent, CatalogModel, Text


def document(model: CatalogModel) -> dict[str, Any]:
    """The schema.org Dataset of the release."""
    start, end = model.temporal
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": model.dataset_iri,
        "name": _texts(model.title),
        "description": _texts(model.description),
        "identifier": model.dataset_iri,
        "url": model.landing_page,
        "version": model.version,
        "inLanguage": ["zh", "en"],
        "keywords": list(model.keywords),
        "license": model.license.url,
        "isAccessibleForFree": True,
        "datePublished": model.issued.isoformat() if model.issued else None,
        "creator": [_organization(model, agent) for agent in model.creators],
        "publisher": _organization(model, model.publisher),
        "spatialCoverage": {
            "@type": "AdministrativeArea",
            "name": model.place.name,
            "identifier": _property("GB/T 2260", model.place.division_code),
        },
        "temporalCoverage": f"{start.isoformat()}/{end.isoformat()}",
        "variableMeasured": [
            {"@type": "PropertyValue", "name": v.name, "description": v.title, "unitText": v.unit}
            for v in model.variables
        ],
        "distribution": [_download(d) for d in model.distributions],
    }


def render(model: CatalogModel) -> str:
    data = {key: value for key, value in document(model).items() if value is not None}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _texts(text: Text) -> list[dict[str, str]]:
    return [{"@language": "zh", "@value": text.zh}, {"@language": "en", "@value": text.en}]


def _organization(model: CatalogModel, agent: Agent) -> dict[str, Any]:
    organization: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": model.agent_iri(agent),
        "name": agent.name,
    }
    if agent.credit_code:
        organization["identifier"] = _property("统一社会信用代码 (GB 32100)", agent.credit_code)
    if agent == model.publisher and model.contact and model.contact.phone:
        organization["contactPoint"] = {
            "@type": "ContactPoint",
            "name": model.contact.name,
            "telephone": model.contact.phone,
            "contactType": "公开联系人 / disclosure contact",
        }
    return organization


def _property(scheme: str, value: str) -> dict[str, str]:
    return {"@type": "PropertyValue", "propertyID": scheme, "value": value}


def _download(distribution) -> dict[str, Any]:
    download: dict[str, Any] = {
        "@type": "DataDownload",
        "name": _texts(distribution.title),
        "description": _texts(distribution.description),
        "contentUrl": distribution.url,
        "encodingFormat": distribution.media_type,
    }
    if distribution.byte_size is not None:
        download["contentSize"] = f"{distribution.byte_size} B"
    if distribution.sha256:
        download["sha256"] = distribution.sha256
    return download
