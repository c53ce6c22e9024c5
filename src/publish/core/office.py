"""An Office file (.xlsx, .docx) from outside, refused before its parser opens it.

Such a file is a zip of XML parts. It is refused when it has too many parts, when a part or all of them
would unpack beyond a bound (a decompression bomb: Python's zipfile never reads past the size an entry
declares, so the declared sizes bound what openpyxl and python-docx will unpack), or when any part
declares a DOCTYPE or an entity (the "billion laughs" entity bomb, external entities reading local
files). Office never writes either, so nothing real is lost. Each refusal is a (Chinese, English)
reason that states the limit and how to raise it; the caller names the file.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from publish.core import limits

MARKUP = (b"<!DOCTYPE", b"<!ENTITY")
MARKUP_FORMS = tuple(word.decode().encode(codec) for word in MARKUP for codec in ("utf-8", "utf-16-le", "utf-16-be"))
CHUNK = 1 << 20
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)

Refusal = tuple[str, str]


def unsafe_office_file(path: Path, part_limit: limits.Limit = limits.OFFICE_PART_BYTES) -> Refusal | None:
    """Why the Office file at ``path`` must not be parsed, or None. Reads every part once, in bounded chunks.

    ``part_limit`` bounds each part unpacked (a Word document is parsed whole, so its bound is lower). A file
    that is not a readable zip is let through: the parser's own refusal names it.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if refusal := _sizes(infos, part_limit):
                return refusal
            for info in infos:
                if _declares_markup(archive, info):
                    return _doctype(info.filename)
    except ZIP_ERRORS:
        return None
    return None


def _sizes(infos: list[zipfile.ZipInfo], part_limit: limits.Limit) -> Refusal | None:
    if limits.OFFICE_PARTS.exceeded(len(infos)):
        return _over(f"有 {len(infos)} 个部件", f"it has {len(infos)} parts", limits.OFFICE_PARTS)
    largest = max(infos, key=lambda info: info.file_size, default=None)
    if largest is not None and part_limit.exceeded(largest.file_size):
        zh = f"其中的 {largest.filename} 解压后有 {largest.file_size} 字节（疑似压缩炸弹）"
        en = f"its part {largest.filename} would unpack to {largest.file_size} bytes (a decompression bomb?)"
        return _over(zh, en, part_limit)
    total = sum(info.file_size for info in infos)
    if limits.OFFICE_UNPACKED_BYTES.exceeded(total):
        zh, en = f"解压后共 {total} 字节（疑似压缩炸弹）", f"it would unpack to {total} bytes (a decompression bomb?)"
        return _over(zh, en, limits.OFFICE_UNPACKED_BYTES)
    return None


def _declares_markup(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            window = tail + chunk
            if any(form in window for form in MARKUP_FORMS):
                return True
            tail = window[-32:]
    return False


def _over(zh: str, en: str, limit: limits.Limit) -> Refusal:
    hint_zh, hint_en = limit.hint()
    return (
        f"{zh}，未读取；请用 Office 重新保存（{hint_zh}）",
        f"{en} and was not read; save it again in Office ({hint_en})",
    )


def _doctype(part: str) -> Refusal:
    return (
        f"其中的 {part} 含有 DOCTYPE 或实体声明（可能是实体炸弹或外部实体攻击），Office 不会生成这样的文件，未读取；"
        "请用 Office 重新保存后再提交",
        f"its part {part} declares a DOCTYPE or entities (an entity bomb or external entity attack?), which "
        "Office never writes, and was not read; save it again in Office and resubmit",
    )
