"""Catalog metadata of a release: one model (``model``) read from the package (``source``),
rendered as DCAT-AP 3 (``dcat``), schema.org (``schemaorg``), CKAN (``ckan``, ``ckan_push``)
and the national 政务信息资源目录 record (``cn_catalog``); ``export`` writes them."""
