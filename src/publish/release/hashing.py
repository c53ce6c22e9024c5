"""Hashes and byte counts of release files, and the SHA256SUMS file that lists them.

SHA256SUMS uses the format of GNU ``sha256sum`` (``<hex>  <path>``, one file a line, sorted
by path), so ``sha256sum -c SHA256SUMS`` checks a release without our tool.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

SUMS = "SHA256SUMS"
PREFIX = "sha256:"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def descriptor_hash(data: bytes) -> str:
    """The ``hash`` a Data Package v2 descriptor records for a file: ``sha256:<hex>``."""
    return PREFIX + sha256(data)


def render_sums(files: dict[str, bytes]) -> str:
    """The text of SHA256SUMS for ``files`` (relative POSIX path -> content)."""
    return "".join(f"{sha256(files[name])}  {name}\n" for name in sorted(files))


def parse_sums(text: str) -> tuple[dict[str, str], list[int]]:
    """The hex digest of each path listed in SHA256SUMS, and the line numbers that could not be read."""
    listed: dict[str, str] = {}
    unreadable: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        digest, separator, name = line.partition("  ")
        name = name.removeprefix("*")
        if not separator or len(digest) != 64 or not name:
            unreadable.append(number)
            continue
        listed[name] = digest.lower()
    return listed, unreadable


def files_under(folder: Path) -> list[str]:
    """Every file below ``folder`` as a relative POSIX path, sorted."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
