"""Chart labels stay inside their charts when the site is built without any Chinese font and read with one.

The site is built in a subprocess whose fontconfig (FONTCONFIG_FILE) lists only an empty folder, as on a stock CI
runner; the test first proves that vl-convert there really sees no Chinese font. The pages are then opened in
Chromium, which has the machine's fonts (.ci/run installs fonts-wqy-microhei), and every <text> of every chart is
measured against its <svg>.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import publish
from publish.core import load
from publish.site import chart_pool
from publish.site.model import read_site_data
from tests.helpers import require_tool
from tests.site_support import county_package

LONG_NAME = "一般公共服务支出（含人大事务、政协事务、政府办公厅（室）及相关机构事务）"
LONG_PAGE = "500238-zwfwzx-2023"
PROBE_TEXT = "政务服务政务服务"  # 8 Chinese characters: 8 em in any Chinese font
PROBE_SIZE = 20
SOURCE = Path(publish.__file__).resolve().parents[1]

# The left margin Vega gives a one-label chart (no tick, no padding): the label's measured width.
PROBE = """
import json, re, sys, vl_convert
from publish.site import fonts
def margin(font):
    spec = {"data": {"values": [{"l": sys.argv[1], "v": 1}]}, "mark": "bar", "padding": 0,
            "encoding": {"y": {"field": "l", "type": "nominal", "title": None,
                               "axis": {"labelFontSize": int(sys.argv[2]), "ticks": False, "labelPadding": 0,
                                        "labelLimit": 1000, "domain": False}},
                         "x": {"field": "v", "type": "quantitative", "axis": None}},
            "config": {"font": font, "view": {"stroke": None}}}
    return float(re.search(r'transform="translate\\(([\\d.]+),', vl_convert.vegalite_to_svg(spec)).group(1))
family = "'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif"
before = margin(family)
after = margin(f"'{fonts.layout_font()}'," + family)
print(json.dumps([before, after]))
"""

OVERFLOWS = """
(() => {
  const out = [];
  document.querySelectorAll('figure.chart').forEach(figure => {
    const svg = figure.querySelector('svg');
    const box = svg.getBoundingClientRect();
    svg.querySelectorAll('text').forEach(text => {
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        out.push([figure.id, text.textContent, [r.left - box.left, r.right - box.left], box.width]);
    });
  });
  return out;
})()
"""

CJK_RENDERS = """
(() => {
  const family = getComputedStyle(document.querySelector('figure.chart svg text')).fontFamily;
  const context = document.createElement('canvas').getContext('2d');
  context.font = `SIZEpx ${family}`;
  return context.measureText('TEXT').width;
})()
""".replace("SIZE", str(PROBE_SIZE)).replace("TEXT", PROBE_TEXT[:4])

ABBREVIATED = """
[...document.querySelectorAll('figure.chart svg text')].filter(t => t.querySelector('title')).map(t => {
  const svg = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
  const shown = [...t.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.data).join('');
  return [t.closest('figure').id, shown, t.querySelector('title').textContent, r.left >= svg.left && r.right <= svg.right];
})
"""


@pytest.fixture(scope="module")
def no_cjk_env(tmp_path_factory) -> dict[str, str]:
    """An environment whose fontconfig lists one empty folder: no font at all, so no Chinese font."""
    folder = tmp_path_factory.mktemp("fonts")
    (folder / "empty").mkdir()
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder / 'empty'}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(folder), "PYTHONPATH": str(SOURCE)}
    env.pop("XDG_DATA_HOME", None)
    return env


@pytest.fixture(scope="module")
def county_site(tmp_path_factory, no_cjk_env) -> Path:
    """The county package, one function line renamed to a long name, built into a site with no Chinese font."""
    root = tmp_path_factory.mktemp("county")
    package = county_package(root / "package")
    _rename_function_line(package / "data" / "expenditure_by_function.csv")
    out = root / "site"
    command = [sys.executable, "-m", "publish", "site", str(package), "--out", str(out)]
    result = subprocess.run(command, env=no_cjk_env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _rename_function_line(path: Path) -> None:
    """Give the 2023 budget of 500238-zwfwzx a long name for its first function class (201)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    target = [r for r in rows if r["department_id"] + "-" + r["fiscal_year"] == LONG_PAGE and r["item"] == "201"]
    assert target
    for row in target:
        row["item_name"] = LONG_NAME
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_the_build_environment_hides_every_chinese_font(no_cjk_env):
    fc_list = require_tool("fc-list", "fontconfig lists the fonts the build can see (apt-get install fontconfig)")
    listed = subprocess.run([fc_list, ":lang=zh", "family"], env=no_cjk_env, capture_output=True, text=True)
    assert listed.returncode == 0 and listed.stdout.strip() == ""
    probe = [sys.executable, "-c", PROBE, PROBE_TEXT, str(PROBE_SIZE)]
    hidden = json.loads(subprocess.run(probe, env=no_cjk_env, capture_output=True, text=True, check=True).stdout)
    # Without the registered font vl-convert measures narrow fallback glyphs; with it, 1 em per character.
    assert hidden[0] < 0.8 * len(PROBE_TEXT) * PROBE_SIZE
    assert hidden[1] >= 0.98 * len(PROBE_TEXT) * PROBE_SIZE


def test_no_chart_label_lies_outside_its_chart(county_site, browser):
    pages = [*sorted((county_site / "department").glob("*.html")), county_site / "index.html"]
    assert len(pages) > 18
    overflows, charted = {}, 0
    for page in pages:
        browser.open(page.as_uri(), 1200, 900)
        count = browser.evaluate("document.querySelectorAll('figure.chart svg text').length")
        if count:
            charted += 1
            assert browser.evaluate(CJK_RENDERS) >= 3.5 * PROBE_SIZE, "Chromium draws no Chinese font"
        if found := browser.evaluate(OVERFLOWS):
            overflows[page.name] = found
    assert charted >= 18
    assert overflows == {}


def test_a_long_name_is_abbreviated_inside_its_chart_with_the_full_name_kept(county_site, browser):
    page = county_site / "department" / f"{LONG_PAGE}.html"
    browser.open(page.as_uri(), 1200, 900)
    labels = browser.evaluate(ABBREVIATED)
    assert len(labels) == 1
    figure, shown, full, inside = labels[0]
    assert figure == "chart-function" and full == f"201 {LONG_NAME}" and inside
    assert shown.endswith("…") and full.startswith(shown[:-1]) and len(shown) < len(full)
    caption = browser.evaluate("document.querySelector('#chart-function figcaption').textContent")
    assert full in caption
    cells = browser.evaluate("[...document.querySelectorAll('table th, table td')].map(c => c.textContent)")
    assert any(LONG_NAME in cell for cell in cells)
    assert re.search(re.escape(shown), browser.evaluate("document.querySelector('#chart-function svg').textContent"))


def test_charts_drawn_by_worker_processes_are_those_drawn_in_one_process(tmp_path, monkeypatch):
    site = read_site_data(load(county_package(tmp_path / "package")))
    in_one_process = chart_pool.charts_of_every_page(site)
    assert len(in_one_process) == len(site.department_years) < chart_pool.POOL_FROM_PAGES

    def not_here(*_):
        raise AssertionError("with a pool, no chart is drawn in the building process")

    monkeypatch.setattr(chart_pool, "charts_for", not_here)  # the spawned workers import the real one
    monkeypatch.setattr(chart_pool, "POOL_FROM_PAGES", 2)
    monkeypatch.setattr(chart_pool, "WORKERS", 2)
    assert chart_pool.charts_of_every_page(site) == in_one_process
