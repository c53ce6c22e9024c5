"""Standalone “三公” notes of several provinces, on short texts written in each family's style.

SOURCES of the styles (wordings imitated, figures made up): Chongqing town 三公决算 notes (涪陵区新妙镇 2021,
黔江区本级 2017: "经汇总……“三公”经费支出合计", counts sentence, "较上年减少……，较年初预算数减少……"); the
Chongqing municipal 三公预算汇总 (市财政局 2024: 亿元, a table flattened one cell per line ending " |"); the Anhui
三公预算 (池州 皖江江南 2024: the header's cells one per line, then the values; 情况说明 （一）（二）（三）); a Sichuan
town's 三公经费支出说明 (金堂县官仓镇 2015); a Sichuan city summary in one paragraph (绵竹市 2025: "较2024年的……");
a Hunan 部门“三公”经费预算情况表 (岳阳县 2017: 元, space-separated columns, blank cells). The three hand-keyed
cases of ``tests/disclosures`` are read whole.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from publish.extract.core import extract
from tests.extract_scoring import score
from tests.helpers import ROOT

DEPARTMENT = "500102-csz"


def extracted(tmp_path: Path, *lines: str):
    path = tmp_path / "note.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return extract(path, DEPARTMENT, ROOT)


def line(ext, resource: str, **key: str) -> dict[str, str]:
    rows = [r for r in ext.rows.get(resource, []) if all(r.get(k) == v for k, v in key.items())]
    assert len(rows) == 1, (resource, key, ext.rows.get(resource))
    return rows[0]


def kinds(ext) -> list[str]:
    return [u.kind for u in ext.unread]


CHONGQING_FINAL = (
    "测试区测试镇2022年度“三公”经费决算情况",
    "经汇总，2022年度全镇“三公”经费支出合计50.5万元。其中，因公出国（境）费0万元；公务用车购置及运维费30.3万元；"
    "公务接待费20.2万元。",
    "2022年度全镇因公出国（境）团组数0个，因公出国（境）0人次；公务用车购置数1辆，公务用车保有量9 辆；"
    "国内公务接待88批次，国内公务接待700人次。",
    "经比较，2022年度全镇“三公”经费较上年减少3.5万元，下降6.48%，较年初预算数减少0.5万元。主要是压减一般性支出。",
)


def test_chongqing_final_note_reads_lines_changes_and_counts(tmp_path):
    ext = extracted(tmp_path, *CHONGQING_FINAL)
    assert (ext.fiscal_year, ext.document_kind) == ("2022", "final_account")
    total = line(ext, "sangong", item="total")
    assert (total["amount"], total["unit"], total["item_name"]) == ("50.5", "万元", "“三公”经费支出合计")
    assert (total["change"], total["change_word"], total["change_rate"]) == ("-3.5", "减少", "-6.48")
    assert total["change_reason"].startswith("主要是压减")
    assert line(ext, "sangong", item="vehicle")["amount"] == "30.3"
    assert line(ext, "sangong", item="outbound_travel")["amount"] == "0"
    assert line(ext, "assets", measure="holding")["count"] == "9"
    assert line(ext, "assets", measure="purchase")["count"] == "1"
    assert line(ext, "assets", measure="reception_people")["count"] == "700"
    assert line(ext, "disclosures")["profile"] == "sangong-note"
    # the comparison with the initial budget has no column: reported, not put into change or initial_budget
    assert [u.text for u in ext.unread] == ["较年初预算数减少0.5万元"]
    assert not total.get("initial_budget")


MUNICIPAL = (
    "重庆市市级2025年“三公”经费预算汇总情况",
    "经汇总，2025年市级部门（单位）“三公”经费预算5.5亿元。其中：",
    "1、因公出国（境）费0.5亿元，较上年增加0.1亿元，主要原因是保障外事活动。",
    "2、公务接待费1亿元，较上年减少0.2亿元。",
    "3、公务用车购置及运行费4亿元，较上年减少0.3亿元。其中，公务用车运行维护费3亿元，较上年减少0.4亿元；"
    "公务用车购置费1亿元，较上年增加0.1亿元。",
    "2025年市级“三公”经费预算表",
    "单位:亿元",
    "支出 |",
    "预算数 |",
    "合计 |",
    "5.5 |",
    "因公出国(境)费 |",
    "0.5 |",
    "公务用车购置及运行费 |",
    "4 |",
    "其中:公务用车购置费 |",
    "1 |",
    "公务用车运行费 |",
    "3 |",
    "公务接待费 |",
    "1 |",
)


def test_municipal_summary_in_yi_with_a_flattened_table(tmp_path):
    ext = extracted(tmp_path, *MUNICIPAL)
    total = line(ext, "sangong", item="total")
    assert (total["amount"], total["unit"], total["item_name"]) == ("5.5", "亿元", "合计")
    operation = line(ext, "sangong", item="vehicle_operation")
    assert (operation["amount"], operation["change"], operation["parent_item"]) == ("3", "-0.4", "vehicle")
    assert line(ext, "sangong", item="outbound_travel")["change_reason"] == "保障外事活动"
    assert ext.unread == []


def test_a_table_cell_the_text_contradicts_is_reported_with_both_values(tmp_path):
    lines = list(MUNICIPAL)
    lines[lines.index("公务接待费 |") + 1] = "1.2 |"
    ext = extracted(tmp_path, *lines)
    [mismatch] = [u for u in ext.unread if u.kind == "text-table-mismatch"]
    assert "1.2" in mismatch.reason_zh and "1亿元" in mismatch.reason_zh
    assert line(ext, "sangong", item="reception")["amount"] == "1.2"  # the table's cell wins, the slip is reported


ANHUI = (
    "测试区管委会2024年",
    "一般公共预算“三公”经费预算",
    "一、2024年一般公共预算“三公”经费支出预算表",
    "单位:万元",
    "“三公”经费合计",
    "因公出国(境)费",
    "公务用车购置及运行费",
    "公务",
    "接待费",
    "小计",
    "公务用车购置费",
    "公务用车运行费",
    "120",
    "10",
    "60",
    "20",
    "40",
    "50",
    "二、2024年一般公共预算“三公”经费支出预算情况说明",
    "测试区管委会2024年一般公共预算“三公”经费支出预算为120万元，比2023年预算减少5万元，下降4%。"
    "其中：因公出国(境)费支出预算为10万元，公务接待费支出预算为50万元，公务用车购置及运行费支出预算为60万元。",
    "(一)因公出国(境)费支出预算10万元，与2023年预算持平。",
    "(三)公务接待费支出预算50万元，比2023年预算减少5万元，下降9.09%，下降原因主要是厉行节约。",
)


def test_anhui_header_then_values_in_column_order(tmp_path):
    ext = extracted(tmp_path, *ANHUI)
    amounts = {r["item"]: r["amount"] for r in ext.rows["sangong"]}
    assert amounts == {
        "total": "120",
        "outbound_travel": "10",
        "vehicle": "60",
        "vehicle_purchase": "20",
        "vehicle_operation": "40",
        "reception": "50",
    }
    reception = line(ext, "sangong", item="reception")
    assert (reception["change"], reception["change_rate"], reception["change_basis"]) == ("-5", "-9.09", "prior-budget")
    assert reception["change_reason"] == "厉行节约"
    assert line(ext, "sangong", item="outbound_travel")["change_word"] == "持平"
    assert ext.unread == []


def test_an_inferred_column_the_text_contradicts_is_not_kept(tmp_path):
    lines = list(ANHUI)
    lines[lines.index("50")] = "55"
    ext = extracted(tmp_path, *lines)
    assert "text-table-mismatch" in kinds(ext)
    assert not line(ext, "sangong", item="reception").get("amount")


SICHUAN_TOWN = (
    "测试镇2016年三公”经费支出说明",
    "一、因公出国(境)经费",
    "2016年因公出国(境)费0万元,与2015年决算数持平。",
    "2016年因公出国(境)团组0次,出国(境)0人。",
    "二、公务接待费",
    "2016年公务接待费8.5万元,较2015年决算数下降5.5%,主要原因是严控公务接待。",
    "三、公务用车购置及运行维护费",
    "2016年公务用车购置及运行维护费共计12万元,较2015年决算数下降2%。",
    "截至2016年12月底,单位共有公务用车7辆,其中:一般公务用车5辆,特种作业车2辆。",
)


def test_sichuan_town_note_rates_only_and_counts(tmp_path):
    ext = extracted(tmp_path, *SICHUAN_TOWN)
    reception = line(ext, "sangong", item="reception")
    assert (reception["amount"], reception["change_rate"], reception["change_basis"]) == ("8.5", "-5.5", "prior-final")
    assert not reception.get("change")  # only the rate is stated
    assert line(ext, "sangong", item="outbound_travel")["change"] == "0"
    assert line(ext, "assets", measure="holding")["count"] == "7"
    assert line(ext, "assets", measure="outbound_people")["count"] == "0"
    assert "total" not in {r["item"] for r in ext.rows["sangong"]}  # never summed by the extractor
    assert kinds(ext) == ["unread-clause"]  # the vehicles by kind have no line


def test_city_summary_states_the_prior_amount(tmp_path):
    ext = extracted(
        tmp_path,
        "绵竹市2026年“三公”经费预算情况",
        "经测试市财政局汇总，2026年全市使用财政拨款安排“三公”经费预算总额为1800万元，较2025年的1900万元减少100万元，"
        "下降5.3%；其中：因公出国(境)经费30万元，较上年持平；公务接待费270万元，较上年减少20万元，下降6.9%；"
        "公务用车购置及运行维护费1500万元，较上年减少80万元，下降5.1%。",
    )
    total = line(ext, "sangong", item="total")
    assert (total["amount"], total["prior_amount"], total["change"], total["change_rate"]) == (
        "1800",
        "1900",
        "-100",
        "-5.3",
    )
    assert line(ext, "sangong", item="vehicle")["change"] == "-80"


HUNAN = (
    "测试县2018年度部门“三公”经费预算情况表",
    "测试园2018-度部门“三公”经费预算情况表",
    "    单位:元",
    "项目 2017-执行数 2018-预算数",
    "一、支出合计   90000",
    "1、因公出国(境)费用    ",
    "2、公务接待费   50000",
    "3、公务用车费   40000",
    "其中:(1)公务用车运行维护费   40000",
    "二、相关统计数    ",
    "4.公务用车保有量(辆)   2",
    "5.公务接待批次(批)   12",
    "备注:1、“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。(1)因公出国(境)费,指单位工作人员"
    "公务出国(境)的住宿费、旅费、伙食补助费、杂费、培训费等支出。",
)


def test_hunan_table_in_yuan_with_blank_cells(tmp_path):
    ext = extracted(tmp_path, *HUNAN)
    total = line(ext, "sangong", item="total")
    assert (total["amount"], total["unit"]) == ("90000", "元")
    assert line(ext, "sangong", item="vehicle_operation")["amount"] == "40000"
    assert line(ext, "assets", measure="holding")["count"] == "2"
    assert line(ext, "assets", measure="reception_batches")["count"] == "12"
    assert "outbound_travel" not in {r["item"] for r in ext.rows["sangong"]}  # a blank cell is not a zero
    assert [u.text for u in ext.unread] == ["1、因公出国（境）费用"]


def test_a_table_whose_own_column_cannot_be_told_is_not_read(tmp_path):
    lines = list(HUNAN)
    lines[3] = "项目 预算数 预算数"
    lines[6] = "2、公务接待费   45000   50000"
    ext = extracted(tmp_path, *lines)
    assert "sangong" not in ext.rows or "reception" not in {r["item"] for r in ext.rows["sangong"]}
    assert "unread-clause" in kinds(ext)


def test_an_amount_said_of_the_prior_year_is_not_the_years_own(tmp_path):
    ext = extracted(
        tmp_path,
        "测试局2024年“三公”经费预算情况说明",
        "2024年“三公”经费预算30万元。上年公务接待费12万元。",
    )
    assert line(ext, "sangong", item="total")["amount"] == "30"
    assert "reception" not in {r["item"] for r in ext.rows["sangong"]}
    assert kinds(ext) == ["unread-clause"]


def test_operating_costs_a_note_states_are_read_with_their_fund(tmp_path):
    ext = extracted(
        tmp_path,
        "测试局2024年“三公”经费预算情况说明",
        "2024年“三公”经费预算30万元。2024年一般公共预算财政拨款机关运行经费预算为80万元，较上年减少2万元。",
    )
    costs = line(ext, "operating_costs", fund="general_budget")
    assert (costs["amount"], costs["change"], costs["fund_name"]) == ("80", "-2", "一般公共预算财政拨款")


@pytest.mark.parametrize(
    "case", ["cq-fuling-xinmiaozhen-2021-sangong", "cq-shiji-2024-sangong", "ah-chizhou-jiangnan-2024-sangong"]
)
def test_hand_keyed_notes_are_read_whole_and_right(tmp_path, case):
    folder = ROOT / "tests" / "disclosures" / case
    department = next(csv.DictReader((folder / "submission" / "disclosures.csv").open(encoding="utf-8")))
    from publish.extract import extract_submission

    extract_submission(folder / "document.txt", department["department_id"], ROOT, tmp_path / "out")
    result = score(folder / "submission", tmp_path / "out")
    assert (result.read, result.wrong) == (result.expected, [])


def test_a_table_without_its_unit_is_reported_not_read(tmp_path):
    ext = extracted(tmp_path, "测试局2024年“三公”经费预算情况表", "一、支出合计   90000", "2、公务接待费   50000")
    assert "sangong" not in ext.rows
    [unread] = ext.unread
    assert "单位" in unread.reason_zh and "90000" in unread.text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024年“三公”经费预算共计30万元，比上年减少2万元，下降6.25%。", ("30", "-2", "-6.25")),
        ("2024年“三公”经费预算总额30万元，与上年相比减少2万元。", ("30", "-2", None)),
        ("2024年“三公”经费预算数为30万元，同比下降6.25%。", ("30", None, "-6.25")),
        ("2024年“三公”经费支出30万元，较上年增长2万元，增长7.14%。", ("30", "2", "7.14")),
        ("2024年“三公”经费预算为30万元，与上年持平。", ("30", "0", None)),
        ("2024年部门“三公”经费财政拨款预算为30万元，较上年减少 2万元。", ("30", "-2", None)),
    ],
)
def test_total_wordings_of_other_provinces(tmp_path, written, expected):
    ext = extracted(tmp_path, "测试局2024年“三公”经费预算情况说明", written)
    total = line(ext, "sangong", item="total")
    assert (total.get("amount"), total.get("change"), total.get("change_rate")) == expected
    assert ext.unread == []


@pytest.mark.parametrize(
    "written",
    [
        "其中：因公出国（境）经费0万元，公务用车购置及运行维护费20万元，公务接待费10万元。",
        "其中：因公出国(境)费用0万元；公务用车购置及运行费20万元；公务接待费用10万元。",
        "因公出国（境）费、公务用车购置及运行费、公务接待费分别为0万元、20万元、10万元。",
    ],
)
def test_line_wordings_of_other_provinces(tmp_path, written):
    ext = extracted(tmp_path, "测试局2024年“三公”经费预算情况说明", written)
    amounts = {r["item"]: r["amount"] for r in ext.rows["sangong"]}
    assert amounts == {"outbound_travel": "0", "vehicle": "20", "reception": "10"}
    assert ext.unread == []


def test_a_list_whose_lengths_differ_is_not_read(tmp_path):
    ext = extracted(
        tmp_path, "测试局2024年“三公”经费预算情况说明", "因公出国（境）费、公务接待费分别为0万元、20万元、10万元。"
    )
    assert "sangong" not in ext.rows
    assert kinds(ext) == ["unread-clause"]


def test_a_final_notes_initial_budget_is_kept_apart_from_its_spending(tmp_path):
    ext = extracted(
        tmp_path,
        "测试镇2022年度“三公”经费决算情况",
        "2022年度“三公”经费年初预算数为45万元，决算数为40万元。2022年度公务接待费预算数为12万元。",
    )
    total = line(ext, "sangong", item="total")
    assert (total["amount"], total["initial_budget"]) == ("40", "45")
    assert "reception" not in {r["item"] for r in ext.rows["sangong"]}  # which budget is not said: not read
    assert kinds(ext) == ["unread-clause"]


def test_a_budget_notes_final_figure_is_not_its_amount(tmp_path):
    ext = extracted(
        tmp_path, "测试局2024年“三公”经费预算情况说明", "2024年“三公”经费预算30万元。公务接待费决算数为12万元。"
    )
    assert "reception" not in {r["item"] for r in ext.rows["sangong"]}
    assert kinds(ext) == ["unread-clause"]


def test_lines_a_note_does_not_state_are_declared_not_zeroed(tmp_path):
    ext = extracted(tmp_path, *SICHUAN_TOWN)
    [part] = ext.rows["disclosure_parts"]
    assert (part["part"], part["status"]) == ("sangong", "not_published")
    assert "total" in part["note"]
    assert "disclosure_parts" not in extracted(tmp_path, *CHONGQING_FINAL).rows


def test_vehicle_and_change_wordings(tmp_path):
    ext = extracted(
        tmp_path,
        "测试局2024年“三公”经费预算情况说明",
        "公务用车购置费和运行维护费20万元，比上年减少了2万元，下降了9.09%。",
    )
    vehicle = line(ext, "sangong", item="vehicle")
    assert (vehicle["amount"], vehicle["change"], vehicle["change_rate"]) == ("20", "-2", "-9.09")


def test_a_thousands_separator_broken_by_a_space_is_read_whole_and_said(tmp_path):
    ext = extracted(
        tmp_path,
        "测试区本级2017年“三公”经费决算汇总情况",
        "经汇总，2017年区本级一般公共预算财政拨款开支“三公”经费2,000.5万元，其中：因公出国(境)费35.6万元，"
        "公务接待费100.5万元，公务用车购置及运行维护费1,864.4万元(公务用车购置费109.0万元、公务用车运行维护费"
        "1, 755.4万元)。",
    )
    assert line(ext, "sangong", item="vehicle_operation")["amount"] == "1755.4"
    assert line(ext, "sangong", item="total")["amount"] == "2000.5"
    notes = [p["note"] for p in ext.provenance if p["field"] == "amount" and p["value"] == "1755.4"]
    assert notes and "1， 537.4" in notes[0]
    assert ext.unread == []


def test_counts_are_dated_as_the_note_dates_them_and_parents_only_where_stated(tmp_path):
    ext = extracted(tmp_path, *SICHUAN_TOWN)
    assert line(ext, "assets", measure="holding")["as_of"] == "2016-12"
    assert not line(ext, "sangong", item="reception").get("parent_item")  # the note states no total
    budget = extracted(tmp_path, "测试局2024年“三公”经费预算情况说明", "2024年公务用车购置数2辆，公务用车保有量5辆。")
    purchase = line(budget, "assets", measure="purchase_budget")
    assert (purchase["count"], purchase["budget_year"], purchase["measure_name"]) == ("2", "2024", "公务用车购置数")
    assert not line(budget, "assets", measure="holding").get("as_of")  # not said: never guessed


def test_a_table_with_prior_year_and_change_columns_is_read_in_the_years_column(tmp_path):
    ext = extracted(
        tmp_path,
        "测试局2024年“三公”经费预算情况表",
        "单位：万元",
        "项目\t2023年预算数\t2024年预算数\t增减额\t增减率",
        "合计\t32\t30\t-2\t-6.25",
        "公务 接待费\t12\t10\t-2\t-16.67",
    )
    assert {r["item"]: r["amount"] for r in ext.rows["sangong"]} == {"total": "30", "reception": "10"}


def test_a_line_whose_changes_the_text_states_differently_keeps_neither(tmp_path):
    ext = extracted(
        tmp_path,
        "测试局2024年“三公”经费预算情况说明",
        "2024年公务接待费10万元，较上年减少2万元。",
        "（三）公务接待费预算10万元，比上年减少3万元。",
    )
    reception = line(ext, "sangong", item="reception")
    assert (reception["amount"], reception.get("change"), reception.get("change_word")) == ("10", None, None)
    assert kinds(ext) == ["irregular"]


def test_a_final_notes_spending_after_its_budget_figure(tmp_path):
    ext = extracted(
        tmp_path,
        "测试镇2022年度“三公”经费决算情况",
        "2022年度“三公”经费财政拨款支出预算为45万元，支出决算为40万元，完成预算的88.89%。",
    )
    total = line(ext, "sangong", item="total")
    assert (total["amount"], total.get("initial_budget")) == ("40", None)  # which budget is not said
    assert kinds(ext) == ["unread-clause"]


def test_a_stored_copys_source_and_note_lines_are_never_read(tmp_path):
    ext = extracted(
        tmp_path,
        "SOURCE: https://www.example.gov.cn/1.htm — 某市2025年“三公”经费预算",
        "NOTE: stored copy; the prior-year total is stated ('较2024年的2190万元'), 40+242 = 282万元.",
        "经某市财政局汇总，2025年全市使用财政拨款安排“三公”经费预算总额为282万元；其中：因公出国(境)经费40万元；"
        "公务接待费242万元。",
    )
    assert line(ext, "sangong", item="total")["amount"] == "282"
    assert not [u for u in ext.unread if "2190" in u.text or "stored copy" in u.text]
    assert ext.rows["disclosures"][0]["source_url"] == "https://www.example.gov.cn/1.htm"


@pytest.mark.parametrize(
    ("paid_from", "fund", "fund_name"),
    [
        ("使用财政拨款安排", "appropriation", "财政拨款"),
        ("使用一般公共预算财政拨款安排", "general_budget", "一般公共预算财政拨款"),
        ("", "general_budget", "一般公共预算财政拨款"),
    ],
)
def test_the_fund_is_the_one_the_note_names(tmp_path, paid_from, fund, fund_name):
    ext = extracted(tmp_path, "某县2025年“三公”经费预算情况", f"2025年全县{paid_from}“三公”经费预算总额为282万元。")
    row = line(ext, "sangong", item="total")
    assert (row["fund"], row["fund_name"]) == (fund, fund_name)


def test_counts_stated_with_wei_are_read(tmp_path):
    """SOURCE: the wording of a Hunan county's 2019 三公 决算 note (公务用车保有量为2辆 …)."""
    ext = extracted(
        tmp_path,
        "某县2019年度“三公”经费决算情况说明",
        "2019年度“三公”经费决算为22.62万元。其中公务接待费为20.10万元；公务用车运行维护费为2.52万元。"
        "公务用车保有量为2辆，国内公务接待批次为520个，接待人次为4200人。",
    )
    counts = {r["measure"]: r["count"] for r in ext.rows["assets"]}
    assert counts == {"holding": "2", "reception_batches": "520", "reception_people": "4200"}


