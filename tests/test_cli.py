"""The command line: version, help, and `publish validate` exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from publish import __version__
from publish.cli import main
from tests.helpers import ROOT


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version():
    result = run("--version")
    assert (result.exit_code, result.output) == (0, f"publish {__version__}\n")


def test_help_is_bilingual():
    result = run("--help")
    assert result.exit_code == 0
    assert "校验" in result.output and "Validate" in result.output


def test_python_dash_m_runs_the_same_cli():
    done = subprocess.run([sys.executable, "-m", "publish", "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"publish {__version__}\n")


def test_validate_the_repo_package_exits_0():
    result = run("validate", str(ROOT))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("通过：0 个错误")


def test_validate_accepts_the_descriptor_path():
    assert run("validate", str(ROOT / "datapackage.json")).exit_code == 0


def test_a_bad_cell_exits_1_with_a_located_bilingual_message(package_copy):
    income = package_copy / "data" / "income.csv"
    text = income.read_text(encoding="utf-8")
    income.write_text(text.replace(",360.67,-1.39,", ",36O.67,-1.39,", 1), encoding="utf-8")
    result = run("validate", str(package_copy))
    assert result.exit_code == 1
    assert "data/income.csv 第 4 行，字段 amount：值的类型不对（应为 number）" in result.output
    english = run("validate", "--lang", "en", str(package_copy))
    assert "data/income.csv line 4, field amount: the value is not of type number (value '36O.67')" in english.output


def test_a_path_out_of_the_package_is_refused_before_reading(package_copy):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][2]["path"] = "../../etc/passwd"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = run("validate", str(package_copy))
    assert result.exit_code == 1
    assert "资源 income 的 path “../../etc/passwd” 被拒绝" in result.output
    assert "未读取任何文件" in result.output
    assert "root:" not in result.output


def test_a_url_and_an_absolute_path_are_refused(package_copy):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "https://example.org/departments.csv"
    descriptor["resources"][1]["schema"] = "/etc/passwd"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = run("validate", "--lang", "en", str(package_copy))
    assert result.exit_code == 1
    assert "a URL is not accepted" in result.output and "an absolute path is not accepted" in result.output


def test_a_link_out_of_the_package_is_refused(package_copy, tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("secret\n", encoding="utf-8")
    (package_copy / "data" / "glossary.csv").unlink()
    (package_copy / "data" / "glossary.csv").symlink_to(outside)
    result = run("validate", "--lang", "en", str(package_copy))
    assert result.exit_code == 1
    assert "the path leads outside the package" in result.output


def test_invalid_json_is_a_finding_with_its_line(package_copy):
    (package_copy / "datapackage.json").write_text('{\n  "name": "x",\n  "resources": [,]\n}', encoding="utf-8")
    result = run("validate", "--format", "json", str(package_copy))
    assert result.exit_code == 1
    assert "datapackage.json 第 3 行" in result.output and "invalid JSON" in result.output


def test_a_missing_path_is_a_usage_error(tmp_path):
    result = run("validate", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_rules_lists_every_rule_in_both_languages():
    from publish.rules import RULES

    result = run("rules")
    assert result.exit_code == 0
    for rule in RULES:
        line = next(line for line in result.output.splitlines() if line.startswith(rule.id + " "))
        assert rule.title_zh in line and rule.title_en in line


def test_docs_rules_md_is_generated_from_the_registry():
    """docs/rules.md is `publish rules --format markdown`; regenerate it when a rule changes."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == run("rules", "--format", "markdown").output
