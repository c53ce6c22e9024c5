"""Create or update the release's dataset on a CKAN portal through the ckanapi client.

The API key is given by the caller (read from an environment variable by the command), sent
only in the request headers ckanapi sets, and never printed: every message that leaves this
module has the key replaced by ``***``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publish import __version__
from publish.catalog import ckan
from publish.catalog.outputs import model_or_report
from publish.core import EXIT_TOOL_FAILURE, PublishError, Report

TIMEOUT_SECONDS = 30


class PushError(PublishError):
    """The portal could not be reached or refused the request; the messages hold no key."""

    exit_code = EXIT_TOOL_FAILURE


@dataclass
class Push:
    report: Report
    action: str | None = None  # "created" or "updated"
    name: str | None = None


def push(
    source: str | Path,
    *,
    base_url: str,
    ckan_url: str,
    api_key: str,
    owner_org: str | None = None,
    landing_page: str | None = None,
) -> Push:
    """Send the release's ``package_create`` payload, or ``package_update`` when the dataset exists."""
    model, report = model_or_report(source, base_url, landing_page)
    if model is None:
        return Push(report=report)
    payload = ckan.payload(model, owner_org)
    try:
        action = _send(ckan_url, api_key, payload)
    except Exception as error:  # ckanapi and requests raise many kinds; none may leak the key
        detail = _redact(f"{type(error).__name__}: {error}", api_key)
        raise PushError(_zh_reason(error, ckan_url, detail), _en_reason(error, ckan_url, detail)) from None
    return Push(report=report, action=action, name=payload["name"])


def _send(ckan_url: str, api_key: str, payload: dict) -> str:
    from ckanapi import RemoteCKAN

    options = {"timeout": TIMEOUT_SECONDS}
    with RemoteCKAN(ckan_url, apikey=api_key, user_agent=f"publish/{__version__}") as portal:
        existing = _existing(portal, payload, options)
        if existing is None:
            portal.call_action("package_create", payload, requests_kwargs=options)
            return "created"
        portal.call_action("package_update", _update_of(existing, payload), requests_kwargs=options)
        return "updated"


def _update_of(existing: dict, payload: dict) -> dict:
    """The payload as an update of ``existing``: its id, and the ids of its resources by their DCAT IRI
    (``uri``), as the harvester keeps them, so that a resource keeps its address whatever the route."""
    ids = {r["uri"]: r["id"] for r in existing.get("resources", []) if r.get("uri") and r.get("id")}
    resources = [{**r, "id": ids[r["uri"]]} if r["uri"] in ids else r for r in payload["resources"]]
    return {**payload, "id": existing["id"], "resources": resources}


def _existing(portal, payload: dict, options: dict) -> dict | None:
    """The dataset already on the portal: ours by name, or the one a ``dcat_rdf`` harvest made.

    A harvest keys its dataset by the DCAT IRI (the ``guid`` extra) and names it after the title,
    which CKAN cannot spell for a Chinese title (``__``); the search finds it by that IRI, and the
    update then gives it our name. CKAN indexes each extra twice (ckan/lib/search/index.py):
    ``extras_guid``, a tokenised ``text`` field, and ``guid``, which CKAN's Solr schema makes a
    ``string`` (its ``*`` dynamic field), matched whole: the filter uses ``guid``. It is marked
    ``+`` so that it is required whatever the portal's default operator (``q.op``): unmarked,
    it would be optional under ``OR`` and the search would return any dataset."""
    from ckanapi import NotFound

    try:
        return portal.call_action("package_show", {"id": payload["name"]}, requests_kwargs=options)
    except NotFound:
        pass
    guid = next(extra["value"] for extra in payload["extras"] if extra["key"] == "guid")
    query = {"fq": f'+guid:"{guid}"', "rows": 1, "include_private": True}
    found = portal.call_action("package_search", query, requests_kwargs=options)["results"]
    return found[0] if found else None


def _zh_reason(error: Exception, url: str, detail: str) -> str:
    kind = type(error).__name__
    if kind == "NotAuthorized":
        return f"CKAN（{url}）拒绝了请求：密钥无权创建或修改该数据集，或密钥无效。请检查密钥与所属组织（--owner-org）。"
    if kind == "ValidationError":
        return f"CKAN（{url}）不接受该数据集的元数据：{detail}"
    return f"无法完成向 CKAN（{url}）的推送：{detail}。请检查网址与网络。"


def _en_reason(error: Exception, url: str, detail: str) -> str:
    kind = type(error).__name__
    if kind == "NotAuthorized":
        return (
            f"CKAN ({url}) refused the request: the key may not create or change this dataset, or is not valid. "
            "Check the key and the organisation (--owner-org)."
        )
    if kind == "ValidationError":
        return f"CKAN ({url}) rejected the dataset's metadata: {detail}"
    return f"the push to CKAN ({url}) failed: {detail}. Check the URL and the network."


def _redact(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text
