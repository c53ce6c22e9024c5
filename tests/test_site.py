"""publish site: pages, formatting, links, downloads, JSON-LD and the whole-folder write."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from publish.core import atomic
from publish.site import MARKER, SiteRefused, build_site
from publish.site.formatting import change_text, wan
from tests.helpers import ROOT, SEED_DEPARTMENT, TABLE_COUNT, append_rows, invoke, read_rows
from tests.release_support import NAME, make_release

PAGE = f"department/{SEED_DEPARTMENT}-2023.html"


class LinkCollector(HTMLParser):
    """Every href/src of a page, every id, and the text of the JSON-LD script."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: list[str] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.links.extend(values[key] for key in ("href", "src") if values.get(key) is not None)
        if "id" in values:
            self.ids.append(values["id"])
        self._in_jsonld = tag == "script" and values.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):
        self._in_jsonld = False


def collect(page: Path) -> LinkCollector:
    parser = LinkCollector()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_amounts_are_wan_with_two_decimals_and_changes_have_arrows():
    assert wan("360.67") == "360.67"
    assert wan("38.2") == "38.20"
    assert wan("135") == "135.00"
    assert wan("1367.755") == "1,367.76"
    assert change_text("-1.39", "减少") == "↓ 减少 1.39"
    assert change_text("13.61", "增加") == "↑ 增加 13.61"
    assert change_text("0", "持平") == "→ 持平"
    assert change_text("", "") == "—"


def test_department_page_shows_the_seed_figures(site):
    text = (site / PAGE).read_text(encoding="utf-8")
    assert "巫溪县政务服务中心 2023年部门预算" in text
    assert "360.67" in text and "304.21" in text and "38.20" in text
    assert "↓ 减少 1.39" in text and "↑ 增加 13.61" in text and "→ 持平" in text
    assert '<table id="table-sangong">' in text and "公务用车运行维护费" in text
    assert "办件时限压缩率" in text and "优化“渝快办”平台功能" in text
    assert text.count('<figure class="chart"') == 4


def test_tables_are_semantic_with_captions_and_scoped_headers(site):
    document = html5lib.parse((site / PAGE).read_bytes(), namespaceHTMLElements=False)
    tables = document.findall(".//table")
    assert len(tables) >= 9
    for table in tables:
        assert table.find("caption") is not None and "".join(table.find("caption").itertext()).strip()
        assert all(th.get("scope") in ("col", "row", "rowgroup") for th in table.iter("th"))
    sangong = document.find(".//table[@id='table-sangong']")
    rows = {
        "".join(tr.find("th").itertext()).strip(): [td.text for td in tr.findall("td")]
        for tr in sangong.find("tbody").findall("tr")
        if tr.find("td") is not None
    }
    assert rows["“三公”经费合计"][:2] == ["4.00", "→ 持平"]
    assert rows["公务用车运行维护费"][:2] == ["4.00", "→ 持平"]
    assert rows["因公出国（境）费用"][0] == "0.00"


