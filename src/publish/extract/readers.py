"""Reading a disclosure into lines of text: plain text, Word (.docx) and text PDFs.

Every reader returns the document's lines in reading order, normalised (see ``text.normalise``).
Word tables become one line per row with cells separated by tabs. In a PDF, a line that runs
to the right margin and does not end a sentence is joined with the next one, undoing the
layout's wrapping; page numbers are dropped. A file that cannot be read raises DocumentError.

A document comes from outside: before any parser sees it, its size is checked (``publish.core.limits``),
a Word file's zip and XML are checked like a submitted workbook's, and a PDF is read under the bounds
of ``pdf_bounds`` (unpacked streams) and ``pdf_guard`` (pages, the drawing work of each page).
"""

from __future__ import annotations

import re
from pathlib import Path

from publish.core import EXIT_USAGE, PublishError, limits, unsafe_office_file
from publish.extract.pdf_bounds import bounded
from publish.extract.pdf_guard import check_page, count_pages
from publish.extract.text import normalise

SUPPORTED = (".txt", ".docx", ".pdf")
SENTENCE_END = tuple("。；：！？")
# Table finding: tolerances raised so that a figure set a little off the baseline stays in its row and cell.
TABLE_TOLERANCE = 5
TABLE_Y_TOLERANCE = 5
RULED = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": TABLE_TOLERANCE,
    "join_tolerance": TABLE_TOLERANCE,
    "intersection_tolerance": TABLE_TOLERANCE,
}
UNRULED = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "snap_tolerance": TABLE_TOLERANCE,
    "join_tolerance": TABLE_TOLERANCE,
    "intersection_tolerance": TABLE_TOLERANCE,
    "text_y_tolerance": TABLE_Y_TOLERANCE,
}
COLUMN_SLACK = 4  # points within which two words start the same column
FIGURE = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
# A page number (a year standing alone on a cover, four digits, is no page number).
PAGE_NUMBER = re.compile(r"^[-—\s]*(?:第\s*)?\d{1,3}\s*(?:页)?(?:\s*/\s*\d+\s*页?)?[-—\s]*$")


class DocumentError(PublishError):
    """The document cannot be read; its exit code is EXIT_USAGE when the file type itself is not supported."""


def read_document(path: str | Path) -> list[str]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(
            f"{path.name}：不支持的文件类型“{suffix or '无扩展名'}”，请提供 .txt、.docx 或文字版 .pdf 文件",
            f"{path.name}: unsupported file type '{suffix or 'none'}'; give a .txt, .docx or text .pdf file",
            exit_code=EXIT_USAGE,
        )
    raw = {".txt": _text_lines, ".docx": _docx_lines, ".pdf": _pdf_lines}[suffix](path)
    lines = [_normalised(line) for line in raw]
    if not any(lines):
        raise DocumentError(
            f"{path.name}：文件中没有可读取的文字（扫描版 PDF 需先做文字识别 OCR）",
            f"{path.name}: the file holds no readable text (a scanned PDF needs OCR first)",
        )
    return lines


def _normalised(line: str) -> str:
    """A line in canonical form; a table row cell by cell, so that its leading empty cells keep their columns."""
    if "\t" not in line:
        return normalise(line)
    return "\t".join(normalise(cell) for cell in line.rstrip("\r\n").split("\t"))


def _within(path: Path, limit: limits.Limit) -> None:
    size = path.stat().st_size
    if limit.exceeded(size):
        zh, en = limit.hint()
        raise DocumentError(
            f"{path.name}：文件有 {size} 字节，未读取（{zh}）",
            f"{path.name}: the file has {size} bytes and was not read ({en})",
        )


def _text_lines(path: Path) -> list[str]:
    _within(path, limits.TEXT_BYTES)
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise DocumentError(
        f"{path.name}：文字编码既不是 UTF-8 也不是 GB18030/GBK，请另存为 UTF-8",
        f"{path.name}: the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8",
    )


