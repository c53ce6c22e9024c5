"""The Solr stand-in under the live CKAN tests (tests/ckan/solr_standin.py): it keeps what CKAN writes and evaluates
the queries CKAN sends, as they were logged from CKAN 2.12, and refuses with HTTP 400 what it does not implement."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from tests.ckan import solr_standin
from tests.ckan.solr_query import QueryNotSupported
from tests.ckan.solr_schema import Schema
from tests.ckan.solr_standin import Index

# an excerpt of CKAN 2.12's ckan/config/solr/schema.xml: the fields these tests touch, with their types
SCHEMA = b"""<schema name="ckan-2.12" version="1.6"><fields>
  <field name="index_id" type="string" stored="true"/>
  <field name="id" type="string" stored="true"/>
  <field name="site_id" type="string" stored="true"/>
  <field name="name" type="string" stored="true"/>
  <field name="title" type="text" stored="true"/>
  <field name="state" type="string" stored="true"/>
  <field name="capacity" type="string" stored="true"/>
  <field name="entity_type" type="string" stored="true"/>
  <field name="dataset_type" type="string" stored="true"/>
  <field name="permission_labels" type="string" stored="false" multiValued="true"/>
  <field name="metadata_modified" type="date" stored="true"/>
  <field name="validated_data_dict" type="string" indexed="false" stored="true"/>
  <dynamicField name="*_date" type="date" stored="true"/>
  <dynamicField name="extras_*" type="text" stored="true"/>
  <dynamicField name="*" type="string" stored="false"/>
</fields></schema>"""
SITE = '+site_id:"default"'
IRI = "https://data.example.org/budgets/wuxi-1.0.0/#dataset"


def document(name: str, **fields) -> dict:
    """A dataset as CKAN's index_package posts it: the ``guid`` extra both as ``extras_guid`` and ``guid``."""
    base = {
        "index_id": f"index-{name}", "id": f"id-{name}", "site_id": "default", "name": name, "title": name.title(),
        "state": "active", "capacity": "public", "entity_type": "package", "dataset_type": "dataset",
        "permission_labels": ["public"], "metadata_modified": "2026-12-01T00:00:00Z",
        "validated_data_dict": json.dumps({"name": name}),
    }  # fmt: skip
    return {**base, **fields}


@pytest.fixture
def index() -> Index:
    index = Index(Schema(SCHEMA))
    index.add([
        document("wuxi-budgets", guid=IRI, extras_guid=IRI, metadata_modified="2026-12-02T00:00:00Z"),
        document("__", permission_labels=["member-org"], capacity="private"),
        document("release-ttl", dataset_type="harvest"),
    ])  # fmt: skip
    index.commit()
    return index


def names(index: Index, **params) -> list[str]:
    found = index.select(
        {key.replace("_", "."): value if isinstance(value, list) else [value] for key, value in params.items()}
    )
    return [json.loads(doc["validated_data_dict"])["name"] for doc in found["response"]["docs"]]


def test_the_push_finds_the_harvested_dataset_by_its_guid(index):
    fq = [f'+guid:"{IRI}" -dataset_type:harvest +state:(active)', SITE]  # as package_search sends it
    assert names(index, q="*:*", fq=fq, q_op="AND", fl="id validated_data_dict") == ["wuxi-budgets"]


def test_an_unmarked_clause_is_required_under_and_and_optional_under_or(index):
    fq = [f'guid:"{IRI}" -dataset_type:harvest +state:(active)', SITE]
    assert names(index, fq=fq, q_op="AND", fl="validated_data_dict") == ["wuxi-budgets"]
    assert names(index, fq=fq, q_op="OR", fl="validated_data_dict") == ["wuxi-budgets", "__"]


def test_permission_labels_and_capacity_filter_what_a_user_sees(index):
    public = ["+capacity:public -dataset_type:harvest +state:(active)", SITE, '+permission_labels:("public")']
    member = ["-dataset_type:harvest", SITE, '+permission_labels:("public" OR "member-org")']
    assert names(index, fq=public, q_op="AND", fl="validated_data_dict") == ["wuxi-budgets"]
    assert names(index, fq=member, q_op="AND", fl="validated_data_dict") == ["wuxi-budgets", "__"]


def test_a_lookup_by_name_or_id_finds_one(index):
    q = 'name:"id-__" OR id:"id-__"'  # ckan/lib/search/query.py get_index
    assert names(index, q=q, fq=f"{SITE} +entity_type:package", fl="*") == ["__"]


def test_fields_rows_start_sort_and_count(index):
    answer = index.select({"q": ["*:*"], "sort": ["score desc, metadata_modified desc"], "rows": ["1"], "start": ["0"]})
    assert answer["response"]["numFound"] == 3
    (top,) = answer["response"]["docs"]
    assert top["name"] == "wuxi-budgets" and "guid" not in top and "extras_guid" in top  # guid is not stored


def test_facets_count_the_values_found(index):
    params = {"q": ["*:*"], "facet": ["true"], "facet.field": ["dataset_type"], "facet.mincount": ["1"]}
    assert index.select(params)["facet_counts"]["facet_fields"] == {"dataset_type": ["dataset", 2, "harvest", 1]}


def test_writes_are_searched_once_committed_and_deleted_by_ckans_query(index):
    index.add([document("later")])
    assert "later" not in names(index, fl="validated_data_dict", rows="10")
    index.commit()
    assert "later" in names(index, fl="validated_data_dict", rows="10")
    index.delete_query('+entity_type:package AND +(id:"id-later" OR name:"id-later") AND +site_id:"default"')
    index.commit()  # index.py delete_package's query, then a commit
    assert names(index, fl="validated_data_dict", rows="10") == ["wuxi-budgets", "__", "release-ttl"]


@pytest.mark.parametrize(
    "query",
    [
        f'extras_guid:"{IRI}"',  # a text field: tokenised in Solr, not implemented here
        "budgets",  # free text with no field
        "name:wuxi*",  # a wildcard
        "metadata_modified:[* TO NOW]",  # a range
        "{!lucene}name:x",  # local parameters
        'name:"unclosed',
        "(name:x",
    ],
)
def test_what_is_not_implemented_is_refused(index, query):
    with pytest.raises(QueryNotSupported):
        index.select({"q": [query]})


@pytest.fixture
def server():
    server, url = solr_standin.start(Schema(SCHEMA))
    yield url
    server.shutdown()
    server.server_close()


def test_over_http_updates_are_kept_and_a_query_not_implemented_is_a_400(server):
    body = json.dumps([document("pushed")]).encode()
    post(f"{server}/update/?commit=true", body, "application/json; charset=utf-8")
    found = json.loads(
        urllib.request.urlopen(f"{server}/select/?{urlencode({'q': 'name:pushed', 'wt': 'json'})}").read()
    )
    assert found["response"]["numFound"] == 1
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server}/select/?{urlencode({'q': 'budgets', 'defType': 'dismax'})}")
    assert refused.value.code == 400
    assert "defType" in json.loads(refused.value.read())["error"]["msg"]


def post(url: str, body: bytes, content_type: str) -> None:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    urllib.request.urlopen(request).close()
