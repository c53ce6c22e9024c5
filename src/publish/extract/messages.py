"""Messages of the amount-table reader, in Chinese and English."""

NO_SUBJECT = (
    "这句话陈述了增减，但看不出是哪一项的增减，未读取",
    "this clause states a change but not of which line; not read",
)
NOT_UNDERSTOOD = (
    "这句话含有金额，但不符合任何已知的写法，未读取；请核对原文或补充识别规则",
    "this clause holds an amount in no wording the extractor knows; not read: check the text or add a pattern",
)
NO_UNIT = (
    "这句话陈述的增减额没有单位，未读取（不猜测单位）",
    "this clause states a change without a unit; not read (the unit is never guessed)",
)
REASON_LEFT_OUT = (
    "原因说明中的这一段含有不属于任何已知项目增减的金额，或数字、单位残缺，未写入变动原因",
    "this piece of a reason holds an amount that is no known line's change, or a garbled number or unit; "
    "left out of change_reason",
)
HALF_SENTENCE = (
    "原因说明在此中断（副本止于半句），这半句未写入变动原因",
    "the reason stops here (the copy ends mid-sentence); this half phrase is left out of change_reason",
)
COMPARED_WITH_BUDGET = (
    "这句话比较的是决算与年初预算（不是与上年），不作为增减变动读取，其原因说明也不写入变动原因",
    "this sentence compares the outturn with the initial budget (not with last year): not read as a change, "
    "nor its reason as change_reason",
)
TABLE_ZH = {
    "income": "收入预算",
    "expenditure_by_function": "支出功能分类",
    "expenditure_by_type": "基本支出/项目支出",
    "sangong": "“三公”经费",
    "operating_costs": "机关运行经费",
}
