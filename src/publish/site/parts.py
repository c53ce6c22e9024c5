"""What a page says where a disclosure lacks a part: the statuses of `disclosure_parts`, mapped to the page.

A part is named as in the disclosure's profile (core/required.py): its ``resource`` is the section that shows it.
Where a profile splits one table into several parts (Shanghai's function table: one part per fund), each of those
parts covers its fund's rows only. A part that is a field of the disclosure (绩效目标, the 政府性基金 statement,
the contact) is found through the profile's ``fields``. A status is shown in words, with the published note;
never as a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from publish.core import PROFILES, profile_of
from publish.site.model import DepartmentYear

WORDS = {
    "not_published": ("本文件未公开此部分", "not published in this document"),
    "truncated": ("我们保存的文件副本不完整，缺少此部分", "our copy of the document is incomplete"),
    "not_applicable": ("不适用", "not applicable"),
}


@dataclass(frozen=True)
class Status:
    """One part the document lacks: the status word, the published note and the wording a reader sees."""

    part: str
    status: str
    note: str

    @property
    def zh(self) -> str:
        return WORDS.get(self.status, WORDS["not_published"])[0]

    @property
    def en(self) -> str:
        return WORDS.get(self.status, WORDS["not_published"])[1]


@dataclass
class PartStatuses:
    """The statuses of one disclosure, by where the page shows them."""

    sections: dict[str, Status]
    funds: dict[tuple[str, str], Status]
    fields: dict[str, Status]

    def of_section(self, resource: str) -> Status | None:
        return self.sections.get(resource)

    def funds_of(self, resource: str) -> dict[str, Status]:
        return {fund: status for (name, fund), status in self.funds.items() if name == resource}


def statuses_for(view: DepartmentYear) -> PartStatuses:
    """Where each part of ``view``'s `disclosure_parts` rows is shown: a whole section, one fund of a section, or
    a field of the disclosure."""
    profile = PROFILES.get(profile_of(view.disclosure)) or PROFILES[profile_of(None)]
    statuses = PartStatuses({}, {}, {})
    for row in view.rows("disclosure_parts"):
        status = Status(row.get("part", ""), row.get("status", ""), row.get("note", ""))
        for name in _fields(status.part, profile.fields):
            statuses.fields[name] = status
        part = _part(status.part, profile.parts)
        fund = _split_fund(part, profile.parts) if part else None
        if part and fund:
            statuses.funds[(part.resource, fund)] = status
        elif part:
            statuses.sections[part.resource] = status
    return statuses


def _fields(part: str, fields: dict[str, str]) -> list[str]:
    """The disclosure fields read from ``part``: by the disclosure's profile, else by any profile's."""
    every = [fields] + [profile.fields for profile in PROFILES.values()]
    return next(([name for name, read_from in f.items() if read_from == part] for f in every if part in f.values()), [])


def _part(name: str, parts: tuple[Any, ...]) -> Any:
    """The part named ``name``: the disclosure's profile first, then any profile (a part the profile does not
    require can still be stated as missing)."""
    everywhere = [*parts] + [p for profile in PROFILES.values() for p in profile.parts]
    return next((p for p in everywhere if p.name == name), None)


def _split_fund(part: Any, parts: tuple[Any, ...]) -> str | None:
    """The fund a part covers where its profile splits the part's table by fund (several parts, one table);
    None where the part is the whole table."""
    siblings = [p for p in parts if p.resource == part.resource]
    funds = {line.get("fund") for line in part.lines}
    if len(siblings) < 2 or len(funds) != 1:
        return None
    return funds.pop()
