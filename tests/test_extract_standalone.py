"""`publish extract` without a package: the data model shipped with the tool, a proposed department id, exit 2.

The documents are short texts written for these tests in the form of a Chongqing 单位预算情况说明.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from publish.extract.standalone import standard_package
from tests.helpers import ROOT, SEED_DOCUMENT, invoke

REFRESH = (
    "the data model shipped inside the package differs from the repository's: refresh it with "
    "`cp datapackage.json src/publish/extract/standard/ && cp schemas/*.json src/publish/extract/standard/schemas/ "
    "&& cp data/function_codes.csv src/publish/extract/standard/data/` (src/publish/extract/standard/README.md)"
)
DOCUMENT = "\n".join(
    [
        "重庆市万州区公路事务中心",
        "2024年单位预算情况说明",
        "一、单位基本情况",
        "二、单位收支总体情况",
        "（一）收入预算：2024年年初预算数100万元，其中：一般公共预算拨款100万元。",
    ]
)


def _shipped_pairs() -> list[tuple[Path, Path]]:
    shipped = standard_package()
    pairs = [(ROOT / "datapackage.json", shipped / "datapackage.json")]
    pairs += [(path, shipped / "schemas" / path.name) for path in sorted((ROOT / "schemas").glob("*.json"))]
    pairs.append((ROOT / "data" / "function_codes.csv", shipped / "data" / "function_codes.csv"))
    return pairs


@pytest.mark.parametrize(("repo", "shipped"), _shipped_pairs(), ids=lambda p: p.name)
def test_the_shipped_data_model_is_the_repositorys_byte_for_byte(repo, shipped):
    assert shipped.is_file(), REFRESH
    assert shipped.read_bytes() == repo.read_bytes(), REFRESH


def test_the_shipped_copy_holds_every_schema_and_nothing_else():
    shipped = sorted(path.name for path in (standard_package() / "schemas").glob("*.json"))
    assert shipped == sorted(path.name for path in (ROOT / "schemas").glob("*.json")), REFRESH


def _document(folder: Path, text: str = DOCUMENT) -> Path:
    path = folder / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_package_a_standalone_submission_is_written_with_a_proposed_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(_document(tmp_path)), "--out", "out")
    assert result.exit_code in (0, 1), result.output
    assert "建议部门编号 proposed department id 500101-glswzx" in result.output
    assert "用 --department 确认或更改" in result.output and "None" not in result.output
    disclosure = next(csv.DictReader((tmp_path / "out" / "disclosures.csv").open(encoding="utf-8")))
    assert (disclosure["department_id"], disclosure["fiscal_year"], disclosure["scope"]) == (
        "500101-glswzx",
        "2024",
        "unit",
    )
    assert disclosure["profile"] == "chongqing-budget"
    department = next(csv.DictReader((tmp_path / "out" / "departments.csv").open(encoding="utf-8")))
    assert (department["name"], department["division_code"]) == ("重庆市万州区公路事务中心", "500101")


def test_the_json_report_carries_the_proposal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(_document(tmp_path)), "--out", "out", "--format", "json")
    report = json.loads(result.output)
    extraction = report.get("extraction") or report["extra"]["extraction"]
    assert extraction["proposed_department"]["department_id"] == "500101-glswzx"
    assert extraction["standalone"] is True


def test_options_override_the_document_and_the_difference_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ("--year", "2025", "--kind", "决算", "--department", "500101-glswzx", "--out", "out")
    result = invoke("extract", str(_document(tmp_path)), *args)
    assert result.exit_code == 1, result.output  # the contradiction is an unread note
    disclosure = next(csv.DictReader((tmp_path / "out" / "disclosures.csv").open(encoding="utf-8")))
    assert (disclosure["fiscal_year"], disclosure["document_kind"]) == ("2025", "final_account")
    unread = (tmp_path / "out" / "extraction" / "unread.csv").read_text(encoding="utf-8")
    assert "2024" in unread and "2025" in unread


@pytest.mark.parametrize(
    ("text", "args", "words"),
    [
        ("一、单位基本情况\n收入较2023年减少5万元。", (), "--year"),  # nothing states the year
        ("某某开发区管委会2024年部门预算情况说明\n一、单位基本情况", (), "--department"),  # no place
        (DOCUMENT, ("--year", "二〇二四"), "--year"),
        (DOCUMENT, ("--department", "Wanzhou"), "500238-zwfwzx"),
    ],
)
def test_a_usage_problem_exits_2_and_says_which_option(tmp_path, monkeypatch, text, args, words):
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(_document(tmp_path, text)), "--out", "out", *args)
    assert result.exit_code == 2, result.output
    assert words in result.output and "None" not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_check_needs_a_package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(SEED_DOCUMENT), "--check")
    assert result.exit_code == 2 and "--package" in result.output


def test_a_proposed_id_another_department_holds_is_refused(tmp_path):
    text = _document(tmp_path, "巫溪县政务服务中心（筹）2023年部门预算情况说明\n一、单位基本情况")
    result = invoke("extract", str(text), "-p", str(ROOT), "-o", str(tmp_path / "x"))
    assert result.exit_code == 2, result.output
    assert (
        "500238-zwfwzx" in result.output and "巫溪县政务服务中心" in result.output and "--department" in result.output
    )
