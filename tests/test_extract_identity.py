"""`publish extract` names the disclosure a document is from its title: kind and scope (data model v2)."""

from __future__ import annotations

import pytest

from publish.extract.identity import identity_from_title

# The first two and the 三公 note are published titles (the seed; issue 16); the others follow the same patterns.
TITLES = [
    ("巫溪县政务服务中心2023年部门预算情况说明", ("budget", "department")),
    ("上海市普陀区规划和自然资源局2024年度部门决算", ("final_account", "department")),
    ("重庆市某某局2024年本级预算", ("budget", "own")),
    ("某某中心2023年单位预算情况说明", ("budget", "unit")),
    ("某某局2022年单位决算", ("final_account", "unit")),
    ("某某局2024年部门调整预算", ("adjusted_budget", "department")),
    ("涪陵区新妙镇2021年“三公”经费决算情况说明", ("final_account", "department")),
    ("某某县教育委员会2024年部门预算（含所属单位）", ("budget", "department")),
]


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_the_title_names_kind_and_scope(title, expected):
    assert identity_from_title(title) == expected
