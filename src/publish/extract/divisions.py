"""Where a document's department is: the GB/T 2260 division (province, prefecture, county) a name begins with.

A department's name starts with its place as the publisher writes it: in full (重庆市万州区), without the
province (奉节县), or with an autonomous county's short form (彭水自治县, 彭水县 for 彭水苗族土家族自治县). The
table (``data/divisions.csv``, origin and licence in ``data/README.md``) holds every division; a name found
under two codes (普陀区 is in Shanghai and in Zhoushan) is settled by the province or prefecture the text
names, or not at all.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# The province-level words before a county (“重庆市”, “安徽省”, “广西壮族自治区”) and the prefecture-level ones.
PROVINCE_END = r"(?:省|市|自治区)$"
SHORT_AUTONOMOUS = r"^(?P<stem>..)(?:[^县]*族)+自治县$"  # 彭水苗族土家族自治县 → 彭水自治县, 彭水县
NAME_MAX = 12


@dataclass(frozen=True)
class Place:
    code: str  # six digits
    name: str  # as the table writes it (彭水苗族土家族自治县)
    written: str  # as the text writes it (彭水自治县)

    @property
    def province(self) -> str:
        return self.code[:2]


@cache
def _table() -> dict[str, list[tuple[str, str]]]:
    """Every way a division is written → [(code, official name)]."""
    text = resources.files("publish.extract").joinpath("data", "divisions.csv").read_text(encoding="utf-8")
    written: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        for form in _forms(row["code"], row["name"]):
            written.setdefault(form, []).append((row["code"], row["name"]))
    return written


def _forms(code: str, name: str) -> set[str]:
    forms = {name}
    short = re.match(SHORT_AUTONOMOUS, name)
    if short:
        forms |= {short["stem"] + "自治县", short["stem"] + "县"}
    if code.endswith("0000") and re.search(PROVINCE_END, name) and len(name) > 2:
        forms.add(re.sub(PROVINCE_END, "", name))  # 重庆 for 重庆市 (重庆解放碑中央商务区管理委员会)
    return forms


def name_of(code: str) -> str:
    """The division's official name (empty if the code is not in the table)."""
    return next((name for entries in _table().values() for c, name in entries if c == code), "")


def leading_places(name: str) -> list[Place]:
    """The divisions ``name`` begins with, outermost first (重庆市万州区公路事务中心 → 重庆市, 万州区); a name
    two divisions share and nothing before it settles has an empty code (see ``settle_in``)."""
    places: list[Place] = []
    rest = name
    while rest:
        found = _longest_prefix(rest)
        if not found:
            break
        written, entries = found
        places.append(_settle(written, entries, places))
        rest = rest[len(written) :]
    return places


def _longest_prefix(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    for length in range(min(NAME_MAX, len(text)), 1, -1):
        entries = _table().get(text[:length])
        if entries:
            return text[:length], entries
    return None


def _settle(written: str, entries: list[tuple[str, str]], outer: list[Place]) -> Place:
    """One code for ``written``: the only one, or the one inside the place already read (empty if neither)."""
    if len(entries) > 1 and outer:
        entries = [(c, n) for c, n in entries if any(_inside(c, place.code) for place in outer)] or entries
    if len(entries) == 1:
        return Place(entries[0][0], entries[0][1], written)
    return Place("", entries[0][1], written)


def _inside(code: str, outer: str) -> bool:
    """Whether division ``code`` lies inside ``outer`` (a province ``xx0000`` or a prefecture ``xxxx00``)."""
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    return outer.endswith("00") and code[:4] == outer[:4]


def ambiguous(written: str) -> list[str]:
    """The codes a bare name could mean (普陀区 → 310107, 330903), for a message."""
    return [code for code, _name in _table().get(written, [])]


def settle_in(place: Place, context: str) -> Place:
    """A place whose code was ambiguous, settled by a province or prefecture named anywhere in ``context``."""
    if place.code:
        return place
    candidates = ambiguous(place.written)
    for outer in _mentioned(context):
        inside = [code for code in candidates if _inside(code, outer)]
        if len(inside) == 1:
            return Place(inside[0], name_of(inside[0]), place.written)
    return place


def _mentioned(context: str) -> list[str]:
    """Codes of provinces and prefectures written in ``context`` (full names only: 上海市, 池州市, 湖北省)."""
    return [place.code for place in places_in(context) if place.code.endswith("00")]


def places_in(text: str) -> list[Place]:
    """Divisions written anywhere in ``text``, in order, fully named only (金堂县人民政府主办 → 金堂县; a name two
    divisions share with an empty code): a fallback when a name does not begin with its place."""
    found: list[Place] = []
    for match in re.finditer(r"[\u4e00-\u9fff]{1,10}?(?:县|区|市|旗|省|盟|州(?!市))", text):  # 池州市, not 池州
        for start in range(len(match.group(0)) - 2, -1, -1):
            word = match.group(0)[start:]
            entries = _table().get(word)
            if entries and word == entries[0][1]:  # two divisions of one name: settled by settle_in
                code = entries[0][0] if len(entries) == 1 else ""
                found.append(Place(code, entries[0][1], word))
                break
    return found
