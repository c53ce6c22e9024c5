"""The one error type: a refusal or a failure said in Chinese and English, with the exit code it means.

Every command exits with one of these codes (README, "Exit codes"). A library function that cannot do
what it was asked raises a ``PublishError`` (or a subclass named for its capability); the command layer
prints it the same way everywhere and exits with its code. The findings behind a refusal, if any,
travel with it and are rendered like any report.
"""

from __future__ import annotations

from collections.abc import Iterable

from publish.core.report import Finding

EXIT_OK = 0
EXIT_INVALID = 1  # the data has errors, or the request was refused because of them
EXIT_USAGE = 2  # the invocation must change (an option, a folder that is not ours)
EXIT_TOOL_FAILURE = 3  # the tool itself, or a service it needs, failed


class PublishError(Exception):
    """What went wrong, in both languages; ``exit_code`` says what kind of wrong, ``findings`` why if known."""

    exit_code: int = EXIT_INVALID

    def __init__(self, zh: str, en: str, *, exit_code: int | None = None, findings: Iterable[Finding] = ()):
        super().__init__(f"{zh} / {en}")
        self.message_zh, self.message_en = zh, en
        if exit_code is not None:
            self.exit_code = exit_code
        self.findings = list(findings)

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang`` ("zh", "en", or "both": Chinese, then English on the next line)."""
        if lang == "both":
            return f"{self.message_zh}\n{self.message_en}"
        return self.message_en if lang == "en" else self.message_zh
