"""Standalone “三公” notes: a town's 决算 note, a city's 预算汇总, a department's 预算情况表 with its 说明.

Such a note states the three expenses (and their total) once or twice: in sentences ("因公出国（境）费0.66亿元，较上年
增加0.24亿元，主要原因是……") and often in a small table (``sangong_table``). Every figure is read with its published
unit; a change against the prior year goes to ``change`` (with its word, rate and basis), a comparison with the year's
initial budget has no column and is reported as unread. Counts (团组, 人次, 批次, 辆) go to ``assets``. A figure the
table and the text both state is compared in fen: a disagreement is reported (``text-table-mismatch``) with both
values, and a cell whose column was only inferred is then not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from publish.core import PROFILES, YUAN_PER_UNIT, official_names
from publish.extract import sangong_table
from publish.extract import sangong_words as words
from publish.extract.model import Extraction
from publish.extract.patterns import AMOUNT
from publish.extract.sections import Document
from publish.extract.text import Amount, amount, change_from, converted, sentences

SECTION = "sangong"
PROFILE = "sangong-note"
DEFAULT_FUND_NAME = "一般公共预算财政拨款"
FUND_NAME = r"一般公共预算(?:财政拨款|拨款)?"
PARENTS = {"outbound_travel": "total", "reception": "total", "vehicle": "total"}
SUBS = {"vehicle_operation": "vehicle", "vehicle_purchase": "vehicle"}
MEASURE_NAMES = official_names("assets", "measure")
OPERATING = "operating_costs"
CHANGE_FIELDS = ("change", "change_unit", "change_word", "change_rate", "change_basis", "prior_amount", "prior_unit")
MEASURE_WORD = r"数|量|批次|人次|团组|共有"
# "1， 537.4万元": a thousands separator the page broke with a space (read as 1537.4; the provenance says so).
BROKEN_THOUSANDS = r"(?<![\d.，,])(\d{1,3})[，,]\s+(\d{3}(?:\.\d+)?)(?=\s*(?:亿元|万元|元))"

_ITEMS = [(item, re.compile(regex)) for item, regex in words.ITEMS]
_MENTION = re.compile("|".join(f"(?:{regex})" for _, regex in words.ITEMS))
_COMPARE = re.compile(
    "|".join(f"(?P<i{n}>{regex})" for n, (_, regex) in enumerate(words.INITIAL))
    + "|"
    + "|".join(f"(?P<p{n}>{regex})" for n, (_, regex, _) in enumerate(words.PRIOR))
)
_REASON = re.compile("|".join(f"(?:{regex})" for _, regex in words.REASONS))


@dataclass
class Line:
    """What the note says about one 三公 line, field by field, each with where it was read."""

    item: str
    values: dict[str, str] = field(default_factory=dict)
    sources: list[tuple[dict[str, str], str, str, str]] = field(default_factory=list)  # values, sentence, section, note

    def set(self, values: dict[str, str], sentence: str, section: str = SECTION, note: str = "") -> None:
        self.values.update(values)
        self.sources.append((values, sentence, section, note))

    def drop(self, *names: str) -> None:
        """Forget fields read so far (a figure neither side of a disagreement may keep)."""
        for name in names:
            self.values.pop(name, None)
            for values, *_ in self.sources:
                values.pop(name, None)


@dataclass
class Reading:
    lines: dict[str, Line] = field(default_factory=dict)
    # item -> (amount, its name and words, sentence, provenance note)
    text_amounts: dict[str, list[tuple[Amount, str, str, str]]] = field(default_factory=dict)
    last_changed: str = ""
    note: str = ""  # what the provenance of the sentence being read says (a repaired number)
    disputed: set[str] = field(default_factory=set)  # lines whose changes the text states twice, differently

    def line(self, item: str) -> Line:
        return self.lines.setdefault(item, Line(item))


def read(document: Document, lines: list[str], ext: Extraction) -> None:
    """Read the note's table and sentences into sangong and assets rows, and say what was not read."""
    tables = sangong_table.find(lines, ext.fiscal_year, ext.document_kind)
    taken = set().union(*(table.used for table in tables)) if tables else set()
    reading = Reading()
    text_lines = [line for i, line in enumerate(lines) if i not in taken]
    for line in text_lines:
        repaired = _repaired(line)
        reading.note = _REPAIRED if repaired != line else ""
        for sentence in sentences(repaired):
            _read_sentence(sentence, reading, ext)
    _settle_text_amounts(reading, ext)
    for table in tables:
        _read_table(table, reading, ext)
    _put(reading, ext, *_fund("\n".join(lines)))
    _declare_unstated(ext)
    ext.put("disclosures", {}, {"profile": PROFILE, "unit": _unit_of(reading)}, document.title, "title")