def test_a_note_without_a_title_is_read_as_a_note():
    from publish.extract.identity import identify, parse_overrides

    lines = [
        "按照区政府关于推进政府信息公开工作部署和要求，经汇总，2021年区本级一般公共预算中“三公”经费支出预算为4432万元，"
        "其中：因公出国（境）费用39万元，公务接待费323万元，公务用车购置及运行维护费4070万元。"
    ]
    assert identify(lines, parse_overrides(year="2021", kind="budget")).profile == "sangong-note"


def test_the_fund_first_named_decides_when_a_note_names_both(tmp_path):
    """SOURCE: the wording of a 贵阳 development zone's 2024 summary (财政拨款, then a note naming 一般公共预算)."""
    ext = extracted(
        tmp_path,
        "某区2024年财政拨款“三公”经费预算汇总说明",
        "某区2024年财政拨款安排“三公”经费共计29.05万元，其中：公务接待费预算6.45万元，公务用车运行维护费预算22.6万元。",
        "公开范围为财政拨款预算（包括一般公共预算、政府性基金预算、国有资本经营预算）。",
    )
    assert line(ext, "sangong", item="total")["fund"] == "appropriation"


def test_a_total_quoted_whole_is_read(tmp_path):
    """SOURCE: the wording of a Hunan county's 2019 三公 决算 note (实际支出“三公经费”决算为…)."""
    ext = extracted(
        tmp_path,
        "某县2019年度“三公”经费决算情况说明",
        "2019年实际支出“三公经费”决算为22.62万元。其中公务接待费为20.10万元；公务用车运行维护费为2.52万元。",
    )
    assert line(ext, "sangong", item="total")["amount"] == "22.62"


def test_a_table_whose_unit_is_in_its_header_is_read(tmp_path):
    """SOURCE: the layout of an Anhui district bureau's 2018 三公 table (预 算 数(万元), one cell per line)."""
    ext = extracted(
        tmp_path,
        "某区审计局2018年预算“三公”经费情况说明",
        "一、2018年“三公”经费支出预算表",
        "项目",
        "预 算 数(万元)",
        "合计",
        "3.1",
        "因公出国(境)费",
        "0",
        "二、2018年“三公”经费支出预算情况说明",
        "某区审计局2018年度“三公”经费支出预算为3.1万元。",
    )
    assert line(ext, "sangong", item="outbound_travel")["amount"] == "0"
    assert line(ext, "sangong", item="total")["amount"] == "3.1"
