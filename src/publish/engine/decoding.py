"""The bytes of a data file as text: UTF-8 (a BOM is a warning), or the encoding the resource declares.

Bytes that cannot be decoded are a located `encoding-error`; GBK/GB18030, what Excel saves by
default, is named as such and `publish validate --fix` transcodes it.
"""

from __future__ import annotations

import codecs

from publish.core import BOM, Finding, PublishError


class UnreadableFile(PublishError):
    """A data file that cannot be read at all; ``finding`` says why."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message_zh, finding.message_en, findings=[finding])
        self.finding = finding


def declared_codec(encoding: str | None, path: str, resource: str) -> str:
    try:
        return codecs.lookup(encoding or "utf-8").name
    except (LookupError, TypeError):
        zh = f"声明的编码 {encoding!r} 不存在。请改为 utf-8。"
        en = f"the declared encoding {encoding!r} does not exist; declare utf-8."
        raise _unreadable(path, resource, None, zh, en) from None


def decode_declared(data: bytes, encoding: str, path: str, resource: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        zh = f"文件声明为 {encoding} 编码，但第 {line} 行起无法按此编码读取。请改正 encoding 或文件。"
        en = f"the file is declared as {encoding} but from line {line} it cannot be read so; correct the encoding or the file."
        raise _unreadable(path, resource, line, zh, en) from None


def _unreadable(path: str, resource: str, line: int | None, zh: str, en: str) -> UnreadableFile:
    return UnreadableFile(file_finding("encoding-error", "error", path, resource, line, zh, en))


def decode(data: bytes, path: str, resource: str) -> tuple[str, list[Finding]]:
    """The file's text, or UnreadableFile for bytes that are not UTF-8 (GB18030 is named as such)."""
    findings = bom_findings(data, path, resource)
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8"), findings
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(_encoding_finding(data, path, resource, line)) from None


def bom_findings(data: bytes, path: str, resource: str) -> list[Finding]:
    if not data.startswith(BOM):
        return []
    return [
        file_finding(
            "utf8-bom",
            "warning",
            path,
            resource,
            1,
            "文件以 UTF-8 BOM 开头；规范文件应为不带 BOM 的 UTF-8。可运行 publish validate --fix 去掉 BOM。",
            "the file starts with a UTF-8 byte order mark; canonical files are UTF-8 without BOM. "
            "`publish validate --fix` removes it.",
        )
    ]


def _encoding_finding(data: bytes, path: str, resource: str, line: int) -> Finding:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        zh, en = "不是 UTF-8 编码，也不是 GBK/GB18030", "is neither UTF-8 nor GBK/GB18030"
    else:
        zh, en = (
            "是 GBK/GB18030 编码（Excel 另存为 CSV 的默认编码）",
            "is encoded as GBK/GB18030 (what Excel saves by default)",
        )
    return file_finding(
        "encoding-error",
        "error",
        path,
        resource,
        line,
        f"文件{zh}，第 {line} 行起无法按 UTF-8 读取。请另存为“CSV UTF-8”，或运行 publish validate --fix 转为 UTF-8。",
        f"the file {en}; from line {line} it cannot be read as UTF-8. Save it as 'CSV UTF-8', "
        "or run `publish validate --fix` to transcode it.",
    )


def file_finding(rule, severity, path, resource, row, zh, en) -> Finding:
    """A finding about a whole file, or one of its lines."""
    where_zh, where_en = (f"{path} 第 {row} 行", f"{path} line {row}") if row else (path, path)
    return Finding(
        rule=rule,
        severity=severity,
        resource=resource,
        path=path,
        row=row,
        message_zh=f"{where_zh}：{zh}",
        message_en=f"{where_en}: {en}",
        text=(zh, en),
    )
