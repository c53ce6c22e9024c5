"""Semantic versions of the data package and the levels of change that bump them.

A level is one of ``none < patch < minor < major``; ``bump("1.2.3", "minor")`` is ``"1.3.0"``.
Only plain ``MAJOR.MINOR.PATCH`` versions are released (no pre-release or build suffix).
"""

from __future__ import annotations

from publish.core import SEMVER

LEVELS = ("none", "patch", "minor", "major")
FIRST_VERSION = "0.1.0"


def parse(version: str) -> tuple[int, int, int] | None:
    """The (major, minor, patch) numbers of a version, or None if it is not plain semver."""
    match = SEMVER.match(version) if isinstance(version, str) else None
    return tuple(int(part) for part in match.groups()) if match else None  # type: ignore[return-value]


def bump(version: str, level: str) -> str:
    """The version after a change of ``level``; ``none`` keeps it."""
    major, minor, patch = parse(version) or (0, 0, 0)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def rank(level: str) -> int:
    """Order of a level: none 0, patch 1, minor 2, major 3."""
    return LEVELS.index(level)


def highest(levels) -> str:
    """The highest of some levels (``none`` for none)."""
    return max(levels, key=rank, default="none")


def sort_key(version: str) -> tuple[int, int, int]:
    return parse(version) or (-1, -1, -1)
