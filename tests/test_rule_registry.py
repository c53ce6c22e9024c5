"""The registry holds every finding id the code can emit, and nothing else.

The ids are gathered from the source with ``ast``: each call of a *carrier* (``Finding`` and every
helper that takes an id and builds a finding, or a record that a finding is later built from)
gives the string literal it passes. An id that is not a literal must be accounted for: passed
through by another carrier, assigned only literals in its function, or listed in FAMILIES with the
ids it can hold. A new helper or a computed id that is not listed fails this test, so a new id
cannot reach the output without reaching the registry.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

import pytest

from publish.engine import BOM, ERROR_ZH
from publish.rules import ALL, BY_ID, rules_markdown, rules_text
from publish.submission.cells import HABIT_NOTES, NOTES_ZH
from publish.validate import validate
from tests.helpers import FRICTIONLESS_DESCRIPTOR, ROOT, invoke

SOURCE = ROOT / "src" / "publish"

# Every callable an id goes into, and the parameter that takes it.
CARRIERS = {
    "publish.core.report.Finding": "rule",
    "publish.rules.base.Rule": "id",
    "publish.engine.findings.structural_finding": "kind",
    "publish.engine.decoding.file_finding": "rule",
    "publish.engine.cells.CellError": "kind",
    "publish.validate.descriptor._finding": "kind",
    "publish.submission.cells.CellNote": "rule",
    "publish.submission.cells.CellProblem": "rule",
    "publish.submission.table.Origin.finding": "rule",
    "publish.submission.table.Origin.note": "rule",
    "publish.submission.table.Origin.problem": "rule",
    "publish.submission.workbook._problem": "rule",
    "publish.submission.csv_folder._file_problem": "rule",
    "publish.submission.csv_folder._file_note": "rule",
    "publish.submission.read._whole": "rule",
    "publish.release.verification._finding": "rule",
    "publish.catalog.agents.error": "rule",
    "publish.catalog.agents._code_finding": "rule",
    "publish.rules.acknowledged._record_finding": "rule",
}

# Where an id is computed, not written: (function, the id's expression) -> the ids it can hold, or the
# carrier whose ids flow there (they are gathered at that carrier's calls).
FAMILIES: dict[tuple[str, str], frozenset[str] | str] = {
    # frictionless's descriptor errors: the type of the metadata error of each part of a package
    ("publish.validate.descriptor.descriptor_findings", "kind"): frozenset(
        part.metadata_Error.type for part in FRICTIONLESS_DESCRIPTOR
    ),
    # `--engine frictionless`: frictionless's error types, those the structure step words
    ("publish.validate.structure._finding", "error.get('type', 'error')"): frozenset(ERROR_ZH),
    ("publish.engine.rows._cell_finding", "error.kind"): "publish.engine.cells.CellError",
    # a resource handed whole to frictionless (not CSV): its error types, those the structure step words
    ("publish.engine.delegate._finding", "error.get('type', 'error')"): frozenset(ERROR_ZH),
    # the descriptor's bytes and rows against the file (hash-count is a literal beside them)
    ("publish.engine.findings.declared_count_findings", "kind"): frozenset({"byte-count", "row-count"}),
    # the header's problems, as publish.engine.header names them
    ("publish.engine.tables._header_findings", "kind"): frozenset(
        {"blank-label", "duplicate-label", "incorrect-label", "extra-label", "missing-label", "unmatched-header"}
    ),
    ("publish.submission.table._read_row", "n.rule"): "publish.submission.cells.CellNote",
    ("publish.submission.table._read_row", "cell.problem.rule"): "publish.submission.cells.CellProblem",
    ("publish.rules.base.Rule.finding", "self.id"): "publish.rules.base.Rule",
    # a note for each Excel habit undone in a submitted cell
    ("publish.submission.cells._from_text", "HABIT_NOTES[step.habit]"): frozenset(HABIT_NOTES.values()),
}


@dataclass(frozen=True)
class Carrier:
    name: str
    parameter: str
    position: int  # where the id goes when it is passed positionally
    target: object  # the function or class itself
    method_of: type | None  # the class, for a method (called on an instance)

    @classmethod
    def of(cls, name: str, parameter: str) -> Carrier:
        module_name, qualname = _split_module(name)
        target: object = importlib.import_module(module_name)
        owner = None
        for part in qualname.split("."):
            owner = target if isinstance(target, type) else None
            target = getattr(target, part)
        parameters = list(inspect.signature(target).parameters)
        position = parameters.index(parameter) - (1 if owner else 0)
        return cls(name, parameter, position, target, owner)

    def id_argument(self, call: ast.Call) -> ast.expr | None:
        for keyword in call.keywords:
            if keyword.arg == self.parameter:
                return keyword.value
        return call.args[self.position] if len(call.args) > self.position else None


def _split_module(name: str) -> tuple[str, str]:
    """("publish.submission.table", "Origin.note") from "publish.submission.table.Origin.note"."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = ".".join(parts[:cut])
        if (SOURCE.parent / module.replace(".", "/")).with_suffix(".py").is_file():
            return module, ".".join(parts[cut:])
    raise AssertionError(f"{name}: no module of publish holds it")


