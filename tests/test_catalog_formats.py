"""schema.org, CKAN and 政务信息资源目录 outputs, their rules, and that all formats agree."""

from __future__ import annotations

import csv
import io
import json
import re

import openpyxl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from publish.catalog.ckan import tags
from publish.catalog.cn_catalog import LABELS
from publish.catalog.outputs import FORMATS
from publish.commands.catalog import FORMATS as COMMAND_FORMATS
from tests.catalog_support import BASE, make_release
from tests.helpers import ROOT, TABLE_COUNT, invoke
from tests.release_support import NAME

SCHEMA = "https://schema.org/"
DATASET_PROPERTIES = [
    "name", "description", "creator", "identifier", "keywords", "license", "url", "version",
    "spatialCoverage", "temporalCoverage", "variableMeasured", "distribution",
]  # fmt: skip


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, bytes]:
    dist = tmp_path_factory.mktemp("dist")
    release = make_release(dist)
    out = dist / "catalog"
    result = invoke("catalog", str(release), "--base-url", BASE + "/", "--out", str(out))
    assert result.exit_code == 0, result.output
    return {path.name.removeprefix(f"{NAME}-1.0.0."): path.read_bytes() for path in out.iterdir()}


def test_all_formats_are_written_and_the_command_lists_them(outputs):
    assert tuple(FORMATS) == COMMAND_FORMATS
    assert sorted(outputs) == sorted(suffix for files in FORMATS.values() for suffix, _ in files)


def test_schemaorg_parses_as_jsonld_with_every_property(outputs):
    document = json.loads(outputs["schemaorg.jsonld"])
    assert document["@context"] == SCHEMA
    document["@context"] = {"@vocab": SCHEMA}  # the same vocabulary, offline
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    dataset = URIRef(f"{BASE}/{NAME}-1.0.0/#dataset")
    assert (dataset, None, URIRef(SCHEMA + "Dataset")) in graph
    present = {str(p).removeprefix(SCHEMA) for p in graph.predicates(dataset, None)}
    assert set(DATASET_PROPERTIES) <= present
    descriptions = {d.language: str(d) for d in graph.objects(dataset, URIRef(SCHEMA + "description"))}
    assert set(descriptions) == {"zh", "en"}
    assert all(50 <= len(text) <= 5000 for text in descriptions.values())
    downloads = document["distribution"]
    assert {d["@type"] for d in downloads} == {"DataDownload"}
    assert all(d["contentUrl"].startswith(BASE + "/") and d["sha256"] and d["contentSize"] for d in downloads)
    assert document["temporalCoverage"] == "2023-01-01/2023-12-31"
    assert document["spatialCoverage"]["identifier"]["value"] == "500238"
    assert {"name": "income.amount", "unitText": "万元"}.items() <= next(
        v for v in document["variableMeasured"] if v["name"] == "income.amount"
    ).items()


def test_ckan_payload_follows_the_name_and_tag_rules(outputs):
    payload = json.loads(outputs["ckan.json"])
    assert re.fullmatch(r"[a-z0-9_-]{2,100}", payload["name"])
    assert payload["tags"] and all(re.fullmatch(r"[\w .-]{2,100}", t["name"]) for t in payload["tags"])
    assert payload["license_id"] == "cc-by"
    assert len(payload["resources"]) == TABLE_COUNT + 2  # every CSV, the zip and the xlsx
    for resource in payload["resources"]:
        assert resource["url"].startswith(BASE + "/") and resource["format"] in {"CSV", "ZIP", "XLSX"}
        assert isinstance(resource["size"], int) and re.fullmatch(r"[0-9a-f]{64}", resource["hash"])


def test_keywords_become_valid_ckan_tags():
    assert tags(["“三公”经费", "x", "budget/law", "三公经费", "open data"]) == ["三公经费", "budget law", "open data"]


def test_cn_catalog_headers_are_the_chinese_labels(outputs):
    sheet = openpyxl.load_workbook(io.BytesIO(outputs["cn-catalog.xlsx"])).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == list(LABELS.values())
    assert len(rows) == 2
    text = outputs["cn-catalog.csv"].decode("utf-8")
    assert text.startswith("\ufeff")
    header, row = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert header == list(LABELS.values())
    document = json.loads(outputs["cn-catalog.json"])
    assert document["labels"] == LABELS and list(document["record"]) == list(LABELS)
    record = document["record"]
    assert (record["open_type"], record["update_cycle"]) == ("无条件开放", "每年")
    assert row == [str(record[key]) for key in LABELS]
    assert ["" if v is None else str(v) for v in rows[1]] == row  # an empty cell reads back as None
    assert record["record_count"] == sum(
        len(f.read_text(encoding="utf-8").splitlines()) - 1 for f in (ROOT / "data").glob("*.csv")
    )


