"""The wordings of standalone “三公” notes, as tables of small named regexes (one line per variant).

Notes of every province name the same three expenses (因公出国（境）费, 公务用车购置及运行（维护）费, 公务接待费)
and the same counts (团组, 人次, 批次, 辆) in a handful of shapes. The reader loops over these tables and never
spells a variant itself. Patterns run on normalised text (``text.normalise``): ASCII digits, full-width marks.
"""

from __future__ import annotations

from publish.core import CHANGE_WORDS, FLAT
from publish.extract.patterns import AMOUNT, NUMBER

# A 三公 line's name as published, per item; the longer names first (购置及运行 before 购置, 运行).
ITEMS: tuple[tuple[str, str], ...] = (
    ("total", r"[“”\"]?三公[“”\"]?经费[”\"]?(?:支出|预算|决算)*(?:数|总额|合计|共计)?"),  # also “三公经费”
    ("vehicle", r"公务用车购置(?:费)?[及和与]运行(?:维护|维修)?(?:费用?|经费)(?:小计)?"),
    ("vehicle", r"公务用车购置及运维(?:费用?|经费)"),
    ("vehicle", r"公务用车(?:费用?|经费)"),
    ("outbound_travel", r"因公出国（境）(?:费用?|经费)"),
    ("outbound_travel", r"因公出国(?:费用?|经费)"),
    ("reception", r"公务接待(?:费用?|经费)"),
    ("vehicle_operation", r"(?:公务用车|车辆)运行(?:维护|维修)?(?:费用?|经费|支出)"),
    ("vehicle_operation", r"公务用车运维(?:费用?|经费)"),
    ("vehicle_purchase", r"(?:公务用车|车辆)购置(?:费用?|经费|支出)"),
    ("operating_costs", r"机关运行经费"),
)
# The fund 机关运行经费 is paid from, as the sentence stating it words it (operating_costs.fund, fund_name).
# A note whose 三公 are paid from all appropriations, not named as the general budget's: 使用财政拨款安排“三公”经费,
# 财政拨款“三公”经费预算 (whichever of this and the general budget's name a note says first is its fund).
APPROPRIATIONS_ONLY = r"(?<!预算)财政拨款(?:安排)?\s*(?:[“\"]?三公|的?[“\"]?三公)|(?:使用|用)财政拨款安排"
OPERATING_FUNDS: tuple[tuple[str, str], ...] = (
    ("general_budget", r"一般公共预算(?:财政拨款)?"),
    ("appropriation", r"财政拨款"),
)
# A table row's name only (a cell never says 费 for these): the total and the vehicles' subtotal and purchase.
TABLE_ITEMS: tuple[tuple[str, str], ...] = (
    ("total", r"(?:支出)?合计|总计"),
    ("subtotal", r"小计"),
    ("vehicle_purchase", r"公务用车购置(?![及数])"),
)
# Words between a line's name and its amount: "支出预算为", "共计支出", "开支".
TO_AMOUNT = r"(?:支出|开支|年初|预算|决算|安排|执行|财政拨款|一般公共预算)*(?:数|总额)?(?:为|是|共计|合计)?(?:支出)?\s*"
LINE_AMOUNT = rf"^{TO_AMOUNT}{AMOUNT}"
# The words before an amount that make it another kind's figure than the document's own: a 决算 note's budget
# figure (kept as initial_budget only where 年初预算 says which budget), a budget note's 决算 or 执行 figure.
OTHER_KIND = {"final_account": r"预算", "budget": r"决算|执行", "adjusted_budget": r"决算|执行"}
OWN_KIND = {"final_account": r"决算", "budget": r"预算", "adjusted_budget": r"调整预算"}
INITIAL_BUDGET = r"年初预算"
# A 决算 note's own figure right after the year's initial budget: "年初预算数为45万元，决算数为40万元".
THEN_FINAL = rf"^[，,]?\s*(?:支出)?(?:决算|实际支出)(?:数)?(?:为|是)?{AMOUNT}"
# Names listed, then their amounts in the same order: "因公出国（境）费、公务接待费分别为0万元、10万元".
LISTED = r"^[、，和及与\s]*$"
RESPECTIVELY = rf"^{TO_AMOUNT}分别(?:为|是)?"
LISTED_AMOUNT = rf"[、，和及与\s]*{AMOUNT}"

# What a change is measured against, and the change_basis it gives (empty: the note does not say which figure).
PRIOR: tuple[tuple[str, str, str], ...] = (
    ("较上年决算", r"(?:较|比|与|同)(?:上|去)(?:一)?年(?:度)?决算(?:数)?(?:相比)?", "prior-final"),
    ("较某年决算", r"(?:较|比|与|同)\d{4}年(?:度)?决算(?:数)?(?:相比)?", "prior-final"),
    ("较上年预算", r"(?:较|比|与|同)(?:上|去)(?:一)?年(?:度)?预算(?:数)?(?:相比)?", "prior-budget"),
    ("较某年预算", r"(?:较|比|与|同)\d{4}年(?:度)?预算(?:数)?(?:相比)?", "prior-budget"),
    ("较上年", r"(?:较|比|与|同)(?:上|去)(?:一)?年(?:度)?(?:相比)?", ""),
    ("较某年", r"(?:较|比|与|同)\d{4}年(?:度)?(?:相比)?(?!初)", ""),
    ("同比", r"同比", ""),
)
# A line's name said of an earlier year, not the document's own.
ANOTHER_YEAR = r"上年|去年|上一年|上年度"
# A comparison with the year's initial budget: no column holds its change (read only a stated budget figure).
INITIAL: tuple[tuple[str, str], ...] = (("较年初预算", r"(?:较|比|与)(?:\d{4}年)?(?:年初|年度)预算(?:数)?(?:相比)?"),)
# The prior year's figure itself, stated in the comparison: "较2024年的2190万元减少221万元".
PRIOR_AMOUNT = rf"^的{AMOUNT}"

