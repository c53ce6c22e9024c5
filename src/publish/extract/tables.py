"""Reading one amount table (income, expenditure, 三公 …) from the paragraph that states it.

A ``Spec`` says which resource the paragraph fills, how its total is written and which parts
(sources, classes, items) it has, each with the names real documents use. ``read_paragraph``
walks the paragraph sentence by sentence and clause by clause: a total or a named amount makes
its row the subject, a stated change goes to the subject, a reason (主要原因是……) or purpose
(主要用于……) is quoted on it. A clause holding an amount that nothing understood is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from publish.extract import gaps, patterns
from publish.extract.messages import (
    COMPARED_WITH_BUDGET,
    HALF_SENTENCE,
    NO_SUBJECT,
    NO_UNIT,
    NOT_UNDERSTOOD,
    REASON_LEFT_OUT,
    TABLE_ZH,
)
from publish.extract.model import Extraction
from publish.extract.text import (
    AMOUNT_IN,
    Change,
    amount,
    change_from,
    clauses,
    converted,
    find_change,
    segments,
    sentences,
    squeeze,
)


@dataclass(frozen=True)
class Part:
    key: dict[str, str]  # the row's key besides year, department (and fund)
    names: str  # regex the published name must match in full
    fields: dict[str, str]  # item_name, parent_item …
    note: str = ""  # said in provenance beside each value of the line (a class code taken from another year)


@dataclass
class Spec:
    resource: str
    section: str
    totals: tuple[tuple[str, str], ...]  # named regexes, each holding AMOUNT
    total: Part
    parts: list[Part] = field(default_factory=list)
    resolve: Callable[[str, str | None], Part | None] | None = None  # for classes found by code list
    fund: dict[str, str] = field(default_factory=dict)  # fund and fund_name, for tables that have them
    skip: tuple[str, ...] = ()  # clauses another reader takes care of

    def part(self, name: str, code: str | None) -> Part | None:
        if self.resolve is not None:
            return self.resolve(name, code)
        if code:
            return None
        return next((p for p in self.parts if re.fullmatch(p.names, name)), None)

    def key(self, part: Part) -> dict[str, str]:
        return {**({"fund": self.fund["fund"]} if self.fund else {}), **part.key}


@dataclass
class Walk:
    """Where the walk stands: the table, the extraction and the current subject."""

    spec: Spec
    ext: Extraction
    sentence: str = ""
    subject: Part | None = None
    children_changed: dict[str, str] = field(default_factory=dict)  # parent item -> breakdown
    unread_lines: list[str] = field(default_factory=list)  # named amounts of no known line
    read_items: set[str] = field(default_factory=set)  # the lines this paragraph states (a breakdown is theirs)
    unfinished: bool = False  # the sentence stops short (a copy cut mid-sentence): its last words are half a phrase


def read_paragraph(spec: Spec, ext: Extraction, paragraph: str) -> None:
    walk = Walk(spec, ext)
    text = re.sub(patterns.COMPARISON_CLAUSE, "", re.sub(patterns.LABEL, "", squeeze(paragraph)))
    text = re.sub(patterns.TOTAL_AFTER_COMPARISON, r"\g<name>\g<compare>", text)
    if spec.resolve is not None:
        text = re.sub(patterns.CODE_AFTER_NAME, r"\g<code>\g<name>", text)
    said = sentences(text)
    for sentence in said:
        walk.sentence, walk.subject = sentence, spec.total
        walk.unfinished = sentence is said[-1] and not re.search(patterns.SENTENCE_END, sentence)
        for segment in segments(sentence):
            _read_segment(walk, segment)
    _settle_breakdowns(walk)
    if walk.unread_lines:
        _say_incomplete(walk)


def _read_segment(walk: Walk, segment: str) -> None:
    body, purpose = _split_label(segment, patterns.PURPOSE_LABELS)
    body, reason = _split_label(body, patterns.REASON_LABELS)
    against = re.search(patterns.AGAINST_BUDGET, body)
    if against:
        walk.ext.miss(walk.spec.section, "unread-clause", segment[against.start() :], *COMPARED_WITH_BUDGET)
        body, reason, purpose = body[: against.start()], None, None
    for clause in clauses(body):
        _read_clause(walk, clause)
    if reason and walk.subject is not None:
        _read_reason(walk, *reason)
    elif reason:
        walk.ext.miss(walk.spec.section, "unread-clause", reason[0] + reason[1], *NO_SUBJECT)
    if purpose and walk.subject is not None:
        _put(walk, walk.subject, {"purpose": purpose[1]})


def _split_label(text: str, table) -> tuple[str, tuple[str, str] | None]:
    for name, regex in patterns.compiled(table):
        match = re.search(rf"(?:^|，){regex.pattern}", text)
        if match:
            return text[: match.start()], (name, text[match.end() :].strip("，。 "))
    return text, None


def _read_clause(walk: Walk, clause: str) -> None:
    spec = walk.spec
    if any(re.search(regex, clause) for regex in spec.skip):
        return
    rate = re.match(patterns.RATE_CLAUSE, clause)
    if rate and walk.subject is not None:
        sign = "-" if patterns.RATE_SIGNS[rate.group("word")] < 0 else ""
        _put(walk, walk.subject, {"change_rate": sign + rate.group("rate")})
        return
    found = find_change(clause)
    head = clause[: found[1]] if found else clause  # what the clause is about, before its change
    understood = _read_head(walk, head)
    if found and _names_another_line(walk, head):
        walk.subject = None  # "上级补助收入较上年增加5万元": a line the table does not list, never its total
    if found and walk.subject is not None:
        understood = True
        _put_change(walk, walk.subject, found[0])
    elif found:
        walk.ext.miss(spec.section, "unread-clause", clause, *NO_SUBJECT)
    elif re.search(patterns.CHANGE_WITHOUT_UNIT, clause):
        walk.ext.miss(spec.section, "irregular", clause, *NO_UNIT)
    if not understood and re.search(AMOUNT_IN, clause):
        walk.ext.miss(spec.section, "unread-clause", clause, *NOT_UNDERSTOOD)


def _names_another_line(walk: Walk, head: str) -> bool:
    """The words before a change name a line (…收入, …支出, …经费) that is neither one of the table's lines
    nor its total."""
    if not head or walk.subject is not walk.spec.total or re.search(patterns.AMOUNT, head):
        return False
    return bool(re.search(patterns.LINE_NAME, head)) and not re.fullmatch(patterns.TOTAL_HEAD, head)


def _read_head(walk: Walk, head: str) -> bool:
    """A total or a named amount makes its line the subject; so does a bare name before a change."""
    spec = walk.spec
    for _name, regex in patterns.compiled(spec.totals):
        match = regex.search(head)
        if match:
            walk.subject = spec.total
            _put_amount(walk, spec.total, match)
            return True
    named = re.match(patterns.NAMED_AMOUNT, head)
    if named:
        return _read_named(walk, named, head)
    bare = spec.part(head, None) if head and spec.resolve is None else None
    if bare is not None:
        walk.subject = bare
    return False


def _read_named(walk: Walk, named: re.Match[str], clause: str) -> bool:
    name = named.group("name").strip()
    code = re.sub(r"\s", "", named.group("code") or "") or None
    part = walk.spec.part(name, code)
    if part is None:
        walk.subject = None
        shown = f"{code or ''}{name}"
        walk.unread_lines.append(clause)
        walk.ext.miss(
            walk.spec.section,
            "unknown-name",
            clause,
            f"“{shown}”不是{TABLE_ZH.get(walk.spec.resource, walk.spec.resource)}的已知项目"
            "（或不在当年科目代码表中），未读取",
            f"'{shown}' is not a known line of {walk.spec.resource} (or not in that year's code list); not read",
        )
        return True
    if walk.spec.resolve is None:  # a source or item keeps its published name (a class, its code list's)
        part = Part(part.key, part.names, {**part.fields, "item_name": _published(name)}, part.note)
    walk.subject = part
    _put_amount(walk, part, named)
    return True


def _published(name: str) -> str:
    """The line's name as printed, without the 预算/决算/支出 words that only introduce its amount."""
    return re.sub(r"(?:支出)?(?:[预决]算)(?:数)?$", "", name) or name


