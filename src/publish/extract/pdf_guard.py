"""Before pdfminer lays out a PDF: how many pages it has, and how much drawing each page asks for.

A document declaring too many pages is refused at once; the pages are also counted lazily (a declared
count can lie), so a document with twenty thousand pages is refused after the first few hundred. Before a page is laid out, ``check_page`` weighs its content: the bytes of its content streams
and an upper bound of its drawing operators (runs of letters that are not names or hex digits), each
form drawn by ``Do`` counted as often as it is drawn (forms inside forms to a depth of eight). The
streams are unpacked under the bounds of ``pdf_bounds``. Each refusal says the limit and how to raise it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from publish.core import limits
from publish.extract.pdf_bounds import Budget, refusal

OPERATOR = re.compile(rb"(?<![/A-Za-z0-9])[A-Za-z'\"][A-Za-z*]*")
DRAWN = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![A-Za-z])")
MAX_DEPTH = 8  # forms drawn inside forms


def count_pages(document: Any, budget: Budget) -> int:
    """The pages of a pdfminer document, counted lazily: refused as soon as there are too many."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    count, limit = 0, limits.PDF_PAGES
    tree = resolve1(document.catalog.get("Pages"))
    declared = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    if isinstance(declared, int):  # the count the file declares: refused at once if too many, checked below
        _within(budget, declared, limit, f"声明有 {declared} 页", f"it declares {declared} pages")
    for _ in PDFPage.create_pages(document):
        count += 1
        _within(budget, count, limit, f"超过 {limit.value} 页", f"it has more than {limit.value} pages")
    return count


def check_page(page: Any, number: int, budget: Budget) -> None:
    """Refuse a page whose content (forms drawn included) is too large or draws too much, before it is laid out."""
    size, operators = 0, 0
    for stream in _streams(page.contents):
        weight = _weight(stream, page.resources, 0, {})
        size, operators = size + weight[0], operators + weight[1]
    zh, en = f"第 {number} 页的内容有 {size} 字节", f"page {number} has {size} bytes of content"
    _within(budget, size, limits.PDF_PAGE_BYTES, zh, en)
    zh, en = f"第 {number} 页约有 {operators} 个绘制指令", f"page {number} has about {operators} drawing operators"
    _within(budget, operators, limits.PDF_PAGE_OPERATORS, zh, en)


def _within(budget: Budget, amount: int, limit: limits.Limit, zh: str, en: str) -> None:
    if limit.exceeded(amount):
        budget.refuse(refusal(zh, en, limit))


def _weight(stream: Any, resources: Any, depth: int, seen: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(bytes, operators) drawing ``stream`` costs, the forms it draws counted each time they are drawn."""
    from pdfminer.pdftypes import resolve1

    data = stream.get_data()
    size, operators = len(data), len(OPERATOR.findall(data))
    forms = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if depth >= MAX_DEPTH or not isinstance(forms, dict):
        return size, operators
    for name, times in Counter(DRAWN.findall(data)).items():
        form = resolve1(forms.get(name.decode("latin-1")))
        if _is_form(form):
            if id(form) not in seen:
                seen[id(form)] = (0, 0)  # drawn inside itself: counted once
                seen[id(form)] = _weight(form, resolve1(form.get("Resources")) or resources, depth + 1, seen)
            size, operators = size + times * seen[id(form)][0], operators + times * seen[id(form)][1]
    return size, operators


def _is_form(value: Any) -> bool:
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    return isinstance(value, PDFStream) and value.get("Subtype") is LIT("Form")


def _streams(contents: list[Any]) -> Iterator[Any]:
    from pdfminer.pdftypes import PDFStream, resolve1

    for item in contents:
        stream = resolve1(item)
        if isinstance(stream, PDFStream):
            yield stream
