"""The county at a glance: one page per fiscal year and kind, departments ranked, changes, sparklines.

Built from tests/site_support.county_package (real disclosures in 元, 万元 and 亿元, partial documents, synthetic
budgets and final accounts over three years). Every expected figure is worked out here from the package's CSVs.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import html5lib
import pytest

from publish.site import build_site
from tests.chromium import assert_offline_and_clean
from tests.helpers import read_rows
from tests.site_support import county_package

SVG = "{http://www.w3.org/2000/svg}"
YUAN = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
KIND_ORDER = ("budget", "final_account")
PREFERRED_FUNDS = (("", "general_budget"), ("all",))


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> tuple[Path, Path]:
    """(package, site): the county package and the site built from it."""
    folder = tmp_path_factory.mktemp("county")
    package = county_package(folder / "package")
    build_site(package, folder / "site")
    return package, folder / "site"


@pytest.fixture(scope="module")
def expected(county) -> dict:
    """Figures in 万元 per (year, kind, department, scope), from the CSVs: expenditure, its row, 三公 and its row."""
    package, _ = county
    identities = {_identity(row) for row in read_rows(package, "disclosures")}
    spending = _totals(read_rows(package, "expenditure_by_function"))
    by_type = _totals(read_rows(package, "expenditure_by_type"))
    sangong = _totals(read_rows(package, "sangong"))
    return {
        identity: {
            "expenditure": spending.get(identity) or by_type.get(identity),
            "sangong": sangong.get(identity),
        }
        for identity in identities
    }


def _identity(row: dict) -> tuple[str, str, str, str]:
    return (row["fiscal_year"], row["document_kind"] or "budget", row["department_id"], row["scope"] or "department")


def _totals(rows: list[dict]) -> dict:
    """identity → the published total line (item total, total column; general budget fund first, then all funds)."""
    candidates = defaultdict(list)
    for row in rows:
        if row["item"] == "total" and row.get("cost_type", "") in ("", "total"):
            candidates[_identity(row)].append(row)
    chosen = {}
    for identity, lines in candidates.items():
        ranked = [[r for r in lines if r["fund"] in funds] for funds in PREFERRED_FUNDS] + [lines]
        chosen[identity] = next(group for group in ranked if group)[0]
    return chosen


def _wan(row: dict | None, column: str = "amount") -> Decimal | None:
    if row is None or not row[column]:
        return None
    return Decimal(row[column]) * YUAN[row["unit"] or "万元"] / YUAN["万元"]


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def _percent(value: Decimal) -> str:
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{'+' if rounded > 0 else '−' if rounded < 0 else ''}{abs(rounded):f}%"


def _change(now: Decimal, before: Decimal) -> str:
    difference = now - before
    if difference == 0:
        return "→ 持平"
    arrow = "↑" if difference > 0 else "↓"
    rate = f"（{_percent(difference * 100 / before)}）" if before else ""
    return f"{arrow} {_money(abs(difference))}{rate}"


def _pages(expected: dict) -> list[tuple[str, str]]:
    present = {(year, kind) for year, kind, _, _ in expected}
    return sorted(present, key=lambda p: (-int(p[0]), KIND_ORDER.index(p[1])))


def _parse(path: Path):
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _table_rows(document) -> list[dict]:
    """Each body row of the county table: department id, scope word, rank, cells' texts and data-sort, the SVG."""
    table = document.find(".//table[@id='table-departments']")
    headers = [_text(th) for th in table.find("thead").iter("th")]
    rows = []
    for tr in table.find("tbody").findall("tr"):
        cells = [cell for cell in tr if cell.tag in ("td", "th")]
        named = dict(zip(headers, cells, strict=True))
        name = tr.find("th")
        scope = name.find(".//span[@class='scope']")
        rows.append(
            {
                "id": _text(name.find(".//span[@class='code']")),
                "scope": "" if scope is None else _text(scope),
                "cells": {header: _text(cell) for header, cell in named.items()},
                "sort": {header: cell.get("data-sort") for header, cell in named.items()},
                "svg": tr.find(f".//{SVG}svg"),
                "spark": named["历年支出 Expenditure by year"],
            }
        )
    return rows


def _identity_of(year: str, kind: str, row: dict) -> tuple[str, str, str, str]:
    return (year, kind, row["id"], "own" if row["scope"].startswith("本级") else "department")


