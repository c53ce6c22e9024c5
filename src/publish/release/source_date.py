"""The one date a release is stamped with, so that building it twice gives the same bytes.

In order: ``SOURCE_DATE_EPOCH`` (reproducible-builds.org), else the date of the last git commit
of the folder holding the package, else ``FALLBACK`` (documented in the README). Never the clock.
Zip entries cannot hold dates before 1980, so earlier dates are raised to 1980-01-01.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from publish.core import EXIT_USAGE, PublishError

FALLBACK = datetime(2023, 1, 1, tzinfo=timezone.utc)
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)


class SourceDateError(PublishError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""

    exit_code = EXIT_USAGE


def source_date(root: Path) -> datetime:
    """The release date of the package at ``root`` (UTC, whole seconds, not before 1980)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise SourceDateError(
                f"环境变量 SOURCE_DATE_EPOCH 应为自 1970 年起的整秒数，而不是 {epoch!r}",
                f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}",
            )
        moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    else:
        moment = _last_commit_date(root) or FALLBACK
    return max(moment, ZIP_EPOCH)


def iso(moment: datetime) -> str:
    """The date as the descriptor's ``created`` writes it: ``2023-01-01T00:00:00Z``."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _last_commit_date(root: Path) -> datetime | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    seconds = done.stdout.strip()
    if done.returncode != 0 or not seconds.isdigit():
        return None
    return datetime.fromtimestamp(int(seconds), tz=timezone.utc)