@dataclass(frozen=True)
class Site:
    """One call of a carrier: where it is and the expression of its id."""

    carrier: Carrier
    module: str
    function: str  # qualified name of the enclosing function, "" at module level
    node: ast.FunctionDef | None
    argument: ast.expr | None
    line: int

    @property
    def key(self) -> tuple[str, str]:
        """(enclosing function, id expression), as FAMILIES lists them."""
        return f"{self.module}.{self.function}", ast.unparse(self.argument) if self.argument else "<no id>"

    @property
    def where(self) -> str:
        return f"{self.module.replace('.', '/')}.py:{self.line}: {self.carrier.name}({self.key[1]})"


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SOURCE.rglob("*.py")):
        name = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts).removesuffix(".__init__")
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _calls(tree: ast.AST, scope: str = "", node: ast.FunctionDef | None = None):
    """Every call with the qualified name of the function it is in (and that function's node)."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = f"{scope}.{child.name}" if scope else child.name
            yield from _calls(child, inner, node if isinstance(child, ast.ClassDef) else child)
            continue
        if isinstance(child, ast.Call):
            yield child, scope, node
        yield from _calls(child, scope, node)


def _callee_name(call: ast.Call) -> str | None:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)


def _resolve(call: ast.Call, module: ModuleType, carriers: list[Carrier]) -> Carrier | None:
    names = vars(module)
    func = call.func
    if isinstance(func, ast.Name):
        target = names.get(func.id)
    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in names:
        target = getattr(names[func.value.id], func.attr, None)
    elif isinstance(func, ast.Attribute):  # a method called on an instance: its class must be in sight
        visible = set(map(id, names.values()))
        return next(
            (c for c in carriers if c.method_of and id(c.method_of) in visible and c.target.__name__ == func.attr), None
        )
    else:
        return None
    return next((c for c in carriers if c.target is target), None)


def sites() -> list[Site]:
    carriers = [Carrier.of(name, parameter) for name, parameter in CARRIERS.items()]
    short = {carrier.target.__name__ for carrier in carriers}
    found = []
    for name, tree in _modules():
        calls = [entry for entry in _calls(tree) if _callee_name(entry[0]) in short]
        module = importlib.import_module(name) if calls else None  # never runs publish/__main__.py
        for call, function, node in calls:
            carrier = _resolve(call, module, carriers)
            if carrier is not None:
                argument = carrier.id_argument(call)
                found.append(Site(carrier, name, function, node, argument, call.lineno))
    return found


def literals(expression: ast.expr | None) -> set[str] | None:
    """The strings an expression can be when it is written out (a literal or a choice of literals)."""
    if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
        return {expression.value}
    if isinstance(expression, ast.IfExp):
        body, orelse = literals(expression.body), literals(expression.orelse)
        return body | orelse if body is not None and orelse is not None else None
    return None


def assigned_literals(name: str, function: ast.FunctionDef | None) -> set[str] | None:
    """The strings a local name can hold when its function assigns it only literals."""
    if function is None or name in {a.arg for a in function.args.args + function.args.kwonlyargs}:
        return None
    values: set[str] = set()
    for node in ast.walk(function):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            held = literals(node.value)
            if held is None:
                return None
            values |= held
        elif isinstance(node, (ast.For, ast.comprehension, ast.AugAssign, ast.AnnAssign, ast.NamedExpr)) and any(
            isinstance(t, ast.Name) and t.id == name for t in ast.walk(node.target)
        ):
            return None  # a loop or another kind of assignment: not a literal
    return values or None


def _passed_through(site: Site) -> bool:
    """The id is the parameter of the enclosing function, itself a carrier taking it by that name."""
    enclosing = site.key[0]
    return isinstance(site.argument, ast.Name) and enclosing in CARRIERS and CARRIERS[enclosing] == site.argument.id


def emitted() -> tuple[set[str], list[str]]:
    """Every id the code can emit, and the sites whose id could not be accounted for."""
    ids: set[str] = set()
    unaccounted = []
    for site in sites():
        if _passed_through(site):
            continue
        held = literals(site.argument)
        if held is None and isinstance(site.argument, ast.Name):
            held = assigned_literals(site.argument.id, site.node)
        family = FAMILIES.get(site.key)
        if held is not None:
            ids |= held
        elif isinstance(family, frozenset):
            ids |= family
        elif family in CARRIERS:
            pass  # its ids are gathered at that carrier's own calls
        else:
            unaccounted.append(site.where)
    ids |= set(NOTES_ZH)  # the notes of publish add, worded by id (Origin.note takes only these)
    return ids, unaccounted


@pytest.fixture(scope="module")
def gathered() -> tuple[set[str], list[str]]:
    return emitted()


def test_every_finding_id_is_a_literal_or_accounted_for(gathered):
    assert gathered[1] == []


def test_every_emitted_id_is_registered(gathered):
    assert sorted(gathered[0] - set(BY_ID)) == []


def test_every_registered_id_is_emitted(gathered):
    assert sorted(set(BY_ID) - gathered[0]) == []


def test_every_carrier_is_called():
    """A carrier nobody calls is stale, or its calls are not found (and their ids not gathered)."""
    called = {site.carrier.name for site in sites()}
    assert sorted(set(CARRIERS) - called) == []


def test_every_family_site_exists():
    assert sorted(set(FAMILIES) - {site.key for site in sites()}) == []


def test_no_call_sets_an_id_outside_the_carriers():
    """A ``rule=`` keyword goes only to a carrier: no ``dataclasses.replace(f, rule=...)`` renames a finding."""
    carried = {(s.module, s.line) for s in sites()}
    stray = [
        f"{name}:{call.lineno} ({function}) {ast.unparse(call.func)}"
        for name, tree in _modules()
        for call, function, _ in _calls(tree)
        if any(k.arg == "rule" for k in call.keywords) and (name, call.lineno) not in carried
    ]
    assert stray == []


def test_ids_are_unique_kebab_case():
    ids = [rule.id for rule in ALL]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []


def test_no_tag_is_also_an_id():
    """`--select/--skip` take ids and tags alike: one name must not mean both."""
    tags = {tag for rule in ALL for tag in rule.tags}
    assert sorted(tags & set(BY_ID)) == []


def test_publish_rules_lists_every_id():
    text, markdown = rules_text().splitlines(), rules_markdown()
    for rule in ALL:
        assert sum(line.startswith(f"{rule.id} ") for line in text) == 1
        assert markdown.count(f"| `{rule.id}` |") == 1


def test_select_and_skip_take_every_registered_id_and_tag():
    names = ",".join(sorted(set(BY_ID) | {tag for rule in ALL for tag in rule.tags}))
    for option in ("--select", "--skip"):
        result = invoke("validate", option, names, str(ROOT))
        assert result.exit_code == 0, result.output


def test_a_structural_warning_is_selected_and_skipped_by_its_id(package_copy):
    path = package_copy / "data" / "glossary.csv"
    path.write_bytes(BOM + path.read_bytes())
    assert [f.rule for f in validate(package_copy, select=["utf8-bom"]).findings] == ["utf8-bom"]
    assert "utf8-bom" not in {f.rule for f in validate(package_copy, skip=["utf8-bom"]).findings}


def test_what_stops_validation_is_reported_whatever_is_selected(package_copy):
    (package_copy / "datapackage.json").write_text("{", encoding="utf-8")
    report = validate(package_copy, select=["sums"], skip=["invalid-json", "descriptor"])
    assert [f.rule for f in report.findings] == ["invalid-json"]
