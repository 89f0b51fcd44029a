"""Skill codes a member can offer and an order can ask for (names live in the locale files)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

SKILLS: tuple[str, ...] = (
    "plumbing",  # 水管/下水
    "electrical",  # 电路/电器
    "appliance_repair",  # 家电维修
    "heating_gas",  # 供暖燃气
    "cleaning",  # 清扫保洁
    "greening",  # 绿化
    "mediation",  # 调解
    "elderly_care",  # 助老/陪护
    "disability_help",  # 助残
    "escort",  # 陪同就医/办事
    "medical",  # 医疗健康
    "legal",  # 法律咨询
    "policy",  # 政策咨询
    "digital_help",  # 手机/电脑教学
    "tutoring",  # 课业辅导
    "patrol",  # 巡逻/治安
    "fire_safety",  # 消防
    "moving",  # 搬运
    "parking",  # 停车/交通
    "general",  # 综合/跑腿
)


def normalize_skills(codes: list[str] | tuple[str, ...]) -> list[str]:
    """Known skill codes, deduplicated, in catalogue order."""
    wanted = set(codes)
    return [code for code in SKILLS if code in wanted]


# what separates skills in a typed list, and words around them that name none
_SEPARATORS = re.compile(r"[,，、;；/&+\n]|\s+(?:and|or)\s+|和|及|与")
_AROUND = re.compile(
    r"^(?:(?:and|or|also|i\s+can\s+do|i\s+can|i\s+do|i\s+am\s+good\s+at)(?:\s+|$))+", re.I
)
# said around skills in Chinese ('我会修水管，也能陪老人看病'): the rest of a piece left with only
# these names no other skill
_AROUND_ZH = re.compile(
    r"^(?:我|也|还|都|平时|以前|退休前)*(?:会|能|可以|擅长|懂|喜欢|做过|干过|是|当过)*"
    r"|(?:等|之类的|什么的|一点|都行|也行|都可以|等等)+$"
)


def everyday_words(listed: Collection[str]) -> frozenset[str]:
    """A skill's everyday words from their texts (`listed`: 'a, b, c' in each language), as
    `read_typed` takes them beside the skill's name ('修水管' names 水管疏通)."""
    return frozenset(
        word.strip() for text in listed for word in re.split(r"[,，、]", text) if word.strip()
    )


def read_typed(text: str, names: Mapping[str, Collection[str]]) -> tuple[list[str], str]:
    """The catalogue skills a typed list names ('plumbing and tutoring', '水管维修、课业辅导':
    `names` gives each code's names, in every language), and the rest of the list, kept as
    other skills ('plumbing, beekeeping' → ['plumbing'], 'beekeeping')."""
    marked = text
    codes = list(names)
    by_length = sorted(
        (
            (name.strip(), i)
            for i, code in enumerate(codes)
            for name in names[code]
            if name.strip()
        ),
        key=lambda nc: -len(nc[0]),
    )
    for name, i in by_length:
        pattern = re.escape(name)
        if name.isascii():
            pattern = rf"(?<![A-Za-z]){pattern}(?![A-Za-z])"
        # marked by its number: a shorter name ('elderly') is not found in a code's letters
        marked = re.sub(pattern, f"\x00{i}\x00", marked, flags=re.IGNORECASE)
    found: list[str] = []
    others: list[str] = []
    for n, part in enumerate(re.split(r"\x00", marked)):
        if n % 2:  # between two marks: a skill's number
            found.append(codes[int(part)])
            continue
        for piece in _SEPARATORS.split(part):
            piece = _AROUND.sub("", piece.strip()).strip(" .。")
            piece = _AROUND_ZH.sub("", piece).strip(" .。")
            if any(ch.isalnum() for ch in piece):
                others.append(piece)
    return normalize_skills(found), ", ".join(others)
