"""Charts as inline SVG, drawn by Altair (Vega-Lite) and rendered offline by vl-convert.

vl-convert writes every label as an SVG <text> element (Chinese stays text: searchable,
copyable, read by screen readers) in the font family named below, which the reader's own
system provides; no font is embedded or fetched. Each chart also carries a text alternative
that lists every figure, for readers who cannot see it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from publish.site import formatting
from publish.site.model import DepartmentYear

FONT = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif"
WIDTH = 320
BAR_COLOR = "#2f6f9f"
XML_DECLARATION = re.compile(r"^<\?xml[^>]*>\s*")


@dataclass
class Chart:
    anchor: str
    zh: str
    en: str
    svg: str
    description: str


def charts_for(view: DepartmentYear, history: list[DepartmentYear]) -> list[Chart]:
    """The charts of one department-year page; a chart without any figure is left out."""
    candidates = [
        _function_chart(view),
        _type_chart(view),
        _sangong_chart(view),
        _year_chart(view, history),
    ]
    return [chart for chart in candidates if chart is not None]


def _function_chart(view: DepartmentYear) -> Chart | None:
    rows = [r for r in view.rows("expenditure_by_function") if r.get("_depth") == "1" and r.get("amount")]
    rows = [r for r in rows if r.get("cost_type") in (None, "", "total")]
    funds = {r.get("fund") for r in rows}
    fund = next((f for f in ("all", "appropriation", "general_budget") if f in funds), next(iter(funds), None))
    rows = [r for r in rows if r.get("fund") == fund]
    points = [(f"{r.get('function_code', '')} {r.get('item_name', '')}".strip(), _wan(r)) for r in rows]
    return _bar_chart("chart-function", "支出按功能分类", "Expenditure by function", points)


def _type_chart(view: DepartmentYear) -> Chart | None:
    rows = [r for r in view.rows("expenditure_by_type") if r.get("item") in ("basic", "project") and r.get("amount")]
    funds = {r.get("fund") for r in rows}
    fund = "general_budget" if "general_budget" in funds else next(iter(funds), None)
    points = [(r.get("item_name", ""), _wan(r)) for r in rows if r.get("fund") == fund]
    return _bar_chart("chart-type", "基本支出与项目支出", "Basic and project expenditure", points)


def _sangong_chart(view: DepartmentYear) -> Chart | None:
    rows = [r for r in view.rows("sangong", "general_budget") or view.rows("sangong") if r.get("amount")]
    split = {r.get("parent_item") for r in rows}
    leaves = [r for r in rows if r.get("item") != "total" and not (r.get("item") == "vehicle" and "vehicle" in split)]
    points = [(r.get("item_name", ""), _wan(r)) for r in leaves]
    return _bar_chart("chart-sangong", "“三公”经费", "The 'three public' costs", points)


def _year_chart(view: DepartmentYear, history: list[DepartmentYear]) -> Chart | None:
    """Published totals over the years; with one year only, the prior year implied by the stated change.

    A year that is not a number (the data failed validation, built with --allow-invalid) has no year chart."""
    if not all(h.fiscal_year.isdigit() for h in [view, *history]):
        return None
    points: list[tuple[str, str]] = []
    years = [h for h in history if int(h.fiscal_year) <= int(view.fiscal_year)]
    for past in years:
        total = past.total("expenditure_by_function") or past.total("income")
        if total and total.get("amount"):
            points.append((f"{past.fiscal_year}年", _wan(total)))
    if len(points) == 1:
        total = view.total("expenditure_by_function") or view.total("income")
        change = formatting.in_wan(total.get("change"), total.get("unit")) if total else None
        if change is None:
            return None
        prior = Decimal(points[0][1]) - change
        points.insert(0, (f"{int(view.fiscal_year) - 1}年（据所述增减推算）", str(prior)))
    return _bar_chart("chart-years", "支出合计逐年变化", "Total expenditure by year", points, sort=False)


def _wan(row: dict) -> str:
    """A row's amount in 万元, as exact decimal text (converted from the row's unit)."""
    return str(formatting.in_wan(row["amount"], row.get("unit")))


def _bar_chart(anchor: str, zh: str, en: str, points: list[tuple[str, str]], sort: bool = True) -> Chart | None:
    import altair as alt
    import vl_convert

    if not points:
        return None
    values = [
        {"label": label, "amount": float(Decimal(amount)), "text": formatting.wan(amount)} for label, amount in points
    ]
    order = "-x" if sort else None
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=160)),
        x=alt.X("amount:Q", title="万元"),
    )
    bars = base.mark_bar(color=BAR_COLOR)
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(text="text:N")
    chart = (bars + labels).properties(width=WIDTH, title=zh).configure(font=FONT).configure_view(stroke=None)
    svg = XML_DECLARATION.sub("", vl_convert.vegalite_to_svg(chart.to_dict()))
    description = f"{zh}（万元）：" + "；".join(f"{label} {formatting.wan(amount)}" for label, amount in points)
    return Chart(anchor, zh, en, _scoped_ids(svg, anchor), description)


def _scoped_ids(svg: str, prefix: str) -> str:
    """Prefix every id (and reference to it) so that several inline SVGs on a page never clash."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for old in ids:
        svg = svg.replace(f'id="{old}"', f'id="{prefix}-{old}"').replace(f"url(#{old})", f"url(#{prefix}-{old})")
    return svg
