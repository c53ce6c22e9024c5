"""Extracting where there is no package: the data model shipped inside the tool stands in for one.

``standard/`` holds a copy of the repository's descriptor, schemas and function codes (see its README; a test
keeps it equal to the repository's files), so ``publish extract FILE`` in any folder writes a submission with
the columns and codes a package made from this repository reads.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from publish.core import locate


def has_package(path: str | Path) -> bool:
    """Whether ``path`` is a package (a folder holding datapackage.json, or the descriptor itself)."""
    return locate(path).is_file()


def standard_package() -> Path:
    """The folder of the shipped data model (descriptor, schemas, function codes; no departments)."""
    return Path(str(resources.files("publish.extract").joinpath("standard")))
