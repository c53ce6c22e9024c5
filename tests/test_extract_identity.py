"""`publish extract` names the disclosure a document is: year, kind, scope, type, family and department name.

The titles are short strings written for these tests after the forms published titles take (the seed
巫溪县政务服务中心2023年部门预算情况说明; Chongqing 单位预算 and 决算公开说明 pages of 万州区, 奉节县, 江津区; 涪陵区 and
黔江区 三公 notes; Putuo's 区级部门预算 cover and 部门决算 cover; a 襄州区 预算公开说明; a 寿县 三公 note) with other
names, so that they test the forms, not one file.
"""

from __future__ import annotations

import pytest

from publish.core import EXIT_USAGE
from publish.extract import ExtractError, parse_overrides
from publish.extract.identity import identify
from publish.extract.naming import propose

# (lines, (year, kind, scope, profile, document_type, name))
FAMILIES = [
    (
        ["巫溪县某某中心2023年部门预算情况说明", "一、单位基本情况"],
        ("2023", "budget", "department", "chongqing-budget", "部门预算", "巫溪县某某中心"),
    ),
    (  # the title printed on two lines under a one-line title
        ["重庆市万州区某某事务中心2024年单位预算情况说明", "重庆市万州区某某事务中心", "2024年单位预算情况说明"],
        ("2024", "budget", "unit", "chongqing-budget", "单位预算", "重庆市万州区某某事务中心"),
    ),
    (  # page furniture (font-size links, a metadata block) before a title on two lines
        [
            "大",
            "中",
            "小",
            "[ 发布日期 ] 2026-02-04",
            "奉节县某某镇人民政府(本级)",
            "2026年预算情况说明",
            "一、单位基本情况",
        ],
        ("2026", "budget", "own", "chongqing-budget", "部门预算", "奉节县某某镇人民政府"),
    ),
    (
        [
            "当前位置：首页>政务公开>决算公开",
            "重庆市江津区某某镇人民政府(本级)2024年度决算公开说明",
            "发布日期:2025-09-05",
        ],
        ("2024", "final_account", "own", "chongqing-final", "部门决算", "重庆市江津区某某镇人民政府"),
    ),
    (  # no title: the body says which note this is
        ["按照《预算法》要求，现将涪陵区某某镇2021年度“三公”经费决算情况公布如下："],
        ("2021", "final_account", "department", "sangong-note", "“三公”经费决算", "涪陵区某某镇"),
    ),
    (
        ["重庆市黔江区本级2017年“三公”经费决算汇总情况"],
        ("2017", "final_account", "department", "sangong-note", "“三公”经费决算", "重庆市黔江区本级"),
    ),
    (
        ["寿县某某局2022年“三公”经费预算情况"],
        ("2022", "budget", "department", "sangong-note", "“三公”经费预算", "寿县某某局"),
    ),
    (  # Shanghai's cover: the title names the district, the next line the department
        ["[page 1]", "上海市普陀区2026年区级部门预算", "预算主管部门：上海市普陀区某某局", "[page 2]", "目 录"],
        ("2026", "budget", "department", "shanghai-budget", "部门预算", "上海市普陀区某某局"),
    ),
    (
        ["[page 1]", "上海市普陀区2026年区级单位预算", "预算单位：上海市普陀区某某街道办事处（本级）"],
        ("2026", "budget", "own", "shanghai-budget", "单位预算", "上海市普陀区某某街道办事处"),
    ),
    (  # a cover that prints the year last, on its own line
        ["[page 1]", "上海市普陀区某某局", "年度部门决算", "2024", "[page 2]", "目 录"],
        ("2024", "final_account", "department", "shanghai-final", "部门决算", "上海市普陀区某某局"),
    ),
    (
        ["2025年襄州区某某镇政府预算公开说明", "目录：", "一、单位主要职责"],
        ("2025", "budget", "department", "hubei-budget", "部门预算", "襄州区某某镇政府"),
    ),
    (
        ["成都市某某区某某局2024年部门预算情况说明"],
        ("2024", "budget", "department", "generic", "部门预算", "成都市某某区某某局"),
    ),
]


def _identity(lines, **options):
    return identify(lines, parse_overrides(**options), "test.txt")


