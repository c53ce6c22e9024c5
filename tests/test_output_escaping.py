"""Text from the data is made safe for each place it is written (issue 20: workflow commands, step summary,
terminal escapes, formulas in Excel-bound files, HTML, RDF, SQL).

One function per sink lives in ``publish.core.escape``; hypothesis checks each over any string, and the
commands are run end to end with the issue's examples: an OSC 52 sequence, a carriage return and
``::add-mask::`` in a cell or a file name, ``=HYPERLINK(…)`` in the descriptor, ``</script>`` in a title,
a field name that closes its SQL quote, a licence URL with line breaks.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import warnings
import zipfile

import duckdb
import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marko.ext.gfm import gfm
from openpyxl import Workbook, load_workbook
from rdflib import Graph, URIRef

from publish.core import Finding, PublishError, Report, escape
from publish.render import RENDERERS
from tests.fuzz.outcome import assert_clean_outcome, invoke, refused
from tests.mutate import add, edit

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # how GitHub's runner splits a log into lines
ANNOTATION = re.compile(r"::(error|warning) file=[^:,]*(,line=\d+)?,title=[^:,]*::")
TERMINAL_SEQUENCE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
OSC_52 = "\x1b]52;c;ZXZpbA==\x07"
WORKFLOW = "\n::add-mask::secret\n  ::stop-commands::token\r::error::fake ##[error]legacy"
SUMMARY_BREAKOUT = (
    "\r## 通过，0 个错误\r\n[点此](javascript:alert(1)) www.evil.example <img src=x onerror=alert(1)> |x|`"
)
HYPERLINK = '=HYPERLINK("https://evil.example","点击")'

PIECES = ["\r", "\n", "\r\n", "\x1b]52;c;", "\x07", "\x85", "\x9b", "\ud800", "  ::", "::", "##[", "|", "`", "\\", "%"]
any_text = st.lists(st.characters(codec="utf-8") | st.sampled_from(PIECES), max_size=40).map("".join)
sql_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"))


def commands_in(output: str) -> list[str]:
    """Every line GitHub's runner would read as a workflow command."""
    lines = LINE_BREAK.split(output)
    return [line for line in lines if line.lstrip().startswith("::") or "##[" in line]


def assert_no_injected_command(output: str) -> None:
    """Only our own annotations are commands; nothing else in the output is."""
    assert [line for line in commands_in(output) if not ANNOTATION.match(line)] == [], output


# -- each sink, for any string ------------------------------------------------------------------------------


@settings(max_examples=300)
@given(any_text)
def test_terminal_text_holds_no_control_sequence_and_no_workflow_command(text):
    for shown in (escape.terminal(text), escape.terminal_line(text)):
        assert not TERMINAL_SEQUENCE.search(shown) and not re.search("[\ud800-\udfff]", shown)
        assert commands_in(shown) == []
    assert "\n" not in escape.terminal_line(text)
    assert escape.terminal(escape.terminal(text)) == escape.terminal(text)


@settings(max_examples=300)
@given(any_text)
def test_workflow_data_is_one_line_that_github_decodes_back(text):
    data, prop = escape.workflow_data(text), escape.workflow_property(text)
    assert "\r" not in data and "\n" not in data and "##[" not in data
    assert ":" not in prop and "," not in prop and "\n" not in prop
    plain = not TERMINAL_SEQUENCE.search(text) and "##[" not in text and not re.search("[\ud800-\udfff]", text)
    if plain:
        assert data.replace("%0A", "\n").replace("%25", "%") == text


@settings(max_examples=200, deadline=None)
@given(any_text, any_text)
def test_a_markdown_cell_stays_one_cell_of_one_row_with_no_link_or_html(text, location):
    table = f"| a | b | c |\n|---|---|---|\n| x | {escape.markdown_code(location)} | {escape.markdown_text(text)} |\n"
    html = gfm.convert(table)
    assert html.count("<tr>") == 2 and html.count("<td>") == 3
    assert "<a " not in html and "<img" not in html and "<script" not in html
    unescaped = re.sub(r"\\\\", "", escape.markdown_text(text))
    assert "\n" not in unescaped and "\r" not in unescaped and not re.search(r"(?<!\\)\|", unescaped)


@given(any_text)
def test_an_excel_cell_never_starts_a_formula(text):
    safe = escape.excel(text)
    assert not safe.startswith(FORMULA_START) or escape.PLAIN_NUMBER.fullmatch(safe)
    assert safe in (text, "'" + text)