def _repaired(line: str) -> str:
    return re.sub(BROKEN_THOUSANDS, r"\1,\2", line)


def _read_sentence(sentence: str, reading: Reading, ext: Extraction) -> None:
    reasons = _reasons(sentence)
    mentions = [m for m in _MENTION.finditer(sentence) if not any(a <= m.start() < b for a, b, _ in reasons)]
    consumed: list[tuple[int, int]] = []
    _read_listed(sentence, mentions, reading, consumed)
    for k, mention in enumerate(mentions):
        end = mentions[k + 1].start() if k + 1 < len(mentions) else len(sentence)
        item = _item_of(mention.group())
        _read_span(sentence, mention, end, item, reading, ext, consumed)
        for start, stop, label in reasons:
            if mention.end() <= start < end:
                _put_reason(reading.line(item), sentence, start, stop, label)
    opening = [r for r in reasons if not mentions or r[0] < mentions[0].start()]
    for start, stop, label in opening if reading.last_changed else ():
        _put_reason(reading.line(reading.last_changed), sentence, start, stop, label)
    _read_counts(sentence, ext, consumed)
    _report_left(sentence, consumed, ext)


def _read_listed(sentence: str, mentions: list[re.Match[str]], reading: Reading, consumed) -> None:
    """Names listed, then 分别为 their amounts in the same order; a list whose lengths differ is left unread."""
    for k, mention in enumerate(mentions):
        end = mentions[k + 1].start() if k + 1 < len(mentions) else len(sentence)
        opener = re.match(words.RESPECTIVELY, sentence[mention.end() : end])
        if not opener:
            continue
        first = k
        while first > 0 and re.fullmatch(words.LISTED, sentence[mentions[first - 1].end() : mentions[first].start()]):
            first -= 1
        amounts, at = [], mention.end() + opener.end()
        while found := re.match(words.LISTED_AMOUNT, sentence[at:]):
            amounts.append((found, at))
            at += found.end()
        if len(amounts) != k + 1 - first:
            continue
        for name, (found, base) in zip(mentions[first : k + 1], amounts, strict=True):
            _note_amount(reading, _item_of(name.group()), name.group(), found, sentence)
            consumed.append((base + found.start("number"), base + found.end()))


def _note_amount(reading: Reading, item: str, name: str, found: re.Match[str], sentence: str) -> None:
    money = amount(found.group("number"), found.group("unit"))
    reading.text_amounts.setdefault(item, []).append((money, name + found.group(), sentence, reading.note))
    reading.line(item).set({"item_name": name}, sentence)


def _reasons(sentence: str) -> list[tuple[int, int, re.Match[str]]]:
    """Where each reason runs (its label to the end of its clause group); a label inside another reason is its
    text ("主要原因是……主要是……" is one reason)."""
    kept: list[tuple[int, int, re.Match[str]]] = []
    for label in _REASON.finditer(sentence):
        if not any(a <= label.start() < b for a, b, _ in kept):
            kept.append((label.start(), _reason_end(sentence, label.end()), label))
    return kept


def _reason_end(sentence: str, start: int) -> int:
    stops = [at for at in (sentence.find("；", start), sentence.find("。", start)) if at >= 0]
    return min(stops) if stops else len(sentence)


