"""The Chongqing 决算 narrative family and the parts a partial copy lacks (``disclosure_parts``).

Texts are written in the family's style (SOURCE: the 决算公开说明 of Chongqing towns and district
departments, e.g. 江津区西湖镇 2024, 开州区大进镇 2024, as in tests/disclosures/cq-jiangjin-xihuzhen-2024-final).
"""

from __future__ import annotations

from pathlib import Path

from publish.extract.core import extract
from tests.helpers import ROOT

TITLE = "重庆市测试区测试镇人民政府2024年度决算公开说明"
DEPARTMENT = "500116-csz"
TOTALS = (
    "1.收入支出决算总体情况。2024年度收入总计120万元，支出总计120万元。收、支与2023年度相比，减少10万元，"
    "下降7.7%，主要原因是项目支出减少。"
)
INCOME = (
    "2.收入决算情况。2024年度本年收入合计100万元，其中：一般公共预算财政拨款收入90万元，"
    "政府性基金预算财政拨款收入0万元，事业收入0万元，其他收入10万元。"
)
SPENDING = "3.支出决算情况。2024年度本年支出合计100万元，其中：基本支出70万元，占70%；项目支出30万元，占30%。"
FUNCTION = (
    "（三）一般公共预算财政拨款支出决算情况说明\n2024年度一般公共预算财政拨款支出90万元，主要用于以下方面："
    "一般公共服务（类）支出60万元，占66.7%；农林水（类）支出30万元，占33.3%。"
)
SANGONG = (
    "（四）“三公”经费财政拨款支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为5万元，较上年减少1万元。"
    "其中：因公出国（境）费支出决算为0万元，全年因公出国（境）团组0个，累计0人次；公务用车购置及运行维护费支出"
    "决算为3万元，其中：公务用车购置费0万元，公务用车运行维护费3万元，公务用车购置0辆，公务用车保有量4辆；"
    "公务接待费支出决算为2万元，全年国内公务接待12批次，共计80人次。"
)
OPERATING = "（五）机关运行经费情况说明\n2024年度本部门机关运行经费支出8万元，比上年减少1万元。"
PROCUREMENT = "（六）政府采购支出情况说明\n2024年度本部门政府采购支出总额6万元，其中：政府采购货物支出6万元。"
VEHICLES = "（七）国有资产占用情况说明\n截至2024年12月31日，本部门共有车辆4辆，其中一般公务用车4辆。"


def extracted(tmp_path: Path, *parts: str):
    path = tmp_path / "final.txt"
    path.write_text("\n".join([TITLE, "二、部门决算收支情况说明", "（一）收入支出决算总体情况说明", *parts]), "utf-8")
    return extract(path, DEPARTMENT, ROOT)


def row(ext, resource: str, **key: str) -> dict[str, str]:
    rows = [r for r in ext.rows.get(resource, []) if all(r.get(k) == v for k, v in key.items())]
    assert len(rows) == 1, (resource, key, ext.rows.get(resource))
    return rows[0]


def test_totals_income_and_spending_of_a_final_account(tmp_path):
    ext = extracted(tmp_path, TOTALS, INCOME, SPENDING)
    assert ext.document_kind == "final_account"
    grand = row(ext, "income", item="grand_total")
    assert (grand["amount"], grand["change"], grand["change_rate"]) == ("120", "-10", "-7.7")
    assert (row(ext, "income", item="total")["amount"], row(ext, "income", item="total")["parent_item"]) == (
        "100",
        "grand_total",
    )
    assert row(ext, "income", item="general_budget")["amount"] == "90"
    assert row(ext, "income", item="other")["amount"] == "10"
    assert row(ext, "expenditure_by_type", fund="all", item="total")["amount"] == "100"
    assert row(ext, "expenditure_by_type", fund="all", item="project")["amount"] == "30"
    assert row(ext, "disclosures")["profile"] == "chongqing-final"


def test_function_classes_written_with_their_class_mark(tmp_path):
    ext = extracted(tmp_path, INCOME, FUNCTION)
    assert row(ext, "expenditure_by_function", item="201")["amount"] == "60"
    assert row(ext, "expenditure_by_function", item="213")["fund"] == "general_budget"
    assert row(ext, "expenditure_by_function", item="total")["amount"] == "90"


