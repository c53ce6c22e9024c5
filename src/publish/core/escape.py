"""Text made safe for the place it is written: one function per sink, and every writer uses them.

Text from a pull request, a submission or a document (a cell, a title, a file name, a message quoting
them) reaches terminals and CI logs, GitHub's annotations and step summary, Excel, web pages, RDF and
SQL, and each of them reads some characters as instructions:

- terminal and CI log (``terminal`` for our own lines, ``terminal_line`` for one value): control
  characters (C0 but tab and, in ``terminal``, line feed; DEL; C1; lone surrogates) are shown as
  ``\\x1b``, ``\\r`` …, so no ESC, CSI or OSC sequence (OSC 52 writes the clipboard) reaches a terminal;
  a line GitHub would run as a workflow command (``::`` first after spaces, ``##[`` anywhere) is broken
  by a space: ``: :add-mask::``, ``## [``.
- JSON and Turtle printed on a terminal (``serialised``): what the serialiser left raw (DEL, C1, lone
  surrogates) and ``##[`` as ``\\u`` escapes, which both formats read inside a string; still the same data.
- workflow commands (``workflow_data``, ``workflow_property``): GitHub's own percent-encoding of ``%``,
  line feed (and ``:``, ``,`` in properties); other control characters shown as above.
- Markdown (``markdown_text``, ``markdown_code``): every character that could start a link, an image,
  HTML, code, emphasis, an autolink or a table cell is backslash-escaped; a code span takes a fence
  longer than any run of backticks inside; line breaks are shown, never kept.
- Excel (``excel`` for a CSV cell, ``excel_text_cell`` for an .xlsx cell): text starting with ``=``,
  ``+``, ``-``, ``@``, tab or carriage return gets a leading ``'`` (a plain number is left as it is);
  an .xlsx cell holds it as text, with Excel's quote prefix.
- JSON inside an HTML ``<script>`` (``script_json``): ``<``, ``>``, ``&`` as ``\\u`` escapes.
- RDF (``iri``, ``turtle_string``): characters no IRI may hold are percent-encoded; a Turtle literal is
  one line, its quotes, backslashes and control characters escaped (rdflib would keep line breaks raw).
- SQL identifiers and literals (``sql_identifier``, ``sql_string``): quotes doubled, NUL refused.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from publish.core.errors import PublishError

CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")  # all but tab
CONTROL_BUT_LINE_FEED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
NAMED = {"\n": "\\n", "\r": "\\r"}
LEGACY_COMMAND = "##["  # GitHub's older workflow-command syntax, read anywhere in a line
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#!|~&:@.$])")
BACKTICKS = re.compile(r"`+")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
NOT_IN_A_WORKBOOK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")  # XML 1.0 cannot hold them
NOT_IN_AN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\ud800-\udfff]')
RAW_IN_SERIALISED = re.compile(r"[\x7f-\x9f\ud800-\udfff]|(?<=##)\[")
TURTLE_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
TURTLE_RAW = re.compile(r'["\\\x00-\x1f\x7f-\x9f\ud800-\udfff]|(?<=##)\[')
SCRIPT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _shown(match: re.Match) -> str:
    char = match.group()
    return NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def _no_command(line: str) -> str:
    """A line GitHub's runner reads as text: no ``::`` first after spaces, no ``##[`` anywhere."""
    line = line.replace(LEGACY_COMMAND, "## [")
    body = line.lstrip()
    if body.startswith("::"):
        return f"{line[: len(line) - len(body)]}: {body[1:]}"
    return line


def terminal(text: str) -> str:
    """Text of several lines for a terminal or a CI log (stdout or stderr)."""
    return "\n".join(_no_command(line) for line in CONTROL_BUT_LINE_FEED.sub(_shown, text).split("\n"))


def terminal_line(text: Any) -> str:
    """One value inside a line of text output: its line breaks shown, never kept."""
    return _no_command(CONTROL.sub(_shown, str(text)))


def serialised(text: str) -> str:
    """JSON (or Turtle) text for a terminal or a CI log, read back as the same data."""
    return RAW_IN_SERIALISED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def workflow_data(text: str) -> str:
    """The message of a workflow command (``::error …::<data>``), line feeds kept as GitHub encodes them."""
    shown = CONTROL_BUT_LINE_FEED.sub(_shown, text)
    return shown.replace("%", "%25").replace("\n", "%0A").replace(LEGACY_COMMAND, "## [")


def workflow_property(text: str) -> str:
    """A property of a workflow command (``file=…``, ``title=…``)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown_text(text: Any) -> str:
    """Text in a Markdown table cell or heading, read as text and nothing else."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", CONTROL.sub(_shown, str(text)))


def markdown_code(text: Any) -> str:
    """Text as a code span in a Markdown table cell."""
    shown = CONTROL.sub(_shown, str(text)).replace("|", "\\|")
    if not shown:
        return ""
    fence = "`" * (max((len(run) for run in BACKTICKS.findall(shown)), default=0) + 1)
    padding = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{padding}{shown}{padding}{fence}"


def excel(value: Any) -> Any:
    """A CSV cell Excel opens as text: a leading ``'`` where Excel would run a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def excel_text_cell(cell: Any, value: str) -> None:
    """Write ``value`` into an openpyxl cell as text: never a formula or an error code, text again after
    editing (quote prefix); characters no workbook can hold become U+FFFD."""
    cell.value = NOT_IN_A_WORKBOOK.sub("\ufffd", value)
    cell.data_type = "s"
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True


def script_json(text: str) -> str:
    """JSON text safe inside an HTML ``<script>`` element: nothing in it can close the element."""
    return re.sub("[<>&\u2028\u2029]", lambda m: SCRIPT[m.group()], text)


def iri(text: str) -> str:
    """An IRI RDF can hold: spaces, controls, ``<>"{}|\\^``` and the like percent-encoded."""
    return NOT_IN_AN_IRI.sub(lambda m: quote(m.group(), safe="", errors="surrogatepass"), text)


def turtle_string(text: str) -> str:
    """A Turtle string literal (quotes included) on one line; lone surrogates, which no file can hold, as U+FFFD."""
    return '"' + TURTLE_RAW.sub(_turtle_char, text) + '"'


def _turtle_char(match: re.Match) -> str:
    char = match.group()
    if char in TURTLE_NAMED:
        return TURTLE_NAMED[char]
    return "\ufffd" if "\ud800" <= char <= "\udfff" else f"\\u{ord(char):04X}"


def sql_identifier(name: str) -> str:
    """A table or column name quoted for DuckDB (the SQL standard's double quotes, doubled inside)."""
    return '"' + _no_nul(name).replace('"', '""') + '"'


def sql_string(text: str) -> str:
    """A string literal for DuckDB (single quotes, doubled inside; a backslash is an ordinary character)."""
    return "'" + _no_nul(text).replace("'", "''") + "'"


def _no_nul(text: str) -> str:
    if "\x00" in text:
        shown = terminal_line(text)
        raise PublishError(
            f"名称或说明“{shown}”含有 NUL 字符，无法写入数据库", f"the name or text {shown!r} holds a NUL character"
        )
    return text
