"""Catalog metadata of a release: one model (``model``) read from the package (``source``),
rendered as DCAT-AP 3 (``dcat``), schema.org (``schemaorg``), CKAN (``ckan``, ``ckan_push``)
and the national 政务信息资源目录 record (``cn_catalog``); ``outputs`` writes them."""

from publish.catalog.ckan_push import PushError, push
from publish.catalog.outputs import base_url_problem, export, model_or_report
from publish.catalog.schemaorg import render as render_schemaorg

__all__ = ["PushError", "base_url_problem", "export", "model_or_report", "push", "render_schemaorg"]
