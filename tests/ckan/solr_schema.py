"""The fields of CKAN's Solr schema (ckan/config/solr/schema.xml): which are ``string`` fields, matched whole by the
search stand-in (tests/ckan/solr_standin.py), and which are stored, so returned by a search."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field


@dataclass
class Schema:
    """The fields of a Solr ``schema.xml``: name -> (type, stored); dynamic fields matched longest pattern first."""

    xml: bytes
    fields: dict[str, tuple[str, bool]] = field(default_factory=dict)
    dynamic: list[tuple[str, tuple[str, bool]]] = field(default_factory=list)

    def __post_init__(self):
        root = ElementTree.fromstring(self.xml)
        for element in root.iter("field"):
            self.fields[element.get("name")] = (element.get("type"), element.get("stored", "true") == "true")
        patterns = [
            (e.get("name"), (e.get("type"), e.get("stored", "true") == "true")) for e in root.iter("dynamicField")
        ]
        self.dynamic = sorted(patterns, key=lambda pattern: -len(pattern[0]))

    def kind(self, name: str) -> tuple[str, bool] | None:
        if name in self.fields:
            return self.fields[name]
        for pattern, kind in self.dynamic:
            stem = pattern.strip("*")
            if (pattern.startswith("*") and name.endswith(stem)) or (pattern.endswith("*") and name.startswith(stem)):
                return kind
        return None

    def is_string(self, name: str) -> bool:
        return (self.kind(name) or ("", False))[0] == "string"

    def is_stored(self, name: str) -> bool:
        return (self.kind(name) or ("", False))[1]
