"""Text in a descriptor or a schema that no output can carry: lone surrogates and control characters.

A JSON file may spell ``"\\ud800"``: Python reads it as a lone surrogate, which no UTF-8 file can hold,
so every writer (the release, the site, the catalog) would fail on it. Control characters (C0 but tab,
line feed and carriage return; DEL; C1) are invisible, break XML and the workbook, and can drive a
terminal. Either is a ``descriptor-text`` finding when the package is loaded, so nothing downstream
ever sees it. The walk is iterative: a descriptor nested as deep as JSON allows cannot overflow it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from publish.core.report import Finding

UNSAFE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text_findings(document: Any, where: str, pointer: str = "") -> list[Finding]:
    """One finding per string (value or key) of ``document`` holding an unsafe character."""
    return [
        _finding(where, at, text, match.group())
        for at, text in _strings(document, pointer)
        if (match := UNSAFE.search(text))
    ]


def _strings(document: Any, pointer: str) -> Iterator[tuple[str, str]]:
    stack = [(pointer.rstrip("/"), document)]
    while stack:
        at, value = stack.pop()
        if isinstance(value, str):
            yield at or "/", value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield f"{at}/{_shown(key)}", key
                stack.append((f"{at}/{_shown(key)}", item))
        elif isinstance(value, list):
            stack.extend((f"{at}/{index}", item) for index, item in enumerate(value))


def _shown(text: str) -> str:
    """A key as it can be printed: unsafe characters written as \\uXXXX."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _finding(where: str, at: str, text: str, char: str) -> Finding:
    code = f"U+{ord(char):04X}"
    return Finding(
        rule="descriptor-text",
        severity="error",
        path=where,
        field=at,
        values={"character": code},
        message_zh=f"{where}：{at} 的文字“{_shown(text)[:80]}”含有不可见的控制字符或无效字符 {code}，"
        "无法写入发布文件、网页和目录。请删除该字符。",
        message_en=f"{where}: the text at {at} ('{_shown(text)[:80]}') holds the control or invalid character "
        f"{code}, which no release, page or catalog can carry. Delete it.",
    )