def _item_of(name: str) -> str:
    return next(item for item, regex in _ITEMS if regex.fullmatch(name))


def _read_span(sentence, mention, end, item, reading: Reading, ext: Extraction, consumed) -> None:
    """The amount right after a line's name, then each comparison in the rest of its span."""
    span = sentence[mention.end() : end]
    offset = mention.end()
    found = re.match(words.LINE_AMOUNT, span)
    said = mention.group() + (span[: found.start("number")] if found else "")
    field = _field_of(said, ext.document_kind)
    another_year = bool(found) and _of_another_year(sentence[: mention.start()], ext.fiscal_year)
    if found and (field is None or another_year):
        consumed.append((offset + found.start("number"), offset + found.end()))
        ext.miss(SECTION, "unread-clause", sentence, *_ANOTHER_FIGURE)
    elif found and field == "initial_budget":
        money = amount(found.group("number"), found.group("unit"))
        reading.line(item).set({"initial_budget": money.text, "initial_unit": money.unit}, sentence)
        consumed.append((offset + found.start("number"), offset + found.end()))
    elif found:
        _note_amount(reading, item, mention.group(), found, sentence)
        consumed.append((offset + found.start("number"), offset + found.end()))
    if found and field != "amount" and not another_year and ext.document_kind == "final_account":
        then = re.match(words.THEN_FINAL, span[found.end() :])
        if then:  # "支出预算为45万元，支出决算为40万元": the 决算 figure after a budget figure is the note's own
            _note_amount(reading, item, mention.group(), then, sentence)
            consumed.append((offset + found.end() + then.start("number"), offset + found.end() + then.end()))
    for compare in _COMPARE.finditer(span):
        _read_change(sentence, span, compare, offset, item, reading, ext, consumed)


def _field_of(said: str, kind: str) -> str | None:
    """Which field the amount after ``said`` (the name and its words) is: the document's own amount, a 决算 note's
    initial budget, or None for another kind's figure (a 决算 note's other budget, a budget note's 决算)."""
    if not re.search(words.OTHER_KIND.get(kind, "(?!)"), said) or re.search(words.OWN_KIND.get(kind, "(?!)"), said):
        return "amount"
    if kind == "final_account" and re.search(words.INITIAL_BUDGET, said):
        return "initial_budget"
    return None


def _of_another_year(before: str, year: str) -> bool:
    """Is the line's name, in its clause, said of another year ("上年“三公”经费", "2023年公务接待费")?"""
    clause = re.split(r"[，；：、。]", before)[-1]
    years = re.findall(r"(\d{4})年", clause)
    return bool(re.search(words.ANOTHER_YEAR, clause)) or bool(years and years[-1] != year)


def _read_change(sentence, span, compare, offset, item, reading: Reading, ext: Extraction, consumed) -> None:
    rest_at = compare.end()
    prior = re.match(words.PRIOR_AMOUNT, span[rest_at:])
    if prior:
        rest_at += prior.end()
    rest = span[rest_at:]
    change = next((m for _, regex in words.CHANGE if (m := re.match(regex, rest))), None)
    if change is None:
        return
    stop = rest_at + change.end()
    rate_after = re.match(words.RATE_AFTER, span[stop:]) if not change.groupdict().get("rate") else None
    if rate_after:
        stop += rate_after.end()
    consumed.append((offset + compare.start(), offset + stop))
    if compare.lastgroup.startswith("i"):
        ext.miss(SECTION, "unread-clause", span[compare.start() : stop], *_INITIAL_UNREAD)
        return
    basis = words.PRIOR[int(compare.lastgroup[1:])][2]
    values = _change_values(change, rate_after, basis)
    if prior:
        money = amount(prior.group("number"), prior.group("unit"))
        values.update(prior_amount=money.text, prior_unit=money.unit)
    line = reading.line(item)
    if _disagrees(line.values, values) or item in reading.disputed:
        if item not in reading.disputed:
            ext.miss(SECTION, "irregular", sentence, *_CHANGES_DISAGREE)
        reading.disputed.add(item)
        line.drop(*CHANGE_FIELDS)
        return
    line.set(values, sentence)
    reading.last_changed = item


