"""The department page with every part of data model v2, on the county package (tests/site_support.py): 决算 with
their budget columns, a budget beside its final account, funds, the economic classification and partial copies.

Expected figures are computed here from the package's CSV rows with Decimal, not read back from the site's code.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import html5lib
import pytest

from publish.core import FUND_NAMES
from publish.site import build_site
from publish.site.comparison import comparison_for, rate
from publish.site.model import DepartmentYear
from publish.site.parts import statuses_for
from tests.helpers import read_rows
from tests.site_support import county_package

SHANGHAI_FINAL = ("2024", "310107-czj", "final_account", "department")
SHANGHAI_FINAL_PAGE = "department/310107-czj-2024-final_account-department.html"
SHANGHAI_BUDGET_PAGE = "department/310107-sfj-2026.html"
PARTIAL = ("2026", "500243-czj", "budget", "department")
PARTIAL_PAGE = "department/500243-czj-2026.html"
TRUNCATED = "我们保存的文件副本不完整，缺少此部分"
NOT_PUBLISHED = "本文件未公开此部分"
IDENTITY = ("fiscal_year", "department_id", "document_kind", "scope")
YUAN_PER = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> tuple[Path, Path]:
    """(package, site) of the county package."""
    folder = tmp_path_factory.mktemp("county")
    package = county_package(folder / "package")
    site = folder / "site"
    build_site(package, site)
    return package, site


def page(site: Path, path: str):
    return html5lib.parse((site / path).read_bytes(), namespaceHTMLElements=False)


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def table_rows(document, anchor: str) -> list[tuple[str, str, list[str]]]:
    """(group heading, row header, data cells) of every data row of table ``#table-<anchor>``."""
    table = document.find(f".//table[@id='table-{anchor}']")
    assert table is not None, anchor
    rows = []
    for body in table.findall("tbody"):
        group = ""
        for tr in body.findall("tr"):
            heading = tr.find("th[@scope='rowgroup']")
            if heading is not None:
                group = text_of(heading)
                continue
            header = tr.find("th")
            rows.append(
                (group, text_of(header) if header is not None else "", [text_of(td) for td in tr.findall("td")])
            )
    return rows


def headers(document, anchor: str) -> list[str]:
    table = document.find(f".//table[@id='table-{anchor}']")
    return [text_of(th) for th in table.find("thead").iter("th")]


def rows_of(package: Path, resource: str, identity: tuple[str, ...]) -> list[dict[str, str]]:
    return [r for r in read_rows(package, resource) if tuple(r[k] for k in IDENTITY) == identity]


def wan(text: str, unit: str) -> Decimal:
    return Decimal(text) * YUAN_PER[unit or "万元"] / YUAN_PER["万元"]