def test_sangong_of_a_final_account_with_its_counts(tmp_path):
    ext = extracted(tmp_path, INCOME, SANGONG)
    assert row(ext, "sangong", item="total")["amount"] == "5"
    assert row(ext, "sangong", item="vehicle")["amount"] == "3"
    assert row(ext, "sangong", item="vehicle_operation")["parent_item"] == "vehicle"
    assert row(ext, "sangong", item="reception")["amount"] == "2"
    counts = {r["measure"]: r["count"] for r in ext.rows["assets"]}
    assert counts == {
        "outbound_groups": "0",
        "outbound_people": "0",
        "purchase": "0",
        "holding": "4",
        "reception_batches": "12",
        "reception_people": "80",
    }


def test_operating_costs_procurement_and_vehicles(tmp_path):
    ext = extracted(tmp_path, INCOME, OPERATING, PROCUREMENT, VEHICLES)
    assert row(ext, "operating_costs")["amount"] == "8"
    assert row(ext, "procurement", item="total")["amount"] == "6"
    assert row(ext, "assets", measure="holding", item="total")["count"] == "4"


def test_a_copy_cut_mid_sentence_says_truncated_and_quotes_where(tmp_path):
    ext = extracted(tmp_path, TOTALS, INCOME, "3.支出决算情况。2024年度本年支出合计100万元，其中：基本")
    parts = {r["part"]: r for r in ext.rows["disclosure_parts"]}
    assert parts["expenditure-by-type"]["status"] == "truncated"
    assert "其中：基本" in parts["expenditure-by-type"]["note"]
    assert {parts[p]["status"] for p in ("sangong", "operating-costs", "procurement", "vehicles")} == {"truncated"}
    assert "income" not in parts


def test_a_whole_copy_without_a_part_says_not_published(tmp_path):
    ext = extracted(tmp_path, TOTALS, INCOME, SPENDING, FUNCTION, SANGONG, OPERATING, VEHICLES)
    parts = {r["part"]: r["status"] for r in ext.rows.get("disclosure_parts", [])}
    assert parts == {"procurement": "not_published"}


HUBEI = (
    "测试镇政府2025年预算公开说明\n目录：\n三、预算收支及增减变化情况\n四、机关运行经费安排情况\n"
    "三、预算收支及增减变化情况：\n"
    "1.预算收入情况：2025年测试镇政府（单位）收入预算100万元，比2024年单位预算收入增加10万元，增长11%。"
    "其中：一般公共预算拨款收入90万元，其他收入10万元。\n"
    "2.预算支出情况：2025年测试镇政府（单位）支出预算100万元，比2024年单位预算支出增加10万元，增长11%。"
    "其中，基本支出70万元，占总支出70%；项目支出30万元，占总支出30%。\n"
    "四、机关运行经费安排情况：\n2025年机关运行经费财政拨款预算为5万元，比上年减少1万元。"
)


def test_the_hubei_budget_explanation_read_by_what_its_paragraphs_say(tmp_path):
    """SOURCE: the Hubei 预算公开说明 form (襄州区伙牌镇 2025): a table of contents before the text."""
    path = tmp_path / "hubei.txt"
    path.write_text(HUBEI, "utf-8")
    ext = extract(path, "420607-csz", ROOT)
    assert row(ext, "disclosures")["profile"] == "hubei-budget"
    total = row(ext, "income", item="total")
    assert (total["amount"], total["change"], total["change_rate"]) == ("100", "10", "11")
    assert row(ext, "income", item="general_budget")["amount"] == "90"
    assert row(ext, "expenditure_by_type", fund="all", item="basic")["amount"] == "70"
    assert row(ext, "operating_costs")["amount"] == "5"
    parts = {r["part"]: r["status"] for r in ext.rows.get("disclosure_parts", [])}
    assert parts["sangong"] == "not_published" and "operating-costs" not in parts


INITIAL = (
    "2.一般公共预算财政拨款支出决算具体情况。2024年度一般公共预算财政拨款支出年初预算为80万元，支出决算为90万元，"
    "完成年初预算的112.5%。其中：\n"
    "（1）一般公共服务（类）支出年初预算为50万元，支出决算为60万元，完成年初预算的120%；决算数大于年初预算数的"
    "主要原因是新增项目。\n"
    "（2）农林水（类）支出年初预算为30万元，支出决算为31万元，完成年初预算的103.3%。"
)
BASIC = (
    "（四）一般公共预算财政拨款基本支出决算情况说明\n2024年度一般公共预算财政拨款基本支出70万元，其中：人员经费60万元，"
    "主要包括：基本工资、津贴补贴；公用经费10万元，主要包括：办公费、印刷费。"
)


