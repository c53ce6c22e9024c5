"""What a CKAN dataset must hold for our release, whichever way it arrived (issue 22's "Done when").

Every field that a stock CKAN 2.12 with ckanext-dcat 2.4 has a place for: the core fields, the extras the
``euro_dcat_ap_3`` profile reads and writes, and per resource its URL, format, media type, checksum and size.
The expected values come from our catalog model (``publish.catalog``), never from either route's output, so that
the push, the harvest and ckanext-dcat's parser are each held to the same dataset. Both the expectation and what
arrived are reduced to one flat view (``{"extras.uri": …, "resource <url>.format": …}``) and compared key by key, so a
failure lists every field that differs, not only the first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import invoke
from tests.release_support import make_release

from publish.catalog.ckan import slug, tags
from publish.catalog.model import FREQUENCY_ANNUAL, LANGUAGES, CatalogModel
from publish.catalog.source import build

LICENCE = "cc-by"  # CKAN's id of CC BY 4.0 in its default licence list
HASH_ALGORITHM = "sha256"
EXTRAS = (
    "uri",
    "identifier",
    "issued",
    "temporal_start",
    "temporal_end",
    "frequency",
    "publisher_name",
    "contact_name",
    "spatial_text",
)
# Not compared, with the reason: ``contact_phone`` and ``division_code`` (no field in ckanext-dcat's profile: only the
# push can carry them), ``title_translated``/``notes_translated`` (need ckanext-scheming and -fluent, not stock).


def catalog_release(folder: Path, base_url: str) -> Path:
    """A release of the repo's package (`publish release`, into ``folder``/dist) with its catalog files beside it
    (`publish catalog --out`), published under ``base_url``: the release folder."""
    release = make_release(folder)
    result = invoke("catalog", release, "--base-url", base_url, "--out", release.parent)
    assert result.exit_code == 0, result.output
    return release


def model_of(release: Path, base_url: str) -> CatalogModel:
    model, findings = build(release, base_url)
    assert model is not None, findings
    return model


def expected(model: CatalogModel, organization: str | None = None) -> dict[str, Any]:
    """The flat view of the dataset our release should be on a Chinese CKAN portal."""
    start, end = model.temporal
    view: dict[str, Any] = {
        "name": slug(model.name),
        "title": model.title.zh,
        "notes has the Chinese description": True,
        "license_id": LICENCE,
        "version": model.version,
        "url": model.landing_page,
        "tags": sorted(tags(model.keywords)),
        "extras.uri": model.dataset_iri,
        "extras.identifier": model.dataset_iri,
        "extras.issued": model.issued.isoformat() if model.issued else None,
        "extras.temporal_start": start.isoformat(),
        "extras.temporal_end": end.isoformat(),
        "extras.frequency": FREQUENCY_ANNUAL,
        "extras.language": sorted(LANGUAGES.values()),
        "extras.publisher_name": model.publisher.name,
        "extras.contact_name": model.contact.name if model.contact else None,
        "extras.spatial_text": model.place.name,
        "resources": sorted(d.url for d in model.distributions),
    }
    if organization:
        view["organization"] = organization
    for distribution in model.distributions:
        at = f"resource {distribution.url}"
        view[f"{at}.format"] = distribution.file_format
        view[f"{at}.mimetype"] = distribution.media_type
        view[f"{at}.hash"] = distribution.sha256
        view[f"{at}.hash_algorithm"] = HASH_ALGORITHM
        view[f"{at}.size"] = distribution.byte_size
    return view


def landed(dataset: dict[str, Any], description_zh: str) -> dict[str, Any]:
    """The same flat view of a dataset dict as CKAN shows it (or as ckanext-dcat's parser yields it)."""
    extras = {extra["key"]: extra["value"] for extra in dataset.get("extras") or []}
    view: dict[str, Any] = {
        "name": dataset.get("name"),
        "title": dataset.get("title"),
        "notes has the Chinese description": description_zh in (dataset.get("notes") or ""),
        "license_id": dataset.get("license_id"),
        "version": dataset.get("version"),
        "url": dataset.get("url"),
        "tags": sorted(tag["name"] for tag in dataset.get("tags") or []),
        "resources": sorted(resource.get("url") for resource in dataset.get("resources") or []),
        "organization": (dataset.get("organization") or {}).get("name"),
    }
    for key in EXTRAS:  # an extra, or a top-level field where a profile or schema puts it there
        view[f"extras.{key}"] = extras.get(key, dataset.get(key))
    view["extras.language"] = _languages(extras.get("language", dataset.get("language")))
    for resource in dataset.get("resources") or []:
        at = f"resource {resource.get('url')}"
        for key in ("format", "mimetype", "hash", "hash_algorithm", "size"):
            view[f"{at}.{key}"] = resource.get(key)
    return view


def differences(want: dict[str, Any], have: dict[str, Any], keys: list[str] | None = None) -> list[str]:
    """One line per field of ``want`` (or of ``keys``) that ``have`` does not hold as expected; a resource field
    wrong the same way in several resources is one line, with how many."""
    lines: dict[str, list[str]] = {}
    for key in keys or list(want):
        got = have.get(key, "(missing)")
        if got != want[key]:
            resource, _, name = key.rpartition(".") if key.startswith("resource ") else ("", "", key)
            label = f"resource.{name}" if resource else name
            lines.setdefault(f"{label}: expected {want[key]!r}, got {got!r}", []).append(resource)
    return [line + (f" (in {len(where)} resources)" if where[0] else "") for line, where in lines.items()]


def _languages(value: Any) -> list[str] | Any:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return sorted(value) if isinstance(value, list) else value
