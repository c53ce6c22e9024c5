"""The document type is kept as published (部门预算, 单位预算, 市级部门汇总…); where its words name another kind than
the disclosure's `document_kind`, one warning says so."""

from __future__ import annotations

import pytest

from publish.validate import validate
from tests.helpers import copy_package
from tests.mutate import edit

SEED = {"fiscal_year": "2023"}


def _found(package, rule="document-type-mismatch"):
    return [
        (f.severity, f.resource, f.field, f.values.get("named")) for f in validate(package).findings if f.rule == rule
    ]


@pytest.mark.parametrize("published", ["部门预算", "单位预算", "市级部门汇总“三公”经费预算", "预算公开说明"])
def test_a_budget_word_as_published_loads_without_a_finding(tmp_path, published):
    package = copy_package(tmp_path / "package")
    edit(package, "disclosures", SEED, document_type=published)
    report = validate(package)
    assert report.valid and _found(package) == []


@pytest.mark.parametrize(("published", "named"), [("部门决算", "final_account"), ("调整预算", "adjusted_budget")])
def test_a_word_naming_another_kind_is_one_warning(tmp_path, published, named):
    package = copy_package(tmp_path / "package")
    edit(package, "disclosures", SEED, document_type=published)
    assert _found(package) == [("warning", "disclosures", "document_kind", named)]
