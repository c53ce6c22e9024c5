"""The wordings a disclosure names itself with: its title, the line naming its department, the body's own year.

Tables of small named regexes (one line per variant) and the functions that read them; ``identity.py`` decides
what to do with what they find. Every wording is a pattern of a family of documents, never one file's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from publish.extract import divisions
from publish.extract.text import squeeze

YEAR = r"(?P<year>(?:19|20)\d\d)"
SANGONG = r"[“\"]?三公[”\"]?经费"
# What a title says it is, after the year: 部门预算, 单位决算, 调整预算, “三公”经费预算, 预算公开说明…
KIND_PART = rf"(?:{SANGONG}|(?:部门|单位|区级部门|区级单位)?(?:调整)?(?:预算|决算))"
TITLE_FORMS = (
    rf"^(?P<name>.*?){YEAR}年(?:度)?(?P<rest>.*?{KIND_PART}.*)$",  # 重庆市万州区公路事务中心2024年单位预算情况说明
    rf"^{YEAR}年(?:度)?(?P<name>.+?)(?P<rest>(?:部门|单位)?{KIND_PART}.*)$",  # 2025年襄州区伙牌镇政府预算公开说明
    rf"^(?P<name>.+?)(?:年度)?(?P<rest>{KIND_PART}[^0-9]*?){YEAR}(?:年度?)?$",  # 上海市普陀区财政局/年度部门决算/2024
)
# A statement of the document's own year in the body, when it shows no title.
BODY_STATEMENTS = (
    rf"现将(?P<name>[^，,。；;：:]{{2,30}}?){YEAR}年(?:度)?(?P<rest>[^，,。；;]*?{KIND_PART}[^，,。；;]*?)(?:情况)?公[布开]如下",
    rf"经(?P<name>[^，,。；;：:]{{2,20}}?)(?:财政局|财政厅)?汇总[，,]{YEAR}年(?:度)?(?P<whole>全[市县区镇乡])?"
    rf"(?P<rest>[^。；;]*?{SANGONG}[^，,。；;]*)",
)
# The year a text states for its own figures (never a comparison: 较2023年, 比上年, 与2022年).
BODY_YEARS = (
    rf"(?<![较比与同至\d]){YEAR}年(?:年初预算|初预算|度收入总计|度收入、支出决算总计|收入预算|支出预算)",
    rf"(?<![较比与同至]){YEAR}年(?:度)?(?:部门|单位)?(?:收支)?(?:预算|决算)(?:收入|支出)?(?:总计|合计)",
)
# Parts only a whole narrative has (a 三公 note has none of them).
NARRATIVE_PARTS = (
    r"收支(?:预算|决算)?总体情况|收入支出决算总体|(?:部门|单位)(?:预算|决算)(?:情况|收支)|基本情况|主要职[能责]|"
    r"收入预算|支出预算(?!为)|一般公共预算财政拨款支出"
)
# The reader writes every colon and bracket full-width (http：//…), so both forms are read.
STORED_SOURCE = r"^SOURCE[:：]\s*(?P<url>https?[:：]//\S+)?(?:.*?\s[—–]\s*(?P<title>.+))?$"
STORED_LINE = r"^(?:SOURCE|NOTE)[:：]"
SOURCE_TITLE_END = r"\s+[(（A-Za-z].*$"  # the storer's own words after the page title: (…), page, summary…
# Lines of a web page or PDF around a title that are not part of it.
NOISE = (
    r"^\[page \d+\]$",
    r"^[•·\s]",
    r"索引号|发文字号|主题分类|体裁分类|发布机构|成文日期|发布日期|有效性|当前位置|字号|打印|浏览量|浏览次数|扫一扫",
    r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}",
    r"^.$",
)
PART_HEADING = r"^第[一二三四五六七八九十]+部分(?P<rest>.+)$"
PART_LINES = 80
HEAD_END = (
    r"^目\s*录",
    r"^[一二三四五六七八九十]+[、.．]",
    r"^第[一二三四五六七八九十]+部分",
    r"^[（(][一二三四五六七八九十]+[）)]",
)
# A line naming the department beside a title that names only its place (Shanghai's form, a page's source).
NAMED_LINE = r"^(?:预算主管部门|预算单位|主管部门|部门名称|单位名称|来源)[：:]\s*(?P<name>[^\s：:，,\d]{2,40})"
SCOPE_MARK = r"[（(]本级[）)]$"
NOT_NAME = (
    r"^(?:按照|根据|现将|经|为|关于|依据)",  # a sentence, not a name
    r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]",  # a sub-heading: （三）差旅费较
    r"[，,。；;：:！？]",
    r"[较比]$",
    r"××|XX|ＸＸ|未找到|not found|None",  # a template's placeholder
    r"^(?:部门|单位|本级|政府|区级|市级|县级|部门单位)$",  # a kind's word, not a name (2026年单位预算…)
    r"^(?:我|本)(?:单位|部门|局|委|镇|乡|街道|中心|院|所|办)$",  # 现将我单位2023年度…: who, not a name
)
NAME_MAX = 40
SCOPES_BY_WORD = (
    (r"(?<![区县市])本级", "own"),
    (r"(?<!部门)单位(?:调整)?(?:预算|决算)|^预算单位[：:]", "unit"),
)
SHANGHAI_FORM = r"预算主管部门[：:]|区级部门预算|区级单位预算"
HUBEI_FORM = r"预算公开说明|预算信息公开"
KINDS = (("决算", "final_account"), ("调整预算", "adjusted_budget"), ("预算", "budget"))
# A note without 预算/决算 in its title (三公经费支出说明) reports spent money when it compares with a 决算.
FINAL_IN_BODY = (
    r"较.{0,12}决算数|较年初预算(?:数)?(?:增加|减少|持平)|决算数(?:持平|增加|减少)"
    r"|^[一二三四五六七八九十]+、[^，。]{0,12}决算"  # a part heading: 二、部门决算情况说明
)


@dataclass(frozen=True)
class Title:
    text: str
    name: str
    year: str
    rest: str


@dataclass(frozen=True)
class Stored:
    url: str
    title: str


def stored_copy(lines: list[str]) -> Stored:
    """The URL and page title a stored copy's ``SOURCE:`` line gives (never anything from ``NOTE:``)."""
    for line in lines[:5]:
        match = re.match(STORED_SOURCE, line.strip())
        if match:
            title = squeeze(re.sub(SOURCE_TITLE_END, "", match["title"] or ""))
            return Stored((match["url"] or "").replace("：", ":"), title)
    return Stored("", "")


