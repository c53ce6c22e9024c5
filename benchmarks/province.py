"""Who is in the synthetic province: Chongqing's 38 districts and counties, and their budget units."""

from __future__ import annotations

import zlib

from corpus_rows import Department

# GB/T 2260 codes and names of Chongqing's districts and counties.
COUNTIES = [
    ("500101", "万州区"), ("500102", "涪陵区"), ("500103", "渝中区"), ("500104", "大渡口区"),
    ("500105", "江北区"), ("500106", "沙坪坝区"), ("500107", "九龙坡区"), ("500108", "南岸区"),
    ("500109", "北碚区"), ("500110", "綦江区"), ("500111", "大足区"), ("500112", "渝北区"),
    ("500113", "巴南区"), ("500114", "黔江区"), ("500115", "长寿区"), ("500116", "江津区"),
    ("500117", "合川区"), ("500118", "永川区"), ("500119", "南川区"), ("500120", "璧山区"),
    ("500151", "铜梁区"), ("500152", "潼南区"), ("500153", "荣昌区"), ("500154", "开州区"),
    ("500155", "梁平区"), ("500156", "武隆区"), ("500229", "城口县"), ("500230", "丰都县"),
    ("500231", "垫江县"), ("500233", "忠县"), ("500235", "云阳县"), ("500236", "奉节县"),
    ("500237", "巫山县"), ("500238", "巫溪县"), ("500240", "石柱土家族自治县"),
    ("500241", "秀山土家族苗族自治县"), ("500242", "酉阳土家族苗族自治县"), ("500243", "彭水苗族土家族自治县"),
]  # fmt: skip

# (name after the county's name, pinyin initials used in the department id)
BUREAUS = [
    ("政务服务中心", "zwfwzx"), ("财政局", "czj"), ("教育委员会", "jw"), ("卫生健康委员会", "wjw"),
    ("公安局", "gaj"), ("民政局", "mzj"), ("司法局", "sfj"), ("人力资源和社会保障局", "rsj"),
    ("规划和自然资源局", "ghzrzyj"), ("生态环境局", "sthjj"), ("住房和城乡建设委员会", "zjw"),
    ("城市管理局", "cgj"), ("交通局", "jtj"), ("水利局", "slj"), ("农业农村委员会", "nyncw"),
    ("商务委员会", "sww"), ("文化和旅游发展委员会", "wlw"), ("退役军人事务局", "tyjrswj"),
    ("应急管理局", "yjj"), ("审计局", "sjj"), ("市场监督管理局", "scjgj"), ("统计局", "tjj"),
    ("医疗保障局", "ybj"), ("林业局", "lyj"), ("体育局", "tyj"), ("机关事务管理局", "jgswglj"),
    ("发展和改革委员会", "fgw"), ("经济和信息化委员会", "jxw"), ("科学技术局", "kjj"),
    ("档案馆", "dag"), ("气象局", "qxj"), ("供销合作社", "gxs"), ("人民医院", "rmyy"),
    ("中医院", "zyy"), ("妇幼保健院", "fybjy"), ("疾病预防控制中心", "jkzx"), ("图书馆", "tsg"),
    ("文化馆", "whg"), ("职业教育中心", "zjzx"), ("融媒体中心", "rmtzx"),
]  # fmt: skip
NUMBERED = [("第{n}中学", "zx{n}"), ("第{n}小学", "xiaoxue{n}"), ("第{n}幼儿园", "yey{n}"), ("第{n}卫生院", "wsy{n}")]


def unit_names(count: int) -> list[tuple[str, str]]:
    """The first ``count`` budget units of a county: its bureaus, then numbered schools and clinics."""
    names = list(BUREAUS[:count])
    n = 1
    while len(names) < count:
        for name, slug in NUMBERED:
            if len(names) < count:
                names.append((name.format(n=n), slug.format(n=n)))
        n += 1
    return names


def departments(count: int, seed: int) -> list[Department]:
    """``count`` departments spread evenly over the counties, sorted by id."""
    per_county = -(-count // len(COUNTIES))
    found: list[Department] = []
    for code, county in COUNTIES:
        for name, slug in unit_names(min(per_county, count - len(found))):
            department_id = f"{code}-{slug}"
            found.append(
                Department(department_id, county + name, code, county, zlib.crc32(f"{seed}:{department_id}".encode()))
            )
    return sorted(found, key=lambda d: d.department_id)


def department_row(dept: Department, profile_year: int) -> dict[str, str]:
    return {
        "department_id": dept.department_id,
        "name": dept.name,
        "division_code": dept.division_code,
        "division_name": dept.division_name,
        "profile_year": str(profile_year),
        "duties": "1、贯彻执行国家有关法律法规和方针政策。 2、负责本部门职责范围内的各项工作。",
        "duty_count": "2",
        "internal_units": "办公室、业务科",
        "internal_unit_count": "2",
    }
