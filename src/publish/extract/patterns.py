"""The wording variants the extractor understands, as tables of small named regexes.

Each table is a tuple of (name, regex). The code loops over a table and never spells a variant
itself, so supporting a new wording real documents use is one line added to one table (and one
test in ``tests/test_extract_variants.py``). Patterns run on normalised text (see ``text.py``):
digits ASCII, punctuation full-width except inside numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

from publish.core import CHANGE_WORDS, FLAT, YUAN_PER_UNIT

# A number as printed: thousands separators allowed, a decimal part allowed.
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Money units as published (a figure keeps its unit) and how many 元 one of them is worth.
UNITS: tuple[tuple[str, str, Decimal], ...] = tuple(
    (name, name, Decimal(YUAN_PER_UNIT[name])) for name in ("亿元", "万元", "元")
)
UNIT = "|".join(f"(?:{regex})" for _, regex, _ in UNITS)
AMOUNT = rf"(?P<number>{NUMBER})\s*(?P<unit>{UNIT})"

# The year's budget figure that opens the income and expenditure paragraphs.
YEAR_BUDGET: tuple[tuple[str, str], ...] = (
    ("年年初预算数", r"\d{4}年年初预算数?"),
    ("年初预算数", r"\d{4}年初预算数?"),
    ("年预算数", r"\d{4}年(?:度)?预算数"),
)

# Where a whole table's total may start ("2023年收入预算…", "（单位）支出预算…"), never after a line's name
# ("其他收入预算…", "一般公共服务支出预算…" are lines, not totals).
AFTER_YEAR = r"(?:(?<=年)|(?<=度)|(?<=）)|(?<=：)|(?<=，)|(?<=。)|^)"

# What a change is measured against (较去年, 较上年, 较2022年, 比2022年, 与2022年…).
COMPARED_WITH: tuple[tuple[str, str], ...] = (
    ("较去年", r"较去年(?:度)?"),
    ("较上年", r"较上(?:一)?年(?:度)?"),
    ("较某年", r"较\d{4}年(?:度)?"),
    ("比某年", r"比\d{4}年(?:度)?"),
    ("比上年", r"比上(?:一)?年(?:度)?"),
    ("比去年", r"比去年(?:度)?"),
    ("与某年", r"[与和同]\d{4}年(?:度)?(?:相比)?"),
    ("与上年", r"[与和同](?:上|去)(?:一)?年(?:度)?(?:相比)?"),
    ("某年相比", r"\d{4}年(?:度)?(?:决算数?)?相比"),
    ("同比", r"同比"),
)
# Words that may sit between the comparison and the change word ("比2022年或减少" in the seed).
FILLER = r"(?:(?:单位|部门)?[预决]算(?:收入|支出)?数?)?(?:，)?(?:或)?"
# A comparison in its own clause ("与2023年度相比，减少956.31万元") belongs to the change after it.
COMPARISON_CLAUSE = r"(?<=相比)，"

# Change words (publish.core.CHANGE_WORDS, with their signs).
CHANGE_WORD = "|".join(CHANGE_WORDS)
RATE = r"(?P<rate>\d+(?:\.\d+)?)\s*%"

_COMPARE = "(?:" + "|".join(f"(?:{regex})" for _, regex in COMPARED_WITH) + ")"
# A stated change, in the shapes the template's sentences take; the first that matches wins.
CHANGES: tuple[tuple[str, str], ...] = (
    (
        "amount-and-rate",
        rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD}){AMOUNT}[，（(]?(?:增长|下降|增幅|降幅|降低|上升)?{RATE}",
    ),
    ("amount", rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD}){AMOUNT}"),
    ("rate", rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD}){RATE}"),
    ("flat", rf"{_COMPARE}{FILLER}(?P<word>{FLAT})"),
)
# A total named again after the comparison ("与2023年度相比，收入支出总计减少…"): its name goes before the
# comparison, where a clause names what it is about.
TOTAL_AFTER_COMPARISON = (
    rf"(?P<compare>{_COMPARE})(?P<name>[^\d，。；]{{1,12}}?(?:总计|合计|总额))(?=(?:{CHANGE_WORD}|{FLAT}))"
)
# Words before a change that name a line ("上级补助收入较上年增加…"), and those that name the table's total
# ("收入", "2023年度全镇“三公”经费", "本年收入", "收、支", "一般公共预算财政拨款支出", "机关运行经费").
LINE_NAME = r"[^\d，。；]{2,}(?:收入|支出|经费|费用?|拨款)$"
TOTAL_HEAD = (
    r"(?:\d{4}年(?:度)?)?(?:全镇|全乡|全街道|全县|全区|本部门|本单位|本级|部门|单位)?(?:本年)?"
    r"(?:收入|支出|收支|收、支|收入支出|(?:一般公共预算)?财政拨款(?:收入|支出|收支)?|[“”]?三公[”“]?经费(?:财政拨款)?"
    r"|(?:一般公共预算)?(?:机关)?运行经费)(?:支出)?(?:[预决]算)?(?:数)?(?:总计|合计|总额)?"
)
# A rate stated in its own clause after the change: "增加2万元，增长2%".
RATE_CLAUSE = rf"^(?P<word>增长|下降|增幅|降幅|降低|上升)(?:了)?(?:为)?{RATE}$"
RATE_SIGNS = {"增长": 1, "增幅": 1, "上升": 1, "下降": -1, "降幅": -1, "降低": -1}
# A change whose number has no unit ("收支较上年减少484.05，降低11.1%"): never read, always reported.
CHANGE_WITHOUT_UNIT = rf"{_COMPARE}{FILLER}(?P<word>{CHANGE_WORD})(?P<number>{NUMBER})(?![\d.%]|\s*(?:{UNIT}))"
# A part's change inside a reason: "人员经费增加17.97万元" (the part's name is matched separately).
PART_CHANGE = rf"^(?P<word>{CHANGE_WORD})(?:了)?{AMOUNT}$"

# A reason's piece that is a money change of a named line ("人员经费拨款减少28.58万元", "基本支出增加13.61万元"):
# quoted as words of the reason. Any other piece holding money, or a garbled one, is left out and reported.
REASON_LINE_CHANGE = rf"^[^\d，]*?(?:支出|经费|拨款|收入|费用?|资金)[^\d，]*?(?:{CHANGE_WORD})(?:了)?{AMOUNT}(?:[，（(]?{RATE}[）)]?)?(?:等)?$"
REASON_MONEY = rf"(?:{NUMBER})\s*(?:{UNIT})"
REASON_GARBLED: tuple[tuple[str, str], ...] = (
    ("unit-without-number", r"(?<![\d\s.])(?:万元|亿元)|(?<![\d\s.万亿])元(?=$|[，。；、])"),
    ("number-without-unit", r"(?<![\d.])\d+(?:\.\d+)?$"),
    ("unit-then-digits", r"(?:万元|亿元|元)\d"),
)

# Labels that open a reason or a purpose clause.
REASON_LABELS: tuple[tuple[str, str], ...] = (
    ("主要原因是", r"主要原因(?:是|为|：)"),
    ("原因是", r"原因(?:是|为|：)"),
    ("主要是", r"主要是"),
    ("主要由于", r"主要(?:由于|因为)"),
)
# Reasons quoted whole, label included: the overview's explanatory clause "主要是……".
VERBATIM_REASONS = ("主要是",)
PURPOSE_LABELS: tuple[tuple[str, str], ...] = (("主要用于", r"主要用于"),)
# A reason introduced like this lists only the main parts of a change (main-reasons).
MAIN_REASON_LABELS = ("主要原因是", "主要是", "主要由于")

# A functional classification code before a class name: "208", "20805", "2080505", "208 05 05".
FUNCTION_CODE = r"(?P<code>\d{3}(?:\s?\d{2}){0,2})"
# A class code printed after its name, "一般公共服务支出（201类）80万元": read as "201一般公共服务支出80万元".
CODE_AFTER_NAME = r"(?P<name>[^\d，；。：、]+?)[（(](?P<code>\d{3}(?:\d{2}){0,2})(?:类|款|项)?[）)]"
# A class, source or item name followed by its amount, "预算" allowed after the name.
NAMED_AMOUNT = rf"^(?:{FUNCTION_CODE}\s*)?(?P<name>[^\d，,。；：]+?)(?:预算)?(?:数)?(?:为|是)?{AMOUNT}"

# The “三公” total as budgets and 决算 write it: "“三公”经费预算14万元", "“三公”经费支出40.14万元",
# "“三公”经费财政拨款支出决算为…", "“三公”经费共计…", "三公经费合计…".
SANGONG_TOTALS: tuple[tuple[str, str], ...] = (
    (
        "三公经费",
        rf"[“”]?三公[”“]?经费(?:财政拨款)?(?:支出)?(?:[预决]算)?(?:数)?(?:支出)?(?:安排)?(?:为|是|共计|合计|总额为?)?{AMOUNT}",
    ),
    ("三公经费支出合计", rf"[“”]?三公[”“]?经费(?:支出)?(?:合计|总计)(?:为)?{AMOUNT}"),
)
# A 三公 statement of all appropriations: "财政拨款“三公”经费", "“三公”经费财政拨款支出".
SANGONG_OF_APPROPRIATIONS = r"财政拨款[“”]?三公|三公[”“]?经费财政拨款"
# 机关运行经费 as written: "机关运行经费预算…", "机关运行经费支出…", "机关运行经费财政拨款预算为…", "运行经费…".
OPERATING_TOTALS: tuple[tuple[str, str], ...] = (
    (
        "运行经费",
        rf"运行经费(?:财政拨款)?(?:支出)?(?:[预决]算)?(?:数)?(?:支出)?(?:安排)?(?:为|是|共计|合计)?{AMOUNT}",
    ),
)
# Counts a 三公 决算 states beside its amounts → ``assets`` (measure, measure name, regex with the count).
SANGONG_COUNTS: tuple[tuple[str, str, str], ...] = (
    ("outbound_groups", "因公出国(境)团组数", r"(?:出国|出境)(?:（境）)?(?:团组|组团)(?:数)?(?:共)?(?P<count>\d+)个"),
    (
        "outbound_people",
        "因公出国(境)人次",
        r"(?:团组|组团)(?:数)?(?:共)?\d+个(?:，|、)?(?:共计|累计|共)?(?P<count>\d+)人(?:次)?",
    ),
    ("outbound_people", "因公出国(境)人次", r"出国（境）[^。；，\d]{0,6}(?P<count>\d+)人次"),
    (
        "reception_batches",
        "国内公务接待批次",
        r"接待(?:国内)?(?:各类)?(?:公务)?(?:来访)?(?:共)?(?P<count>\d+)批(?:次)?",
    ),
    ("reception_people", "国内公务接待人次", r"接待[^。；]{0,20}?\d+批(?:次)?[^。；\d]{0,10}?(?P<count>\d+)人(?:次)?"),
    ("purchase", "公务用车购置数", r"(?:购置(?:公务用车|车辆|公车)|公务用车购置(?:数)?(?:为)?)(?:共)?(?P<count>\d+)辆"),
    (
        "holding",
        "公务用车保有量",
        r"(?:公务用车保有量|保有公务用车|公务用车实有数|实有公务用车)(?:为)?(?:共)?(?P<count>\d+)辆",
    ),
)

# A statement that there is none ("无政府性基金预算拨款安排的支出", "未使用政府性基金预算拨款安排的支出").
NONE_STATED = r"无|没有|未安排|未使用|不涉及|未发生"

# A change measured against the year's initial budget (决算 texts), not against last year: never a ``change``.
AGAINST_BUDGET = r"[比较与](?:年初)?预算(?:数)?(?:相比)?[，]?(?:增加|减少|增长|下降|持平)"
# "…年初预算为850万元，支出决算为900.5万元": a line's initial budget and its outturn, in one sentence.
INITIAL_AND_FINAL = (
    rf"(?P<name>[^\d，。；：]*?)(?:支出)?年初预算(?:数)?为(?P<initial>{NUMBER})\s*(?P<initial_unit>{UNIT})，"
    rf"(?:支出)?决算(?:数)?为(?P<number>{NUMBER})\s*(?P<unit>{UNIT})"
)

# How a finished sentence ends (one that does not, at the end of a paragraph, was cut).
SENTENCE_END = r"[。；！？”）]$"

# Numbered labels that start a heading or a sub-item: 一、 （一） 1、 1. （1） 1）
LABEL = r"^(?:[一二三四五六七八九十]+[、.．]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|\d{1,2}[、.．）)](?!\d))\s*"


def compiled(table: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(regex)) for name, regex in table]


def alternation(table: tuple[tuple[str, str], ...]) -> str:
    return "(?:" + "|".join(f"(?:{regex})" for _, regex in table) + ")"