def without_stored(lines: list[str]) -> list[str]:
    """The document's own lines: a stored copy's ``SOURCE:``/``NOTE:`` lines at the top describe the copy, and no
    reader may take a figure or a name from them."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or re.match(STORED_LINE, lines[start].strip())):
        start += 1
    return lines[start:] if any(re.match(STORED_LINE, line.strip()) for line in lines[:start]) else lines


def head_lines(lines: list[str]) -> list[str]:
    """The document's first lines where a title may be: stored-copy lines and page noise left out, up to the
    table of contents or the first numbered part."""
    head = []
    for raw in lines:
        line = squeeze(raw)
        if not line or re.match(STORED_LINE, line):
            continue
        if any(re.search(p, line) for p in NOISE) and not re.match(NAMED_LINE, line):
            continue
        if any(re.match(p, line) for p in HEAD_END) or len(head) >= 40:
            break
        head.append(line)
    return head


def titles(head: list[str]) -> list[Title]:
    """Every title in ``head``: a line that is one, a line starting with the year joined to the lines naming
    the department above it (重庆市万州区公路事务中心 / 2024年单位预算情况说明), or a run of short lines that
    together are one (上海市普陀区财政局 / 年度部门决算 / 2024). A line naming two years is a table's header
    (2023年预算数 2024年预算数), not a title."""
    found: list[Title] = []
    for run in _runs(head):
        in_run = [t for t in (_title_at(run, i) for i in range(len(run))) if t]
        joined = None if in_run else _title("".join(run))
        found += in_run or ([joined] if joined and is_name(joined.name) else [])
    return [title for title in found if len(set(re.findall(rf"{YEAR}年", title.text))) == 1]


def _title_at(run: list[str], i: int) -> Title | None:
    single = _title(run[i])
    if single and is_name(single.name):
        return single
    if not re.match(YEAR, run[i]):
        return None
    start = i
    while start > 0 and not re.search(YEAR, run[start - 1]):
        start -= 1
    joined = _title("".join(run[start : i + 1])) if start < i else None
    return joined if joined and is_name(joined.name) else None


def part_titles(lines: list[str]) -> list[str]:
    """The department and year the table of contents names (第二部分 上海市普陀区财政局2024年度部门决算表), for a
    cover that is an image: each part's heading with the part number left out."""
    parts = [re.match(PART_HEADING, squeeze(line)) for line in lines[:PART_LINES]]
    return [match["rest"] for match in parts if match]


