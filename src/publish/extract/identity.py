"""Which disclosure a document is: department name, fiscal year, kind, scope, the type as published, the family.

Read from the title, which may span lines (重庆市万州区公路事务中心 / 2024年单位预算情况说明), may follow a page's
metadata block, and may be missing (then the body says it: 现将涪陵区新妙镇2021年度“三公”经费决算情况公布如下).
Lines a stored copy starts with (``SOURCE: <url> — <title>``, ``NOTE: …``) are not the document: the URL is its
``source_url`` and the title after the dash is read only when the document shows none; a NOTE is never read.
Whatever is unsure is refused (with what was found and the option that settles it), never guessed; an option
(--year, --name, --kind, --scope) wins, and where it contradicts the document the extraction says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, DOCUMENT_KINDS, SCOPES
from publish.extract import title_words
from publish.extract.errors import ExtractError


@dataclass
class Overrides:
    """What the invocation states about the document (each empty when not given)."""

    year: str = ""
    name: str = ""
    kind: str = ""
    scope: str = ""


@dataclass
class Identity:
    name: str = ""
    fiscal_year: str = ""
    document_kind: str = DEFAULT_KIND
    scope: str = DEFAULT_SCOPE
    document_type: str = ""
    profile: str = "generic"
    title: str = ""
    source_url: str = ""
    head: str = ""  # the document's first lines, where its place and province are named
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (text, zh, en): an option contradicts it


@dataclass
class Found:
    """What the document states, before the options are applied."""

    title: str = ""
    name: str = ""
    title_years: dict[str, list[str]] = field(default_factory=dict)  # year → the titles stating it
    body_years: dict[str, list[str]] = field(default_factory=dict)  # year → the text's statements of its own year
    kind: str = ""
    scope: str = ""
    type_words: str = ""
    sangong_only: bool = False  # no title, and the text speaks of 三公 and of none of a narrative's parts


def parse_overrides(year=None, name=None, kind=None, scope=None) -> Overrides:
    """The options as given on the command line, checked (a bad one is a usage error, exit 2)."""
    given = Overrides(year=(year or "").strip(), name=(name or "").strip())
    if given.year and not re.fullmatch(r"(?:19|20)\d\d", given.year):
        raise ExtractError(
            f"--year “{given.year}” 不是四位年度（如 2024）",
            f"--year '{given.year}' is not a four-digit year (e.g. 2024)",
        )
    if given.name and not title_words.is_name(given.name):
        raise ExtractError(
            f"--name “{given.name}” 不像部门名称（应为如“重庆市万州区公路事务中心”的单位全称）",
            f"--name '{given.name}' does not look like a department's name (give its full name, e.g. 重庆市万州区公路事务中心)",
        )
    given.kind = _choice(kind, DOCUMENT_KINDS, "--kind")
    given.scope = _choice(scope, {**SCOPES, "department": ("部门", "department")}, "--scope")
    return given


def _choice(value, choices: dict[str, tuple[str, str]], option: str) -> str:
    if not value:
        return ""
    value = value.strip()
    for key, (zh, _en) in choices.items():
        if value in (key, zh) or (option == "--scope" and key == "department" and value in ("部门", "部门汇总")):
            return key
    shown = ", ".join(f"{key} ({zh})" for key, (zh, _en) in choices.items())
    raise ExtractError(f"{option} “{value}” 无法识别，可用：{shown}", f"{option} '{value}' is not one of: {shown}")


def identify(lines: list[str], overrides: Overrides | None = None, file_name: str = "") -> Identity:
    """The document's identity, the options applied; refuses (exit 2) when the year or kind cannot be told."""
    overrides = overrides or Overrides()
    stored = title_words.stored_copy(lines)
    head = title_words.head_lines(lines)
    found = _found(head, lines, stored.title)
    identity = Identity(source_url=stored.url, head="\n".join([*head, stored.title]))
    identity.title = found.title
    identity.name = _choose(found.name, overrides.name, "name", identity)
    identity.fiscal_year = _year(found, overrides.year, identity, file_name)
    identity.document_kind = _choose(found.kind, overrides.kind, "kind", identity) or _refuse_kind(found, file_name)
    identity.scope = _choose(found.scope, overrides.scope, "scope", identity) or DEFAULT_SCOPE
    identity.document_type = _document_type(found, identity)
    identity.profile = _family(found, identity)
    if not identity.title:
        identity.title = f"{identity.name}{identity.fiscal_year}年{identity.document_type}"
    return identity


