"""Each wording variant real documents use, on short texts written in the template's style."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from publish.core import YUAN_PER_UNIT
from publish.extract.core import extract
from tests.helpers import ROOT

TITLE = "巫溪县测试局2023年部门预算情况说明"
DEPARTMENT = "500238-csj"
INCOME = (
    "（一）收入预算：2023年年初预算数100万元，其中：一般公共预算拨款100万元，政府性基金预算拨款0万元，"
    "国有资本经营预算收入0万元，事业收入0万元，事业单位经营收入0万元，其他收入0万元。"
    "收入较去年减少1.5万元，主要是一般公共预算拨款减少1.5万元。"
)
SPENDING = "（二）支出预算：2023年年初预算数100万元，其中：一般公共服务支出80万元，住房保障支出20万元。"


def extracted(tmp_path: Path, *overview: str, title: str = TITLE, extra: str = ""):
    text = "\n".join([title, "部门收支总体情况", *overview, extra])
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract(path, DEPARTMENT, ROOT)


def line(ext, resource: str, **key: str) -> dict[str, str]:
    rows = [r for r in ext.rows.get(resource, []) if all(r.get(k) == v for k, v in key.items())]
    assert len(rows) == 1, (resource, key, ext.rows.get(resource))
    return rows[0]


def unread_kinds(ext) -> set[tuple[str, str]]:
    """What the text said that was not read (absent parts of these short texts left aside)."""
    return {(u.kind, u.text) for u in ext.unread if u.kind not in ("absent-section", "missing-figure")}


def test_template_text_reads_without_unread_clauses(tmp_path):
    ext = extracted(tmp_path, INCOME, SPENDING)
    assert line(ext, "income", item="total")["amount"] == "100"
    assert line(ext, "income", item="total")["change"] == "-1.5"
    assert line(ext, "income", item="general_budget")["change"] == "-1.5"
    assert line(ext, "expenditure_by_function", item="221")["amount"] == "20"
    assert unread_kinds(ext) == set()


@pytest.mark.parametrize(
    "written",
    [
        "（一）收入预算：2023年年初预算数100万元，其中：一般公共预算拨款100万元。",
        "（一）收入预算：2023年初预算数100万元，其中：一般公共预算拨款100万元。",
        "(一)收入预算:2023年初预算数100万元,其中:一般公共预算拨款100万元.",
        "（一）收入预算：２０２３年年初预算数１００万元，其中：一般公共预算拨款１００万元。",
        "（一）收入预算：2023年年初预算数 100 万元，其中：一般公共预算拨款 100 万元。",
        "（一）收入预算：2023年年初预算数1,000,000元，其中：一般公共预算拨款1,000,000元。",
    ],
    ids=["年年初预算数", "年初预算数", "ascii-punctuation", "full-width-digits", "spaces", "yuan-with-separators"],
)
def test_budget_total_variants(tmp_path, written):
    """Each figure is kept in its published unit: 100 万元, or 1,000,000 元 as 1000000 with unit 元."""
    ext = extracted(tmp_path, written)
    for item in ("total", "general_budget"):
        row = line(ext, "income", item=item)
        assert Decimal(row["amount"]) * YUAN_PER_UNIT[row["unit"]] == 1_000_000
        assert row["unit"] == ("元" if "1,000,000" in written else "万元")
    assert unread_kinds(ext) == set()


def test_thousands_separator_in_wan_yuan(tmp_path):
    ext = extracted(tmp_path, "（一）收入预算：2023年年初预算数1,234.56万元，其中：一般公共预算拨款1,234.56万元。")
    assert line(ext, "income", item="total")["amount"] == "1234.56"


def test_yuan_is_kept_in_yuan_and_a_change_in_wan_yuan_converted_exactly(tmp_path):
    ext = extracted(
        tmp_path,
        "（一）收入预算：2023年年初预算数3,606,712.34元，较上年减少1.5万元，其中：一般公共预算拨款3,606,700元。",
    )
    total = line(ext, "income", item="total")
    assert (total["amount"], total["unit"], total["change"]) == ("3606712.34", "元", "-15000")
    assert line(ext, "income", item="general_budget")["amount"] == "3606700"


@pytest.mark.parametrize("compared", ["较去年", "较上年", "较2022年", "比2022年", "比上年", "与2022年相比"])
@pytest.mark.parametrize(
    ("stated", "change", "word", "rate"),
    [
        ("减少1.5万元", "-1.5", "减少", ""),
        ("增加2万元", "2", "增加", ""),
        ("增长2万元", "2", "增长", ""),
        ("下降0.5万元", "-0.5", "下降", ""),
        ("增长5%", "", "增长", "5"),
        ("下降2.5%", "", "下降", "-2.5"),
        ("增加2万元，增长2%", "2", "增加", "2"),
        ("持平", "0", "持平", ""),
    ],
)
def test_change_variants(tmp_path, compared, stated, change, word, rate):
    ext = extracted(tmp_path, f"（一）收入预算：2023年年初预算数100万元。收入{compared}{stated}。")
    total = line(ext, "income", item="total")
    assert (total.get("change", ""), total["change_word"], total.get("change_rate", "")) == (change, word, rate)
    assert unread_kinds(ext) == set()


@pytest.mark.parametrize(
    "written",
    ["一般公共服务支出80万元", "一般公共服务支出预算80万元", "一般公共服务80万元", "201一般公共服务支出80万元"],
    ids=["name", "name-预算", "name-without-支出", "code-and-name"],
)
def test_function_class_name_variants(tmp_path, written):
    ext = extracted(tmp_path, f"（二）支出预算：2023年年初预算数80万元，其中：{written}。")
    row = line(ext, "expenditure_by_function", item="201")
    assert (row["item_name"], row["function_code"], row["parent_item"], row["amount"]) == (
        "一般公共服务支出",
        "201",
        "total",
        "80",
    )


@pytest.mark.parametrize("code", ["2080505", "208 05 05", "20805 05"])
def test_function_codes_split_or_joined(tmp_path, code):
    title = "巫溪县测试局2024年部门预算情况说明"
    ext = extracted(
        tmp_path,
        f"（二）支出预算：2024年年初预算数30万元，其中：{code}机关事业单位基本养老保险缴费支出30万元。",
        title=title,
    )
    row = line(ext, "expenditure_by_function", item="2080505")
    assert (row["parent_item"], row["classification_year"], row["amount"]) == ("20805", "2024", "30")


def test_an_unknown_class_is_reported_never_guessed(tmp_path):
    ext = extracted(tmp_path, "（二）支出预算：2023年年初预算数80万元，其中：神秘支出80万元。")
    assert [r["item"] for r in ext.rows["expenditure_by_function"]] == ["total"]
    assert ("unknown-name", "神秘支出80万元") in unread_kinds(ext)


def test_a_code_whose_name_differs_from_the_code_list_is_reported(tmp_path):
    ext = extracted(tmp_path, "（二）支出预算：2023年年初预算数80万元，其中：201教育支出80万元。")
    assert ("unknown-name", "201教育支出80万元") in unread_kinds(ext)


def test_a_year_without_a_code_list_is_reported(tmp_path):
    title = "巫溪县测试局2017年部门预算情况说明"  # the code lists start in 2018
    ext = extracted(tmp_path, "（二）支出预算：2017年年初预算数80万元，其中：一般公共服务支出80万元。", title=title)
    assert "expenditure_by_function" not in ext.rows
    assert any(u.kind == "unknown-name" and "2017" in u.reason_en for u in ext.unread)


def test_an_amount_in_no_known_wording_is_reported(tmp_path):
    ext = extracted(tmp_path, "（一）收入预算：2023年年初预算数100万元，另有上级补助收入5万元。")
    assert ("unknown-name", "另有上级补助收入5万元") in unread_kinds(ext)


def test_a_change_of_no_line_is_reported(tmp_path):
    ext = extracted(tmp_path, "（一）收入预算：2023年年初预算数100万元，上级补助5万元，较上年增加5万元。")
    assert ("unread-clause", "较上年增加5万元") in unread_kinds(ext)
    assert line(ext, "income", item="total").get("change", "") == ""


SANGONG = (
    "“三公”经费情况说明\n"
    '2023年"三公"经费预算12,000元，较上年减少1万元。其中：因公出国(境)费0万元，与上年持平；公务接待费0.2万元，'
    "较上年减少1万元；公务用车购置及运行维护费1万元，与上年持平，其中：公务用车购置费0万元，公务用车运行费1万元。"
)


def test_sangong_variants_with_vehicle_subtotal(tmp_path):
    ext = extracted(tmp_path, extra=SANGONG)
    assert (line(ext, "sangong", item="total")["amount"], line(ext, "sangong", item="total")["unit"]) == (
        "12000",
        "元",
    )
    assert line(ext, "sangong", item="total")["change"] == "-10000"
    assert line(ext, "sangong", item="total")["change_breakdown"] == "complete"
    assert line(ext, "sangong", item="outbound_travel")["change_word"] == "持平"
    assert line(ext, "sangong", item="vehicle")["parent_item"] == "total"
    assert line(ext, "sangong", item="vehicle_operation")["parent_item"] == "vehicle"
    assert line(ext, "sangong", item="vehicle_purchase")["amount"] == "0"
    assert unread_kinds(ext) == set()


def test_reason_listing_all_parts_is_complete_and_main_reasons_is_main_reasons(tmp_path):
    explanation = (
        "部门预算情况说明\n2023年一般公共预算财政拨款支出100万元，比2022年增加5万元。其中：基本支出60万元，"
        "比2022年增加5万元，主要原因是人员经费增加6万元，日常公用经费减少1万元；项目支出40万元，与2022年持平，"
        "主要用于信息化建设。"
    )
    ext = extracted(tmp_path, extra=explanation)
    basic = line(ext, "expenditure_by_type", item="basic")
    assert (basic["change_breakdown"], basic.get("change_reason", "")) == ("main-reasons", "")
    assert line(ext, "expenditure_by_type", item="public_operating")["change"] == "-1"
    assert line(ext, "expenditure_by_type", item="project")["purpose"] == "信息化建设"
    assert line(ext, "expenditure_by_type", item="total")["change_breakdown"] == "complete"


def test_a_reason_in_other_words_is_quoted(tmp_path):
    explanation = "部门预算情况说明\n其中：项目支出40万元，比2022年减少15万元，原因是全县统一压减10%。"
    ext = extracted(tmp_path, extra=explanation)
    assert line(ext, "expenditure_by_type", item="project")["change_reason"] == "全县统一压减10%"


# Layouts: a sub-heading alone on its line, a paragraph wrapped across lines (web pages, PDFs).
@pytest.mark.parametrize(
    "layout",
    [
        ["（一）收入预算", "2023年年初预算数100万元，其中：一般公共预算拨款100万元。"],
        ["（一）收入预算：", "2023年年初预算数100万元，其中：一般公共预算拨款100万元。"],
        ["1.收入预算情况。", "2023年年初预算数100万元，其中：一般公共预算拨款100万元。"],
        ["（一）收入预算：2023年年初预算数100万元，其中：", "一般公共预算拨款100万元。"],
        ["（一）收入预算：2023年年初预算数100万元，", "其中：一般公共预算拨款", "100万元。"],
    ],
    ids=["heading-alone", "heading-colon", "numbered-heading", "split-at-其中", "wrapped-three-lines"],
)
def test_paragraph_layouts(tmp_path, layout):
    ext = extracted(tmp_path, *layout)
    assert line(ext, "income", item="total")["amount"] == "100"
    assert line(ext, "income", item="general_budget")["amount"] == "100"
    assert unread_kinds(ext) == set()


def test_a_heading_line_does_not_swallow_the_next_numbered_item(tmp_path):
    ext = extracted(
        tmp_path, "（一）收入预算", "（二）支出预算：2023年年初预算数80万元，其中：一般公共服务支出80万元。"
    )
    assert "income" not in ext.rows or not any(r.get("amount") for r in ext.rows["income"])
    assert line(ext, "expenditure_by_function", item="201")["amount"] == "80"


@pytest.mark.parametrize(
    "compared",
    ["与2022年相比，减少1.5万元", "与2022年度相比减少1.5万元", "2022年度相比，减少1.5万元", "较上年决算数减少1.5万元"],
    ids=["与某年相比-clause", "与某年度相比", "某年度相比", "较上年决算数"],
)
def test_comparison_in_its_own_clause(tmp_path, compared):
    ext = extracted(tmp_path, f"（一）收入预算：2023年年初预算数100万元。收入{compared}。")
    assert (line(ext, "income", item="total")["change"], line(ext, "income", item="total")["change_word"]) == (
        "-1.5",
        "减少",
    )


@pytest.mark.parametrize("rate", ["降低2%", "下降2%", "降幅2%"])
def test_rate_words(tmp_path, rate):
    ext = extracted(tmp_path, f"（一）收入预算：2023年年初预算数100万元。收入较上年减少2万元，{rate}。")
    assert line(ext, "income", item="total")["change_rate"] == "-2"


def test_a_change_without_unit_is_reported_never_guessed(tmp_path):
    ext = extracted(tmp_path, "（一）收入预算：2023年年初预算数100万元。收入较上年减少484.05，降低11.1%。")
    assert line(ext, "income", item="total").get("change", "") == ""
    assert ("irregular", "收入较上年减少484.05") in unread_kinds(ext)


# A class (类) the year's code list lacks: class codes do not change, so another year's list names its code.
def test_a_class_of_another_years_list_is_read_with_its_code_and_a_note(tmp_path):
    title = "巫溪县测试局2021年部门预算情况说明"  # the 2021 list has no 234 抗疫特别国债安排的支出
    ext = extracted(
        tmp_path, "（二）支出预算：2021年年初预算数80万元，其中：抗疫特别国债安排的支出80万元。", title=title
    )
    row = line(ext, "expenditure_by_function", item="234")
    assert (row["amount"], row["function_code"], row["parent_item"]) == ("80", "234", "total")
    assert row["classification_year"] != "2021"
    notes = [p["note"] for p in ext.provenance if p["key"].endswith("item=234") and p["field"] == "amount"]
    assert notes and "2021" in notes[0]
    assert unread_kinds(ext) == set()


def test_an_unread_class_says_the_function_table_falls_short_of_its_total(tmp_path):
    ext = extracted(tmp_path, "（二）支出预算：2023年年初预算数100万元，其中：一般公共服务支出80万元，神秘支出20万元。")
    assert line(ext, "expenditure_by_function", item="total")["amount"] == "100"
    gap = [u for u in ext.unread if u.kind == "incomplete-table"]
    assert len(gap) == 1 and "20" in gap[0].reason_en and "神秘支出20万元" in gap[0].text


# Reasons: words only; money of no line and garbled pieces go to unread.csv.
@pytest.mark.parametrize(
    ("reason", "kept", "left"),
    [
        ("主要原因是人员增加，上级补助5万元", "人员增加", "上级补助5万元"),
        ("主要原因是人员增加，减少万元", "人员增加", "减少万元"),
        ("主要原因是人员增加，减少12.5", "人员增加", "减少12.5"),
        ("主要原因是人员增加，万元3人", "人员增加", "万元3人"),
    ],
    ids=["money-of-no-line", "unit-without-number", "number-without-unit", "unit-then-digits"],
)
def test_a_reason_keeps_only_words(tmp_path, reason, kept, left):
    ext = extracted(tmp_path, f"（一）收入预算：2023年年初预算数100万元。收入较上年增加5万元，{reason}。")
    assert line(ext, "income", item="total")["change_reason"] == kept
    assert ("unread-clause", left) in unread_kinds(ext)


def test_a_reason_naming_a_lines_change_is_quoted_whole(tmp_path):
    ext = extracted(
        tmp_path, "（一）收入预算：2023年年初预算数100万元。收入较上年减少3万元，主要是人员经费拨款减少3万元。"
    )
    assert line(ext, "income", item="total")["change_reason"] == "主要是人员经费拨款减少3万元"
    assert unread_kinds(ext) == set()


@pytest.mark.parametrize(
    "written",
    [
        "“三公”经费预算12万元",
        "“三公”经费财政拨款预算12万元",
        "“三公”经费支出12万元",
        "“三公”经费支出决算为12万元",
        "“三公”经费共计12万元",
        "三公经费预算数为12万元",
    ],
)
def test_sangong_total_wordings(tmp_path, written):
    ext = extracted(tmp_path, extra=f"“三公”经费情况说明\n2023年{written}，较上年减少1万元。")
    assert line(ext, "sangong", item="total")["amount"] == "12"


@pytest.mark.parametrize(
    "written",
    [
        "公务接待费2万元",
        "公务接待费支出2万元",
        "国内公务接待费2万元",
        "公务接待费预算2万元",
        "公务接待费支出决算为2万元",
    ],
)
def test_sangong_item_wordings(tmp_path, written):
    ext = extracted(tmp_path, extra=f"“三公”经费情况说明\n2023年“三公”经费预算2万元。其中：{written}。")
    assert line(ext, "sangong", item="reception")["amount"] == "2"


@pytest.mark.parametrize(
    "written",
    [
        "本单位2023年无政府性基金预算拨款安排的支出。",
        "本单位2023年未使用政府性基金预算拨款安排的支出，与上年保持一致。",
    ],
)
def test_no_government_fund_wordings(tmp_path, written):
    ext = extracted(tmp_path, extra=f"三、单位预算情况说明\n{written}")
    assert line(ext, "disclosures")["government_fund_expenditure"] == "false"


def test_a_unit_budget_heading_is_the_explanation_and_a_second_title_line_is_not(tmp_path):
    text = "2023年单位预算情况说明\n三、单位预算情况说明\n其中：基本支出60万元，项目支出40万元。"
    ext = extracted(tmp_path, extra=text)
    assert line(ext, "expenditure_by_type", item="basic")["amount"] == "60"


def test_a_reason_cut_mid_sentence_keeps_its_whole_words_only(tmp_path):
    ext = extracted(
        tmp_path, "（一）收入预算：2023年年初预算数100万元。收入较上年减少3万元，主要原因是项目完工，支出较上年减"
    )
    assert line(ext, "income", item="total")["change_reason"] == "项目完工"
    assert ("unread-clause", "支出较上年减") in unread_kinds(ext)


@pytest.mark.parametrize("written", ["上年结转10万元", "上年结转结余10万元", "年初结转和结余10万元"])
def test_carryover_wordings(tmp_path, written):
    ext = extracted(tmp_path, f"（一）收入预算：2023年年初预算数100万元，其中：一般公共预算拨款90万元，{written}。")
    assert line(ext, "income", item="carryover")["amount"] == "10"


@pytest.mark.parametrize(
    "written", ["一般公共服务支出（201类）80万元", "一般公共服务（201）80万元", "一般公共服务（类）支出80万元"]
)
def test_class_code_printed_after_the_name(tmp_path, written):
    ext = extracted(tmp_path, f"（二）支出预算：2023年年初预算数80万元，其中：{written}。")
    assert line(ext, "expenditure_by_function", item="201")["amount"] == "80"
    assert unread_kinds(ext) == set()


def test_procurement_shares_for_small_firms(tmp_path):
    other = (
        "五、其他重要事项的情况说明\n2.政府采购情况。2023年本部门政府采购预算总额10万元，其中：货物类预算10万元。"
        "面向中小企业预留8万元，其中：预留小微企业6万元。"
    )
    ext = extracted(tmp_path, extra=other)
    assert line(ext, "procurement", item="sme_reserved")["amount"] == "8"
    assert line(ext, "procurement", item="sme_small_micro")["parent_item"] == "sme_reserved"
    assert not [u for u in ext.unread if u.section == "other" and u.kind == "unread-clause"]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("二、部门收支预算情况", "overview"),
        ("二、单位收支总体情况", "overview"),
        ("二、部门预算收支总体情况", "overview"),
        ("三、财政拨款收支预算情况", "explanation"),
        ("三、一般公共预算财政拨款支出预算情况", "explanation"),
        ("三、单位预算情况说明", "explanation"),
        ("四、一般公共预算“三公”经费支出情况说明", "sangong"),
        ("四、财政拨款“三公”经费预算情况说明", "sangong"),
        ("一、基本情况", "profile"),
    ],
)
def test_section_heading_variants(heading, section):
    from publish.extract.sections import split

    document = split(["标题", heading, "正文。"])
    assert document.lines(section) == ["正文。"]


def test_a_grant_heading_is_never_the_overview():
    from publish.extract.sections import split

    document = split(["标题", "二、部门收支总体情况", "甲。", "三、财政拨款收支预算情况", "乙。"])
    assert (document.lines("overview"), document.lines("explanation")) == (["甲。"], ["乙。"])


OTHER = "五、其他重要事项的情况说明\n"


@pytest.mark.parametrize(
    "written",
    [
        "2023年本部门一般公共预算机关运行经费预算为38.2万元",
        "2023年机关运行经费安排38.2万元",
        "2023年一般公共预算安排机关运行经费38.2万元",
        "2023年机关运行经费财政拨款预算38.2万元",
        "2023年机关运行经费预算数38.2万元",
    ],
)
def test_operating_costs_wordings(tmp_path, written):
    ext = extracted(tmp_path, extra=f"{OTHER}1.机关运行经费。{written}，比上年减少1万元。")
    assert line(ext, "operating_costs")["amount"] == "38.2"
    assert line(ext, "operating_costs")["change"] == "-1"


@pytest.mark.parametrize(
    "written",
    [
        "政府采购预算总额20万元，其中：货物类预算20万元",
        "政府采购预算20万元，其中：政府采购货物预算20万元",
        "安排政府采购预算20万元，其中：货物类采购20万元",
        "政府采购预算总额为20万元，其中：货物20万元",
    ],
)
def test_procurement_wordings(tmp_path, written):
    ext = extracted(tmp_path, extra=f"{OTHER}2.政府采购情况。2023年本部门{written}。")
    assert line(ext, "procurement", item="total")["amount"] == "20"
    assert line(ext, "procurement", item="goods")["amount"] == "20"


@pytest.mark.parametrize(
    ("written", "as_of"),
    [
        ("截至2022年12月底，本部门共有车辆3辆，其中一般公务用车2辆、执勤执法用车1辆。", "2022-12"),
        ("截至2022年底，本部门实有公务用车3辆，其中一般公务用车2辆，执法执勤用车1辆。", "2022-12"),
        ("截止2022年8月，本部门占有车辆3辆，其中一般公务用车2辆，执勤执法用车1辆。", "2022-08"),
    ],
)
def test_vehicle_holding_wordings(tmp_path, written, as_of):
    ext = extracted(tmp_path, extra=f"{OTHER}4.国有资产占用情况。{written}")
    total = line(ext, "assets", measure="holding", item="total")
    assert (total["count"], total["as_of"]) == ("3", as_of)
    assert line(ext, "assets", measure="holding", item="law_enforcement")["count"] == "1"
    assert not [u for u in ext.unread if u.section == "other" and u.kind == "unread-clause"]


@pytest.mark.parametrize(
    "written",
    [
        "2023年一般公共预算安排“三公”经费5万元",
        "2023年“三公”经费预算安排5万元",
        "2023年财政拨款“三公”经费预算数为5万元",
    ],
)
def test_sangong_budget_total_wordings(tmp_path, written):
    ext = extracted(
        tmp_path, extra=f"“三公”经费情况说明\n{written}。其中：出国（境）费0万元，公务用车购置和运行维护费5万元。"
    )
    assert line(ext, "sangong", item="total")["amount"] == "5"
    assert line(ext, "sangong", item="outbound_travel")["amount"] == "0"
    assert line(ext, "sangong", item="vehicle")["amount"] == "5"


@pytest.mark.parametrize(
    ("overview", "resource"),
    [
        ("（一）收入预算：2023年收入预算100万元，其中：一般公共预算拨款100万元。", "income"),
        ("（二）支出预算：2023年支出预算100万元，其中：一般公共服务支出100万元。", "expenditure_by_function"),
    ],
)
def test_totals_written_as_budget_of_the_year(tmp_path, overview, resource):
    ext = extracted(tmp_path, overview)
    assert line(ext, resource, item="total")["amount"] == "100"
    assert unread_kinds(ext) == set()


@pytest.mark.parametrize(
    ("written", "expenditure"),
    [
        ("本部门2023年政府性基金预算拨款收入0万元，政府性基金预算拨款支出0万元。", "false"),
        ("本部门2023年政府性基金预算拨款支出5万元。", "true"),
    ],
)
def test_government_fund_stated_with_figures(tmp_path, written, expenditure):
    ext = extracted(tmp_path, extra=f"三、部门预算情况说明\n{written}")
    assert line(ext, "disclosures")["government_fund_expenditure"] == expenditure


def test_a_line_stated_twice_with_different_amounts_is_reported(tmp_path):
    """SOURCE: 奉节县汾河镇 2026: the total written under the first class's name, then the class."""
    ext = extracted(
        tmp_path,
        "（二）支出预算：2023年年初预算数100万元，其中：一般公共服务支出100万元，一般公共服务支出80万元，住房保障支出20万元。",
    )
    assert line(ext, "expenditure_by_function", item="201")["amount"] == "80"
    assert any(u.kind == "irregular" and "100万元 / 80万元" in u.text for u in ext.unread)


def test_a_change_of_a_line_the_table_lacks_is_never_the_totals(tmp_path):
    ext = extracted(tmp_path, "（一）收入预算：2023年年初预算数100万元。上级补助收入较上年增加5万元。")
    assert line(ext, "income", item="total").get("change", "") == ""
    assert ("unread-clause", "上级补助收入较上年增加5万元") in unread_kinds(ext)


def test_a_source_keeps_its_published_name(tmp_path):
    ext = extracted(tmp_path, "（一）收入预算：2023年年初预算数100万元，其中：一般公共预算财政拨款收入100万元。")
    assert line(ext, "income", item="general_budget")["item_name"] == "一般公共预算财政拨款收入"