WORD = "|".join(CHANGE_WORDS)
RATE = r"(?P<rate>\d+(?:\.\d+)?)\s*%"
# The change after a comparison, in the shapes notes take; the first that matches wins.
CHANGE: tuple[tuple[str, str], ...] = (
    ("amount-and-rate", rf"^(?P<word>{WORD})了?\s*{AMOUNT}\s*[，（(]?\s*(?:增长|下降|增幅|降幅)?了?{RATE}"),
    ("amount", rf"^(?P<word>{WORD})了?\s*{AMOUNT}"),
    ("rate", rf"^(?P<word>{WORD})了?{RATE}"),
    ("flat", rf"^(?P<word>{FLAT})"),
)
# A rate in its own clause right after the change: "减少2.97万元，下降6.89%".
RATE_AFTER = rf"^\s*[，（(]?\s*(?P<word>增长|下降|增幅|降幅)(?:了|为)?{RATE}"
RATE_SIGNS = {"增长": 1, "增幅": 1, "下降": -1, "降幅": -1}

# Labels that open a change's reason; the reason runs to the end of its clause group (； or 。).
REASONS: tuple[tuple[str, str], ...] = (
    ("主要原因是", r"(?:[增减下降]{2}的?)?主要原因(?:是|为|：)"),
    ("原因主要是", r"(?:[增减下降]{2}的?)?原因主要(?:是|为|：)"),
    ("原因是", r"原因(?:是|为|：)"),
    ("主要是", r"主要是(?!用于)"),
    ("主要由于", r"主要(?:由于|因为)"),
)

# Counts a note states (assets measures), each with the published name kept as measure_name and item_name.
COUNT = rf"(?P<count>{NUMBER})\s*"
COUNTS: tuple[tuple[str, str], ...] = (
    ("outbound_groups", rf"因公出国（境）团组数?\s*{COUNT}(?:个|次)"),
    ("outbound_groups", rf"因公出国（境）(?:共)?{COUNT}个团组"),
    ("outbound_groups", rf"因公出国（境）团组数（个）\s*{COUNT}$"),
    ("outbound_people", rf"(?:因公)?出国（境）(?:人数|人次)?\s*{COUNT}人次?"),
    ("outbound_people", rf"个团组{COUNT}人次?"),
    ("outbound_people", rf"因公出国（境）人(?:数|次)（人(?:次)?）\s*{COUNT}$"),
    ("purchase", rf"公务用车购置数?\s*{COUNT}辆"),
    ("purchase", rf"购置公务用车{COUNT}辆"),
    ("purchase", rf"公务用车购置数（辆）\s*{COUNT}$"),
    ("holding", rf"公务用车保有量\s*{COUNT}辆"),
    ("holding", rf"共有公务用车{COUNT}辆"),
    ("holding", rf"公务用车保有量（辆）\s*{COUNT}$"),
    ("reception_batches", rf"(?:国内)?公务接待\s*{COUNT}批次?"),
    ("reception_batches", rf"公务接待批次（批）\s*{COUNT}$"),
    ("reception_people", rf"(?:国内)?公务接待\s*{COUNT}人次?"),
    ("reception_people", rf"(?<=批次，){COUNT}人次?"),
    # the same counts stated with 为/是: "公务用车保有量为2辆，国内公务接待批次为520个，接待人次为4200人"
    ("outbound_groups", rf"因公出国（境）团组数?(?:为|是)\s*{COUNT}(?:个|次)"),
    ("outbound_people", rf"因公出国（境）人(?:数|次)(?:为|是)\s*{COUNT}人次?"),
    ("purchase", rf"公务用车购置数?(?:为|是)\s*{COUNT}辆"),
    ("holding", rf"公务用车保有量(?:为|是)\s*{COUNT}辆"),
    ("reception_batches", rf"(?:国内)?公务接待批次(?:为|是)\s*{COUNT}(?:个|批次?)"),
    ("reception_people", rf"(?:(?:国内)?公务)?接待人(?:次|数)(?:为|是)\s*{COUNT}人次?"),
    ("reception_people", rf"公务接待人(?:数|次)（人(?:次)?）\s*{COUNT}$"),
)
# The month a count held stands at: "截至2015年12月底", "截止2022年12月31日".
AS_OF = r"截[至止](?P<year>\d{4})年(?P<month>\d{1,2})月"
# Where a count ends: 个, 次, 人, 辆, 批 (what the unread check looks for in a sentence).
ANY_COUNT = rf"(?:{NUMBER})\s*(?:个团组|个|人次|人|辆|批次)"

# A table's unit: its own line (单位：万元, 金额单位：元) or a header cell (预算数（万元）).
UNIT_LINE = r"(?:单位[：:]\s*|[（(])(?P<unit>亿元|万元|元)(?:[）)]|\s|$)"
