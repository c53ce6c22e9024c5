"""The command line: version, help, and `publish validate` exit codes and messages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from publish import __version__
from publish.cli import main
from tests.helpers import ROOT, SEED_DOCUMENT, invoke
from tests.submission_support import csv_folder


def test_version():
    result = invoke("--version")
    assert (result.exit_code, result.output) == (0, f"publish {__version__}\n")


def test_help_is_bilingual():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "校验" in result.output and "Validate" in result.output


def test_python_dash_m_runs_the_same_cli():
    done = subprocess.run([sys.executable, "-m", "publish", "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"publish {__version__}\n")


def test_validate_the_repo_package_exits_0():
    result = invoke("validate", str(ROOT))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("通过：0 个错误")


def test_validate_accepts_the_descriptor_path():
    assert invoke("validate", str(ROOT / "datapackage.json")).exit_code == 0


def test_a_bad_cell_exits_1_with_a_located_bilingual_message(package_copy):
    income = package_copy / "data" / "income.csv"
    text = income.read_text(encoding="utf-8")
    income.write_text(text.replace(",360.67,万元,", ",36O.67,万元,", 1), encoding="utf-8")
    result = invoke("validate", str(package_copy))
    assert result.exit_code == 1
    assert "data/income.csv 第 4 行，字段 amount：值的类型不对（应为 number）" in result.output
    english = invoke("validate", "--lang", "en", str(package_copy))
    assert "data/income.csv line 4, field amount: the value is not of type number (value '36O.67')" in english.output


def test_a_path_out_of_the_package_is_refused_before_reading(package_copy):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in descriptor["resources"] if r["name"] == "income")["path"] = "../../etc/passwd"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = invoke("validate", str(package_copy))
    assert result.exit_code == 1
    assert "资源 income 的 path “../../etc/passwd” 被拒绝" in result.output
    assert "未读取任何文件" in result.output
    assert "root:" not in result.output


def test_a_url_and_an_absolute_path_are_refused(package_copy):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "https://example.org/departments.csv"
    descriptor["resources"][1]["schema"] = "/etc/passwd"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = invoke("validate", "--lang", "en", str(package_copy))
    assert result.exit_code == 1
    assert "a URL is not accepted" in result.output and "an absolute path is not accepted" in result.output


def test_a_link_out_of_the_package_is_refused(package_copy, tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("secret\n", encoding="utf-8")
    (package_copy / "data" / "glossary.csv").unlink()
    (package_copy / "data" / "glossary.csv").symlink_to(outside)
    result = invoke("validate", "--lang", "en", str(package_copy))
    assert result.exit_code == 1
    assert "the path leads outside the package" in result.output


def test_invalid_json_is_a_finding_with_its_line(package_copy):
    (package_copy / "datapackage.json").write_text('{\n  "name": "x",\n  "resources": [,]\n}', encoding="utf-8")
    result = invoke("validate", "--format", "json", str(package_copy))
    assert result.exit_code == 1
    assert "datapackage.json 第 3 行" in result.output and "invalid JSON" in result.output


def test_a_missing_path_is_a_usage_error(tmp_path):
    result = invoke("validate", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_rules_lists_every_rule_in_both_languages():
    from publish.rules import RULES

    result = invoke("rules")
    assert result.exit_code == 0
    for rule in RULES:
        line = next(line for line in result.output.splitlines() if line.startswith(rule.id + " "))
        assert rule.title_zh in line and rule.title_en in line


def test_docs_rules_md_is_generated_from_the_registry():
    """docs/rules.md is `publish rules --format markdown`; regenerate it when a rule changes."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == invoke("rules", "--format", "markdown").output


def test_the_output_formats_are_the_renderers():
    """Every command that reports findings offers exactly the renderers as its output formats."""
    from publish.render import RENDERERS

    context = click.Context(main)
    commands = [main.get_command(context, name) for name in main.list_commands(context)]
    reporting = [p for command in commands for p in command.params if "--report-format" in p.opts]
    assert len(reporting) >= 9
    assert {tuple(p.type.choices) for p in reporting} == {tuple(RENDERERS)}


def test_a_refusal_is_its_message_on_stderr_in_the_chosen_language_and_its_exit_code():
    args = ["template", "--department", "500238-zwfwzx", "--year", "2025", "--from-data", "--package", str(ROOT)]
    for lang, message in (("zh", "数据包中没有 500238-zwfwzx 2025 年的公开数据"), ("en", "the package holds no data")):
        result = invoke(*args, "--lang", lang)
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    zh, en = invoke(*args).stderr.splitlines()  # both languages by default, Chinese first
    assert zh.startswith("数据包中没有") and en.startswith("the package holds no data")


