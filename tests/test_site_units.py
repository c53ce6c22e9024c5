"""The portal shows every figure in 万元, converted exactly from the unit its row was published in, so that a
department published in 元 compares with one published in 万元; the downloads keep the published unit."""

from __future__ import annotations

import re
from decimal import Decimal

from publish.site import build_site
from publish.site.formatting import change_text, in_wan, sort_key, wan
from tests.helpers import copy_package
from tests.mutate import read_table, write_table


def test_a_figure_in_yuan_reads_in_wanyuan_exactly():
    assert in_wan("96282213.44", "元") == Decimal("9628.221344")
    assert wan("96282213.44", "元") == "9,628.22"
    assert wan("0.66", "亿元") == "6,600.00"
    assert wan("360.67", "万元") == wan("360.67") == "360.67"
    assert change_text("-13900", "减少", None, "元") == "↓ 减少 1.39"
    assert (sort_key("1000000", "元"), sort_key("", "元")) == ("100", "")


def test_a_package_kept_in_yuan_shows_the_same_page(tmp_path):
    """The seed's figures rewritten in 元 (×10,000, unit 元) give the same summary and tables as in 万元."""
    original = copy_package(tmp_path / "wan")
    in_yuan = copy_package(tmp_path / "yuan")
    for resource in ("income", "expenditure_by_function", "expenditure_by_type", "sangong", "operating_costs"):
        columns, rows = read_table(in_yuan, resource)
        for row in rows:
            for name in ("amount", "change"):
                if row.get(name):
                    row[name] = f"{Decimal(row[name]) * 10000:f}"
            row["unit"] = "元"
        write_table(in_yuan, resource, columns, rows)
    pages = {}
    for name, package in (("wan", original), ("yuan", in_yuan)):
        out = tmp_path / f"site-{name}"
        build_site(package, out)
        page = next(p for p in sorted(out.rglob("*.html")) if "500238-zwfwzx-2023" in p.name)
        pages[name] = page.read_text(encoding="utf-8")
    assert "360.67" in pages["yuan"] and "3606700" not in pages["yuan"]
    assert len(_figures(pages["wan"])) > 10
    assert _figures(pages["yuan"]) == _figures(pages["wan"])


def _figures(page: str) -> list[str]:
    """Every figure with two decimals in the page's table cells and summary, in order (findings quote the data as
    published, in its unit, and are left out)."""
    cells = re.findall(r'<td[^>]*>(.*?)</td>|<span class="big">(.*?)</span>', page, re.S)
    return [figure for pair in cells for text in pair for figure in re.findall(r"[0-9][0-9,]*\.[0-9]{2}", text)]
