"""Hostile inputs that reach the validation engine (src/publish/engine, rules, validate.py).

Each test here failed when it was written (issue 11) and needs a fix in the engine, which the
hardening issue does not own; the fix for each is described in the test's docstring. The short
fuzz runs of the cases that reach the engine live here too, for the same reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fuzz.cases import ENGINE_EXAMPLES, run_case
from tests.fuzz.outcome import assert_clean_outcome, invoke

FUZZ_SEED = 20231114


@pytest.mark.parametrize("name", sorted(ENGINE_EXAMPLES))
def test_short_fuzz_run_through_the_engine(name: str):
    run_case(name, ENGINE_EXAMPLES[name], seed=FUZZ_SEED)


def _validate(package: Path):
    result = invoke("validate", package, "--format", "json")
    assert_clean_outcome(result)
    return result


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        (b"", "source-error"),
        (b"fiscal_year\n", "missing-label"),
        (b"fiscal_year,department_id\n2023,500238-zwfwzx\n", "missing-label"),
    ],
)
def test_a_header_missing_columns_is_a_finding(package_copy: Path, content: bytes, rule: str):
    """engine/tables.py `_typed_frame`: give the frame a (null) column for every schema field, so that rules
    reading e.g. `parent_item` do not raise ColumnNotFoundError; missing-label already reports the problem.
    A 0-byte file has no header at all: frictionless's source-error "the source is empty" (issue 15)."""
    (package_copy / "data" / "income.csv").write_bytes(content)
    result = _validate(package_copy)
    assert result.exit_code == 1 and f'"rule": "{rule}"' in result.output


def test_a_file_with_cr_line_endings_is_a_finding(package_copy: Path):
    """engine/reading.py `parse`: read the header with `io.StringIO(..., newline="")` (a lone CR ends a record)
    and turn any `csv.Error` in `load_table` into a source-error finding naming the file."""
    path = package_copy / "data" / "income.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    assert _validate(package_copy).exit_code in (0, 1)


@pytest.mark.parametrize("amount", [b"9999999999999999999999999999.5", b"100000000000000000000", b"1e30"])
def test_a_huge_amount_is_a_finding(package_copy: Path, amount: bytes):
    """engine/cells.py `_to_repr`: `quantize` raises InvalidOperation beyond 28 digits and a value past
    ±9.2e16 万元 overflows Int64; use `value.scaleb(2).to_integral_value(ROUND_HALF_EVEN)` and report a
    cell beyond the Int64 range as a constraint-error ("number too large") instead of storing it."""
    path = package_copy / "data" / "operating_costs.csv"
    path.write_bytes(path.read_bytes().replace(b"38.20", amount, 1))
    assert _validate(package_copy).exit_code == 1


SCHEMA_DAMAGE = {
    "no-fields": lambda schema: {k: v for k, v in schema.items() if k != "fields"},
    "field-without-name": lambda schema: {**schema, "fields": [{"type": "string"}, *schema["fields"][1:]]},
    "enum-of-lists": lambda schema: {
        **schema,
        "fields": [{**schema["fields"][0], "constraints": {"enum": [[2023]]}}, *schema["fields"][1:]],
    },
    "reference-as-text": lambda schema: {**schema, "foreignKeys": [{"fields": "fiscal_year", "reference": "x"}]},
    "missing-values-of-lists": lambda schema: {**schema, "missingValues": [[1.0]]},
    "foreign-key-without-fields": lambda schema: {
        **schema,
        "foreignKeys": [{"reference": {"resource": "disclosures", "fields": ["fiscal_year"]}}],
    },
    "primary-key-of-numbers": lambda schema: {**schema, "primaryKey": [1, 2]},
    "name-as-object": lambda schema: {**schema, "fields": [{"name": {"x": 1}}, *schema["fields"][1:]]},
}


@pytest.mark.parametrize("damage", sorted(SCHEMA_DAMAGE))
def test_a_malformed_schema_is_a_finding(package_copy: Path, damage: str):
    """validate.py `descriptor_findings`: also check each loaded schema dict, with
    `frictionless.Schema.validate_descriptor(schema)` inside `try/except Exception` (frictionless itself
    raises AttributeError on a text `reference`), plus the shapes frictionless lets through that the
    engine cannot use (enum values must be scalars); return before `load_tables` when any is wrong."""
    path = package_copy / "schemas" / "income.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(SCHEMA_DAMAGE[damage](schema)), encoding="utf-8")
    assert _validate(package_copy).exit_code == 1


def test_a_descriptor_with_a_non_text_profile_is_a_finding(package_copy: Path):
    """validate.py `descriptor_findings`: frictionless raises AttributeError on `"$schema": [{}]`; catch any
    exception of `validate_descriptor` and report it as invalid-descriptor."""
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**descriptor, "$schema": [{}]}), encoding="utf-8")
    assert _validate(package_copy).exit_code == 1


def test_a_100mb_line_in_the_data_is_refused_with_a_message(package_copy: Path):
    """engine/tables.py `_read_bounded`: today a 100 MB line is parsed (1.5 GB peak memory, 7 s) and a 1 GiB
    file would need ~15 GB. Refuse a line longer than MAX_LINE_BYTES (e.g. 1 MiB) before parsing, e.g.
    `re.search(rb"[^\\n]{%d}" % MAX_LINE_BYTES, data)`, as a source-error naming the line; lower
    MAX_FILE_BYTES to what a CI runner can hold (~256 MiB); and make the size note bilingual."""
    with open(package_copy / "data" / "glossary.csv", "ab") as handle:
        handle.write(b'2023,500238-zwfwzx,9,"' + b"x" * (100 * 1024**2) + b'",y\n')
    result = invoke("validate", package_copy, "--lang", "en")
    assert_clean_outcome(result)
    assert result.exit_code == 1 and "source-error" in result.output and "line 7" in result.output


@pytest.mark.parametrize("value", ["a\x01b", "x\x1b[31my", "del\x7f", "nul\x00"], ids=repr)
def test_control_characters_in_a_text_cell_are_an_error(package_copy: Path, value: str):
    """rules/text.py: a C0 control character (other than tab and line feed inside quotes) or DEL in a text
    cell is invisible in Excel and breaks XML exports; report it (rule id e.g. `control-character`) with
    the field and the character's code point. Today validate exits 0."""
    from publish.core import csvfile

    path = package_copy / "data" / "glossary.csv"
    schema = json.loads((package_copy / "schemas" / "glossary.json").read_text(encoding="utf-8"))
    rows = csvfile.read_rows(path)
    rows[0]["definition"] = value
    path.write_text(csvfile.render(schema, rows), encoding="utf-8")
    result = _validate(package_copy)
    assert result.exit_code == 1


def test_the_canonical_csv_quotes_a_cell_holding_a_carriage_return():
    """csvfile.py `render`: csv.writer with lineterminator "\\n" quotes only cells holding "\\n", so a cell
    holding "\\r" is written bare and splits the record when read back; quote such cells (or refuse them)."""
    from publish.core import csvfile

    schema = {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}], "primaryKey": ["a"]}
    text = csvfile.render(schema, [{"a": "1", "b": "x\ry"}])
    assert '"x\ry"' in text