def test_every_year_and_kind_has_a_page_and_the_pages_link_to_each_other(county, expected):
    _, site = county
    pages = _pages(expected)
    assert len(pages) >= 6 and {kind for _, kind in pages} == set(KIND_ORDER)
    hrefs = [f"county/{year}-{kind}.html" for year, kind in pages]
    for href in hrefs:
        html5lib.HTMLParser(strict=True).parse((site / href).read_bytes())
        document = _parse(site / href)
        ids = [element.get("id") for element in document.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), href
        links = [a.get("href") for a in document.findall(".//nav[@class='year-kinds']//a")]
        assert links == [f"../{h}" for h in hrefs]
        current = document.findall(".//nav[@class='year-kinds']//a[@aria-current='page']")
        assert [a.get("href") for a in current] == [f"../{href}"]
    index = _parse(site / "index.html")
    marked = index.findall(".//nav[@class='year-kinds']//a[@aria-current]")
    assert [a.get("href") for a in marked] == [hrefs[0]]
    assert [a.get("href") for a in index.findall(".//nav[@class='year-kinds']//a")] == hrefs
    assert len(_table_rows(index)) == sum(1 for identity in expected if identity[:2] == pages[0])
    for section in ("downloads", "validation"):
        assert index.find(f".//section[@id='{section}']") is not None, section


def test_departments_are_ranked_by_expenditure_with_unpublished_last(county, expected):
    _, site = county
    for year, kind in _pages(expected):
        rows = _table_rows(_parse(site / f"county/{year}-{kind}.html"))
        figures = [_wan(expected[_identity_of(year, kind, row)]["expenditure"]) for row in rows]
        assert len(rows) == sum(1 for identity in expected if identity[:2] == (year, kind))
        published = [f for f in figures if f is not None]
        assert figures == published + [None] * (len(figures) - len(published))
        assert published == sorted(published, reverse=True)
        for rank, (row, figure) in enumerate(zip(rows, figures, strict=True), start=1):
            shown = row["cells"]["支出合计 Expenditure"]
            if figure is None:
                assert shown == "未公开 not published" and row["cells"]["排名 Rank"] == "—"
                assert row["sort"]["支出合计 Expenditure"] == ""
            else:
                assert shown == _money(figure) and row["cells"]["排名 Rank"] == str(rank)
                assert Decimal(row["sort"]["支出合计 Expenditure"]) == figure


def test_a_figure_not_published_is_shown_as_such_never_as_zero(county, expected):
    _, site = county
    missing = [identity for identity, figures in expected.items() if figures["expenditure"] is None]
    assert missing, "the county package has a partial document without an expenditure total"
    for year, kind, department, scope in missing:
        rows = _table_rows(_parse(site / f"county/{year}-{kind}.html"))
        row = next(r for r in rows if _identity_of(year, kind, r) == (year, kind, department, scope))
        after = rows[rows.index(row) :]
        assert {r["cells"]["支出合计 Expenditure"] for r in after} == {"未公开 not published"}
        assert row["cells"]["支出合计 Expenditure"] == "未公开 not published"
        assert "0.00" not in row["cells"].values()


def test_changes_are_computed_against_the_previous_year_or_shown_as_stated(county, expected):
    _, site = county
    computed = stated = 0
    for year, kind in _pages(expected):
        for row in _table_rows(_parse(site / f"county/{year}-{kind}.html")):
            identity = _identity_of(year, kind, row)
            before = expected.get((str(int(year) - 1), *identity[1:]))
            for figure, column in (("expenditure", "较上年 Change"), ("sangong", "“三公”较上年 三公 change")):
                now, shown = _wan(expected[identity][figure]), row["cells"][column]
                previous = _wan(before[figure]) if before else None
                if now is not None and previous is not None:
                    assert shown == _change(now, previous) and "所述" not in shown
                    computed += 1
                elif now is not None and _wan(expected[identity][figure], "change") is not None:
                    change = _wan(expected[identity][figure], "change")
                    assert shown == f"{_change(now, now - change)} （所述 as stated）"
                    stated += 1
                else:
                    assert shown == "—"
    assert computed >= 10 and stated >= 3