def _runs(head: list[str]) -> list[list[str]]:
    """Consecutive short lines that are not sentences: the pieces a title is printed in."""
    runs: list[list[str]] = [[]]
    for line in head:
        if len(line) <= NAME_MAX + 20 and not re.search(r"[，,。；;：:]", line):
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _title(text: str) -> Title | None:
    for form in TITLE_FORMS:
        match = re.match(form, text)
        if match and match["name"].strip():
            name = re.sub(r"^(?:关于)?[“\"]?|[”\"]$", "", match["name"].strip())  # 关于××局2024年…的说明
            if text.endswith(match["year"]):  # 上海市普陀区财政局/年度部门决算/2024: said in the usual order
                text = f"{name}{match['year']}年度{re.sub('^年度', '', match['rest'])}"
            return Title(text, name, match["year"], match["rest"])
    return None


def body_statement(lines: list[str]) -> Title | None:
    """The body's own naming of the disclosure (现将涪陵区新妙镇2021年度“三公”经费决算情况公布如下)."""
    for raw in lines:
        line = squeeze(raw)
        if re.match(STORED_LINE, line):
            continue
        for form in BODY_STATEMENTS:
            match = re.search(form, line)
            if match:  # 现将我单位…: the year and kind are stated, the name is not
                whole = match.groupdict().get("whole") or ""  # 经绵竹市财政局汇总，2025年全市…: the city's total
                name = match["name"] + whole if is_name(match["name"]) else ""
                return Title(match.group(0), name, match["year"], match["rest"])
    return None


def body_years(lines: list[str]) -> dict[str, list[str]]:
    """Years the text states for its own figures, with the words stating them."""
    years: dict[str, list[str]] = {}
    for raw in lines:
        line = squeeze(raw)
        if re.match(STORED_LINE, line):
            continue
        for form in BODY_YEARS:
            for match in re.finditer(form, line):
                years.setdefault(match["year"], []).append(match.group(0))
    return years


def is_name(name: str) -> bool:
    """Whether ``name`` can be a department's name (not a sentence, a sub-heading or a placeholder)."""
    return 2 <= len(name) <= NAME_MAX and not any(re.search(p, name) for p in NOT_NAME)


def is_bare_place(name: str) -> bool:
    """A name that is only a place (上海市普陀区, 岳阳县): the department is named on another line."""
    places = divisions.leading_places(name)
    return bool(places) and "".join(p.written for p in places) == name


def named_line(head: list[str]) -> str:
    return next((line for line in head if re.match(NAMED_LINE, line)), "")


def refined_name(name: str, head: list[str]) -> str:
    """The department's name: the title's, or the named line's where the title names only its place; without
    the scope mark (本级), which is the disclosure's scope, not the department."""
    if is_bare_place(name):
        match = re.match(NAMED_LINE, named_line(head))
        if match and is_name(match["name"]):
            named = match["name"]
            name = named if named.startswith(name) else name + named
    return re.sub(SCOPE_MARK, "", name) if is_name(re.sub(SCOPE_MARK, "", name)) else name


def kind_of(words: str) -> str:
    return next((kind for word, kind in KINDS if word in re.sub(r"一般公共预算|政府性基金预算", "", words)), "")


def kind_from_body(lines: list[str]) -> str:
    return "final_account" if any(re.search(FINAL_IN_BODY, squeeze(line)) for line in lines) else ""


def scope_of(title: str, head: list[str]) -> str:
    for pattern, scope in SCOPES_BY_WORD:
        if re.search(pattern, title) or any(re.search(pattern, line) for line in head[:5]):
            return scope
    return ""


def speaks_only_of_sangong(lines: list[str]) -> bool:
    """A text with no title that states 三公 figures and none of a narrative's parts: a 三公 note."""
    text = "".join(squeeze(line) for line in without_stored(lines))
    return bool(re.search(SANGONG, text)) and not re.search(NARRATIVE_PARTS, text)


def is_sangong(words: str) -> bool:
    return bool(re.search(SANGONG, words))


def who_publishes(words: str) -> str:
    match = re.search(r"(部门|单位)(?:调整)?(?:预算|决算)", words)
    return match.group(1) if match else ""


def province_of(name: str, head: str) -> str:
    """The province code (two digits) of the department: from its name's place, else the first place the
    document's head names."""
    places = [p for p in divisions.leading_places(name) if p.code] or divisions.places_in(head)
    return places[0].province if places else ""


def is_shanghai_form(head: str) -> bool:
    return bool(re.search(SHANGHAI_FORM, head)) and "上海" in head


def is_hubei_form(words: str) -> bool:
    return bool(re.search(HUBEI_FORM, words))