def test_charts_are_svg_with_chinese_text_and_a_text_alternative(site):
    document = html5lib.parse((site / PAGE).read_bytes(), namespaceHTMLElements=False)
    figures = {figure.get("id"): figure for figure in document.iter("figure")}
    assert set(figures) == {"chart-function", "chart-type", "chart-sangong", "chart-years"}
    function = figures["chart-function"]
    svg = function.find(".//{http://www.w3.org/2000/svg}svg")
    labels = ["".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "201 一般公共服务支出" in labels and "304.21" in labels
    holder = function.find("div")
    assert holder.get("role") == "img"
    caption = document.find(f".//figcaption[@id='{holder.get('aria-labelledby')}']")
    assert "201 一般公共服务支出 304.21" in "".join(caption.itertext())
    years = "".join(figures["chart-years"].find("figcaption").itertext())
    assert "2022年（据所述增减推算） 362.06" in years and "2023年 360.67" in years


def test_pages_parse_in_strict_html5_and_ids_are_unique(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 3  # the index, the department page and the county page of its year and kind
    for page in pages:
        html5lib.HTMLParser(strict=True).parse(page.read_bytes())
        ids = collect(page).ids
        assert len(ids) == len(set(ids)), page


def test_every_link_resolves_to_a_file_in_the_site_and_nothing_is_remote(site):
    checked = 0
    for page in site.rglob("*.html"):
        for link in collect(page).links:
            parts = urlsplit(link)
            if not parts.path and parts.fragment:
                continue
            assert not parts.scheme and not parts.netloc, f"{page.name}: remote link {link}"
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file() and target.is_relative_to(site.resolve()), f"{page.name}: {link}"
            checked += 1
    assert checked > 50
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text)
        assert "@import" not in text and "@font-face" not in text


def test_downloads_mirror_the_release_and_excel_copies_have_a_bom(site, release_dir):
    mirror = site / "download" / release_dir.name
    released = sorted(p.relative_to(release_dir) for p in release_dir.rglob("*") if p.is_file())
    assert released == sorted(p.relative_to(mirror) for p in mirror.rglob("*") if p.is_file())
    assert len(released) >= 20
    for relative in released:
        assert (mirror / relative).read_bytes() == (release_dir / relative).read_bytes()
    zip_file = release_dir.parent / f"{release_dir.name}.zip"
    assert (site / "download" / zip_file.name).read_bytes() == zip_file.read_bytes()
    tables = sorted((release_dir / "data").glob("*.csv"))
    assert len(tables) == TABLE_COUNT
    for csv in tables:
        excel = site / "download" / f"{release_dir.name}-excel" / csv.name
        assert excel.read_bytes() == b"\xef\xbb\xbf" + csv.read_bytes()
        assert excel.read_bytes().decode("utf-8-sig") == csv.read_text(encoding="utf-8")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "标准 CSV（UTF-8，无 BOM）" in index and "Excel 用 CSV（UTF-8 带 BOM）" in index
    for name in (f"{release_dir.name}.zip", f"{release_dir.name}.xlsx", "datapackage.json", "SHA256SUMS"):
        assert f'{name}"' in index
    assert "目录元数据" not in index


def test_changelog_and_validation_status_of_the_release_are_shown(site):
    index = html5lib.parse((site / "index.html").read_bytes(), namespaceHTMLElements=False)
    changelog = index.find(".//section[@id='changelog']")
    assert "1.0.0" in "".join(changelog.find(".//h4").itertext())
    assert not changelog.findall(".//h1") and not changelog.findall(".//a")
    status = "".join(index.find(".//p[@class='status status-ok']").itertext())
    assert "数据通过校验：0 个错误" in status


def test_a_package_folder_works_too_and_links_only_what_it_has(tmp_path):
    build_site(ROOT, tmp_path / "site")
    index = collect(tmp_path / "site" / "index.html")
    assert f"download/{NAME}-1.0.0/data/income.csv" in index.links
    assert not [link for link in index.links if link.endswith((".zip", ".xlsx"))]


def test_index_lists_departments_sortably_with_schema_org_jsonld(site):
    index = collect(site / "index.html")
    assert PAGE in index.links
    record = json.loads("".join(index.jsonld))
    assert record["@type"] == "Dataset" and record["version"] == "1.0.0"
    assert record["name"] == "巫溪县部门预算公开数据"
    assert record["spatialCoverage"]["name"] == "重庆市巫溪县"
    assert record["temporalCoverage"] == "2023"
    urls = {d["contentUrl"] for d in record["distribution"]}
    assert f"download/{NAME}-1.0.0/data/sangong.csv" in urls
    text = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="sortable"' in text and 'type="search"' in text and "数据通过校验" in text


def test_a_descriptor_without_title_or_version_or_with_odd_shapes_still_builds(package_copy, tmp_path):
    descriptor_path = package_copy / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for key in ("title", "version"):
        descriptor.pop(key, None)
    descriptor |= {"spatial": ["重庆市巫溪县"], "contributors": ["巫溪县财政局"]}
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    build_site(package_copy, tmp_path / "site", allow_invalid=True)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    record = json.loads("".join(collect(tmp_path / "site" / "index.html").jsonld))
    assert record["name"] == descriptor["name"] and "version" not in record and "spatialCoverage" not in record
    assert f"<h1>{descriptor['name']} " in index and "数据版本 —" in index


def test_second_year_gives_a_year_on_year_chart(package_copy, tmp_path):
    for resource in ("income", "expenditure_by_function", "sangong", "disclosures"):
        rows = [{**row, "fiscal_year": "2024"} for row in read_rows(package_copy, resource)]
        append_rows(package_copy, resource, rows)
    build_site(package_copy, tmp_path / "site", allow_invalid=True)
    page = (tmp_path / "site" / f"department/{SEED_DEPARTMENT}-2024.html").read_text(encoding="utf-8")
    caption = re.search(r'<figcaption id="chart-years-caption">(.*?)</figcaption>', page, re.S).group(1)
    assert "2023年 360.67" in caption and "2024年 360.67" in caption and "推算" not in caption
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "2024、2023" in index


def test_catalog_files_beside_the_release_are_linked_and_base_url_uses_the_catalog_record(tmp_path):
    from publish.catalog.outputs import export

    release_dir = make_release(tmp_path)
    base_url = "https://data.example.gov.cn/wuxi/download"
    written = export(release_dir, base_url, ["dcat-ttl", "schemaorg"], out=release_dir.parent).written
    assert len(written) == 2
    build_site(release_dir, tmp_path / "site", base_url=base_url)
    index = collect(tmp_path / "site" / "index.html")
    for path in written:
        link = f"download/{path.name}"
        assert link in index.links and (tmp_path / "site" / link).read_bytes() == path.read_bytes()
    record = json.loads("".join(index.jsonld))
    assert record == json.loads(release_dir.parent.joinpath(f"{release_dir.name}.schemaorg.jsonld").read_text("utf-8"))
    assert f"{base_url}/{release_dir.name}/data/sangong.csv" in {d["contentUrl"] for d in record["distribution"]}


def test_an_unusable_base_url_is_refused(tmp_path):
    with pytest.raises(SiteRefused, match="base-url"):
        build_site(ROOT, tmp_path / "site", base_url="ftp://example.org")
    assert not (tmp_path / "site").exists()


def test_rebuild_replaces_the_site_whole_and_a_foreign_folder_is_refused(site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(site, out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    build_site(ROOT, out)
    assert not (out / "stale.html").exists() and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SiteRefused):
        build_site(ROOT, foreign)
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]


def test_a_failed_write_leaves_the_previous_site_untouched(site, tmp_path, monkeypatch):
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls = []

    def fail_on_tenth(path):
        calls.append(path)
        if len(calls) == 10:
            raise OSError("disk full (injected)")

    monkeypatch.setattr(atomic, "checkpoint", fail_on_tenth)
    with pytest.raises(OSError):
        build_site(ROOT, out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_cli_builds_and_reports(tmp_path):
    out = tmp_path / "portal"
    result = invoke("site", str(ROOT), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "3 个页面 pages" in result.output and (out / "index.html").is_file()


def test_cli_refuses_invalid_data_and_writes_nothing(package_copy, tmp_path):
    rows = read_rows(package_copy, "sangong")
    text = (package_copy / "data" / "sangong.csv").read_text(encoding="utf-8")
    (package_copy / "data" / "sangong.csv").write_text(text.replace(",4,万元,", ",four,万元,", 1), encoding="utf-8")
    assert rows
    out = tmp_path / "portal"
    result = invoke("site", str(package_copy), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "sangong.csv" in result.output and not out.exists()
    allowed = invoke("site", str(package_copy), "--out", str(out), "--allow-invalid")
    assert allowed.exit_code == 0, allowed.output
    assert "数据未通过校验" in (out / "index.html").read_text(encoding="utf-8")


def test_cli_usage_error_for_a_foreign_output_folder(tmp_path):
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = invoke("site", str(ROOT), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "已有其他内容" in result.output and (tmp_path / "keep.txt").is_file()