def _docx_lines(path: Path) -> list[str]:
    import docx
    from docx.table import Table

    _within(path, limits.DOCUMENT_BYTES)
    if refusal := unsafe_office_file(path, limits.DOCX_PART_BYTES):
        raise DocumentError(f"{path.name}：{refusal[0]}", f"{path.name}: {refusal[1]}")
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several types for a broken file
        raise _unreadable(path, "Word", error) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend("\t".join(_unique_cells(row)) for row in block.rows)
        else:
            lines.extend(block.text.splitlines() or [""])
    return lines


def _unique_cells(row) -> list[str]:
    cells, seen = [], set()
    for cell in row.cells:  # a merged cell repeats: its text once, an empty cell for each column it spans
        cells.append("" if id(cell._tc) in seen else cell.text.strip())
        seen.add(id(cell._tc))
    return cells


def _pdf_lines(path: Path) -> list[str]:
    _within(path, limits.DOCUMENT_BYTES)
    with bounded() as budget:
        try:
            lines = _pdf_text_lines(path, budget)
        except Exception as error:  # pdfminer raises many types for a broken file; pdfplumber wraps them
            if budget.refusal is None:
                raise _unreadable(path, "PDF", error) from None
        if budget.refusal is not None:  # also when pdfminer swallowed the refusal and went on
            raise DocumentError(f"{path.name}：{budget.refusal[0]}", f"{path.name}: {budget.refusal[1]}")
    return _unwrap([line for line in lines if line.get("table") or not PAGE_NUMBER.match(line["text"])])


def _pdf_text_lines(path: Path, budget) -> list[dict]:
    import pdfplumber

    lines = []
    with open(path, "rb") as stream:  # pdfplumber's own close walks every page: only once they are counted
        pdf = pdfplumber.open(stream)
        count_pages(pdf.doc, budget)
        try:
            for number, page in enumerate(pdf.pages, start=1):
                check_page(page.page_obj, number, budget)
                lines.extend(_page_lines(page, number))
        finally:
            pdf.close()
    return lines


def _page_lines(page, number: int) -> list[dict]:
    """The page's text lines, each table found on it put in place of its lines as TAB rows (preceded by a
    ``[page N]`` marker, so that each figure of the table names its page)."""
    tables = _page_tables(page)
    if not tables:
        return page.extract_text_lines()
    inside = [table.bbox for table, _ in tables]
    lines = [ln for ln in page.extract_text_lines() if not any(_within_box(ln, box) for box in inside)]
    for table, rows in tables:
        top = table.bbox[1]
        lines.append({"text": f"[page {number}]", "table": True, "top": top - 0.01})
        lines.extend({"text": "\t".join(row), "table": True, "top": top + i * 0.001} for i, row in enumerate(rows))
    return sorted(lines, key=lambda ln: ln["top"])


def _page_tables(page) -> list[tuple]:
    """Ruled tables (by their lines) or, where the page has none, unruled ones: blocks of lines whose words
    stand in aligned columns with figures (found first, so that prose above or below cannot cross a column),
    each read by the words' alignment. Tolerant of figures set a little off the baseline."""
    ruled = [(t, _rows(t)) for t in page.find_tables(RULED)]
    ruled = [(t, rows) for t, rows in ruled if _ruled_table(rows)]
    if ruled:
        return ruled
    found = []
    for box, lines in _aligned_blocks(page):
        for table in page.crop(box).find_tables(UNRULED):
            rows = _rows_by_columns(table, lines)
            if rows is not None and _unruled_table(rows):
                found.append((table, rows))
    return found


def _rows_by_columns(table, lines: list[list[dict]]) -> list[list[str]] | None:
    """The block's lines (words grouped by their height, so that a figure set off the baseline stays in its line)
    cut at the columns pdfplumber found; None when a word straddles no column (the columns are not certain)."""
    columns = [column.bbox for column in table.columns]
    top, bottom = table.bbox[1], table.bbox[3]
    rows = []
    for line in lines:
        if not top - 1 <= (line[0]["top"] + line[0]["bottom"]) / 2 <= bottom + 1:
            continue
        cells = [""] * len(columns)
        for word in sorted(line, key=lambda w: w["x0"]):
            middle = (word["x0"] + word["x1"]) / 2
            index = next((i for i, box in enumerate(columns) if box[0] - 1 <= middle <= box[2] + 1), None)
            if index is None:
                return None
            cells[index] += word["text"]
        rows.append(cells)
    return rows