@pytest.mark.parametrize(("lines", "expected"), FAMILIES)
def test_each_family_is_named_from_its_title_or_body(lines, expected):
    found = _identity(lines)
    assert (
        found.fiscal_year,
        found.document_kind,
        found.scope,
        found.profile,
        found.document_type,
        found.name,
    ) == expected


def test_a_stored_copy_gives_its_url_and_never_its_note():
    lines = [
        "SOURCE: http://www.example.gov.cn/ys/t2024.html — 重庆市某某区某某中心2024年单位预算情况说明 (published 2024-03-12)",
        "NOTE: 2019年部门预算 of another office; budget for 2019.",
        "重庆市万州区某某中心2024年单位预算情况说明",
    ]
    found = _identity(lines)
    assert found.source_url == "http://www.example.gov.cn/ys/t2024.html"
    assert found.fiscal_year == "2024" and found.name == "重庆市万州区某某中心"


def test_the_stored_title_stands_in_only_where_the_document_shows_none():
    lines = [
        "SOURCE: http://www.example.gov.cn/js.html — 渝中区某某管理委员会 2023年度部门决算 page (title not stored)",
        "一、部门基本情况",
        "2023年度收入总计8013.45万元，较上年减少5137.56万元。",
    ]
    found = _identity(lines)
    assert (found.fiscal_year, found.document_kind, found.profile) == ("2023", "final_account", "chongqing-final")
    assert found.name == "渝中区某某管理委员会"


def test_a_comparison_year_is_never_the_fiscal_year():
    with pytest.raises(ExtractError) as refused:
        _identity(["一、收入预算", "收入较2023年减少5521.28万元。"])
    assert refused.value.exit_code == EXIT_USAGE and "--year" in refused.value.message_zh


def test_titles_that_disagree_on_the_year_are_refused_naming_both():
    with pytest.raises(ExtractError) as refused:
        _identity(["重庆市某某区某某中心2024年单位预算情况说明", "重庆市某某区某某中心", "2023年单位预算情况说明"])
    assert "2024" in refused.value.message_zh and "2023" in refused.value.message_zh
    assert "--year" in refused.value.message_en


def test_a_body_that_states_another_year_for_its_figures_is_refused():
    lines = ["巫溪县某某中心2024年部门预算情况说明", "（一）收入预算：2023年年初预算数360.67万元。"]
    with pytest.raises(ExtractError, match="2023"):
        _identity(lines)


@pytest.mark.parametrize(
    "lines",
    [
        ["按照市财政局要求，现将有关情况说明如下。"],  # a paragraph, no name, no year
        ["（三）差旅费较2023年减少2万元"],  # a sub-heading is never a name
        ["××单位2023年部门预算情况说明"],  # the template's placeholder
    ],
)
def test_no_sentence_sub_heading_or_placeholder_becomes_a_name(lines):
    try:
        found = _identity(lines)
    except ExtractError as refused:
        assert "None" not in refused.message_zh + refused.message_en
        return
    assert found.name == ""


def test_an_option_wins_and_a_contradicted_document_is_said_so():
    found = _identity(
        ["巫溪县某某中心2023年部门预算情况说明"], year="2024", kind="决算", scope="本级", name="巫溪县另一中心"
    )
    assert (found.fiscal_year, found.document_kind, found.scope) == ("2024", "final_account", "own")
    assert found.name == "巫溪县另一中心"
    noted = " ".join(zh for _text, zh, _en in found.notes)
    assert "2023" in noted and "巫溪县某某中心" in noted and found.document_type == "部门决算"


def test_an_option_settles_what_the_document_does_not_say():
    found = _identity(["按照有关规定，公开如下。", "一、单位基本情况"], year="2022", name="寿县某某局", kind="budget")
    assert (found.fiscal_year, found.name, found.document_kind) == ("2022", "寿县某某局", "budget")
    assert found.notes == []


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"year": "24"}, "--year"),
        ({"kind": "账单"}, "--kind"),
        ({"scope": "全部"}, "--scope"),
        ({"name": "（一）"}, "--name"),
    ],
)
def test_a_bad_option_is_a_usage_error(options, words):
    with pytest.raises(ExtractError) as refused:
        parse_overrides(**options)
    assert refused.value.exit_code == EXIT_USAGE and words in refused.value.message_en