def test_final_accounts_show_their_share_of_the_budget(county, expected):
    _, site = county
    checked = 0
    for year, kind in _pages(expected):
        rows = _table_rows(_parse(site / f"county/{year}-{kind}.html"))
        wanted = []
        for row in rows:
            identity = _identity_of(year, kind, row)
            final = _wan(expected[identity]["expenditure"])
            budget = expected.get((year, "budget", *identity[2:]))
            base = _wan(budget["expenditure"]) if budget else None
            wanted.append(_percent(final * 100 / base).lstrip("+") if final is not None and base else "—")
        has_column = kind == "final_account" and any(want != "—" for want in wanted)
        shown = [row["cells"].get("决算/预算 Final / budget") for row in rows]
        assert shown == (wanted if has_column else [None] * len(rows))
        checked += sum(want != "—" for want in wanted) if has_column else 0
    assert checked >= 6


def test_sparklines_have_one_point_per_published_year_and_their_figures_in_text(county, expected):
    _, site = county
    for year, kind in _pages(expected):
        for row in _table_rows(_parse(site / f"county/{year}-{kind}.html")):
            _, _, department, scope = _identity_of(year, kind, row)
            years = sorted(i[0] for i in expected if i[1:] == (kind, department, scope))
            series = [(y, _wan(expected[(y, kind, department, scope)]["expenditure"])) for y in years]
            published = [(y, value) for y, value in series if value is not None]
            if not published:
                assert row["svg"] is None and row["cells"]["历年支出 Expenditure by year"] == "—"
                continue
            svg = row["svg"]
            assert svg.get("aria-hidden") == "true" and svg.find(f".//{SVG}text") is None
            points = svg.find(f"{SVG}polyline").get("points").split()
            assert len(points) == len(published)
            assert (svg.find(f"{SVG}circle") is not None) == (dict(series)[year] is not None)
            label = "；".join(f"{y}年 {_money(v) if v is not None else '未公开'}" for y, v in series)
            assert row["cells"]["历年支出 Expenditure by year"] == label == row["spark"].get("title")


def test_county_total_and_short_lists(county, expected):
    _, site = county
    for year, kind in _pages(expected):
        document = _parse(site / f"county/{year}-{kind}.html")
        mine = {i: f for i, f in expected.items() if i[:2] == (year, kind)}
        spent = {i: _wan(f["expenditure"]) for i, f in mine.items() if f["expenditure"] is not None}
        total = _text(document.find(".//p[@class='county-total']"))
        assert f"所列 {len(spent)} 个部门支出合计 {_money(sum(spent.values(), Decimal(0)))} 万元" in total
        largest = [_text(li) for li in document.findall(".//section[@aria-labelledby='largest-heading']//li")]
        top = sorted(spent.values(), reverse=True)[:5]
        assert [item.rsplit(" ", 1)[1] for item in largest] == [_money(value) for value in top]


def test_year_kind_pages_filter_search_and_sort_in_chromium(county, expected, browser):
    _, site = county
    browser.open((site / "index.html").as_uri(), 1200, 900)
    final = next(f"{year}-{kind}" for year, kind in _pages(expected) if kind == "final_account")
    href = browser.evaluate(f"document.querySelector('nav.year-kinds a[href=\"county/{final}.html\"]').href")
    assert_offline_and_clean(browser)
    browser.open(href, 1200, 900)
    assert browser.evaluate("document.querySelector('nav.year-kinds [aria-current=page]').href") == href
    assert browser.evaluate("document.querySelector('.search').hidden") is False
    rows = "document.querySelectorAll('#table-departments tbody tr')"
    count = browser.evaluate(f"{rows}.length")
    assert count >= 3
    browser.evaluate("document.querySelectorAll('#table-departments thead button')[2].click()")
    ascending = browser.evaluate(f"[...{rows}].map(r => r.cells[2].dataset.sort)")
    published = [Decimal(value) for value in ascending if value]
    assert published == sorted(published) and ascending[len(published) :] == [""] * (count - len(published))
    first_id = browser.evaluate(f"{rows}[0].querySelector('.code').textContent")
    browser.evaluate(
        f"(() => {{ const i = document.querySelector('#filter'); i.value = '{first_id}';"
        " i.dispatchEvent(new Event('input')); })()"
    )
    visible = browser.evaluate(f"[...{rows}].filter(r => !r.hidden).map(r => r.querySelector('.code').textContent)")
    assert visible and set(visible) == {first_id}
    assert browser.evaluate("document.querySelectorAll('svg.spark polyline').length") >= 3
    assert_offline_and_clean(browser)