def shown(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def percent(amount: Decimal, base: Decimal) -> str:
    return f"{(amount / base * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


# --- the economic classification and the funds of a Shanghai 决算 -------------------------------------------------


def test_a_final_account_lists_its_economic_classification_by_fund_in_reading_order(county):
    package, site = county
    expected = [r for r in rows_of(package, "expenditure_by_economic", SHANGHAI_FINAL) if r["cost_type"] == "total"]
    assert len(expected) > 20
    rows = table_rows(page(site, SHANGHAI_FINAL_PAGE), "economic")
    by_code = {cells[0]: (group, name, cells[1]) for group, name, cells in rows}
    codes = [cells[0] for _, _, cells in rows]
    assert len(codes) == len(set(codes))  # every line once
    for row in expected:
        group, name, amount = by_code[row["code"]]
        assert (group, name, amount) == (
            FUND_NAMES[row["fund"]][0],
            row["code_name"],
            shown(wan(row["amount"], row["unit"])),
        )
    assert by_code["301"][1:] == ("工资福利支出", "2,082.85")
    # each 款 follows its 类: the codes read as a tree walk
    classes = [c for c in codes if len(c) == 3]
    for code in codes:
        if len(code) == 5:
            assert (
                codes.index(code[:3])
                < codes.index(code)
                < (codes.index(classes[classes.index(code[:3]) + 1]) if code[:3] != classes[-1] else len(codes))
            )
    # the published 人员经费 and 公用经费 totals sit on the 合计 line, in their own columns
    totals = {
        r["cost_type"]: r for r in rows_of(package, "expenditure_by_economic", SHANGHAI_FINAL) if r["code"] == "total"
    }
    head = headers(page(site, SHANGHAI_FINAL_PAGE), "economic")
    total_line = next(cells for _, name, cells in rows if name == "合计")
    for cost_type, title in (("personnel", "人员经费"), ("public", "公用经费")):
        column = next(i for i, h in enumerate(head) if h.startswith(title)) - 1  # the name is a th
        assert total_line[column] == shown(wan(totals[cost_type]["amount"], totals[cost_type]["unit"]))


def test_the_function_table_lists_each_line_once_under_its_fund_with_fund_totals(county):
    package, site = county
    rows = [row for row in table_rows(page(site, SHANGHAI_FINAL_PAGE), "function") if len(row[2]) > 1]
    lines = [(group, cells[0]) for group, _, cells in rows]
    assert len(lines) == len(set(lines))
    published = [
        r for r in rows_of(package, "expenditure_by_function", SHANGHAI_FINAL) if r["cost_type"] in ("", "total")
    ]
    assert len(rows) == len(published)
    totals = {r["fund"]: r for r in published if r["item"] == "total"}
    for fund, total in totals.items():
        first = next((name, cells) for group, name, cells in rows if group == FUND_NAMES[fund][0])
        assert first[0] == total["item_name"] and first[1][1] == shown(wan(total["amount"], total["unit"]))


def test_funds_a_final_account_does_not_publish_read_as_not_published_with_the_note(county):
    package, site = county
    document = page(site, SHANGHAI_FINAL_PAGE)
    parts = {r["part"]: r for r in rows_of(package, "disclosure_parts", SHANGHAI_FINAL)}
    table = text_of(document.find(".//table[@id='table-function']"))
    for part, fund in (("function-government-fund", "government_fund"), ("function-state-capital", "state_capital")):
        assert parts[part]["status"] == "not_published"
        assert f"{FUND_NAMES[fund][0]} {NOT_PUBLISHED}" in table and parts[part]["note"] in table
    overview = text_of(document.find(".//section[@aria-labelledby='summary-heading']"))
    assert "政府性基金预算 Government funds budget 未公开 not published" in overview
    assert "国有资本经营预算 State capital operations budget 未公开 not published" in overview
    general = next(
        r
        for r in rows_of(package, "expenditure_by_function", SHANGHAI_FINAL)
        if (r["fund"], r["item"], r["cost_type"]) == ("general_budget", "total", "total")
    )
    assert (
        f"一般公共预算财政拨款 General public budget {shown(wan(general['amount'], general['unit']))} 万元" in overview
    )


def test_a_budget_states_its_government_fund_and_state_capital_totals(county):
    package, site = county
    identity = ("2026", "310107-sfj", "budget", "department")
    document = page(site, SHANGHAI_BUDGET_PAGE)
    overview = text_of(document.find(".//section[@aria-labelledby='summary-heading']"))
    stated = [
        r
        for r in rows_of(package, "expenditure_by_type", identity)
        if r["item"] == "total" and r["fund"] in ("government_fund", "state_capital")
    ]
    assert len(stated) == 2
    for row in stated:
        assert f"{FUND_NAMES[row['fund']][0]} " in overview
        groups = {group: cells for group, name, cells in table_rows(document, "type") if name == row["item_name"]}
        assert groups[row["fund_name"]][0] == shown(wan(row["amount"], row["unit"]))


# --- 决算 budget columns and 完成率 --------------------------------------------------------------------------------


def test_a_final_account_shows_its_initial_budget_and_completion_rate(county):
    package, site = county
    document = page(site, SHANGHAI_FINAL_PAGE)
    head = headers(document, "function")
    assert any(h.startswith("年初预算") for h in head) and any(h.startswith("完成率") for h in head)
    assert not any(h.startswith("调整预算") for h in head)  # no row states one
    rate_at = next(i for i, h in enumerate(head) if h.startswith("完成率")) - 1
    cells = {(group, c[0]): c for group, _, c in table_rows(document, "function")}
    checked = 0
    for row in rows_of(package, "expenditure_by_function", SHANGHAI_FINAL):
        if row["cost_type"] != "total" or row["item"] == "total":
            continue
        line = cells[(FUND_NAMES[row["fund"]][0], row["function_code"])]
        base = row["adjusted_budget"] or row["initial_budget"]
        expected = percent(Decimal(row["amount"]), Decimal(base)) if base and Decimal(base) else "—"
        assert line[rate_at] == expected, row
        checked += bool(base)
    assert checked >= 5
    assert cells[("一般公共预算财政拨款", "2010601")][rate_at] == "96.9%"  # 1,511.89 of 1,560.05


def test_a_budget_page_has_no_budget_columns(county):
    _, site = county
    head = headers(page(site, "department/500101-zwfwzx-2023.html"), "function")
    assert not any(h.startswith(("年初预算", "调整预算", "完成率")) for h in head)


# --- a budget beside its final account ------------------------------------------------------------------------


def headline_figures(package: Path, identity: tuple[str, ...]) -> dict[str, Decimal]:
    """The side-by-side's headline lines of one disclosure, from its CSV rows."""
    figures = {}
    for resource, item, name in (
        ("income", "total", "收入合计"),
        ("expenditure_by_type", "basic", "基本支出"),
        ("expenditure_by_type", "project", "项目支出"),
        ("sangong", "total", "“三公”经费合计"),
    ):
        row = next(r for r in rows_of(package, resource, identity) if r["item"] == item)
        figures[name] = wan(row["amount"], row["unit"])
    operating = rows_of(package, "operating_costs", identity)[0]
    figures["机关运行经费"] = wan(operating["amount"], operating["unit"])
    return figures


def test_a_budget_and_its_final_account_stand_side_by_side_with_the_completion_rate(county):
    package, site = county
    budget_id = ("2023", "500101-zwfwzx", "budget", "department")
    final_id = ("2023", "500101-zwfwzx", "final_account", "department")
    budget, final = headline_figures(package, budget_id), headline_figures(package, final_id)
    pages = {"500101-zwfwzx-2023.html": "500101-zwfwzx-2023-final_account-department.html"}
    pages.update({v: k for k, v in pages.items()})
    for path, other in pages.items():
        document = page(site, f"department/{path}")
        section = document.find(".//section[@id='comparison']")
        assert section is not None and text_of(section.find("h2")) == "预算与决算对比 Budget and final account"
        assert any(a.get("href") == f"../department/{other}" for a in section.iter("a"))
        lines = {name.split(" ")[0]: cells for _, name, cells in table_rows(document, "comparison")}
        for name, planned in budget.items():
            actual = final[name]
            difference = actual - planned
            sign = "+" if difference > 0 else ""
            assert lines[name] == [
                shown(planned),
                shown(actual),
                sign + shown(difference),
                percent(actual, planned) if planned else "—",
            ], name


def test_function_classes_either_document_lists_are_compared_and_a_missing_side_reads_a_dash(county):
    package, site = county
    classes: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for kind in ("budget", "final_account"):
        for row in rows_of(package, "expenditure_by_function", ("2023", "500101-zwfwzx", kind, "department")):
            if row["parent_item"] == "total" and row["cost_type"] in ("", "total"):
                classes[row["item"]][kind] = wan(row["amount"], row["unit"])
    lines = {
        name.split(" ")[0]: cells
        for _, name, cells in table_rows(page(site, "department/500101-zwfwzx-2023.html"), "comparison")
    }
    for code, figures in classes.items():
        budget, final = figures.get("budget"), figures.get("final_account")
        assert lines[code][:2] == [shown(budget), shown(final)]
        if budget is None or final is None:
            assert lines[code][2:] == ["—", "—"]


def test_a_line_only_one_document_states_is_a_dash_never_a_zero():
    def view(kind: str, sangong: list[dict[str, str]]) -> DepartmentYear:
        return DepartmentYear("2023", "x", {}, {}, {"sangong": sangong}, kind, "department")

    stated = [{"item": "total", "amount": "40000", "unit": "元", "fund": "general_budget"}]
    budget, final = view("budget", stated), view("final_account", [])
    comparison = comparison_for(final, [budget, final])
    assert comparison is not None and comparison.other is budget
    [line] = comparison.lines
    assert (line.budget_text, line.final_text, line.difference_text, line.rate_text) == ("4.00", "—", "—", "—")
    assert comparison_for(view("budget", stated), []) is None
    assert rate(Decimal("1"), Decimal("0")) == "—" and rate(Decimal("2"), Decimal("3")) == "66.7%"


def test_a_page_without_its_counterpart_has_no_side_by_side(county):
    _, site = county
    assert page(site, SHANGHAI_FINAL_PAGE).find(".//section[@id='comparison']") is None


# --- partial documents ----------------------------------------------------------------------------------------


def test_a_truncated_copy_says_so_instead_of_empty_tables_or_zeros(county):
    package, site = county
    document = page(site, PARTIAL_PAGE)
    parts = rows_of(package, "disclosure_parts", PARTIAL)
    assert {r["status"] for r in parts} == {"truncated"} and len(parts) >= 8
    text = text_of(document.find(".//main"))
    for part in parts:
        assert part["note"] in text, part["part"]
    for anchor in ("function", "type", "sangong", "operating", "procurement", "vehicles", "kpis"):
        assert document.find(f".//table[@id='table-{anchor}']") is None, anchor
    for title in ("支出预算（按功能分类科目）", "“三公”经费", "机关运行经费", "绩效指标", "整体绩效目标", "公开联系人"):
        assert f"{title}：{TRUNCATED}" in text, title
    overview = text_of(document.find(".//section[@aria-labelledby='summary-heading']"))
    assert f"支出合计 Expenditure 未公开 not published （{TRUNCATED}）" in overview
    assert f"“三公”经费 Three public costs 未公开 not published （{TRUNCATED}）" in overview
    income = next(r for r in rows_of(package, "income", PARTIAL) if r["item"] == "total")
    assert f"收入合计 Income {shown(wan(income['amount'], income['unit']))} 万元" in overview
    # the only zeros on the page are the income sources the document states as zero
    income_table = text_of(document.find(".//table[@id='table-income']"))
    assert text.count("0.00") == income_table.count("0.00")


def test_parts_map_to_a_section_a_fund_of_a_section_or_a_field_of_the_disclosure():
    def view(profile: str, parts: dict[str, str]) -> DepartmentYear:
        rows = [{"part": part, "status": status, "note": f"{part} note"} for part, status in parts.items()]
        return DepartmentYear("2024", "x", {}, {"profile": profile}, {"disclosure_parts": rows})

    shanghai = statuses_for(
        view("shanghai-final", {"function-government-fund": "not_applicable", "economic-basic": "not_published"})
    )
    assert {fund: s.status for fund, s in shanghai.funds_of("expenditure_by_function").items()} == {
        "government_fund": "not_applicable"
    }
    assert shanghai.of_section("expenditure_by_function") is None  # the other funds are published
    assert shanghai.of_section("expenditure_by_economic").note == "economic-basic note"
    assert shanghai.of_section("expenditure_by_economic").zh == NOT_PUBLISHED
    chongqing = statuses_for(view("chongqing-budget", {"contact": "truncated", "sangong": "not_applicable"}))
    assert set(chongqing.fields) == {"contact_name", "contact_phone"}
    assert chongqing.of_section("sangong").zh == "不适用" and not chongqing.funds_of("sangong")
    # a field part named on a document of a profile without fields is still found (by any profile's fields)
    assert set(statuses_for(view("shanghai-budget", {"performance": "truncated"})).fields) == {
        "overall_goal",
        "key_special_fund_goals",
        "performance_managed_amount",
    }


def test_a_table_neither_published_nor_listed_reads_not_in_this_document(county):
    _, site = county
    text = text_of(page(site, PARTIAL_PAGE).find(".//main"))
    assert "基本支出按经济分类：本文件未包含此表" in text


# --- units, slips and the tables' structure ------------------------------------------------------------------


def test_the_units_covered_and_the_known_slips_are_shown(county):
    package, site = county
    document = page(site, SHANGHAI_FINAL_PAGE)
    units = [text_of(li) for li in document.find(".//ol[@class='units']").findall("li")]
    assert units == [
        r["unit_name"]
        for r in sorted(rows_of(package, "disclosure_units", SHANGHAI_FINAL), key=lambda r: int(r["unit_no"]))
    ]
    slips = text_of(document.find(".//section[@id='slips']"))
    recorded = rows_of(package, "inconsistencies", SHANGHAI_FINAL)
    assert len(recorded) >= 5 and all(" ".join(r["note"].split()) in slips for r in recorded)


@pytest.mark.parametrize(
    "path",
    [
        SHANGHAI_FINAL_PAGE,
        SHANGHAI_BUDGET_PAGE,
        PARTIAL_PAGE,
        "department/500101-zwfwzx-2023.html",
        "department/500101-zwfwzx-2023-final_account-department.html",
        "department/500116-xhzrmzf-2024-final_account-own.html",
    ],
)
def test_every_table_keeps_its_caption_and_scoped_headers(county, path):
    _, site = county
    tables = page(site, path).findall(".//table")
    assert tables
    for table in tables:
        assert table.find("caption") is not None and text_of(table.find("caption"))
        assert all(th.get("scope") in ("col", "row", "rowgroup") for th in table.iter("th"))
        widths = {sum(int(c.get("colspan", 1)) for c in tr if c.tag in ("th", "td")) for tr in table.iter("tr")}
        assert len(widths) == 1, (path, table.get("id"), widths)
