"""The part of Lucene's query syntax that CKAN 2.12 sends Solr, parsed into a test on one indexed document.

What CKAN sends (ckan/lib/search/query.py, index.py; ckan/logic/action/get.py ``package_search``; ckanext-harvest's
``before_dataset_search``): ``*:*``; ``field:value``, ``field:"phrase"``, ``field:(a OR b)``; clauses marked ``+``
(must), ``-`` (must not) or nothing, joined by a space, ``AND`` or ``OR``, grouped in parentheses. Each clause is read
the way Lucene's classic query parser reads it with ``q.op`` (CKAN sends ``q.op=AND``): an unmarked clause is a must
under AND and a should under OR. A value matches a document when it equals one of the field's values exactly: that is
what Solr does on a ``string`` field, and CKAN's filters all use string fields. A field of any other type in CKAN's
schema (``text`` is tokenised, ``date`` ranged), a wildcard, a range, fuzziness, a boost, a local parameter or a term
with no field is refused with :class:`QueryNotSupported`, so a test fails loudly instead of finding nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Document = dict  # an indexed document as CKAN posted it: field -> value or list of values
Test = Callable[[Document], bool]
MUST, SHOULD, MUST_NOT = "must", "should", "must not"
CONJUNCTIONS = {"AND": "AND", "&&": "AND", "OR": "OR", "||": "OR"}
NOT_SUPPORTED = set("*?~^[]{}!/")  # wildcards, fuzziness, boosts, ranges, local parameters, regular expressions
STOP = set(' \t\n()"')


class QueryNotSupported(ValueError):
    """A query outside the subset this stand-in evaluates (the message names the part and why)."""


def field_values(document: Document, field: str) -> list[str]:
    """The field's values as Solr indexes them in a string field (booleans as ``true``/``false``)."""
    value = document.get(field)
    values = value if isinstance(value, list) else [] if value is None else [value]
    return [str(v).lower() if isinstance(v, bool) else str(v) for v in values]


@dataclass
class Parser:
    """Reads ``text`` from ``at``; ``string_field(name)`` says whether a field may be matched exactly."""

    text: str
    string_field: Callable[[str], bool]
    and_by_default: bool
    at: int = 0

    def query(self, field: str | None = None, *, top: bool = False) -> Test:
        clauses: list[list] = []  # [occur, test]
        while self._skip_space() and self._peek() != ")":
            conjunction = self._conjunction() if clauses else None
            self._skip_space()
            mark = self._mark()
            self._add(clauses, conjunction, mark, self._clause(field))
        if not clauses:
            raise QueryNotSupported(f"empty query or group at character {self.at} of {self.text!r}")
        return combined([(occur, test) for occur, test in clauses], match_all_when_negative=top)

    def _add(self, clauses: list[list], conjunction: str | None, mark: str, test: Test) -> None:
        """Lucene's classic ``addClause``: the conjunction may change the previous clause, then sets this one."""
        if clauses and conjunction == "AND" and clauses[-1][0] == SHOULD:
            clauses[-1][0] = MUST
        if clauses and conjunction == "OR" and self.and_by_default and clauses[-1][0] == MUST:
            clauses[-1][0] = SHOULD
        if mark == "-":
            occur = MUST_NOT
        elif self.and_by_default:
            occur = MUST if conjunction != "OR" else SHOULD
        else:
            occur = MUST if mark == "+" or conjunction == "AND" else SHOULD
        clauses.append([occur, test])

    def _clause(self, field: str | None) -> Test:
        if self._peek() == "(":
            return self._group(field)
        if self._peek() == '"' and field is not None:  # a value of the group's field: field:("a" OR "b")
            return term(field, self._phrase())
        word = self._word()
        if self._peek() == ":":
            self.at += 1
            if word != "*":
                return self._value(self._checked(word))
            if self._peek() != "*":
                raise QueryNotSupported(f"only '*:*' may have '*' for a field, not {self.text!r}")
            self.at += 1
            return lambda document: True
        if field is None:
            raise QueryNotSupported(f"the term {word!r} names no field (free-text search is not implemented)")
        return term(field, word)

    def _value(self, field: str) -> Test:
        if self._peek() == "(":
            return self._group(field)
        if self._peek() == '"':
            return term(field, self._phrase())
        return term(field, self._word())

    def _group(self, field: str | None) -> Test:
        self.at += 1
        test = self.query(field)
        if self._peek() != ")":
            raise QueryNotSupported(f"unclosed parenthesis in {self.text!r}")
        self.at += 1
        return test

    def _checked(self, field: str) -> str:
        if not self.string_field(field):
            raise QueryNotSupported(
                f"field {field!r} is not a string field in CKAN's Solr schema: only exact matching is implemented"
            )
        return field

    def _phrase(self) -> str:
        end = self.text.find('"', self.at + 1)
        if end < 0 or "\\" in self.text[self.at : end]:
            raise QueryNotSupported(f"unclosed or escaped phrase at character {self.at} of {self.text!r}")
        phrase, self.at = self.text[self.at + 1 : end], end + 1
        return phrase

    def _word(self) -> str:
        start = self.at
        while self.at < len(self.text) and self.text[self.at] not in STOP and self.text[self.at] != ":":
            self.at += 1
        word = self.text[start : self.at]
        if word == "*" and self._peek() == ":":
            return word
        if not word or set(word) & NOT_SUPPORTED or "\\" in word:
            found = word or self.text[start : start + 1] or "end of query"
            raise QueryNotSupported(f"{found!r} at character {start} of {self.text!r} is not implemented here")
        return word

    def _conjunction(self) -> str | None:
        for spelled, conjunction in CONJUNCTIONS.items():
            after = self.at + len(spelled)
            if self.text.startswith(spelled, self.at) and self.text[after : after + 1] in (" ", "("):
                self.at = after
                return conjunction
        return None

    def _mark(self) -> str:
        if self._peek() in ("+", "-"):
            self.at += 1
            return self.text[self.at - 1]
        if self.text.startswith("NOT ", self.at):
            self.at += 4
            return "-"
        return ""

    def _skip_space(self) -> bool:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1
        return self.at < len(self.text)

    def _peek(self) -> str:
        return self.text[self.at : self.at + 1]


def term(field: str, value: str) -> Test:
    return lambda document: value in field_values(document, field)


def combined(clauses: list[tuple[str, Test]], *, match_all_when_negative: bool) -> Test:
    """Lucene's boolean query: every must, no must-not, and a should when there is no must. A query of only
    must-nots matches everything else at the top of a query (Solr adds ``*:*``), nothing inside a group."""
    must = [test for occur, test in clauses if occur == MUST]
    should = [test for occur, test in clauses if occur == SHOULD]
    must_not = [test for occur, test in clauses if occur == MUST_NOT]
    if not must and not should and not match_all_when_negative:
        return lambda document: False

    def test(document: Document) -> bool:
        if any(t(document) for t in must_not) or not all(t(document) for t in must):
            return False
        return bool(must) or not should or any(t(document) for t in should)

    return test


def parse(text: str, string_field: Callable[[str], bool], *, and_by_default: bool = True) -> Test:
    """The test a query ``text`` makes (``q`` or one ``fq``), or :class:`QueryNotSupported`."""
    if text.lstrip().startswith("{!"):
        raise QueryNotSupported(f"local parameters are not implemented: {text!r}")
    parser = Parser(text, string_field, and_by_default)
    test = parser.query(top=True)
    if parser.at < len(text):
        raise QueryNotSupported(f"unexpected {text[parser.at :]!r} in {text!r}")
    return test
