"""Names that vulture cannot see used: each is read by a library or a template, never called by our own code.

Only vulture reads this file (see ``[tool.vulture]`` in pyproject.toml and tests/test_dead_code.py); it is never
imported or run. An entry counts as a use of that name anywhere, so keep each one narrow and say who reads it.
``_`` stands for any object: ``_.font`` is a use of the attribute ``font``.
"""

# ruff: noqa: B018, F821

# click: a group's lookups are called by click itself; sub-commands are registered by their decorator;
# an option callback receives (ctx, param, value) whether it reads param or not.
_.list_commands  # cli.LazyGroup
_.get_command  # cli.LazyGroup
export_command  # commands/catalog.py: @command.command("export")
push_command  # commands/catalog.py: @command.command("push")
param  # commands/*.py: option callbacks

# pandera: a DataFrameModel's annotated fields are its columns, Config its settings, and each
# @pa.dataframe_check classmethod is run by pandera (models/*.py).
Config
coerce
cls
change_word  # models/amounts.py: AmountLines column
change_rate  # models/amounts.py: AmountLines column
indicator_name  # models/kpis.py: column
as_of  # models/assets.py: column
budget_year  # models/assets.py: column
target_value  # models/kpis.py: column
target_text  # models/kpis.py: column
change_word_matches_sign  # models/amounts.py
period_present  # models/assets.py
percent_targets_in_range  # models/kpis.py
target_matches_operator  # models/kpis.py

# rdflib: the Turtle serialiser calls a literal's _quote_encode (catalog/dcat.py: _Literal writes one line).
_._quote_encode

# Jinja2 templates read these dataclass fields (site/templates/macros.html).
_.excel_csv  # site/downloads.py: ResourceDownload
_.css  # site/sections.py: Cell
_.fund_statuses  # site/sections.py: Table (department page v2)
_.field_statuses  # site/overview.py: Overview (department page v2)
_.budget_text  # site/comparison.py: Line (department page v2)
_.final_text  # site/comparison.py: Line
_.difference_text  # site/comparison.py: Line
_.rate_text  # site/comparison.py: Line

# zipfile: attributes of a ZipInfo that ZipFile.writestr reads (release/archive.py).
_.compress_type
_.create_system

# openpyxl: attributes set on cells, sheets and their protection, read when the workbook is saved
# (catalog/cn_catalog.py, release/workbook.py, template/build.py, template/sheet.py).
_.font
_.fill
_.alignment
_.comment
_.number_format
_.quotePrefix
_.freeze_panes
_.ref
_.sheet_state
_.formatCells
_.formatColumns
_.formatRows
_.deleteRows
_.insertRows

# pdfminer: its module-level decoders, replaced by bounded ones while a PDF is read (extract/pdf_bounds.py),
# and the zlib decompressobj signature the replacement keeps (max_length is part of it).
_.decompress_corrupted
_.lzwdecode
_.rldecode
max_length

# expat: the parser's callback, set on the parser object and called by it (submission/cell_count.py,
# submission/sheet_names.py).
_.StartElementHandler

# csv: a Dialect subclass's attribute, read by csv.reader (engine/dialect.py).
_.quoting

# extract/naming.py: a proposal's parts, read through dataclasses.asdict by the command's message and the JSON
# report (commands/extract.py, extract/run.py).
_.own_name
_.place_from

# Jinja2 templates read these (site/templates/county_macros.html: the county pages).
_.spark  # site/county.py: CountyRow
_.scope_words  # site/county.py: CountyRow
_.sangong_rises  # site/county.py: CountyPage
_.sort_value  # site/figures.py: Change
