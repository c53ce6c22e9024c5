"""Charts as inline SVG: Vega-Lite specs rendered offline by vl-convert.

vl-convert writes every label as an SVG <text> element (Chinese stays text: searchable, copyable, read by screen
readers). Layout does not depend on the build machine's fonts: vl-convert measures with Noto Sans SC, registered
from a PyPI package (site/fonts.py: origin and licence, SIL OFL 1.1), and the page names that font first, then
common system CJK fonts, so the reader's browser draws it where installed. A reader's font may still be a little
wider, so the label margin and the room right of the values come from a conservative glyph-width model (Chinese
1 em, other characters 0.65 em) plus slack, never from Vega's measurement alone; a label wider than MAX_LABEL_EM is
abbreviated with an ellipsis and keeps its full name in a <title> tooltip, in the chart's text description and in
the page's table. No font is embedded in or fetched by the pages.

The specs are plain dicts (no Altair: its schema validation cost more than the rendering). Each chart also carries a
text alternative that lists every figure, for readers who cannot see it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from publish.site import fonts, formatting
from publish.site.model import DepartmentYear

READER_FONTS = (
    "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei',sans-serif"
)
WIDTH = 320
FONT_SIZE = 11  # px, every label and value of a chart
MAX_LABEL_EM = 16  # a label wider than this (about 13 Chinese characters after a code) is abbreviated
TICK_AND_PAD = 7  # px between a label's end and the plot: Vega's default tick size (5) and label padding (2)
SLACK = 6  # px of room beyond the glyph-width model
DIGIT_SLACK_EM = 0.15  # how much wider a reader's digits may be than the layout font's, per character
EDGE = 5  # px of padding around the chart
BAR_COLOR = "#2f6f9f"
XML_DECLARATION = re.compile(r"^<\?xml[^>]*>\s*")


@dataclass
class Chart:
    anchor: str
    zh: str
    en: str
    svg: str
    description: str
    rows: tuple[tuple[str, str], ...] = ()  # (label, 万元) of a chart no table on the page holds: its own table


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
    return _bar_chart(
        "chart-years", "支出合计逐年变化", "Total expenditure by year", points, sort=False, own_table=True
    )


def _wan(row: dict) -> str:
    """A row's amount in 万元, as exact decimal text (converted from the row's unit)."""
    return str(formatting.in_wan(row["amount"], row.get("unit")))


def _bar_chart(
    anchor: str, zh: str, en: str, points: list[tuple[str, str]], sort: bool = True, own_table: bool = False
) -> Chart | None:
    import vl_convert

    points = list(dict.fromkeys(points))  # a line stated twice is drawn once
    if not points:
        return None
    shown = _shown([label for label, _ in points])
    svg = XML_DECLARATION.sub("", vl_convert.vegalite_to_svg(_spec(zh, points, shown, sort)))
    description = f"{zh}（万元）：" + "；".join(f"{label} {formatting.wan(amount)}" for label, amount in points)
    rows = tuple((label, formatting.wan(amount)) for label, amount in points) if own_table else ()
    return Chart(anchor, zh, en, _scoped_ids(_with_full_names(svg, shown), anchor), description, rows)


def _spec(title: str, points: list[tuple[str, str]], shown: dict[str, str], sort: bool) -> dict:
    """A horizontal bar chart with each bar's value at its end, as a Vega-Lite spec."""
    values = [
        {"label": label, "amount": float(Decimal(amount)), "text": formatting.wan(amount)} for label, amount in points
    ]
    label = {"field": "label", "type": "nominal", "title": None, "sort": "-x" if sort else None, "axis": _axis(shown)}
    value_text = {"type": "text", "align": "left", "dx": 3, "fontSize": FONT_SIZE}
    return {
        "width": WIDTH,
        "title": title,
        "data": {"values": values},
        "encoding": {
            "y": label,
            "x": {"field": "amount", "type": "quantitative", "title": "万元", "axis": {"tickCount": 5}},
        },
        "layer": [
            {"mark": {"type": "bar", "color": BAR_COLOR}},
            {"mark": value_text, "encoding": {"text": {"field": "text", "type": "nominal"}}},
        ],
        "padding": {"left": EDGE, "top": EDGE, "bottom": EDGE, "right": _right_slack(v["text"] for v in values)},
        "config": {"font": _font_family(), "view": {"stroke": None}},
    }


def _shown(labels: list[str]) -> dict[str, str]:
    """Each label as drawn: abbreviated past MAX_LABEL_EM, unless two would then read alike (those stay whole)."""
    fitted = {label: fonts.fitted(label, MAX_LABEL_EM) for label in labels}
    clashes = {text for text in fitted.values() if list(fitted.values()).count(text) > 1}
    return {label: label if text in clashes else text for label, text in fitted.items()}


def _font_family() -> str:
    """The charts' CSS font family: the layout font first (registered with vl-convert), then common CJK fonts."""
    return f"'{fonts.layout_font()}',{READER_FONTS}"


def _axis(shown: dict[str, str]) -> dict:
    """The label axis, wide enough for its widest label in any reader's font (Vega would otherwise size the
    margin from the build machine's measurement, and cut labels longer than its default limit)."""
    widest = math.ceil(max(fonts.width_em(text) for text in shown.values()) * FONT_SIZE)
    # labelLimit 0: Vega never truncates a label (nor measures it to decide); the margin is minExtent
    axis: dict = {"labelFontSize": FONT_SIZE, "labelLimit": 0, "minExtent": widest + TICK_AND_PAD + SLACK}
    cut = {full: text for full, text in shown.items() if full != text}
    if cut:  # a JSON object is a Vega expression literal; ASCII escapes keep it plain
        axis["labelExpr"] = f"{json.dumps(cut)}[datum.value] || datum.value"
    return axis


def _right_slack(texts) -> int:
    """Room right of the longest value label for a reader's font with wider digits than the layout font's."""
    return EDGE + math.ceil(max(len(text) for text in texts) * FONT_SIZE * DIGIT_SLACK_EM)


def _with_full_names(svg: str, shown: dict[str, str]) -> str:
    """Give every abbreviated label's <text> a <title> child with the full name (a tooltip, read by screen readers)."""
    for full, text in shown.items():
        if full != text:
            pattern = re.compile(r"(<text\b[^>]*>)(" + re.escape(escape(text, quote=False)) + r"</text>)")
            svg = pattern.sub(lambda m, full=full: f"{m.group(1)}<title>{escape(full)}</title>{m.group(2)}", svg)
    return svg


def _scoped_ids(svg: str, prefix: str) -> str:
    """Prefix every id (and reference to it) so that several inline SVGs on a page never clash."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for old in ids:
        svg = svg.replace(f'id="{old}"', f'id="{prefix}-{old}"').replace(f"url(#{old})", f"url(#{prefix}-{old})")
    return svg
