"""`publish validate` tried as a new user would: one mistake at a time, each located, bilingual, exit 1."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from publish.cli import main
from publish.validate.run import validate
from tests.helpers import ROOT
from tests.mutate import add, drop, edit

GOLDEN = ROOT / "tests" / "golden" / "validate-broken.json"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def gbk(package):
    path = package / "data" / "glossary.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))


def duplicate_row(package):
    path = package / "data" / "kpis.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")


def escape_path(package):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][3]["path"] = "../../etc/passwd"
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


SCENARIOS = {
    "changed-figure": (
        lambda p: edit(p, "income", {"item": "general_budget"}, amount="360.76"),
        "data/income.csv:4",
        "一般公共预算拨款",
    ),
    "duplicate-row": (duplicate_row, "data/kpis.csv:7", "主键重复"),
    "deleted-required-item": (lambda p: drop(p, "income", {"item": "other"}), "data/disclosures.csv:2", "缺少"),
    "saved-as-gbk": (gbk, "data/glossary.csv:2", "GBK"),
    "formula-in-a-cell": (
        lambda p: edit(p, "kpis", {"indicator_no": "2"}, indicator_name="=1+2"),
        "data/kpis.csv:3",
        "公式",
    ),
    "path-out-of-the-package": (escape_path, "datapackage.json", "../../etc/passwd"),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_one_mistake_gives_exit_1_and_a_located_bilingual_message(name, package_copy):
    mutate, where, words = SCENARIOS[name]
    mutate(package_copy)
    result = run("validate", str(package_copy))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert where in result.output and words in result.output
    english = run("validate", "--lang", "en", str(package_copy))
    assert english.exit_code == 1 and where in english.output


def test_the_untouched_package_exits_0():
    assert run("validate", str(ROOT)).exit_code == 0


def test_strict_fails_on_the_seed_warning():
    assert run("validate", "--strict", str(ROOT)).exit_code == 1


def broken(package):
    edit(package, "income", {"item": "total"}, amount="360.00")
    edit(package, "sangong", {"item": "reception"}, change="", change_word="减少", change_rate="5")  # 增加0: a warning
    add(package, "glossary", fiscal_year="2023", department_id="500238-zwfwzx", term_no="6", term="x", definition="")


def test_json_output_is_stable(package_copy):
    broken(package_copy)
    result = run("validate", "--format", "json", str(package_copy))
    again = run("validate", "--format", "json", str(package_copy))
    assert result.output == again.output
    if os.environ.get("REGENERATE_GOLDEN"):
        GOLDEN.write_text(result.output, encoding="utf-8")
    assert result.output == GOLDEN.read_text(encoding="utf-8")


def test_github_annotations_carry_the_csv_line(package_copy, tmp_path, monkeypatch):
    broken(package_copy)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("validate", "--format", "github", str(package_copy))
    lines = result.output.splitlines()
    assert any(line.startswith("::error file=data/income.csv,line=8,title=income-total-mismatch::") for line in lines)
    assert any(line.startswith("::error file=data/sangong.csv,line=3,title=change-word-mismatch::") for line in lines)
    assert any(line.startswith("::error file=data/glossary.csv,line=7,title=constraint-error::") for line in lines)
    text = summary.read_text(encoding="utf-8")
    assert "### 2023 年 · 500238-zwfwzx" in text and "| 错误 | `income-total-mismatch` | `data/income.csv:8` |" in text


def test_csv_findings_open_in_excel(package_copy):
    broken(package_copy)
    result = run("validate", "--format", "csv", str(package_copy))
    assert result.output.startswith("\ufeff级别,规则,文件,行,字段")
    assert "income-total-mismatch,data/income.csv,8,amount,2023,500238-zwfwzx" in result.output


def test_fix_transcodes_gbk_and_normalises_numbers(package_copy):
    gbk(package_copy)
    edit(package_copy, "operating_costs", {}, amount="３８．２０")
    edit(package_copy, "income", {"item": "total"}, amount="360.67万元")
    assert run("validate", str(package_copy)).exit_code == 1
    result = run("validate", "--fix", str(package_copy))
    assert result.exit_code == 0, result.output
    for name in ("glossary", "operating_costs", "income"):
        fixed = (package_copy / "data" / f"{name}.csv").read_bytes()
        assert fixed == (ROOT / "data" / f"{name}.csv").read_bytes()


def test_fix_leaves_an_uncertain_value_alone(package_copy):
    edit(package_copy, "operating_costs", {}, amount="约38.20")
    before = (package_copy / "data" / "operating_costs.csv").read_bytes()
    assert run("validate", "--fix", str(package_copy)).exit_code == 1
    assert (package_copy / "data" / "operating_costs.csv").read_bytes() == before


def test_unknown_rule_is_a_usage_error():
    result = run("validate", "--select", "no-such-rule", str(ROOT))
    assert result.exit_code == 2 and "no-such-rule" in result.output


def test_a_copy_without_schemas_is_a_finding_not_a_traceback(package_copy):
    shutil.rmtree(package_copy / "schemas")
    result = run("validate", str(package_copy))
    assert result.exit_code == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("cell", "habit_zh", "habit_en"),
    [
        ("３６０.６７", "全角数字", "full-width digits"),
        ("1,360.67", "千分位逗号", "thousands separators"),
        ("360.67万元", "数字后写了“万元”", "万元 written after the figure"),
    ],
)
def test_an_excel_habit_in_a_number_cell_is_named_with_its_fix(package_copy, cell, habit_zh, habit_en):
    edit(package_copy, "income", {"item": "total"}, amount=cell)
    report = validate(package_copy, select=["type-error", "number-not-plain"])
    (finding,) = report.findings
    assert (finding.row, finding.field) == (8, "amount")
    assert finding.rule == ("number-not-plain" if cell.startswith("３") else "type-error")
    assert habit_zh in finding.message_zh and "publish validate --fix" in finding.message_zh
    assert habit_en in finding.message_en
