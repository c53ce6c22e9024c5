"""统一社会信用代码 (GB 32100) and GB/T 2260 checks, and how a wrong code stops `publish catalog`."""

from __future__ import annotations

import json

import pytest

from publish.core.csvfile import read_rows, write_rows
from publish.core.identifiers import credit_code_check_character, credit_code_problem, division_code_problem
from tests.catalog_support import BASE
from tests.helpers import invoke

# Published codes of real organisations (the check character is part of what they publish).
REAL_CODES = ["91350100M000100Y43", "914403001922038216", "9144030071526726XG"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_published_codes_pass(code):
    assert credit_code_problem(code) is None
    assert credit_code_check_character(code[:17]) == code[17]


def test_a_wrong_check_character_names_the_right_one():
    zh, en = credit_code_problem("914403001922038217")
    assert "校验码应为“6”，实际为“7”" in zh
    assert "should be '6', not '7'" in en


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("91440300192203821", "18 characters, not 17"),
        ("9144030019220382I6", "character 17 'I' is not allowed"),
        ("91990300192203821X", "first two digits of '990300'"),
    ],
)
def test_malformed_codes_are_explained(code, expected):
    if expected.startswith("first two"):  # a division error is reported once the check character is right
        code = code[:17] + credit_code_check_character(code[:17])
    assert expected in credit_code_problem(code)[1]


def test_division_codes():
    assert division_code_problem("500238", "重庆市巫溪县") is None
    assert division_code_problem("500238", "巫溪县") is None
    assert "四川省巫溪县" in division_code_problem("500238", "四川省巫溪县")[1]
    assert "not a six-digit" in division_code_problem("50023")[1]
    assert "'99'" in division_code_problem("990238")[1]


def _set_credit_code(package, code):
    path = package / "data" / "departments.csv"
    schema = json.loads((package / "schemas" / "departments.json").read_text(encoding="utf-8"))
    rows = read_rows(path)
    rows[0]["credit_code"] = code
    write_rows(path, schema, rows)


def test_catalog_reports_a_wrong_check_character_and_writes_nothing(package_copy, tmp_path):
    good = "11500238" + "MB1234567"
    good += credit_code_check_character(good)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    _set_credit_code(package_copy, wrong)
    out = tmp_path / "out"
    result = invoke("catalog", str(package_copy), "--base-url", BASE, "--out", str(out))
    assert result.exit_code == 1
    # with --out the findings are the report on stdout (without it, stdout is the metadata and they go to stderr)
    assert "[错误 error] credit-code-invalid  data/departments.csv:2" in result.stdout
    assert f"data/departments.csv 第 2 行 credit_code：统一社会信用代码“{wrong}”有误" in result.stdout
    assert f"data/departments.csv line 2, credit_code: '{wrong}' is wrong" in result.stdout
    assert not out.exists()


def test_a_valid_credit_code_reaches_every_format(package_copy, tmp_path):
    code = "11500238" + "MB1234567"
    code += credit_code_check_character(code)
    _set_credit_code(package_copy, code)
    out = tmp_path / "out"
    assert invoke("catalog", str(package_copy), "--base-url", BASE, "--out", str(out)).exit_code == 0
    texts = {p.name.split("1.0.0.")[1]: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix != ".xlsx"}
    assert f'dct:identifier "{code}"' in texts["dcat.ttl"]
    assert json.loads(texts["schemaorg.jsonld"])["publisher"]["identifier"]["value"] == code
    extras = {e["key"]: e["value"] for e in json.loads(texts["ckan.json"])["extras"]}
    assert extras["publisher_identifier"] == code  # the key ckanext-dcat gives dct:identifier of the publisher
    assert json.loads(texts["cn-catalog.json"])["record"]["provider_code"] == code


def test_without_a_credit_code_none_is_made_up(tmp_path):
    out = tmp_path / "out"
    from tests.helpers import ROOT

    assert invoke("catalog", str(ROOT), "--base-url", BASE, "--out", str(out)).exit_code == 0
    record = json.loads(next(out.glob("*.cn-catalog.json")).read_text(encoding="utf-8"))["record"]
    assert record["provider_code"] == ""
    assert "identifier" not in json.loads(next(out.glob("*.schemaorg.jsonld")).read_text(encoding="utf-8"))["publisher"]
