"""Skill codes a member can offer and an order can ask for (names live in the locale files)."""

from __future__ import annotations

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