def _disagrees(before: dict[str, str], now: dict[str, str]) -> bool:
    """Does a second statement of a line's change contradict the first (compared in fen, rate as written)?"""
    if "change" in before and "change" in now:
        first = Amount(before["change"], before.get("change_unit") or "万元")
        second = Amount(now["change"], now.get("change_unit") or "万元")
        if _fen(first) != _fen(second):
            return True
    both_rates = "change_rate" in before and "change_rate" in now
    return both_rates and Decimal(before["change_rate"]) != Decimal(now["change_rate"])


def _change_values(change: re.Match[str], rate_after: re.Match[str] | None, basis: str) -> dict[str, str]:
    stated = change_from(change)
    values = {"change_word": stated.word, "change_basis": basis or None, "change": stated.value or None}
    if stated.unit:
        values["change_unit"] = stated.unit
    rate = stated.rate
    if rate_after:
        sign = words.RATE_SIGNS[rate_after.group("word")]
        rate = (
            rate_after.group("rate")
            if sign > 0 or Decimal(rate_after.group("rate")) == 0
            else "-" + rate_after.group("rate")
        )
    values["change_rate"] = rate or None
    return {k: v for k, v in values.items() if v is not None}


def _put_reason(line: Line, sentence: str, start: int, stop: int, label: re.Match[str]) -> None:
    verbatim = label.group().startswith("主要是")
    reason = sentence[start if verbatim else label.end() : stop].strip("，。； ")
    if reason and "change_reason" not in line.values:
        line.set({"change_reason": reason}, sentence)


def _read_counts(sentence: str, ext: Extraction, consumed, section: str = SECTION) -> int:
    """Put each count the sentence states; how many were read."""
    read = 0
    for measure, regex in words.COUNTS:
        for match in re.finditer(regex, sentence):
            at = (match.start("count"), match.end("count"))
            if any(a <= at[0] < b for a, b in consumed):
                continue
            consumed.append(at)
            _put_count(ext, measure, match, sentence, section)
            read += 1
    return read


def _count_name(measure: str, sentence: str, match: re.Match[str]) -> str:
    before = re.sub(r"（(?:个|人|人次|辆|批)）$", "", sentence[match.start() : match.start("count")].strip())
    after = sentence[match.end("count") : match.end()].strip()
    named = before + (after if after in ("人次", "批次") else "")
    if not re.search(MEASURE_WORD, named) or ("团组" in named and measure != "outbound_groups"):
        return MEASURE_NAMES[measure]
    return named


def _put_count(ext: Extraction, measure: str, match, sentence: str, section: str) -> None:
    """A count as its measure; a budget's purchases are its year's budgeted purchases, a count held is dated only
    where the sentence says when (截至2015年12月底)."""
    when: dict[str, str] = {}
    if measure == "purchase" and ext.document_kind != "final_account":
        measure, when = "purchase_budget", {"budget_year": ext.fiscal_year}
    dated = re.search(words.AS_OF, sentence)
    if measure == "holding" and dated:
        when = {"as_of": f"{dated.group('year')}-{int(dated.group('month')):02d}"}
    name = _count_name(measure, sentence, match)
    values = {"measure_name": name, "item_name": name, "count": match.group("count").replace(",", ""), **when}
    ext.put("assets", {"measure": measure, "item": "total"}, values, sentence, section)


def _report_left(sentence: str, consumed, ext: Extraction) -> None:
    """Amounts and counts of the sentence that no line took: reported, never guessed."""
    for regex in (AMOUNT, words.ANY_COUNT):
        for match in re.finditer(regex, sentence):
            if not any(a <= match.start() < b or a < match.end() <= b for a, b in consumed):
                ext.miss(SECTION, "unread-clause", sentence, *_LEFT)
                return


