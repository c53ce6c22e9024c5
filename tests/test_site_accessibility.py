"""Accessibility of the portal, checked in real headless Chromium on a county's site (several departments, years,
kinds and partial documents): axe-core's WCAG 2.x A and AA rules, contrast included, on every page the build
writes; the keyboard, with real key presses; and every chart with its text summary and its table.

axe-core comes from the npm registry, pinned, installed into .cache/axe-core (git-ignored) when missing, and is
injected into each page over the DevTools protocol: the page itself requests nothing for it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from publish.site import build_site
from tests.helpers import ROOT, SEED_DEPARTMENT, require_tool
from tests.site_support import county_package

AXE_VERSION = "4.14.1"
AXE_HOME = ROOT / ".cache" / "axe-core"  # git-ignored
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = (1280, 900, False)
PHONE = (390, 844, True)
FIGURE = re.compile(r"-?\d[\d,]*\.\d\d")  # an amount as the pages print it: 万元 with two decimals
# Every chart has a table holding its figures: chart-X beside table-X (the year chart, drawn from other years' pages,
# carries its own small table).

AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: WCAG_TAGS}, resultTypes: ["violations"]}).then(result => ({
  ran: [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map(rule => rule.id),
  violations: result.violations.map(rule => ({
    id: rule.id, impact: rule.impact, targets: rule.nodes.map(node => node.target.join(" ")),
  })),
}))
""".replace("WCAG_TAGS", json.dumps(WCAG_TAGS))

# What the keyboard tests read of the page: the elements a Tab can reach, in document order, and the focused one.
PROBE = """
window.a11yProbe = {
  key(element) {
    const steps = [];
    for (let node = element; node && node !== document.body; node = node.parentElement) {
      steps.unshift(node.tagName.toLowerCase() + ":" + [...node.parentElement.children].indexOf(node));
    }
    return steps.join("/");
  },
  tabbable() {
    const candidates = document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]");
    return [...candidates].filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0
      && getComputedStyle(e).visibility !== "hidden").map(e => this.key(e));
  },
  focused() {
    const e = document.activeElement, style = getComputedStyle(e), box = e.getBoundingClientRect();
    const kinds = [["skip", "a.skip"], ["sort", "table.sortable thead button"], ["language", ".lang-switch button"],
                   ["filter", "input[data-filter]"]];
    const kind = e === document.body ? "body" : (kinds.find(([, selector]) => e.matches(selector)) || ["other"])[0];
    return {
      key: this.key(e), kind: kind, tag: e.tagName, text: (e.textContent || e.value || "").trim().slice(0, 40),
      href: e.getAttribute("href"), language: e.getAttribute("data-lang"),
      ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
      onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
        && box.right <= innerWidth && box.bottom <= innerHeight,
      inMain: Boolean(e.closest("main")) && e.tagName !== "MAIN",
      sort: e.closest("th") ? e.closest("th").getAttribute("aria-sort") : null,
    };
  },
  rows(input) {
    const rows = [...document.querySelector(input.getAttribute("data-filter")).tBodies[0].rows];
    return {all: rows.length, shown: rows.filter(r => !r.hidden).map(r => r.textContent)};
  },
};
"""


@pytest.fixture(scope="module")
def county_site(tmp_path_factory) -> Path:
    """The site of site_support's county package: every kind of page the build writes."""
    folder = tmp_path_factory.mktemp("county")
    build_site(county_package(folder / "package"), folder / "site")
    return folder / "site"


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's browser build (axe.min.js), installed from npm into .cache/axe-core when missing."""
    manifest = AXE_HOME / "node_modules" / "axe-core" / "package.json"
    if not manifest.is_file() or json.loads(manifest.read_text(encoding="utf-8"))["version"] != AXE_VERSION:
        npm = require_tool("npm", f"it installs axe-core@{AXE_VERSION}, the accessibility checker, into .cache/")
        command = [npm, "install", "--prefix", str(AXE_HOME), "--no-save", "--no-package-lock"]
        command += ["--no-audit", "--no-fund", f"axe-core@{AXE_VERSION}"]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    return (manifest.parent / "axe.min.js").read_text(encoding="utf-8")