def _put_amount(walk: Walk, part: Part, match: re.Match[str]) -> None:
    money = amount(match.group("number"), match.group("unit"))
    row = walk.ext.row(walk.spec.resource, walk.spec.key(part))
    if row.get("unit") and row["unit"] != money.unit and row.get("change"):
        row["change"] = converted(row["change"], row["unit"], money.unit)  # a change read before the amount
    if row.get("amount") and Decimal(converted(row["amount"], row["unit"], money.unit)) != Decimal(money.text):
        shown = f"{row['amount']}{row['unit']} / {money.text}{money.unit}"
        walk.ext.miss(walk.spec.section, "irregular", f"{match.group(0)}（{shown}）", *_stated_twice(part, shown))
    _put(walk, part, {**part.fields, "amount": money.text, "unit": money.unit})


def _stated_twice(part: Part, shown: str) -> tuple[str, str]:
    name = part.fields.get("item_name") or part.key.get("item", "")
    return (
        f"“{name}”的金额出现两次且不同（{shown}），采用后一次；请核对原文（前一次可能是误标的合计）",
        f"'{name}' is stated twice with different amounts ({shown}); the later is kept: check the text (the first "
        "may be a total given the line's name)",
    )


def _put_change(walk: Walk, part: Part, change: Change, fields: dict[str, str] | None = None) -> None:
    """The stated change on its row, in the unit of the row's amount (exactly converted where it differs)."""
    row = walk.ext.row(walk.spec.resource, walk.spec.key(part))
    unit = row.get("unit") or change.unit
    value = converted(change.value, change.unit, unit) if change.unit else change.value
    values = {**(fields or {}), "change": value, "change_word": change.word, "change_rate": change.rate}
    _put(walk, part, {**values, "unit": unit} if unit else values)