@given(st.recursive(any_text | st.integers(), lambda inner: st.lists(inner) | st.dictionaries(any_text, inner)))
def test_json_in_a_script_element_cannot_close_it_and_reads_back(value):
    text = escape.script_json(json.dumps(value, ensure_ascii=False))
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value
    printed = escape.serialised(json.dumps(value, ensure_ascii=False))
    assert json.loads(printed) == value and commands_in(printed) == [] and not re.search("[\x7f-\x9f]", printed)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_rdf_writes_any_text_as_one_line_that_reads_back(text):
    subject = URIRef(escape.iri("https://example.org/" + text))
    literal = escape.turtle_string(text)
    assert "\n" not in literal and "\r" not in literal and commands_in(literal) == []
    graph = Graph().parse(data=f"<https://example.org/s> <https://example.org/p> {literal} .", format="turtle")
    assert [str(o) for o in graph.objects()] == [re.sub("[\ud800-\udfff]", "\ufffd", text)]
    assert subject.n3().startswith("<https://example.org/")  # rdflib refuses an IRI it cannot write


@settings(max_examples=100, deadline=None)
@given(sql_text.filter(bool), sql_text)
def test_duckdb_names_and_comments_are_data_never_sql(name, comment):
    with duckdb.connect() as db:
        db.execute(f"CREATE TABLE {escape.sql_identifier(name)} (x INTEGER)")
        db.execute(f"COMMENT ON TABLE {escape.sql_identifier(name)} IS {escape.sql_string(comment)}")
        tables = db.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall()
    assert tables == [(name, comment)]  # one table, named and described exactly so: no other statement ran


def test_a_nul_in_a_sql_name_or_comment_is_refused():
    for quote in (escape.sql_identifier, escape.sql_string):
        with pytest.raises(PublishError, match="NUL"):
            quote("a\x00b")


# -- the commands, end to end ---------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "json", "csv", "github"])
def test_a_terminal_sequence_or_workflow_command_in_a_cell_is_never_printed_raw(package_copy, output_format):
    edit(package_copy, "income", {"item": "total"}, amount=f"1{OSC_52}{WORKFLOW}\x85")
    result = invoke("validate", package_copy, "--format", output_format)
    assert_clean_outcome(result)
    assert result.exit_code == 1 and "income" in result.output
    assert not TERMINAL_SEQUENCE.search(result.output.replace("\r\n", "\n"))  # CSV ends its lines with CR LF
    assert_no_injected_command(result.output)
    if output_format == "json":
        cell = json.loads(result.output)["findings"]
        assert any(f"1{OSC_52}{WORKFLOW}\x85" in f["message_en"] for f in cell)  # escaped, not lost


def test_a_carriage_return_in_a_cell_or_a_file_name_stays_in_its_summary_cell(package_copy, tmp_path, monkeypatch):
    edit(package_copy, "income", {"item": "total"}, amount=f"1{SUMMARY_BREAKOUT}")
    add(package_copy, "glossary", fiscal_year="2023", department_id="500238-zwfwzx", term_no="6", term="x")
    renamed = f"data/glossary{SUMMARY_BREAKOUT}.csv"
    (package_copy / "data" / "glossary.csv").rename(package_copy / renamed)
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in descriptor["resources"] if r["name"] == "glossary")["path"] = renamed
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = invoke("validate", package_copy, "--format", "github", "--lang", "zh")
    assert_clean_outcome(result)
    assert_no_injected_command(result.output)
    annotations = [line for line in commands_in(result.output) if ANNOTATION.match(line)]
    html = gfm.convert(summary.read_text(encoding="utf-8"))
    assert html.count("<h2>") == 1 and "<a " not in html and "<img" not in html
    assert html.count("<tr>") == len(annotations) + html.count("<table>")  # one row per finding, plus headers
    assert "evil.example" in html and "glossary" in html


def test_a_tool_failure_message_prints_no_workflow_command_on_stderr(package_copy, monkeypatch):
    def failing(*args, **kwargs):
        raise RuntimeError("cannot compile pattern (?=x)\n::add-mask::secret\n::stop-commands::token\n##[error]x")

    monkeypatch.setattr("publish.validate.validate", failing)
    result = invoke("validate", package_copy)
    assert result.exit_code == 3 and "add-mask" in result.output and "Traceback" not in result.output
    assert commands_in(result.output) == []