def test_every_format_says_the_same_title_version_and_urls(outputs):
    graph = Graph().parse(data=outputs["dcat.ttl"], format="turtle")
    dataset = URIRef(f"{BASE}/{NAME}-1.0.0/#dataset")
    dcat_titles = {t.language: str(t) for t in graph.objects(dataset, DCTERMS.title)}
    dcat_urls = {str(u) for u in graph.objects(None, URIRef("http://www.w3.org/ns/dcat#downloadURL"))}
    dcat_version = str(graph.value(dataset, URIRef("http://www.w3.org/ns/dcat#version")))
    schema = json.loads(outputs["schemaorg.jsonld"])
    ckan = json.loads(outputs["ckan.json"])
    cn = json.loads(outputs["cn-catalog.json"])["record"]
    assert dcat_titles == {t["@language"]: t["@value"] for t in schema["name"]}
    assert dcat_titles == ckan["title_translated"] == {"zh": cn["resource_name"], "en": cn["resource_name_en"]}
    assert dcat_version == schema["version"] == ckan["version"] == cn["version"] == "1.0.0"
    assert dcat_urls == {d["contentUrl"] for d in schema["distribution"]} == {r["url"] for r in ckan["resources"]}
    assert cn["download_url"] == f"{BASE}/{NAME}-1.0.0.zip" and cn["download_url"] in dcat_urls
    sums = {d["contentUrl"]: d["sha256"] for d in schema["distribution"]}
    assert sums == {r["url"]: r["hash"] for r in ckan["resources"]}


def test_sizes_and_sums_come_from_the_release_descriptor(tmp_path):
    release = make_release(tmp_path)
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0].update(bytes=123, hash="sha256:" + "ab" * 32)
    (release / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    result = invoke("catalog", str(release), "--format", "ckan", "--base-url", BASE)
    path = descriptor["resources"][0]["path"]
    (first,) = (r for r in json.loads(result.stdout)["resources"] if r["url"].endswith(f"/{path}"))
    assert (first["size"], first["hash"]) == (123, "ab" * 32)


def test_a_package_folder_has_no_size_for_files_not_built_yet():
    result = invoke("catalog", str(ROOT), "--format", "ckan", "--base-url", BASE)
    resources = {r["format"]: r for r in json.loads(result.stdout)["resources"]}
    assert "size" not in resources["ZIP"] and "hash" not in resources["XLSX"]
    assert resources["CSV"]["size"] > 0


def test_a_short_description_is_reported(package_copy):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["description"] = descriptor["description"].split("\n\n")[0] + "\n\nToo short."
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    result = invoke("catalog", str(package_copy), "--format", "schemaorg", "--base-url", BASE)
    assert result.exit_code == 1
    assert "catalog-description-length" in result.stderr and "has 10 characters, it needs 50 to 5,000" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "ckan"], "PUBLISH_BASE_URL"),
        (["--format", "ckan", "--base-url", "ftp://host/x"], "http:// or https://"),
        (["--base-url", BASE], "choose one --format"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = invoke("catalog", str(ROOT), *args)
    assert result.exit_code == 2 and message in result.output


def test_stdout_and_file_output_are_the_same(outputs):
    result = invoke("catalog", "export", str(ROOT), "--format", "schemaorg", "--base-url", BASE)
    printed = json.loads(result.stdout)
    written = json.loads(outputs["schemaorg.jsonld"])
    assert printed["name"] == written["name"] and printed["url"] == written["url"]


def test_a_broken_descriptor_is_a_finding_not_a_traceback(package_copy):
    (package_copy / "datapackage.json").write_text("{", encoding="utf-8")
    result = invoke("catalog", str(package_copy), "--format", "ckan", "--base-url", BASE)
    assert result.exit_code == 1 and "[错误 error] invalid-json" in result.stderr and "Traceback" not in result.output