@pytest.mark.parametrize(
    ("title", "department_id"),
    [
        ("重庆市万州区公路事务中心2024年单位预算情况说明", "500101-glswzx"),
        ("奉节县汾河镇人民政府(本级)2026年预算情况说明", "500236-fhzrmzf"),
        ("彭水自治县财政局2026年部门预算情况说明", "500243-czj"),
        ("寿县司法局2022年“三公”经费预算情况", "340422-sfj"),
        ("中共上海市普陀区委某某工作部2024年度部门决算", "310107-wmmgzb"),
    ],
)
def test_a_proposed_id_is_the_division_code_and_the_own_names_initials(title, department_id):
    assert propose(_identity([title]), "", "test.txt").department_id == department_id


def test_shanghai_settles_a_district_name_two_provinces_share():
    found = _identity(["上海市普陀区2026年区级部门预算", "预算主管部门：上海市普陀区司法局"])
    proposal = propose(found, "", "test.txt")
    assert (proposal.department_id, proposal.division_name) == ("310107-sfj", "普陀区")


def test_a_place_found_only_in_the_text_is_used_and_said():
    found = _identity(["某某镇2015年三公经费支出说明", "较2014年决算数下降5.5%"])
    proposal = propose(found, "金堂县人民政府主办", "test.txt")
    assert proposal.department_id == "510121-mmz" and "金堂县" in proposal.place_from


def test_no_place_no_proposal_and_the_refusal_asks_for_department():
    found = _identity(["某某开发区管委会2024年部门预算"])
    with pytest.raises(ExtractError) as refused:
        propose(found, "", "test.txt")
    assert refused.value.exit_code == EXIT_USAGE and "--department" in refused.value.message_zh


def test_a_district_name_two_provinces_share_is_not_guessed():
    found = _identity(["普陀区某某局2024年部门预算"])
    with pytest.raises(ExtractError, match="--department"):
        propose(found, "", "test.txt")


def test_a_prefecture_named_in_the_text_places_a_zone_that_names_none():
    found = _identity(["某某新兴产业集中区(管委会)2024年", "一般公共预算“三公”经费预算"])
    proposal = propose(found, "池州市财政局", "test.txt")
    assert proposal.division_code == "341700" and proposal.department_id == "341700-mmxxcyjzq"


def test_a_body_that_says_we_gives_the_year_but_no_name():
    found = _identity(["现将我单位2023年度“三公”经费决算情况公布如下："])
    assert (found.fiscal_year, found.document_kind, found.name) == ("2023", "final_account", "")
    with pytest.raises(ExtractError) as refused:
        propose(found, "", "test.txt")
    assert "--name" in refused.value.message_en and "--department" in refused.value.message_en


def test_a_cover_without_text_is_named_by_the_table_of_contents():
    lines = ["[page 1]", "[page 2]", "目 录", "第一部分 上海市普陀区某某局概况", "一、主要职能"]
    lines += ["第二部分 上海市普陀区某某局 2024 年度部门决算表", "一、收入支出决算总表"]
    found = _identity(lines)
    assert (found.fiscal_year, found.document_kind, found.profile) == ("2024", "final_account", "shanghai-final")
    assert found.name == "上海市普陀区某某局"


def test_a_text_without_title_is_a_final_account_where_its_parts_say_so():
    lines = ["一、部门基本情况", "二、部门决算情况说明", "1.总体情况。2023年度收入总计8013.45万元。"]
    found = _identity(lines)
    assert (found.fiscal_year, found.document_kind, found.name) == ("2023", "final_account", "")


def test_a_document_of_which_nothing_is_read_says_so(tmp_path):
    from publish.extract.core import extract
    from tests.helpers import ROOT

    path = tmp_path / "letter.txt"
    path.write_text("某县财政局2024年部门预算情况说明\n本局将于近期另行公布。\n", encoding="utf-8")
    ext = extract(path, "500238-csj", ROOT)
    assert [u.kind for u in ext.unread if u.section == "document"] == ["unrecognised"]