# -- every command that reports findings: --format json and --lang en -----------------------------

HAN = re.compile(r"[\u3400-\u9fff]")


def _income_amount(folder: Path, value: str) -> None:
    """Set the seed's first income amount (360.67) in ``folder``/income.csv to ``value``."""
    income = folder / "income.csv"
    income.write_text(income.read_text(encoding="utf-8").replace(",360.67,万元,", f",{value},万元,", 1), "utf-8")


def _add(package: Path, tmp: Path) -> list[str]:
    folder = csv_folder(package, tmp / "submission")
    _income_amount(folder, "-5")
    return ["add", str(folder), "--package", str(package), "--dry-run"]


def _extract(package: Path, tmp: Path) -> list[str]:
    _income_amount(package / "data", "350.67")  # the text says 360.67
    return ["extract", str(SEED_DOCUMENT), "--package", str(package), "--check"]


def _release(package: Path, tmp: Path) -> list[str]:
    _income_amount(package / "data", "-5")
    return ["release", str(package)]


def _verify(package: Path, tmp: Path) -> list[str]:
    (tmp / "broken.zip").write_bytes(b"not a zip")
    return ["verify", str(tmp / "broken.zip")]


def _diff(package: Path, tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    return ["diff", str(tmp / "empty"), str(package)]


def _catalog(package: Path, tmp: Path) -> list[str]:
    (package / "datapackage.json").write_text("{", encoding="utf-8")
    return ["catalog", str(package), "--base-url", "https://data.example.org/wuxi", "--out", str(tmp / "catalog")]


def _export(package: Path, tmp: Path) -> list[str]:
    _income_amount(package / "data", "36O.67")
    return ["export", str(package), "--format", "parquet", "--out", str(tmp / "export")]


def _site(package: Path, tmp: Path) -> list[str]:
    _income_amount(package / "data", "-5")
    return ["site", str(package), "--out", str(tmp / "site")]


def _template(package: Path, tmp: Path) -> list[str]:
    (package / "datapackage.json").write_text("{", encoding="utf-8")
    return ["template", "--department", "500238-zwfwzx", "--year", "2023", "--package", str(package)]


def _migrate(package: Path, tmp: Path) -> list[str]:
    (package / "datapackage.json").write_text("{", encoding="utf-8")
    return ["migrate", str(package)]


REPORTING = {  # command -> (how to make it find something, a rule it reports, its exit code)
    "add": (_add, "constraint-error", 1),
    "extract": (_extract, "text-table-mismatch", 1),
    "release": (_release, "constraint-error", 1),
    "verify": (_verify, "unsafe-archive", 1),
    "diff": (_diff, "invalid-descriptor", 1),
    "catalog": (_catalog, "invalid-json", 1),
    "export": (_export, "type-error", 1),
    "site": (_site, "constraint-error", 1),
    "template": (_template, "invalid-json", 1),
    "migrate": (_migrate, "invalid-json", 1),
}


def _unquoted(finding: dict) -> str:
    """The English message without the values it quotes."""
    message = finding["message_en"]
    for value in finding["values"].values():
        message = message.replace(value, "") if isinstance(value, str) and value else message
    return message


@pytest.mark.parametrize("name", REPORTING)
def test_every_command_reports_its_findings_as_json_and_in_english(name, package_copy, tmp_path):
    make, rule, code = REPORTING[name]
    args = make(package_copy, tmp_path)
    option = "--report-format" if name in ("export", "catalog") else "--format"
    as_json = invoke(*args, option, "json")
    assert as_json.exit_code == code, as_json.output
    findings = json.loads(as_json.stdout)["findings"]
    assert all(f["rule"] and f["severity"] in ("error", "warning") for f in findings)
    ours = [f for f in findings if f["rule"] == rule]
    assert ours, [f["rule"] for f in findings]
    for leftover in tmp_path.iterdir():  # the first run may have written: start again from the same inputs
        if leftover.name not in ("package", "submission", "broken.zip", "empty"):
            shutil.rmtree(leftover)
    english = invoke(*args, "--lang", "en")
    assert english.exit_code == code, english.output
    shown = [line.strip() for line in english.stdout.splitlines() if line.startswith("      ")]
    for finding in ours:  # in English, no Chinese but in the values quoted (a sentence of the document)
        assert not HAN.search(_unquoted(finding)), finding["message_en"]
        assert finding["message_en"] in shown
    assert not {f["message_zh"] for f in findings} & set(shown)
    assert not HAN.search(english.stderr), english.stderr  # a refusal's message, in English only
