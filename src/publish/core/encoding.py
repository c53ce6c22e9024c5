"""The encodings a CSV saved by Excel on Chinese Windows comes in: UTF-8 (with or without BOM) or GB18030."""

from __future__ import annotations

BOM = b"\xef\xbb\xbf"


def decode_excel_csv(data: bytes) -> tuple[str | None, list[str]]:
    """The text, and what it took: "bom" (a UTF-8 BOM removed), "gb18030" (not UTF-8); None if neither reads."""
    steps = []
    if data.startswith(BOM):
        data = data[len(BOM) :]
        steps.append("bom")
    try:
        return data.decode("utf-8"), steps
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), [*steps, "gb18030"]
    except UnicodeDecodeError:
        return None, steps