def test_a_pattern_polars_cannot_compile_prints_no_workflow_command(package_copy):
    path = package_copy / "schemas" / "glossary.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    field = next(f for f in schema["fields"] if f["name"] == "term")
    field.setdefault("constraints", {})["pattern"] = "(?=x)\n::add-mask::secret\n::stop-commands::token"
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    for output_format in ("text", "github"):
        result = invoke("validate", package_copy, "--format", output_format)
        assert "Traceback" not in result.output
        assert_no_injected_command(result.output)


def test_library_warnings_and_log_records_never_reach_the_terminal(package_copy, monkeypatch):
    from publish import validate as validation

    real, records = validation.validate, []

    def chatty(*args, **kwargs):
        logging.getLogger("rdflib.term").warning("https://x\n::add-mask::from-a-logger")
        warnings.warn("::add-mask::from-a-warning", UserWarning, stacklevel=1)
        return real(*args, **kwargs)

    monkeypatch.setattr("publish.validate.validate", chatty)
    recorder = logging.Handler()
    recorder.emit = records.append
    logging.getLogger().addHandler(recorder)
    try:
        with warnings.catch_warnings(record=True) as shown:
            warnings.simplefilter("always")
            result = invoke("validate", package_copy)
    finally:
        logging.getLogger().removeHandler(recorder)
    assert result.exit_code == 0 and "add-mask" not in result.output
    assert records == [] and shown == []  # neither handled nor shown: silenced while the command ran
    assert logging.root.manager.disable == logging.NOTSET  # and logging is as it was afterwards


def test_a_licence_url_with_line_breaks_reaches_no_log_and_rdf_reads_the_catalog(package_copy, tmp_path):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["licenses"][0]["path"] = "https://x.org/a b\n::add-mask::SECRET\n::stop-commands::zzz"
    descriptor["description"] = descriptor["description"].replace("\n\n", f"{WORKFLOW}\n\n", 1)
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    base = ["catalog", package_copy, "--base-url", "https://example.org/r"]
    printed = invoke(*base, "--format", "dcat-ttl")
    written = invoke(*base, "--out", tmp_path / "catalog")
    for result in (printed, written):
        assert_clean_outcome(result)
        assert result.exit_code == 0, result.output
        assert commands_in(result.output) == [] and "valid URI" not in result.output
    turtle = next((tmp_path / "catalog").glob("*.dcat.ttl")).read_text(encoding="utf-8")
    assert commands_in(turtle) == []
    assert len(Graph().parse(data=turtle, format="turtle")) > 100


def test_the_cn_catalog_holds_no_formula_from_the_descriptor(package_copy, tmp_path):
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = HYPERLINK
    descriptor["description"] = "@SUM(1+1)*cmd|' /C calc'!A0" + descriptor["description"]
    descriptor["keywords"] = ["+1+1", *descriptor.get("keywords", [])]
    publisher = next(c for c in descriptor["contributors"] if "publisher" in c.get("roles", []))
    publisher["organization"] = "-2+3"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    args = ["catalog", package_copy, "--base-url", "https://example.org/r", "--format", "cn-catalog"]
    result = invoke(*args, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    workbook = next(tmp_path.glob("*.cn-catalog.xlsx"))
    with zipfile.ZipFile(workbook) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    values = [c for row in load_workbook(workbook).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert HYPERLINK in [c.value for c in values]
    assert all(c.data_type == "s" and c.quotePrefix for c in values if c.value.startswith(FORMULA_START))
    text = next(tmp_path.glob("*.cn-catalog.csv")).read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + HYPERLINK in cells and "'-2+3" in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]


def test_findings_csv_holds_no_formula_and_no_line_break():
    finding = Finding(
        rule="type-error",
        severity="error",
        message_zh="=1+1\r\n::add-mask::x",
        message_en="@SUM(A1)",
        path='=HYPERLINK("x")\r.csv',
        field="+cmd",
    )
    text = RENDERERS["csv"](Report(findings=[finding]), "en")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 2 and not [cell for cell in rows[1] if cell.startswith(FORMULA_START)]
    assert "\r" not in "".join(rows[1]) and commands_in(text) == []


def test_the_release_workbook_and_the_template_hold_text_never_formulas(package_copy):
    from datetime import datetime, timezone

    from publish.core import load
    from publish.release.workbook import workbook_bytes
    from publish.template.build import build_template

    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = HYPERLINK
    next(r for r in descriptor["resources"] if r["name"] == "income")["title"] = "=1+1"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    schema_path = package_copy / "schemas" / "income.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["fields"][3]["title"] = "@SUM(1)"
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    package = load(package_copy)
    released = workbook_bytes(package, datetime(2024, 1, 1, tzinfo=timezone.utc))
    template, _, _ = build_template(package, "500238-zwfwzx", "2023", from_data=True)
    for data in (released, template):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
        book = load_workbook(io.BytesIO(data))
        texts = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert any(HYPERLINK in c.value for c in texts) and any(c.value == "@SUM(1)" for c in texts)
        assert all(c.quotePrefix for c in texts if c.value.startswith(FORMULA_START))


def test_an_xlsx_text_cell_is_text_whatever_it_holds():
    cell = Workbook().active.cell(1, 1)
    escape.excel_text_cell(cell, "=cmd|'/C calc'!A0\x07")
    assert cell.data_type == "s" and cell.quotePrefix and cell.value == "=cmd|'/C calc'!A0\ufffd"


def test_the_sites_excel_copy_of_invalid_data_holds_no_formula():
    from publish.site.downloads import excel_copy

    data = b"a,b\r\n=1+1,-2.50\r\n@x,ok\r\n"
    copy = excel_copy(data).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(copy))) == [["a", "b"], ["'=1+1", "-2.50"], ["'@x", "ok"]]
    clean = b"a,b\r\n1,-2.50\r\n"
    assert excel_copy(clean) == b"\xef\xbb\xbf" + clean  # valid data is copied byte for byte