def test_initial_budgets_of_the_classes_and_a_differing_outturn_reported(tmp_path):
    ext = extracted(tmp_path, INCOME, FUNCTION, INITIAL)
    assert row(ext, "expenditure_by_function", item="201")["initial_budget"] == "50"
    assert row(ext, "expenditure_by_function", item="total")["initial_budget"] == "80"
    farm = row(ext, "expenditure_by_function", item="213")
    assert (farm["amount"], farm.get("initial_budget", "")) == ("30", "")  # 31 stated in the comparison
    assert any(u.kind == "irregular" and "农林水" in u.text for u in ext.unread)


def test_basic_expenditure_of_the_general_budget_with_personnel_and_public_costs(tmp_path):
    ext = extracted(tmp_path, INCOME, SPENDING, BASIC)
    assert row(ext, "expenditure_by_type", fund="general_budget", item="basic")["amount"] == "70"
    assert row(ext, "expenditure_by_type", fund="general_budget", item="personnel")["parent_item"] == "basic"
    assert row(ext, "expenditure_by_type", fund="general_budget", item="public_operating")["amount"] == "10"
    assert row(ext, "expenditure_by_type", fund="all", item="basic")["amount"] == "70"


def test_a_comparison_with_the_initial_budget_is_never_a_change(tmp_path):
    operating = (
        "（五）机关运行经费情况说明\n2024年度机关运行经费支出8万元，比年初预算数增加1万元，增长14.3%，主要原因是维修。"
    )
    ext = extracted(tmp_path, INCOME, operating)
    costs = row(ext, "operating_costs")
    assert (costs["amount"], costs.get("change", ""), costs.get("change_reason", "")) == ("8", "", "")
    assert any(u.kind == "unread-clause" and "比年初预算数增加1万元" in u.text for u in ext.unread)


def test_a_sangong_holding_that_differs_from_the_assets_count_is_reported(tmp_path):
    sangong = SANGONG.replace("公务用车保有量4辆", "公务用车保有量3辆")
    ext = extracted(tmp_path, INCOME, VEHICLES, sangong)
    assert row(ext, "assets", measure="holding", item="total")["count"] == "4"
    assert any(u.kind == "irregular" and "保有量3辆" in u.text for u in ext.unread)


def test_numbered_sub_items_of_sangong_are_read_with_their_counts(tmp_path):
    items = (
        "（1）因公出国（境）费支出0万元，全年安排因公出国（境）团组0个，累计0人次。\n"
        "（2）公务接待费支出2万元，国内公务接待12批次，80人次，主要用于上级检查。"
    )
    ext = extracted(tmp_path, INCOME, "“三公”经费财政拨款支出决算为2万元。具体情况如下：", items)
    assert row(ext, "sangong", item="reception")["amount"] == "2"
    assert row(ext, "assets", measure="reception_people", item="total")["count"] == "80"
    assert not [u for u in ext.unread if u.section == "sangong" and u.kind != "unknown-field"]  # 主要用于…: no column


def test_grant_totals_are_never_the_grand_total(tmp_path):
    grants = "（二）财政拨款收支决算总体情况说明\n2024年度财政拨款收入总计90万元，支出总计90万元。"
    ext = extracted(tmp_path, INCOME, grants)
    assert not [r for r in ext.rows["income"] if r.get("item") == "grand_total"]


def test_a_lines_own_total_is_never_the_years_total(tmp_path):
    ext = extracted(tmp_path, "2.收入决算情况。其中：其他收入合计10万元。")
    assert not [r for r in ext.rows.get("income", []) if r.get("item") == "total" and r.get("amount")]


def test_sangong_counts_each_named_again(tmp_path):
    """SOURCE: tests/disclosures/cq-fuling-xinmiaozhen-2021-sangong (counts with the measure named each time)."""
    counts = (
        "2021年度全镇“三公”经费支出合计40.14万元。其中，因公出国(境)费0万元;公务用车购置及运维费30.93万元;"
        "公务接待费9.21万元。\n2021年度全镇因公出国(境)团组数0个,因公出国(境)0人次;公务用车购置数0辆,"
        "公务用车保有量12 辆;国内公务接待105批次,国内公务接待1150人次,无国(境)外公务接待情况。"
    )
    ext = extracted(tmp_path, counts)
    found = {r["measure"]: r["count"] for r in ext.rows["assets"]}
    assert found == {
        "outbound_groups": "0",
        "outbound_people": "0",
        "purchase": "0",
        "holding": "12",
        "reception_batches": "105",
        "reception_people": "1150",
    }
    assert row(ext, "sangong", item="vehicle")["amount"] == "30.93"
    assert "expenditure_by_type" not in ext.rows  # 三公经费支出合计 is no year's spending total


