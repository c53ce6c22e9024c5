"""publish site in real headless Chromium (Debian's `chromium`, driven by tests/chromium.py)."""

from __future__ import annotations

import json

from tests.chromium import assert_not_blank, assert_offline_and_clean
from tests.helpers import SEED_DEPARTMENT


def test_department_page_in_chromium(site, browser):
    browser.open((site / f"department/{SEED_DEPARTMENT}-2023.html").as_uri(), 1200, 900)
    text = browser.evaluate("document.body.innerText")
    assert "360.67" in text and "“三公”经费合计" in text
    assert browser.evaluate("document.querySelectorAll('#table-sangong tbody tr').length") == 6
    assert browser.evaluate("document.querySelectorAll('figure.chart svg text').length") > 20
    chart_box = browser.evaluate(
        "(() => { const r = document.querySelector('#chart-function svg').getBoundingClientRect();"
        " return [r.width, r.height]; })()"
    )
    assert chart_box[0] > 200 and chart_box[1] > 80
    assert any(url.endswith("assets/site.css") for url in browser.requested_urls())
    assert_offline_and_clean(browser)
    assert_not_blank(browser.screenshot())


def test_index_sorts_filters_and_switches_language_in_chromium(site, browser):
    browser.open((site / "index.html").as_uri(), 1200, 900)
    assert "360.67" in browser.evaluate("document.querySelector('#table-departments tbody').innerText")
    assert browser.evaluate("document.querySelector('.search').hidden") is False
    browser.evaluate("document.querySelectorAll('#table-departments thead button')[2].click()")
    assert browser.evaluate("document.querySelectorAll('#table-departments thead th')[2].ariaSort") == "ascending"
    browser.evaluate(
        "(() => { const i = document.querySelector('#filter'); i.value = '不存在的部门';"
        " i.dispatchEvent(new Event('input')); })()"
    )
    assert browser.evaluate("[...document.querySelectorAll('#table-departments tbody tr')].every(r => r.hidden)")
    browser.evaluate("document.querySelector('.lang-switch button[data-lang=zh]').click()")
    assert browser.evaluate("getComputedStyle(document.querySelector('h1 .en')).display") == "none"
    assert json.loads(browser.evaluate("document.querySelector('script[type=\"application/ld+json\"]').text"))
    assert_offline_and_clean(browser)
    assert_not_blank(browser.screenshot())


def test_phone_width_has_no_page_wide_horizontal_scroll(site, browser):
    browser.open((site / f"department/{SEED_DEPARTMENT}-2023.html").as_uri(), 390, 844, mobile=True)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390
    assert browser.evaluate("document.querySelector('#chart-function svg').getBoundingClientRect().width") <= 390
    image = browser.screenshot()
    assert image.size[0] == 390
    assert_not_blank(image)
    assert_offline_and_clean(browser)