def pages_of(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert site / "index.html" in pages and len(pages) > 20
    return pages


def axe_violations(browser, axe_script: str, page: Path, size: tuple[int, int, bool]) -> list[str]:
    """Every WCAG A/AA violation axe finds on ``page`` at ``size``: rule, impact and the elements."""
    browser.open(page.as_uri(), *size)
    browser.run_script(axe_script)
    result = browser.evaluate_async(AXE_RUN)
    assert "color-contrast" in result["ran"]
    return [f"{v['id']} ({v['impact']}): {', '.join(v['targets'])}" for v in result["violations"]]


def test_every_page_passes_axe_wcag_a_and_aa_at_desktop_width(county_site, browser, axe_script):
    found = {}
    for page in pages_of(county_site):
        if violations := axe_violations(browser, axe_script, page, DESKTOP):
            found[page.relative_to(county_site).as_posix()] = violations
    assert found == {}


def test_the_index_and_department_pages_pass_axe_at_phone_width(county_site, browser, axe_script):
    departments = sorted((county_site / "department").glob("*.html"))
    final_account = next(page for page in departments if "final_account" in page.name)
    pages = [county_site / "index.html", county_site / f"department/{SEED_DEPARTMENT}-2023.html", final_account]
    found = {}
    for page in pages:
        if violations := axe_violations(browser, axe_script, page, PHONE):
            found[page.relative_to(county_site).as_posix()] = violations
    assert found == {}


# --- the keyboard ------------------------------------------------------------------------------------------------


def focused(browser) -> dict:
    return browser.evaluate("a11yProbe.focused()")


def open_for_keys(browser, page: Path) -> list[str]:
    """Open ``page`` and give the tabbable elements, in document order."""
    browser.open(page.as_uri(), *DESKTOP)
    browser.run_script(PROBE)
    return browser.evaluate("a11yProbe.tabbable()")


def operate_sort(browser, stop: dict) -> None:
    """Enter sorts by the column (either way: a column may come sorted), Space sorts it the other way."""
    browser.press("Enter")
    first = focused(browser)["sort"]
    assert first in ("ascending", "descending"), stop
    browser.press("Space")
    other = "descending" if first == "ascending" else "ascending"
    assert (focused(browser)["sort"], focused(browser)["key"]) == (other, stop["key"]), stop


def operate_language(browser, stop: dict) -> None:
    for key in ("Space", "Enter"):
        browser.press(key)
        assert browser.evaluate("document.documentElement.getAttribute('data-lang')") == stop["language"], key
        assert browser.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"


def operate_filter(browser, stop: dict) -> None:
    before = browser.evaluate("a11yProbe.rows(document.activeElement)")
    word = before["shown"][-1].split()[0]
    browser.type_text(word)
    after = browser.evaluate("a11yProbe.rows(document.activeElement)")
    assert 0 < len(after["shown"]) < after["all"] and all(word in text for text in after["shown"]), (word, stop)
    for _ in word:
        browser.press("Backspace")
    assert len(browser.evaluate("a11yProbe.rows(document.activeElement)")["shown"]) == before["all"]


OPERATE = {"sort": operate_sort, "language": operate_language, "filter": operate_filter}


def tab_through(browser, tabbable: list[str]) -> list[dict]:
    """Press Tab until focus leaves the page, operating each control on the way; a stop seen twice is a trap."""
    stops: list[dict] = []
    for _ in range(len(tabbable) + 5):
        browser.press("Tab")
        stop = focused(browser)
        if stop["kind"] == "body":
            return stops
        assert stop["key"] not in [s["key"] for s in stops], f"focus came back to {stop} before leaving the page"
        assert stop["ring"], f"no visible focus (outline or box-shadow) on {stop}"
        if stop["kind"] in OPERATE:
            OPERATE[stop["kind"]](browser, stop)
        stops.append(stop)
    raise AssertionError(f"focus never left the page after {len(tabbable) + 5} Tabs: a keyboard trap")


def check_skip_link(browser, page: Path) -> None:
    """The first Tab shows a skip link to the main content; Enter on it takes the next Tab into <main>."""
    tabbable = open_for_keys(browser, page)
    browser.press("Tab")
    first = focused(browser)
    assert (first["kind"], first["href"], first["onScreen"], first["ring"]) == ("skip", "#main", True, True), first
    browser.press("Enter")
    assert browser.evaluate("location.hash") == "#main"
    browser.press("Tab")
    inside = focused(browser)
    assert inside["inMain"], inside
    assert inside["key"] == next(key for key in tabbable if key.startswith(main_key(browser))), inside


def main_key(browser) -> str:
    return browser.evaluate("a11yProbe.key(document.querySelector('main'))") + "/"


@pytest.mark.parametrize("name", ["index.html", f"department/{SEED_DEPARTMENT}-2023.html"])
def test_the_keyboard_reaches_and_operates_everything_with_focus_shown(county_site, browser, name):
    page = county_site / name
    check_skip_link(browser, page)
    tabbable = open_for_keys(browser, page)
    stops = tab_through(browser, tabbable)
    assert [stop["key"] for stop in stops] == tabbable  # every control, in reading order, none skipped
    kinds = [stop["kind"] for stop in stops]
    assert kinds.count("language") == 2
    if name == "index.html":
        assert kinds.count("filter") >= 1 and kinds.count("sort") >= 1
    browser.press("Tab", shift=True)  # and back: out of the page, Shift+Tab returns to the last control
    assert focused(browser)["key"] == stops[-1]["key"]


# --- charts keep their text and their table ------------------------------------------------------------------------

CHARTS = """
[...document.querySelectorAll("figure.chart")].map(figure => {
  const caption = figure.querySelector("figcaption"), plain = caption ? caption.cloneNode(true) : null;
  if (plain) { plain.querySelectorAll(".en").forEach(e => e.remove()); }
  const table = document.getElementById(figure.id.replace(/^chart-/, "table-"));
  return {
    id: figure.id,
    images: [...figure.querySelectorAll("[role=img]")].map(e => e.getAttribute("aria-labelledby")),
    captionId: caption ? caption.id : null,
    caption: plain ? plain.textContent : "",
    drawn: [...figure.querySelectorAll("svg text")].map(e => e.textContent.trim()),
    cells: table ? [...table.querySelectorAll("td, th")].map(e => e.textContent.trim()) : null,
  };
})
"""


def chart_problems(chart: dict) -> list[str]:
    problems = []
    if len(chart["images"]) != 1 or not chart["captionId"] or chart["images"][0] != chart["captionId"]:
        problems.append(f"not one role=img labelled by its figcaption: {chart['images']} / {chart['captionId']}")
    listed = set(FIGURE.findall(chart["caption"]))
    drawn = {text for text in chart["drawn"] if FIGURE.fullmatch(text)}
    if not listed or drawn - listed:
        problems.append(f"caption lists {sorted(listed)}, the chart draws {sorted(drawn)}")
    if chart["cells"] is None:
        problems.append("no table on the page holds its figures")
    elif missing := sorted(listed - set(chart["cells"])):
        problems.append(f"figures not in its table: {missing}")
    return problems


def test_every_chart_has_a_text_summary_and_its_table(county_site, browser):
    found, charts = {}, 0
    for page in sorted((county_site / "department").glob("*.html")):
        browser.open(page.as_uri(), *DESKTOP)
        for chart in browser.evaluate(CHARTS):
            charts += 1
            if problems := chart_problems(chart):
                found[f"{page.name}#{chart['id']}"] = problems
    assert charts > 40
    assert found == {}
