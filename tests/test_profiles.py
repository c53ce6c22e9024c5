"""Completeness as profiles: a disclosure must contain the parts of its document family, or say it does not.

Two real documents keyed by hand (excerpts in tests/fixtures/profiles/, each with its SOURCE line): a 三公-only
note from Anhui (corpus 49) and a Chongqing county budget of which our copy stops inside section 二 (corpus 33).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from publish.core import PROFILES, REQUIRED_LINES, csvfile, load, profile_lines
from publish.migrate import PLAN, migrate
from publish.migrate.profiles import PROFILES as STEPS
from publish.submission import add as add_submission
from publish.template import required_rows
from publish.validate.run import validate
from tests.helpers import ROOT, read_rows
from tests.mutate import add, edit
from tests.submission_support import SUBMITTED, csv_folder, seed_rows

EXCERPTS = Path(__file__).parent / "fixtures" / "profiles"
SANGONG_NOTE = EXCERPTS / "49_ah_chizhou_wanjiangjiangnanjizhongqu_2024_sangong.txt"
PARTIAL_BUDGET = EXCERPTS / "33_cq_rongchang_guanshengzhenchanyefazhanfuwuzhongxin_2026_budget.txt"
CHIZHOU = {"fiscal_year": "2024", "department_id": "341700-wjjnjzq"}
RONGCHANG = {"fiscal_year": "2026", "department_id": "500153-gszcyfzfwzx"}
# The parts of a Chongqing county budget a 三公-only note does not have (its 三公 part it has).
NOT_IN_A_NOTE = ["expenditure-by-function", "expenditure-by-type", "income", "kpis", "operating-costs", "procurement"]
NOT_IN_A_NOTE = sorted([*NOT_IN_A_NOTE, "vehicles"])
# The six 三公 lines of corpus 49's table, in 万元: item, published name, parent, amount, change on the 2023 budget,
# rate as published (因公出国(境)费 与2023年预算持平).
SANGONG_49 = [
    ("total", "“三公”经费合计", "", "328.7", "-17.3", "-5"),
    ("outbound_travel", "因公出国(境)费", "total", "10", "0", ""),
    ("vehicle", "公务用车购置及运行费", "total", "78.7", "-7.3", "-8.49"),
    ("vehicle_purchase", "公务用车购置费", "vehicle", "43", "-6", "-12.24"),
    ("vehicle_operation", "公务用车运行费", "vehicle", "35.7", "-1.3", "-3.5"),
    ("reception", "公务接待费", "total", "240", "-10", "-4"),
]


def source_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0].removeprefix("SOURCE: ").split(" — ")[0]


def department(package: Path, key: dict[str, str], name: str, division: tuple[str, str], duties: str) -> None:
    add(
        package,
        "departments",
        department_id=key["department_id"],
        name=name,
        division_code=division[0],
        division_name=division[1],
        profile_year=key["fiscal_year"],
        duties=duties,
        duty_count="1",
        internal_units=name,
        internal_unit_count="1",
    )


def disclosure(package: Path, key: dict[str, str], title: str, source: Path, profile: str) -> None:
    add(package, "disclosures", **key, title=title, document_type="部门预算", source_file=source.name, profile=profile)
    edit(package, "disclosures", key, source_url=source_line(source))


def sangong_note(package: Path, profile: str = "sangong-note") -> Path:
    """Corpus 49 keyed by hand: the 2024 一般公共预算 三公 budget of 皖江江南新兴产业集中区(管委会)."""
    department(package, CHIZHOU, "皖江江南新兴产业集中区管委会", ("341700", "池州市"), "集中区的开发建设与管理。")
    title = "皖江江南新兴产业集中区(管委会)2024年一般公共预算“三公”经费预算"
    disclosure(package, CHIZHOU, title, SANGONG_NOTE, profile)
    for item, name, parent, amount, change, rate in SANGONG_49:
        add(
            package,
            "sangong",
            **CHIZHOU,
            fund="general_budget",
            fund_name="一般公共预算财政拨款",
            item=item,
            item_name=name,
            parent_item=parent,
            amount=amount,
            change=change,
            change_word="持平" if change == "0" else "减少",
            change_rate=rate,
            change_basis="prior-budget",
            unit="万元",
        )
    return package


def partial_budget(package: Path) -> Path:
    """Corpus 33 keyed by hand as far as our copy goes (into 二(一)): the income sources it names, every other
    part of a Chongqing county budget listed as truncated."""
    department(
        package, RONGCHANG, "重庆市荣昌区观胜镇产业发展服务中心", ("500153", "荣昌区"), "负责产业发展相关事务性工作。"
    )
    disclosure(
        package,
        RONGCHANG,
        "重庆市荣昌区观胜镇产业发展服务中心2026年单位预算情况说明",
        PARTIAL_BUDGET,
        "chongqing-budget",
    )
    income = [("general_budget", "一般公共预算拨款"), ("government_fund", "政府性基金预算拨款")]
    income += [("state_capital", "国有资本经营预算收入"), ("business", "事业收入")]
    for item, name in income:
        amount = "401.73" if item == "general_budget" else "0"
        add(package, "income", **RONGCHANG, item=item, item_name=name, parent_item="total", amount=amount, unit="万元")
    add(package, "income", **RONGCHANG, item="total", item_name="收入合计", amount="401.73", unit="万元")
    for part in truncated_parts():
        add(
            package, "disclosure_parts", **RONGCHANG, part=part, status="truncated", note="本文本止于“二、(一)收入预算”"
        )
    return package


def truncated_parts() -> list[str]:
    profile = PROFILES["chongqing-budget"]
    return sorted({part.name for part in profile.parts} | set(profile.fields.values()))


def about(report, key: dict[str, str]) -> list:
    return [f for f in report.findings if (str(f.fiscal_year), f.department_id) == tuple(key.values())]


def test_the_excerpts_name_their_source():
    for path in (SANGONG_NOTE, PARTIAL_BUDGET):
        assert source_line(path).startswith("http"), path
    assert "328.7" in SANGONG_NOTE.read_text(encoding="utf-8")


def test_a_sangong_note_loads_with_its_profile(package_copy):
    report = validate(sangong_note(package_copy))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert not {"required-part-missing", "required-field-missing"} & {f.rule for f in report.findings}


def test_the_same_note_as_a_chongqing_budget_lists_each_missing_part_once(package_copy):
    report = validate(sangong_note(package_copy, profile="chongqing-budget"), select=["completeness"])
    missing = [f for f in about(report, CHIZHOU) if f.rule == "required-part-missing"]
    assert sorted(f.values["part"] for f in missing) == NOT_IN_A_NOTE
    assert all(f.severity == "error" and f.row == 3 for f in missing)  # the disclosure's row
    fields = [f.field for f in about(report, CHIZHOU) if f.rule == "required-field-missing"]
    assert sorted(fields) == sorted(PROFILES["chongqing-budget"].fields)


def test_a_submission_reports_each_missing_part_once(package_copy, tmp_path):
    sangong_note(package_copy, profile="chongqing-budget")
    rows = {name: seed_rows(package_copy, name, CHIZHOU["department_id"], "2024") for name in SUBMITTED}
    folder = csv_folder(package_copy, tmp_path / "note", rows=rows)
    result = add_submission(ROOT, folder, dry_run=True)
    assert not result.accepted
    missing = [f for f in result.findings if f.rule == "submission-missing-line"]
    assert sorted(f.values["line"] for f in missing) == NOT_IN_A_NOTE
    assert not [f for f in result.findings if f.rule == "required-part-missing"]
    procurement = next(f for f in missing if f.values["line"] == "procurement")
    assert procurement.path == "procurement.csv" and "procurement" in procurement.message_zh


def test_a_truncated_chongqing_budget_warns_once_per_part_and_has_no_error(package_copy):
    report = validate(partial_budget(package_copy))
    found = about(report, RONGCHANG)
    assert [f for f in found if f.severity == "error"] == []
    warned = [f.values["part"] for f in found if f.rule == "part-not-published"]
    assert sorted(warned) == truncated_parts()
    assert all(
        f.resource == "disclosure_parts" and f.field == "status" for f in found if f.rule == "part-not-published"
    )


def test_not_applicable_is_silent_and_not_published_warns(package_copy):
    partial_budget(package_copy)
    edit(package_copy, "disclosure_parts", {**RONGCHANG, "part": "kpis"}, status="not_applicable")
    edit(package_copy, "disclosure_parts", {**RONGCHANG, "part": "sangong"}, status="not_published")
    found = about(validate(package_copy, select=["completeness"]), RONGCHANG)
    statuses = {f.values["part"]: f.values["status"] for f in found if f.rule == "part-not-published"}
    assert "kpis" not in statuses and statuses["sangong"] == "not_published"
    assert not [f for f in found if f.severity == "error"]


def test_a_part_with_some_lines_reports_each_missing_line(package_copy):
    partial_budget(package_copy)
    with open(package_copy / "data" / "disclosure_parts.csv", encoding="utf-8") as handle:
        kept = [line for line in handle if ",income," not in line]
    (package_copy / "data" / "disclosure_parts.csv").write_text("".join(kept), encoding="utf-8")
    found = about(validate(package_copy, select=["required-part-missing"]), RONGCHANG)
    assert sorted(f.values["item"] for f in found) == ["business_operation", "other"]


def test_an_unknown_profile_is_one_finding_and_requires_nothing_else(package_copy):
    sangong_note(package_copy, profile="anhui-sangong")
    found = about(validate(package_copy, select=["completeness"]), CHIZHOU)
    assert [(f.rule, f.field, f.values) for f in found] == [
        ("profile-unknown", "profile", {"profile": "anhui-sangong"})
    ]


def test_the_seed_is_a_complete_chongqing_budget():
    report = validate(ROOT)
    assert report.valid
    assert {r["profile"] for r in csvfile.read_rows(ROOT / "data" / "disclosures.csv")} == {"chongqing-budget"}
    assert not {"required-part-missing", "required-field-missing", "part-not-published", "profile-unknown"} & {
        f.rule for f in report.findings
    }


def test_the_default_profile_is_the_seed_familys_lines():
    assert profile_lines("chongqing-budget") == REQUIRED_LINES
    package = load(ROOT)
    note = required_rows(package.resources["sangong"].schema, "sangong", "sangong-note")
    assert [row["item"] for row in note] == ["total", "outbound_travel", "vehicle", "reception"]
    assert required_rows(package.resources["income"].schema, "income", "sangong-note") == []


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_profile_names_its_family_and_parts_once(name):
    profile = PROFILES[name]
    assert profile.family and profile.name == name
    assert len({part.name for part in profile.parts}) == len(profile.parts)


def test_the_steps_give_v1_its_profile_and_an_empty_parts_table(tmp_path):
    assert all(step in PLAN for step in STEPS)
    v1 = tmp_path / "v1"
    shutil.copytree(ROOT / "tests" / "fixtures" / "v1", v1)
    migrate(v1)
    assert {row["profile"] for row in read_rows(v1, "disclosures")} == {"chongqing-budget"}
    header = (v1 / "data/disclosure_parts.csv").read_text(encoding="utf-8")
    assert header == "fiscal_year,department_id,document_kind,scope,part,status,note\n"
    resources = {r["name"]: r for r in json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    migrated = {r["name"]: r for r in json.loads((v1 / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert migrated["disclosure_parts"] == resources["disclosure_parts"]
    schema = json.loads((v1 / "schemas/disclosures.json").read_text(encoding="utf-8"))
    required = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}
    assert not required & {"overall_goal", "contact_name", "contact_phone", "performance_managed_amount"}


def test_a_migrated_v1_package_validates_clean(tmp_path):
    v1 = tmp_path / "v1"
    shutil.copytree(ROOT / "tests" / "fixtures" / "v1", v1)
    migrate(v1)
    shutil.copytree(ROOT / "sources", v1 / "sources")
    assert validate(v1).valid


def test_a_department_whose_document_states_no_duties_or_internal_units_loads(package_copy):
    """《上海市普陀区财政局2024年度部门决算》 lists the units its 决算 covers (本级, 财政所, 国库收付中心) but no internal
    offices; a 三公 note states neither duties nor offices: the department row keeps only what is published."""
    key = {"fiscal_year": "2024", "department_id": "310107-czj"}
    add(package_copy, "departments", department_id=key["department_id"], name="上海市普陀区财政局",
        division_code="310107", division_name="普陀区", profile_year="2024")  # fmt: skip
    add(package_copy, "disclosures", **key, title="上海市普陀区财政局2024年度部门决算", document_type="部门决算",
        source_file="上海市普陀区财政局2024年度部门决算.pdf", unit="万元", profile="generic")  # fmt: skip
    schema = json.loads((package_copy / "schemas" / "departments.json").read_text(encoding="utf-8"))
    required = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}
    assert required == {"department_id", "name", "division_code", "division_name", "profile_year"}
    report = validate(package_copy)
    assert not [f for f in report.errors if f.department_id == key["department_id"] or f.resource == "departments"]