def test_a_duckdb_field_name_that_closes_its_quote_runs_nothing(package_copy, tmp_path):
    target = tmp_path / "pwned.csv"
    hostile = f"a\" ; COPY (SELECT 1) TO '{target}' --"
    path = package_copy / "schemas" / "glossary.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    field = next(f for f in schema["fields"] if f["name"] == "definition")
    field["name"], field["title"] = hostile, f"x'); COPY (SELECT 2) TO '{target}' --"
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    data = package_copy / "data" / "glossary.csv"
    header, rest = data.read_text(encoding="utf-8").split("\n", 1)
    quoted = '"' + hostile.replace('"', '""') + '"'
    data.write_text(header.replace("definition", quoted) + "\n" + rest, encoding="utf-8")
    result = invoke("export", package_copy, "--format", "duckdb", "--out", tmp_path / "export")
    assert_clean_outcome(result)
    assert not target.exists()
    if result.exit_code == 0:  # written, the name quoted: the column is called exactly that
        database = next((tmp_path / "export").glob("*.duckdb"))
        with duckdb.connect(str(database), read_only=True) as db:
            columns = db.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'glossary'")
            assert (
                hostile,
                f"x'); COPY (SELECT 2) TO '{target}' -- Its explanation, as published.",
            ) in columns.fetchall()


def test_duckdb_names_that_differ_only_in_case_are_refused_not_merged(package_copy, tmp_path):
    path = package_copy / "schemas" / "glossary.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    next(f for f in schema["fields"] if f["name"] == "definition")["name"] = "TERM"
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    data = package_copy / "data" / "glossary.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("definition", "TERM", 1), encoding="utf-8")
    args = ["export", package_copy, "--format", "duckdb", "--out", tmp_path / "export"]
    refused(args, [tmp_path], "'term' and 'TERM' differ only in case")


def test_the_site_escapes_html_and_script_everywhere(package_copy, tmp_path):
    title = '</script><script>alert("t")</script><img src=x onerror=alert(1)>'
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = title
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    edit(package_copy, "departments", {"department_id": "500238-zwfwzx"}, name='<script>alert("d")</script>')
    label = '<svg onload=alert("c")>&amp;'
    edit(package_copy, "expenditure_by_type", {"fund": "general_budget", "item": "basic"}, item_name=label)
    result = invoke("site", package_copy, "--out", tmp_path / "site", "--allow-invalid")
    assert result.exit_code == 0, result.output
    for page in [tmp_path / "site" / "index.html", *(tmp_path / "site" / "department").glob("*.html")]:
        document = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        scripts = document.findall(".//script")
        assert all(
            s.get("src", "").endswith("assets/site.js") or s.get("type") == "application/ld+json" for s in scripts
        )
        assert document.findall(".//img") == [] and document.findall(".//svg//svg") == []
        handlers = [k for e in document.iter() for k in e.attrib if k.lower().startswith("on")]
        assert handlers == []
        for script in (s for s in scripts if s.get("type") == "application/ld+json"):
            assert json.loads(script.text)["name"] == title
    department = next((tmp_path / "site" / "department").glob("*.html")).read_text(encoding="utf-8")
    assert label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in department