def _put(walk: Walk, part: Part, values: dict[str, str], note: str = "") -> None:
    walk.read_items.add(part.key.get("item", ""))
    values = {k: v for k, v in values.items() if v != ""}
    walk.ext.put(
        walk.spec.resource,
        walk.spec.key(part),
        {**walk.spec.fund, **values},
        walk.sentence,
        walk.spec.section,
        note or part.note,
    )


def _read_reason(walk: Walk, label: str, text: str) -> None:
    """A reason: the parts' changes it lists become their rows; what else it says is quoted."""
    subject = walk.subject
    pieces = [p for p in re.split(r"[，、]", text) if p]
    main = label in patterns.MAIN_REASON_LABELS or text.endswith("等")
    found = [_part_change(walk, subject, re.sub(r"等$", "", piece)) for piece in pieces]
    for part, change in (f for f in found if f):
        _put_change(walk, part, change, part.fields)
    if any(found):
        walk.children_changed[subject.key.get("item", "")] = "main-reasons" if main else "complete"
    words = _words_only(walk, text)
    if label in patterns.VERBATIM_REASONS and words:
        _put(walk, subject, {"change_reason": label + words})
    elif not all(found) and words:
        _put(walk, subject, {"change_reason": words})


def _words_only(walk: Walk, text: str) -> str:
    """The reason as it may be quoted: a piece holding money that is no line's change, or garbled (a number
    without its unit, a unit without its number), is left out of it and reported with its text."""
    tokens = re.split(r"([，、；])", text)
    kept = []
    pieces = list(zip(tokens[0::2], [*tokens[1::2], ""], strict=True))
    for at, (piece, mark) in enumerate(pieces):
        if walk.unfinished and at == len(pieces) - 1:
            walk.ext.miss(walk.spec.section, "unread-clause", piece, *HALF_SENTENCE)
        elif _unquotable(piece):
            walk.ext.miss(walk.spec.section, "unread-clause", piece, *REASON_LEFT_OUT)
        else:
            kept.append(piece + mark)
    return "".join(kept).rstrip("，、；")


def _unquotable(piece: str) -> bool:
    money = re.search(patterns.REASON_MONEY, piece) and not re.match(patterns.REASON_LINE_CHANGE, piece)
    return bool(money) or any(re.search(regex, piece) for _, regex in patterns.REASON_GARBLED)


def _part_change(walk: Walk, subject: Part, piece: str):
    for part in _children(walk.spec, subject):
        match = re.match(rf"^(?:{part.names})(.*)$", piece)
        if match:
            rest = re.match(patterns.PART_CHANGE, match.group(1))
            return (part, change_from(rest)) if rest else None
    return None


def _children(spec: Spec, subject: Part) -> list[Part]:
    item = subject.key.get("item")
    return [p for p in spec.parts if p.fields.get("parent_item") == item]


def _say_incomplete(walk: Walk) -> None:
    """Lines stated but not read leave the table short of its total: said once, with the gap, so that a total
    the read lines do not reach is never taken for the publisher's slip."""
    rows = walk.ext.rows.get(walk.spec.resource, [])
    total = next((r for r in rows if r.get("item") == "total" and r.get("amount")), None)
    lines = [r for r in rows if r.get("parent_item") == "total" and r.get("amount")]
    if total is None:
        return
    unit = total.get("unit", "")
    read = sum((Decimal(converted(r["amount"], r.get("unit") or unit, unit)) for r in lines), Decimal(0))
    gap = Decimal(total["amount"]) - read
    if gap == 0:
        return  # the unread lines are zeros, or lie outside the total (此外，年末结转和结余…)
    left = "；".join(walk.unread_lines)
    gaps.list_incomplete(walk.ext, walk.spec.resource, left, len(walk.unread_lines))
    walk.ext.miss(
        walk.spec.section,
        "incomplete-table",
        left,
        f"{TABLE_ZH.get(walk.spec.resource, walk.spec.resource)}中有项目未读取（{left}），已读项目合计{read}{unit}，"
        f"与总额{total['amount']}{unit}相差{gap}{unit}：这是提取的缺口，不是文件的错误",
        f"lines of {walk.spec.resource} were not read ({left}); the lines read sum to {read} {unit}, {gap} short of "
        f"the total {total['amount']} {unit}: a gap of the extraction, not the publisher's slip",
    )


def _settle_breakdowns(walk: Walk) -> None:
    """A parent whose parts carry stated changes: main-reasons (from a 主要原因 clause) or complete."""
    rows = walk.ext.rows.get(walk.spec.resource, [])
    fund = walk.spec.fund.get("fund")
    for parent in rows:
        if "item" not in parent or (fund and parent.get("fund") != fund) or parent["item"] not in walk.read_items:
            continue
        children = [
            r for r in rows if r.get("parent_item") == parent.get("item") and r.get("fund") == parent.get("fund")
        ]
        if any(r.get("change", "") != "" for r in children):
            breakdown = walk.children_changed.get(parent.get("item", ""), "complete")
            key = {k: parent[k] for k in ("fund", "item") if k in parent}
            walk.ext.put(walk.spec.resource, key, {"change_breakdown": breakdown}, walk.sentence, walk.spec.section)