def _found(head: list[str], lines: list[str], source_title: str) -> Found:
    found = Found()
    body = title_words.body_statement(lines)
    titles = title_words.titles(head) or title_words.titles(title_words.part_titles(lines))
    titles = titles or ([] if body else title_words.titles([source_title]))
    for title in titles:
        found.title_years.setdefault(title.year, []).append(f"标题 title “{title.text}”")
    if titles and source_title:  # the stored copy's title must not contradict the document's
        for title in title_words.titles([source_title]):
            found.title_years.setdefault(title.year, []).append(f"存档标题 stored title “{title.text}”")
    if body:
        found.body_years.setdefault(body.year, []).append(f"正文 text “{body.text}”")
    for year, where in title_words.body_years(lines).items():
        found.body_years.setdefault(year, []).extend(f"正文 text “{w}”" for w in where)
    first = titles[0] if titles else body
    if first:
        found.title = first.text if titles else source_title
        found.name = title_words.refined_name(first.name, head)
        found.kind = title_words.kind_of(first.rest)
        found.scope = title_words.scope_of(first.name + first.rest, head)
        found.type_words = first.rest
        if titles and found.name != first.name and title_words.named_line(head).startswith("预算"):
            found.title = f"{first.text}（{title_words.named_line(head)}）"
    found.kind = found.kind or title_words.kind_from_body(lines)  # no title: the text's parts may say
    found.sangong_only = not found.type_words and title_words.speaks_only_of_sangong(lines)
    return found


def _choose(found: str, given: str, what: str, identity: Identity) -> str:
    if given and found and given != found:
        identity.notes.append(
            (
                f"{what}: {found} → {given}",
                f"文件所写的{_ZH[what]}为“{found}”，按命令行选项改为“{given}”",
                f"the document states {what} '{found}'; the option given on the command line ('{given}') is used",
            )
        )
    return given or found


_ZH = {"name": "部门名称", "kind": "文件种类", "scope": "公开范围", "year": "年度"}


def _year(found: Found, given: str, identity: Identity, file_name: str) -> str:
    """The title's year; the text's own statement (2024年年初预算数, 现将…2021年度…) where there is no title."""
    stated = found.title_years or found.body_years
    if given:
        for year in [y for y in stated if y != given][:1]:
            _choose(year, given, "year", identity)
        return given
    body_disagrees = found.title_years and found.body_years and not set(found.title_years) & set(found.body_years)
    if len(stated) == 1 and not body_disagrees:
        return next(iter(stated))
    if not stated:
        raise ExtractError(
            f"{file_name}：标题和正文都没有写明年度（未找到如“2024年部门预算”“2024年度决算”的标题）；请用 --year 指定，如 --year 2024",
            f"{file_name}: neither the title nor the text states the fiscal year (no title like '2024年部门预算'); "
            "give it with --year, e.g. --year 2024",
        )
    where = "；".join(w for ws in (*found.title_years.values(), *found.body_years.values()) for w in ws)
    raise ExtractError(
        f"{file_name}：文件所写的年度不一致（{where}）；请核对原文后用 --year 指定",
        f"{file_name}: the document states different years ({where}); check the original and give it with --year",
    )


def _refuse_kind(found: Found, file_name: str) -> str:
    shown = found.title or found.name or "（无标题）"
    raise ExtractError(
        f"{file_name}：无法从标题“{shown}”或正文判断是预算还是决算；请用 --kind 指定（预算 budget、决算 final_account、调整预算 adjusted_budget）",
        f"{file_name}: cannot tell from the title '{shown}' or the text whether this is a budget or a final account; "
        "give it with --kind (budget, final_account, adjusted_budget)",
    )


def _document_type(found: Found, identity: Identity) -> str:
    kind_zh = DOCUMENT_KINDS[identity.document_kind][0]
    if title_words.is_sangong(found.type_words):
        return f"“三公”经费{kind_zh}"
    who = title_words.who_publishes(found.type_words) or ("单位" if identity.scope == "unit" else "部门")
    return who + kind_zh


def _family(found: Found, identity: Identity) -> str:
    """The family of document (``disclosures.profile``): the form its parts follow."""
    final = identity.document_kind == "final_account"
    place = title_words.province_of(identity.name, identity.head)
    if title_words.is_sangong(found.type_words) or found.sangong_only:
        return "sangong-note"
    if place == "31" or title_words.is_shanghai_form(identity.head):
        return "shanghai-final" if final else "shanghai-budget"
    if place == "50":
        return "chongqing-final" if final else "chongqing-budget"
    if place in ("42", "") and not final and title_words.is_hubei_form(found.type_words):
        return "hubei-budget"  # the form names the family; a place elsewhere keeps its own family
    return "generic"
