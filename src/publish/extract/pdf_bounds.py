"""pdfminer's stream decoders, bounded: no stream unpacks beyond a limit, nor all of them together.

A PDF's streams are compressed: a 2 MB file can unpack to gigabytes, and pdfminer unpacks every stream
it touches (the cross-reference and object streams while opening, fonts and page contents while
reading) with no bound. While a PDF is read (``bounded``), the decoders ``pdfminer.pdftypes`` calls
(zlib, its salvage of damaged zlib data, LZW, run-length) are replaced by bounded ones, and put back
when the reading ends: a stream unpacking beyond ``PDF_STREAM_BYTES``, or all of them beyond
``PDF_UNPACKED_BYTES``, stops the reading with ``TooMuch``. pdfminer's decoders are plain functions of
that module, so this is the one place it can be bounded short of a separate process. Image data is never
unpacked for text, so the image decoders are left alone.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

from publish.core import limits

CHUNK = 1 << 16
RUN_LENGTH_RATIO = 64  # RunLengthDecode unpacks at most 2 bytes into 128

Refusal = tuple[str, str]


class TooMuch(Exception):
    """A limit was passed; ``refusal`` is the (Chinese, English) reason."""

    def __init__(self, refusal: Refusal):
        super().__init__(refusal[1])
        self.refusal = refusal


def refusal(zh: str, en: str, limit: limits.Limit) -> Refusal:
    hint_zh, hint_en = limit.hint()
    return f"{zh}，未读取（{hint_zh}）", f"{en}, and was not read ({hint_en})"


class Budget:
    """The bytes unpacked so far, and the first refusal (kept: pdfplumber wraps exceptions in its own)."""

    def __init__(self) -> None:
        self.unpacked = 0
        self.refusal: Refusal | None = None

    def count(self, added: int, stream: int) -> None:
        """``added`` bytes more unpacked, the stream they belong to being ``stream`` bytes so far."""
        if limits.PDF_STREAM_BYTES.exceeded(stream):
            zh, en = (
                "一个数据流解压后超过上限（疑似压缩炸弹）",
                "a stream unpacks beyond the limit (a decompression bomb?)",
            )
            self.refuse(refusal(zh, en, limits.PDF_STREAM_BYTES))
        self.unpacked += added
        if limits.PDF_UNPACKED_BYTES.exceeded(self.unpacked):
            zh, en = "全部数据流解压后超过上限", "its streams unpack beyond the limit"
            self.refuse(refusal(zh, en, limits.PDF_UNPACKED_BYTES))

    def refuse(self, reason: Refusal) -> None:
        self.refusal = self.refusal or reason
        raise TooMuch(reason)


class _Inflater:
    """A zlib decompressor that never returns more than the stream limit."""

    def __init__(self, budget: Budget, *args: Any):
        self.budget, self.inner, self.size = budget, zlib.decompressobj(*args), 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self.inner.decompress(data, limits.PDF_STREAM_BYTES.value + 1 - self.size)
        self.size += len(out)
        self.budget.count(len(out), self.size + (1 if self.inner.unconsumed_tail else 0))
        return out

    def flush(self, *args: Any) -> bytes:
        return self.decompress(self.inner.unconsumed_tail)


class _Zlib:
    """What ``pdfminer.pdftypes`` sees as the zlib module while a PDF is read."""

    error = zlib.error

    def __init__(self, budget: Budget):
        self.budget = budget

    def decompressobj(self, *args: Any) -> _Inflater:
        return _Inflater(self.budget, *args)

    def decompress(self, data: bytes, *args: Any) -> bytes:
        inflater = _Inflater(self.budget)
        out = inflater.decompress(data)
        if not inflater.inner.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib does: pdfminer then salvages what it can
        return out


def _salvage(budget: Budget) -> Callable[[bytes], bytes]:
    """pdfminer's salvage of damaged zlib data (what unpacks before the damage), in linear time."""

    def salvage(data: bytes) -> bytes:
        inflater, out = _Inflater(budget), []
        for start in range(0, len(data), CHUNK):
            saved = inflater.inner.copy()
            try:
                out.append(inflater.decompress(data[start : start + CHUNK]))
            except zlib.error:
                inflater.inner = saved
                out.extend(_byte_by_byte(inflater, data[start : start + CHUNK]))
                break
        return b"".join(out)

    return salvage


def _byte_by_byte(inflater: _Inflater, chunk: bytes) -> Iterator[bytes]:
    for index in range(len(chunk)):
        try:
            yield inflater.decompress(chunk[index : index + 1])
        except zlib.error:
            return


def _lzw(budget: Budget) -> Callable[[bytes], bytes]:
    from pdfminer.lzw import LZWDecoder

    def decode(data: bytes) -> bytes:
        out, size = [], 0
        for piece in LZWDecoder(BytesIO(data)).run():
            size += len(piece)
            budget.count(len(piece), size)
            out.append(piece)
        return b"".join(out)

    return decode


def _run_length(budget: Budget, original: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def decode(data: bytes) -> bytes:
        budget.count(0, len(data) * RUN_LENGTH_RATIO)  # the most it can unpack to, refused before unpacking
        out = original(data)
        budget.count(len(out), len(out))
        return out

    return decode


@contextmanager
def bounded() -> Iterator[Budget]:
    """While the block runs, every stream pdfminer unpacks is counted against the limits."""
    from pdfminer import pdftypes

    budget = Budget()
    names = ("zlib", "decompress_corrupted", "lzwdecode", "rldecode")
    saved = {name: getattr(pdftypes, name) for name in names}
    pdftypes.zlib = _Zlib(budget)
    pdftypes.decompress_corrupted = _salvage(budget)
    pdftypes.lzwdecode = _lzw(budget)
    pdftypes.rldecode = _run_length(budget, saved["rldecode"])
    try:
        yield budget
    finally:
        for name, value in saved.items():
            setattr(pdftypes, name, value)
