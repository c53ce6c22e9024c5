"""Findings where the change is: GitHub shows an annotation inline only on a line of the pull request's diff.

With `--changed-since`, a finding about other lines too (a sum's parts, the row a key repeats, the prior year's row)
whose lines changed carries them (``Finding.changed``). It is then annotated on each changed line it involves, and
on its own line (the total) once; each message names the other lines involved as file:line, changed ones marked.
Any other finding, and every finding of a run without `--changed-since`, stays as it is.
"""

from __future__ import annotations

from dataclasses import replace

from publish.core import Finding

SHOWN = 12  # lines named in one message, at most


def where_changed(finding: Finding) -> list[Finding]:
    """The finding at each changed line it involves (other than its own), then at its own line."""
    if not finding.changed:
        return [finding]
    copies = [_at(finding, line) for line in finding.changed if line != finding.row]
    zh, en = _named(finding, finding.row)
    own = replace(finding, message_zh=f"{finding.message_zh} 涉及的其他行：{zh}。", changed=())
    return [*copies, replace(own, message_en=f"{finding.message_en} Other lines involved: {en}.")]


def _at(finding: Finding, line: int) -> Finding:
    """The finding annotated on ``line``, a changed line it involves."""
    zh, en = _named(finding, line)
    return replace(
        finding,
        row=line,
        message_zh=f"{finding.path} 第 {line} 行（本次改动）：{finding.message_zh} 涉及的其他行：{zh}。",
        message_en=f"{finding.path} line {line} (changed): {finding.message_en} Other lines involved: {en}.",
        changed=(),
    )


def _named(finding: Finding, line: int | None) -> tuple[str, str]:
    """The lines the finding involves other than ``line`` as file:line, its own line first, then the changed ones."""
    others = [n for n in dict.fromkeys([finding.row, *finding.changed, *finding.involved]) if n and n != line]
    marked = [(f"{finding.path}:{n}", n in finding.changed) for n in others[:SHOWN]]
    zh = "、".join(name + ("（已改动）" if changed else "") for name, changed in marked)
    en = ", ".join(name + (" (changed)" if changed else "") for name, changed in marked)
    if len(others) > SHOWN:
        zh, en = f"{zh} 等共 {len(others)} 行", f"{en} and {len(others) - SHOWN} more"
    return zh, en
