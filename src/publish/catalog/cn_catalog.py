"""The national 政务信息资源目录 core metadata record (GB/T 21063.3; 《政务信息资源目录编制指南（试行）》).

One record per release, as JSON with English keys and their Chinese labels, and as the
one-row XLSX/CSV with the Chinese labels as headers that portal back offices import.
Values use the portals' usual lists (开放属性 无条件开放, 更新周期 每年 …); the 资源代码 is
assigned by the catalog's operator and is therefore not part of the record.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

from publish.catalog.model import CatalogModel
from publish.core import escape, render_csv

STANDARD = "政务信息资源目录核心元数据（GB/T 21063.3；《政务信息资源目录编制指南（试行）》）"
CATEGORY = "财税金融"  # the budget/finance theme of provincial open-data portals
OPEN_TYPE = "无条件开放"  # 无条件开放 / 有条件开放 / 不予开放: budget disclosures are public by law
SHARE_TYPE = "无条件共享"
UPDATE_CYCLE = "每年"

LABELS: dict[str, str] = {
    "resource_name": "资源名称",
    "resource_name_en": "英文名称",
    "summary": "资源摘要",
    "provider": "资源提供方",
    "provider_code": "资源提供方统一社会信用代码",
    "category": "资源分类",
    "open_type": "开放属性",
    "share_type": "共享属性",
    "update_cycle": "更新周期",
    "release_date": "发布日期",
    "version": "版本",
    "formats": "资源格式",
    "record_count": "数据量（条）",
    "keywords": "关键字",
    "division_code": "行政区划代码",
    "division_name": "行政区划",
    "time_range": "数据时间范围",
    "departments": "涉及部门",
    "contact_name": "联系人",
    "contact_phone": "联系方式",
    "license": "开放许可",
    "download_url": "下载地址",
    "language": "语种",
}


def record(model: CatalogModel) -> dict[str, Any]:
    """The record keyed by the English keys of LABELS, in that order."""
    first, last = min(model.fiscal_years), max(model.fiscal_years)
    contact = model.contact
    values: dict[str, Any] = {
        "resource_name": model.title.zh,
        "resource_name_en": model.title.en,
        "summary": model.description.zh,
        "provider": model.publisher.name,
        "provider_code": model.publisher.credit_code or "",
        "category": CATEGORY,
        "open_type": OPEN_TYPE,
        "share_type": SHARE_TYPE,
        "update_cycle": UPDATE_CYCLE,
        "release_date": model.issued.isoformat() if model.issued else "",
        "version": model.version,
        "formats": "；".join(dict.fromkeys(d.file_format for d in model.distributions)),
        "record_count": sum(d.records or 0 for d in model.distributions),
        "keywords": "；".join(model.keywords),
        "division_code": model.place.division_code,
        "division_name": model.place.name,
        "time_range": f"{first}年" if first == last else f"{first}年—{last}年",
        "departments": "、".join(agent.name for agent in model.creators),
        "contact_name": contact.name if contact else "",
        "contact_phone": (contact.phone or "") if contact else "",
        "license": f"{model.license.title}（{model.license.url}）",
        "download_url": model.zip.url,
        "language": "中文",
    }
    return {key: values[key] for key in LABELS}


def render_json(model: CatalogModel) -> str:
    document = {"standard": STANDARD, "labels": LABELS, "record": record(model)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_csv_row(model: CatalogModel) -> bytes:
    """One header row of Chinese labels and one row of values; UTF-8 with a BOM so Excel opens it right, and
    every value as text (a value Excel would run as a formula starts with ')."""
    schema = {"fields": [{"name": label} for label in LABELS.values()]}
    row = {LABELS[key]: escape.excel(str(value)) for key, value in record(model).items()}
    return ("\ufeff" + render_csv(schema, [row])).encode("utf-8")


def render_xlsx(model: CatalogModel) -> bytes:
    """The same row as an Excel workbook with one sheet, 资源目录; text is written as text, never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "资源目录"
    sheet.append(list(LABELS.values()))
    for column, value in enumerate(record(model).values(), start=1):
        if isinstance(value, str):
            escape.excel_text_cell(sheet.cell(2, column), value)
        else:
            sheet.cell(2, column, value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = 18
    if model.issued:
        moment = datetime(model.issued.year, model.issued.month, model.issued.day)
        workbook.properties.created = workbook.properties.modified = moment
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
