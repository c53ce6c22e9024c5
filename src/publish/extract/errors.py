"""Why an extraction cannot start: a usage problem the invocation must change (exit code 2 unless told)."""

from __future__ import annotations

from publish.core import EXIT_USAGE, PublishError


class ExtractError(PublishError):
    """The extraction cannot start; the message says what was found and which option (--year, --department…)
    settles it."""

    exit_code = EXIT_USAGE