def _aligned_blocks(page) -> list[tuple[tuple[float, float, float, float], list[list[dict]]]]:
    """Runs of lines of several words each, with figures, whose words start at shared columns."""
    words = page.extract_words(x_tolerance=3, y_tolerance=TABLE_Y_TOLERANCE)
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: w["top"]):
        if rows and word["top"] - rows[-1][0]["top"] <= TABLE_Y_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    blocks, current = [], []
    for row in [*rows, []]:
        if len(row) >= 2:
            current.append(row)
            continue
        if _is_table_block(current):
            found = [w for r in current for w in r]
            box = (
                min(w["x0"] for w in found),
                min(w["top"] for w in found),
                max(w["x1"] for w in found),
                max(w["bottom"] for w in found),
            )
            blocks.append(((box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1), current))
        current = []
    return blocks


def _is_table_block(rows: list[list[dict]]) -> bool:
    with_figures = [r for r in rows if sum(bool(FIGURE.match(w["text"])) for w in r) >= 2]
    if len(rows) < 2 or len(with_figures) < 2:
        return False
    starts = [{round(w["x0"] / COLUMN_SLACK) for w in r} for r in rows]
    shared = {x for x in set().union(*starts) if sum(x in s for s in starts) >= max(2, len(rows) // 2 + 1)}
    return len(shared) >= 3


def _rows(table) -> list[list[str]]:
    cells = table.extract(x_tolerance=3, y_tolerance=TABLE_Y_TOLERANCE)
    return [[re.sub(r"\s*\n\s*", "", cell or "").strip() for cell in row] for row in cells]


def _ruled_table(rows: list[list[str]]) -> bool:
    return len(rows) >= 2 and max(len(r) for r in rows) >= 2


def _unruled_table(rows: list[list[str]]) -> bool:
    with_figures = [r for r in rows if sum(bool(FIGURE.match(c)) for c in r) >= 2]
    return len(rows) >= 2 and max(len(r) for r in rows) >= 3 and len(with_figures) >= 2


def _within_box(line: dict, box) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return box[1] - 1 <= middle <= box[3] + 1 and line["x0"] >= box[0] - 1 and line["x1"] <= box[2] + 1


def _unwrap(lines: list[dict]) -> list[str]:
    """Join the lines the layout wrapped: a line that runs to the right margin continues on the next,
    unless it ends a sentence and the next line is indented as a new paragraph (where the file indents).
    Table rows are never joined."""
    text = [ln for ln in lines if not ln.get("table")]
    if not text:
        return [ln["text"] for ln in lines]
    left, right = min(ln["x0"] for ln in text), max(ln["x1"] for ln in text)
    size = max((ln["chars"][-1].get("size", 10) for ln in text if ln.get("chars")), default=10)
    indents = any(ln["x0"] >= left + 1.5 * size for ln in text)
    out: list[str] = []
    previous = None
    for line in lines:
        joined = previous is not None and not line.get("table") and not previous.get("table")
        if joined and _continues(previous, line, left, right, size, indents):
            out[-1] += line["text"]
        else:
            out.append(line["text"])
        previous = line
    return out


def _continues(previous: dict, line: dict, left: float, right: float, size: float, indents: bool) -> bool:
    full = previous["x1"] >= right - 1.5 * size and len(previous["text"]) >= 20
    if not full:
        return False
    if not previous["text"].rstrip().endswith(SENTENCE_END):
        return True
    return indents and line["x0"] < left + 0.5 * size


def _unreadable(path: Path, kind: str, error: Exception) -> DocumentError:
    return DocumentError(
        f"{path.name}：无法作为 {kind} 文件打开（{type(error).__name__}）。文件可能已损坏或不是 {kind} 格式",
        f"{path.name}: cannot be opened as a {kind} file ({type(error).__name__}: {error}); "
        f"it may be damaged or not a {kind} file",
    )