def test_sangong_total_stated_only_against_its_initial_budget(tmp_path):
    """SOURCE: the 决算 情况说明 form (e.g. 普陀区规划和自然资源局 2024): the total given with its initial budget."""
    text = (
        "（一）“三公”经费财政拨款支出决算总体情况说明。\n“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，"
        "完成预算的13.68%，其中：因公出国（境）费决算为0.00万元；公务用车购置及运行维护费支出决算为0.00万元；"
        "公务接待费支出决算为0.39万元。\n2、公务用车购置及运行维护费支出0.00万元。其中：公务用车购置支出为0.00万元。"
        "公务用车运行维护支出0.00万元。"
    )
    ext = extracted(tmp_path, INCOME, text)
    total = row(ext, "sangong", item="total")
    assert (total["amount"], total["initial_budget"]) == ("0.39", "2.85")
    assert row(ext, "sangong", item="vehicle_purchase")["amount"] == "0.00"
    assert row(ext, "sangong", item="vehicle_operation")["parent_item"] == "vehicle"


def test_the_national_final_account_wordings(tmp_path):
    """SOURCE: the 部门决算 情况说明 of tests/disclosures/sh-putuo-caizhengju-2024-final (same national template as
    Chongqing's): 收入支出总计 restated after the comparison, a table row before the text, 财政拨款 三公."""
    text = (
        "本年收入合计\t2,946.25\t本年支出合计\t2,940.05\n"
        "一、收入支出决算总体情况说明\n测试局2024年度收入支出总计2995.39万元。与2023年度相比，收入\n"
        "支出总计减少56.95万元，下降1.87%。主要原因：项目减少。\n"
        "二、收入决算情况说明\n本年收入合计2946.25万元，其中：其他收入6.2万元，占0.21%；\n"
        "（一）“三公”经费财政拨款支出决算总体情况说明。\n“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元。\n"
        "（一）机关运行经费支出情况\n机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。\n"
        "（二）政府采购支出情况\n2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、"
        "工程采购金额0万元、服务采购金额246.47万元。2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，"
        "面向小微企业预留政府采购项目预算金额0万元。\n"
        "（三）国有资产占有使用情况说明\n截至2024年12月31日，测试局共有车辆0辆，其中：部级领导干部用车0辆、"
        "主要领导干部用车0辆、机要通信用车0辆、离退休干部用车0辆、其他用车0辆。"
    )
    ext = extracted(tmp_path, text)
    grand = row(ext, "income", item="grand_total")
    assert (grand["amount"], grand["change"], grand["change_rate"]) == ("2995.39", "-56.95", "-1.87")
    assert row(ext, "income", item="total")["amount"] == "2946.25"
    assert row(ext, "sangong", item="total")["fund"] == "appropriation"
    assert row(ext, "operating_costs")["fund"] == "general_budget"
    assert row(ext, "procurement", item="total")["amount"] == "251.25"
    assert row(ext, "procurement", item="services")["amount"] == "246.47"
    assert row(ext, "procurement", item="sme_small_micro")["amount"] == "0"
    kinds = {r["item"] for r in ext.rows["assets"] if r["measure"] == "holding"}
    assert {"total", "ministerial", "principal_leader", "confidential_communication", "retired_cadres"} <= kinds


def test_hubei_spending_is_the_by_class_total_and_each_class_paragraph_is_read(tmp_path):
    text = HUBEI + (
        "\n本年支出构成情况：按功能科目分类增减变化情况如下：\n1）一般公共服务支出80万元，比上年增加5万元，主要原因是人员增加。"
        "\n2）住房保障支出20万元，与上年持平。"
    )
    path = tmp_path / "hubei.txt"
    path.write_text(text, "utf-8")
    ext = extract(path, "420607-csz", ROOT)
    assert row(ext, "expenditure_by_function", item="total")["amount"] == "100"
    assert row(ext, "expenditure_by_function", item="201")["change"] == "5"
    assert row(ext, "expenditure_by_function", item="221")["amount"] == "20"


def test_a_part_whose_lead_in_is_just_before_the_cut_is_truncated(tmp_path):
    ext = extracted(tmp_path, INCOME, "（五）机关运行经费情况说明：本部门机关运行经费明细如下：", "（1）办公")
    parts = {r["part"]: r for r in ext.rows["disclosure_parts"]}
    assert parts["operating-costs"]["status"] == "truncated"
    assert "cut off" in parts["operating-costs"]["note"]