def _settle_text_amounts(reading: Reading, ext: Extraction) -> None:
    """One amount per line: the text stating two different amounts for a line keeps neither."""
    for item, found in reading.text_amounts.items():
        values = {_fen(money) for money, *_ in found}
        money, _, sentence, note = found[0]
        if len(values) > 1:
            shown = "；".join(text for _, text, *_ in found)
            ext.miss(SECTION, "irregular", shown, *_TEXT_DISAGREES)
            continue
        line = reading.line(item)
        line.set({"amount": money.text, "unit": money.unit}, sentence, note=note)


def _read_table(table: sangong_table.Table, reading: Reading, ext: Extraction) -> None:
    for text, zh, en in table.problems:
        ext.miss("sangong-table", "unread-clause", text, zh, en)
    for cell in table.cells:
        if not cell.item:
            if not _read_counts(f"{cell.name} {cell.value}", ext, [], "sangong-table"):
                ext.miss("sangong-table", "unread-clause", cell.line, *_ROW_UNKNOWN)
            continue
        if cell.item == "subtotal":
            continue
        _read_cell(cell, table.unit, reading, ext)


def _read_cell(cell: sangong_table.Cell, unit: str, reading: Reading, ext: Extraction) -> None:
    line = reading.line(cell.item)
    money = Amount(cell.value.replace(",", ""), unit)
    stated = line.values.get("amount")
    if stated is not None and _fen(Amount(stated, line.values["unit"])) != _fen(money):
        shown = f"表中 table {cell.name} {money.text}{unit}；文中 text {stated}{line.values['unit']}"
        ext.miss("sangong-table", "text-table-mismatch", shown, *_mismatch(cell, money, stated, line))
        if cell.inferred:
            line.drop("amount", "unit")
            return
    line.set({"item_name": cell.name, "amount": money.text, "unit": unit}, cell.line, "sangong-table", cell.note)


def _mismatch(cell, money: Amount, stated: str, line: Line) -> tuple[str, str]:
    text_unit = line.values["unit"]
    return (
        f"“三公”经费表的“{cell.name}”为 {money.text}{money.unit}，文字说明为 {stated}{text_unit}，两者不一致",
        f"the 三公 table states {money.text}{money.unit} for '{cell.name}', the text {stated}{text_unit}; they differ",
    )


def _fen(money: Amount) -> Decimal:
    return Decimal(money.text) * YUAN_PER_UNIT[money.unit] * 100


def _put(reading: Reading, ext: Extraction, fund: str, fund_name: str) -> None:
    for item, line in reading.lines.items():
        units = ("unit", "change_unit", "prior_unit", "initial_unit")
        unit = next((line.values[name] for name in units if line.values.get(name)), None)
        if not unit:
            continue
        resource, key, base = SECTION, {"fund": fund, "item": item}, {"fund_name": fund_name}
        parent = PARENTS.get(item) or SUBS.get(item)
        base["parent_item"] = parent if parent in reading.lines else None
        if item == OPERATING:
            resource, key, base = _operating_key(line, ext)
            if resource is None:
                continue
        ext.put(resource, key, {**base, "unit": unit}, "", SECTION)
        for values, sentence, section, note in line.sources:
            shown = _in_unit(values, unit)
            if resource != SECTION:
                shown.pop("item_name", None)
            if shown:
                ext.put(resource, key, shown, sentence, section, note)


def _operating_key(line: Line, ext: Extraction):
    """机关运行经费 by the fund its sentence names; a sentence naming none is reported, not guessed."""
    said = " ".join(sentence for _, sentence, _, _ in line.sources)
    for fund, regex in words.OPERATING_FUNDS:
        match = re.search(regex, said)
        if match:
            return "operating_costs", {"fund": fund}, {"fund_name": match.group()}
    ext.miss(SECTION, "unread-clause", said, *_OPERATING_FUND)
    return None, {}, {}


