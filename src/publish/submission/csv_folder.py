"""A submission as a folder of CSV files, one per resource, named ``<resource>.csv``.

Encoding: a UTF-8 BOM is removed; text that is not valid UTF-8 is read as GB18030 (which
covers GBK and GB2312, what Excel on Chinese Windows writes); both are noted. UTF-16 and
text that is neither is refused with a hint to save as "CSV UTF-8".
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from publish.core import Finding, Package, decode_excel_csv
from publish.submission.guard import oversized
from publish.submission.model import Submission
from publish.submission.table import read_table
from publish.template import NOT_SUBMITTED, submitted_resources


def read_folder(folder: Path, package: Package) -> Submission:
    submission = Submission(source=folder, kind="csv")
    resources = submitted_resources(package)
    links = sorted(p for p in folder.iterdir() if p.is_symlink())
    for link in links:
        submission.problems.append(_file_problem(link.name, "submission-symlink", *_LINK))
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.is_symlink() and p.suffix.lower() == ".csv")
    if not files and not links:
        submission.problems.append(_file_problem(folder.name, "submission-empty", *_EMPTY))
    for path in files:
        name = path.stem
        if name not in resources:
            submission.problems.append(_not_a_resource(path.name, name, resources))
            continue
        text = _decode(path, submission)
        if text is None:
            continue
        try:
            raw = _lines(text)
        except csv.Error as error:  # a cell beyond csv's field limit, a NUL byte, a stray line break
            submission.problems.append(_file_problem(path.name, "submission-unreadable", *_unparsable(error)))
            continue
        table = read_table(name, resources[name].schema, raw, path.name, "csv", header_line=1)
        submission.add_table(table)
    return submission


_EMPTY = ("文件夹中没有 CSV 文件", "the folder holds no CSV file")
_LINK = (
    "是符号链接（快捷方式），不予跟随读取；请把文件本身复制到报送文件夹中",
    "is a symbolic link, which is never followed; copy the file itself into the submission folder",
)


def _decode(path: Path, submission: Submission) -> str | None:
    if refusal := oversized(path):
        submission.problems.append(_file_problem(path.name, "submission-unsafe", *refusal))
        return None
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        submission.problems.append(_file_problem(path.name, "submission-encoding", *_UTF16))
        return None
    text, steps = decode_excel_csv(data)
    if "bom" in steps:
        submission.notes.append(
            _file_note(path.name, "normalised-bom", "去掉了 UTF-8 BOM", "the UTF-8 BOM was removed")
        )
    if text is None:
        submission.problems.append(_file_problem(path.name, "submission-encoding", *_UNKNOWN))
        return None
    if "gb18030" in steps:
        submission.notes.append(_file_note(path.name, "normalised-encoding-gb18030", *_GB))
    if "\x00" in text:
        submission.problems.append(_file_problem(path.name, "submission-encoding", *_UNKNOWN))
        return None
    return text


_UTF16 = (
    "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
    "the file is UTF-16 (Excel's 'Unicode text'): save it as 'CSV UTF-8 (comma delimited)'",
)
_UNKNOWN = (
    "文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
    "the file is neither UTF-8 nor GB18030/GBK text: save it as 'CSV UTF-8 (comma delimited)'",
)


def _unparsable(error: csv.Error) -> tuple[str, str]:
    return (
        f"无法按 CSV 读取（{error}），可能有超长的单元格或未闭合的引号；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        f"cannot be read as CSV ({error}): a cell may be too long or a quote left open; "
        "save it as 'CSV UTF-8 (comma delimited)'",
    )


_GB = ("文件不是 UTF-8，已按 GB18030（兼容 GBK）读取", "the file is not UTF-8; it was read as GB18030 (covers GBK)")


def _lines(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    lines: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        lines.append((start, cells))
        start = reader.line_num + 1
    return lines


def _not_a_resource(file: str, name: str, resources) -> Finding:
    if name in NOT_SUBMITTED:
        zh, en = (
            "代码表由维护者更新，不能随部门报送提交，请删除此文件",
            "code lists are not part of a submission: remove it",
        )
    else:
        known = ", ".join(f"{n}.csv" for n in resources)
        zh, en = (
            f"文件名不是本数据包的表名，应为以下之一：{known}",
            f"the file name is not a table of the package; use one of: {known}",
        )
    return _file_problem(file, "submission-unknown-file", zh, en)


def _file_problem(file: str, rule: str, zh: str, en: str) -> Finding:
    return Finding(rule=rule, severity="error", path=file, message_zh=f"{file}：{zh}。", message_en=f"{file}: {en}.")


def _file_note(file: str, rule: str, zh: str, en: str) -> Finding:
    return Finding(rule=rule, severity="warning", path=file, message_zh=f"{file}：{zh}。", message_en=f"{file}: {en}.")
