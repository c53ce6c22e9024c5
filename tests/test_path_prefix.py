"""`publish validate --path-prefix DIR`: a package in a sub-folder of its repository names every file from the
repository's root, in each output format, so that GitHub places its annotations on the repository's files
(issue 18, "No program inside YAML": action.yml passes the folder instead of rewriting the output).

The repository's own package has one finding, a warning on data/expenditure_by_type.csv line 2."""

from __future__ import annotations

import pytest

from publish.core import Finding, Report
from publish.render import PrefixError, relocated, repository_prefix
from tests.helpers import ROOT, invoke

FILE = "data/expenditure_by_type.csv"
RULE = "change-breakdown-mismatch"
ZH = "第 2 行（2023 年 500238-zwfwzx）：基本支出较上年增减 13.61 万元"
EN = "line 2 (500238-zwfwzx, 2023): 基本支出 changes by 13.61 万元"


def validate(*options: str, env: dict[str, str] | None = None):
    return invoke("validate", ROOT, *options, env={"GITHUB_STEP_SUMMARY": "", **(env or {})})


def test_github_annotations_and_step_summary_name_the_repository_file(tmp_path):
    summary = tmp_path / "summary.md"
    result = validate(
        "--format", "github", "--lang", "zh", "--path-prefix", "budgets", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 0, result.output
    annotation, verdict = result.output.splitlines()
    head = f"::warning file=budgets/{FILE},line=2,title={RULE}::budgets/{FILE} {ZH}"
    assert annotation.startswith(head)
    assert f"%0Abudgets/{FILE} {EN}" in annotation
    assert verdict.startswith("通过：0 个错误，1 个警告")
    row = next(line for line in summary.read_text(encoding="utf-8").splitlines() if RULE in line)
    assert row.startswith(
        f"| 警告 | `{RULE}` | `budgets/{FILE}:2` | budgets/data/expenditure\\_by\\_type\\.csv 第 2 行"
    )


def test_text_names_the_repository_file_in_both_languages():
    result = validate("--lang", "both", "--path-prefix", "counties/wuxi")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == f"  [警告 warning] {RULE}  counties/wuxi/{FILE}:2  change"
    assert lines[2].startswith(f"      counties/wuxi/{FILE} {ZH}")
    assert lines[3].startswith(f"      counties/wuxi/{FILE} {EN}")


def test_findings_csv_and_json_name_the_repository_file():
    table = validate("--format", "csv", "--lang", "en", "--path-prefix", "budgets")
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[1].startswith(f"warning,{RULE},budgets/{FILE},2,change,2023,500238-zwfwzx,")
    report = validate("--format", "json", "--path-prefix", "budgets")
    assert '"path": "budgets/data/expenditure_by_type.csv"' in report.output


@pytest.mark.parametrize("prefix", ["./budgets/", "budgets//", "budgets/./"])
def test_the_prefix_is_normalised(prefix):
    result = validate("--format", "github", "--path-prefix", prefix)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"::warning file=budgets/{FILE},line=2,title={RULE}::budgets/{FILE} ")


@pytest.mark.parametrize("prefix", ["", ".", "./", ".//."])
def test_the_repository_root_itself_changes_nothing(prefix):
    plain = validate("--format", "github")
    result = validate("--format", "github", "--path-prefix", prefix)
    assert result.exit_code == plain.exit_code == 0
    assert result.output == plain.output
    assert result.output.startswith(f"::warning file={FILE},line=2,")


def test_an_annotation_keeps_github_escaping_of_the_prefix():
    result = validate("--format", "github", "--path-prefix", "a,b:c%d")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"::warning file=a%2Cb%3Ac%25d/{FILE},line=2,title={RULE}::a,b:c%25d/{FILE} ")


ABSOLUTE = ("是绝对路径", "it is an absolute path")
CLIMBS = ("含有 ..，不能离开仓库", "it holds .., which could leave the repository")
CONTROL = ("含有控制字符或无效字符", "it holds a control or invalid character")
REFUSED = [
    ("/srv/budgets", "/srv/budgets", ABSOLUTE),
    ("~/budgets", "~/budgets", ABSOLUTE),
    ("C:/budgets", "C:/budgets", ABSOLUTE),
    ("../budgets", "../budgets", CLIMBS),
    ("budgets/../..", "budgets/../..", CLIMBS),
    ("bud\x1b]52;c;x\x07gets", "bud\\x1b]52;c;x\\x07gets", CONTROL),
    ("bud\ngets", "bud\\ngets", CONTROL),
    ("budgets\\2024", "budgets\\2024", ("含有反斜杠，目录之间请用 /", "it holds a backslash; separate folders with /")),
]


@pytest.mark.parametrize(("prefix", "shown", "reason"), REFUSED)
def test_a_prefix_out_of_the_repository_is_a_bilingual_usage_error(prefix, shown, reason):
    result = validate("--format", "github", "--path-prefix", prefix)
    assert result.exit_code == 2
    assert result.output.splitlines()[-2:] == [
        f"Error: Invalid value for --path-prefix: 路径前缀 --path-prefix “{shown}”被拒绝：{reason[0]}。"
        "请给出数据包目录从仓库根目录起的相对路径，如 budgets。",
        f"the path prefix --path-prefix '{shown}' is refused: {reason[1]}. Give the package folder's path from the "
        "repository's root, such as budgets.",
    ]
    assert "::warning" not in result.output and "Traceback" not in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_the_help_is_bilingual():
    result = invoke("validate", "--help")
    assert "--path-prefix DIR" in result.output
    assert "仓库根目录" in result.output and "repository's root" in result.output


def test_relocated_moves_every_file_and_the_messages_that_name_it_first():
    located = Finding("r", "error", f"{FILE} 第 2 行：错", f"{FILE} line 2: wrong", path=FILE, row=2)
    elsewhere = Finding("r", "error", "数据包：错", "the package: wrong", path="datapackage.json")
    pathless = Finding("r", "warning", "错", "wrong")
    report = Report(findings=[located, elsewhere, pathless], stats={"rows": 1})
    moved = relocated(report, repository_prefix("./b//"))
    assert [(f.path, f.message_zh, f.message_en) for f in moved.findings] == [
        (f"b/{FILE}", f"b/{FILE} 第 2 行：错", f"b/{FILE} line 2: wrong"),
        ("b/datapackage.json", "数据包：错", "the package: wrong"),
        (None, "错", "wrong"),
    ]
    assert moved.stats == {"rows": 1} and report.findings[0].path == FILE  # the report itself is left as it was
    assert relocated(report, "") is report
    with pytest.raises(PrefixError) as refused:
        repository_prefix("/etc")
    assert refused.value.exit_code == 2