def _declare_unstated(ext: Extraction) -> None:
    """A required line the note does not state (no total, a blank cell) is said in `disclosure_parts`, never a 0."""
    names = official_names(SECTION)
    for part in PROFILES[PROFILE].parts:
        stated = ext.rows.get(part.resource, [])
        unstated = [line for line in part.lines if not any(_agrees(row, line) for row in stated)]
        if not unstated:
            continue
        shown = "、".join(names.get(line.get("item", ""), line.get("item", "")) for line in unstated)
        note = f"文中未写明：{shown} the note does not state: " + ", ".join(line.get("item", "") for line in unstated)
        ext.put("disclosure_parts", {"part": part.name}, {"status": "not_published", "note": note}, note, SECTION)


def _agrees(row: dict[str, str], line: dict[str, str]) -> bool:
    return all(row.get(k) == v for k, v in line.items()) and bool(row.get("amount"))


def _in_unit(values: dict[str, str], unit: str) -> dict[str, str]:
    """The row's fields, a change or prior amount stated in another unit written in the row's unit."""
    shown = {k: v for k, v in values.items() if k not in ("unit", "change_unit", "prior_unit", "initial_unit")}
    if "change" in shown and values.get("change_unit"):
        shown["change"] = converted(shown["change"], values["change_unit"], unit)
    for name, unit_name in (("prior_amount", "prior_unit"), ("initial_budget", "initial_unit")):
        if name in shown:
            shown[name] = converted(shown[name], values[unit_name], unit)
    return shown


def _unit_of(reading: Reading) -> str | None:
    for item in ("total", *reading.lines):
        line = reading.lines.get(item)
        if line and line.values.get("unit"):
            return line.values["unit"]
    return None


def _fund(text: str) -> tuple[str, str]:
    """The fund the note's 三公 are paid from, as it first names it: all appropriations (财政拨款安排“三公”经费), or
    the general budget (一般公共预算…, also the definition's own fund when the note names none)."""
    general, appropriations = re.search(FUND_NAME, text), re.search(words.APPROPRIATIONS_ONLY, text)
    if appropriations and (general is None or appropriations.start() < general.start()):
        return "appropriation", "财政拨款"
    return ("general_budget", general.group()) if general else ("general_budget", DEFAULT_FUND_NAME)


_REPAIRED = "“1， 537.4”中千位分隔符后的空格已去掉 a space after a thousands separator was dropped ('1, 537.4')"
_CHANGES_DISAGREE = (
    "文字说明对同一项“三公”经费写了不同的增减额或增减率，均未采用",
    "the text states different changes for the same 三公 line; neither is kept",
)
_ROW_UNKNOWN = (
    "三公经费表中此行既不是“三公”经费的某一项，也不是统计数，未读取",
    "this row of the 三公 table is neither a 三公 line nor a count; not read",
)
_OPERATING_FUND = (
    "机关运行经费未说明资金来源（一般公共预算或财政拨款），未读取",
    "机关运行经费 is stated without its fund (general budget or appropriations); not read",
)
_ANOTHER_FIGURE = (
    "此金额是另一年度或另一口径的数（如上年数、决算说明中的预算数），不是本文件本年的数，未读取",
    "this amount is another year's or another kind's figure (the prior year's, a budget figure in a 决算 note), "
    "not the document's own; not read",
)
_INITIAL_UNREAD = (
    "与年初预算数的比较：数据表没有此比较的列，且未写明年初预算数本身，未读取",
    "a comparison with the year's initial budget: no column holds it and the budget figure itself is not stated; "
    "not read",
)
_LEFT = (
    "此句中有金额或数量未能对应到“三公”经费的某一项或统计数，未读取",
    "this sentence holds an amount or count that matches no 三公 line or count; not read",
)
_TEXT_DISAGREES = (
    "文字说明对同一项“三公”经费写了不同的金额，均未采用",
    "the text states different amounts for the same 三公 line; neither is kept",
)
