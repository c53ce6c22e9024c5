"""Official identifiers a catalog record may carry, and their checks.

- 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the 18th is a
  check character computed from the first 17 with fixed weights, modulo 31. Characters 3–8
  are the GB/T 2260 division code of the registering authority.
- 行政区划代码 (GB/T 2260): six digits; the first two name the province-level division.

These functions only check what they are given: no identifier is ever made up here. Each
returns None when the value is fine, else the reason as (Chinese, English).
"""

from __future__ import annotations

import re

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB/T 2260 province-level divisions: code -> (full name, the short name a full county name starts with)
PROVINCES: dict[str, tuple[str, str]] = {
    "11": ("北京市", "北京"),
    "12": ("天津市", "天津"),
    "13": ("河北省", "河北"),
    "14": ("山西省", "山西"),
    "15": ("内蒙古自治区", "内蒙古"),
    "21": ("辽宁省", "辽宁"),
    "22": ("吉林省", "吉林"),
    "23": ("黑龙江省", "黑龙江"),
    "31": ("上海市", "上海"),
    "32": ("江苏省", "江苏"),
    "33": ("浙江省", "浙江"),
    "34": ("安徽省", "安徽"),
    "35": ("福建省", "福建"),
    "36": ("江西省", "江西"),
    "37": ("山东省", "山东"),
    "41": ("河南省", "河南"),
    "42": ("湖北省", "湖北"),
    "43": ("湖南省", "湖南"),
    "44": ("广东省", "广东"),
    "45": ("广西壮族自治区", "广西"),
    "46": ("海南省", "海南"),
    "50": ("重庆市", "重庆"),
    "51": ("四川省", "四川"),
    "52": ("贵州省", "贵州"),
    "53": ("云南省", "云南"),
    "54": ("西藏自治区", "西藏"),
    "61": ("陕西省", "陕西"),
    "62": ("甘肃省", "甘肃"),
    "63": ("青海省", "青海"),
    "64": ("宁夏回族自治区", "宁夏"),
    "65": ("新疆维吾尔自治区", "新疆"),
    "71": ("台湾省", "台湾"),
    "81": ("香港特别行政区", "香港"),
    "82": ("澳门特别行政区", "澳门"),
}

DIVISION_CODE = re.compile(r"[1-9][0-9]{5}")
Reason = tuple[str, str]


def credit_code_check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a 统一社会信用代码."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(first17[:17], CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> Reason | None:
    """Why ``code`` is not a well-formed 统一社会信用代码, or None."""
    if len(code) != 18:
        return (f"应为 18 位，实际为 {len(code)} 位", f"it must have 18 characters, not {len(code)}")
    for position, char in enumerate(code, start=1):
        if char not in CREDIT_CODE_ALPHABET:
            return (
                f"第 {position} 位“{char}”不是允许的字符（数字及除 I、O、Z、S、V 外的大写字母）",
                f"character {position} '{char}' is not allowed (digits and capital letters except I, O, Z, S, V)",
            )
    expected = credit_code_check_character(code[:17])
    if code[17] != expected:
        return (
            f"第 18 位校验码应为“{expected}”，实际为“{code[17]}”（GB 32100），请核对原文是否抄错",
            f"its check character (18th) should be '{expected}', not '{code[17]}' (GB 32100); "
            "check the code against the published document",
        )
    if reason := division_code_problem(code[2:8]):
        zh, en = reason
        return (f"第 3–8 位登记管理机关行政区划码{zh}", f"its characters 3-8 (division of registration): {en}")
    return None


def division_code_problem(code: str, name: str | None = None) -> Reason | None:
    """Why ``code`` is not a GB/T 2260 division code (consistent with ``name`` when given), or None."""
    if not DIVISION_CODE.fullmatch(code):
        return (f"“{code}”不是 6 位行政区划代码", f"'{code}' is not a six-digit division code")
    province = PROVINCES.get(code[:2])
    if province is None:
        return (
            f"“{code}”的前两位“{code[:2]}”不是 GB/T 2260 的省级代码",
            f"the first two digits of '{code}' ('{code[:2]}') are not a GB/T 2260 province code",
        )
    full_name, short_name = province
    named = next((short for _, short in PROVINCES.values() if name and name.startswith(short)), None)
    if named is not None and named != short_name:
        return (
            f"“{code}”属于{full_name}，与名称“{name}”不符",
            f"'{code}' lies in {full_name}, which does not match the name '{name}'",
        )
    return None
