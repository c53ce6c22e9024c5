"""Proposing an id for a department the package does not know: ``<GB/T 2260 code>-<pinyin initials>``.

The code is the division the name begins with (重庆市万州区公路事务中心 → 500101), else the one the title or
the page names (官仓镇 on a 金堂县 page → 510121); the initials are those of the department's own name, the
place left out (公路事务中心 → glswzx), read with pypinyin. It is only a proposal: the command says so and
``--department`` confirms or changes it. Where no place can be found the extraction refuses (exit 2).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from publish.extract import divisions
from publish.extract.errors import ExtractError
from publish.extract.identity import Identity

INITIALS_MAX = 12
BRACKETED = r"[（(][^）)]*[）)]"  # 皖江江南新兴产业集中区(管委会): the bracketed words are a gloss


@dataclass(frozen=True)
class Proposal:
    department_id: str
    division_code: str
    division_name: str
    own_name: str  # the name without its place, whose initials the id carries
    place_from: str  # where the place was read: the name, the title, the page

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def propose(identity: Identity, text: str, file_name: str) -> Proposal:
    """An id for the department ``identity`` names; refuses (exit 2) when its place or name cannot be read."""
    if not identity.name:
        raise ExtractError(
            f"{file_name}：没有读到部门名称，无法建议部门编号；请用 --department 指定（如 500238-zwfwzx），或用 --name 给出部门全称",
            f"{file_name}: no department name was found, so no id can be proposed; give one with --department "
            "(e.g. 500238-zwfwzx) or the department's full name with --name",
        )
    leading = divisions.leading_places(identity.name)
    place, found_in = _place(identity, leading, text)
    own = _own_name(identity.name, leading)
    initials = _initials(own)
    if place is None or not initials:
        raise ExtractError(
            f"{file_name}：无法从“{identity.name}”或标题读出所在行政区划，无法建议部门编号；"
            "请用 --department 指定（行政区划代码-拼音首字母，如 500238-zwfwzx）",
            f"{file_name}: cannot tell the administrative division of '{identity.name}' from its name or the title, "
            "so no id can be proposed; give one with --department (division code, a hyphen, pinyin initials, "
            "e.g. 500238-zwfwzx)",
        )
    return Proposal(f"{place.code}-{initials}", place.code, place.name, own, found_in)


def _place(identity: Identity, leading: list[divisions.Place], text: str) -> tuple[divisions.Place | None, str]:
    """The innermost division the name begins with, else the innermost the name, the title or the text names."""
    settled = [divisions.settle_in(place, identity.head) for place in leading]
    if settled:  # a place two divisions share that nothing settles (普陀区 without 上海市 or 舟山市) gives none
        known = all(place.code for place in settled)
        return (_innermost(settled), f"名称 name “{identity.name}”") if known else (None, "")
    for where, words in (("名称 name", identity.name), ("标题 title", identity.title), ("正文 text", text)):
        named = [divisions.settle_in(p, identity.head) for p in divisions.places_in(words)]
        named = [place for place in named if place.code]
        if named:
            place = _innermost(named)
            return place, f"{where} “{place.written}”"
    return None, ""


def _innermost(places: list[divisions.Place]) -> divisions.Place:
    """The first county-level place named (中共上海市普陀区委 → 普陀区), else the last (重庆市 → 万州区)."""
    return next((place for place in places if not place.code.endswith("00")), places[-1])


def _initials(own: str) -> str:
    """The pinyin initials of ``own`` (公路事务中心 → glswzx), lower case, at most INITIALS_MAX letters."""
    from pypinyin import Style, lazy_pinyin  # half a second to load its dictionaries: only when an id is proposed

    initials = "".join(lazy_pinyin(own, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return re.sub(r"[^a-z0-9]", "", initials)[:INITIALS_MAX]


def _own_name(name: str, leading: list[divisions.Place]) -> str:
    """The name without the places it starts with (or contains: 中共上海市普陀区委…), nor the government it
    is an office of (人民政府万里街道办事处 → 万里街道办事处), nor a bracketed gloss."""
    own = name[len("".join(place.written for place in leading)) :]
    inner = divisions.places_in(own)
    if inner and not leading:
        own = own[own.rindex(inner[-1].written) + len(inner[-1].written) :]
    own = re.sub(r"^人民政府(?=..)", "", own)
    return re.sub(BRACKETED, "", own) or own or name  # a name that is only its place (岳阳县): the whole name
