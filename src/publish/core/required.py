"""The lines every department-year must publish, with explicit zeros where it has none: silence is not disclosure.

One table, read by the completeness rule (`required-part-missing`), by the Excel template (the lines it
prints for the clerk) and by the submission check (the lines a submission may not leave out). A line names
the key values that identify it; a row is that line when it agrees on every key the line names, so
``{"item": "total"}`` is met by the total of any fund, and ``{}`` by any row at all.

These are the parts every disclosure states: income by source, the expenditure totals, the 三公 items,
operating costs, procurement, vehicles and performance indicators. Breakdowns below them (人员经费 and 公用经费, vehicles by
kind, the general budget's share of procurement) are stated where known but are not required: the template
prints them under their line, and a submission may leave them out.
"""

from __future__ import annotations

INCOME = ("general_budget", "government_fund", "state_capital", "business", "business_operation", "other", "total")
SANGONG = ("total", "outbound_travel", "reception", "vehicle_operation", "vehicle_purchase")
PROCUREMENT = ("total", "goods", "works", "services")
MEASURES = ("holding", "purchase_budget")

# resource -> the lines every department-year must publish, in the order a form lists them
REQUIRED_LINES: dict[str, list[dict[str, str]]] = {
    "income": [{"item": item} for item in INCOME],
    "expenditure_by_function": [{"item": "total"}],
    "expenditure_by_type": [{"item": item} for item in ("total", "basic", "project")],
    "sangong": [{"fund": "general_budget", "item": item} for item in SANGONG],
    "operating_costs": [{}],
    "procurement": [{"fund": "all", "item": item} for item in PROCUREMENT],
    "assets": [{"measure": measure, "item": "total"} for measure in MEASURES],
    "kpis": [{}],
}
