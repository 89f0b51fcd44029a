"""Urgency rules: danger now is flagged; negated, hypothetical and past dangers are not."""

from __future__ import annotations

import pytest

from services.triage import is_urgent, urgent_reasons

URGENT = [
    ("有人落水了，快来人", "medical"),
    ("孩子掉河里落水了", "medical"),
    ("老人在卫生间摔倒了，起不来", "fall"),
    ("有人晕倒在单元门口，叫不醒", "unconscious"),
    ("闻到很浓的煤气味", "gas"),
    ("上次漏气已经修好了，现在又闻到煤气味", "gas"),
    ("不知道是不是漏气了，有点臭鸡蛋味", "gas"),
    ("漏气一直没修好", "gas"),
    ("3号楼着火了，冒黑烟", "fire"),
    ("樓道裡起火了", "fire"),
    ("插座冒火花了", "fire"),
    ("孩子摸开关被电了一下", "electric"),
    ("水管爆了，家里淹了", "flooding"),
    ("对门独居的老奶奶三天没见了，电话也打不通", "alone_unreachable"),
    ("楼下有人打架，拿着刀", "violence"),
    ("电梯卡在半中间，里面有人", "trapped"),
    ("爷爷早上出门到现在没回来", "missing"),
    ("my neighbour collapsed and is unconscious", "unconscious"),
    ("there is smoke in the stairwell", "fire"),
    ("I smell gas in the kitchen", "gas"),
    ("Water is pouring through the ceiling, urgent!", "flooding"),
    ("The pipe has burst in the kitchen", "flooding"),
    ("The electric wire in the corridor is sparking", "fire"),
    ("There are exposed wires in the stairwell", "electric"),
    ("救命啊，快来人", "medical"),
    ("老人吃饭噎住了", "medical"),
    ("孩子被开水烫伤了", "medical"),
    ("楼下有人被车撞了", "medical"),
    ("电梯突然下坠，里面有人", "trapped"),
    ("3号楼电梯坏了，困了一个人", "trapped"),
    ("电梯停在半路，里面还有人", "trapped"),
    ("电梯门打不开，我妈在里面出不来", "trapped"),
    ("井盖没了，有小孩掉进去了", "trapped"),
    ("有人晕过去了", "unconscious"),
    ("孩子发高烧抽风了", "unconscious"),
    ("老伴突然说不出话，半边身子动不了", "medical"),
    ("我妈血压很高头很晕", "medical"),
    ("家里的狗咬伤了人", "medical"),
    ("电梯里有人被夹住了", "medical"),
    ("楼道里有人吵架要动刀", "violence"),
    ("燃气灶关不掉了", "gas"),
    ("电线杆倒了压着电线", "electric"),
    ("燃气热水器开着，人头晕想吐", "poisoning"),
]

NOT_URGENT = [
    "我困了，明天再说吧",
    "电梯坏了，幸好没困人",
    "电梯又坏了，大家只能爬楼梯",
    "我的手机掉进下水道了",
    "孩子高烧退了，谢谢关心",
    "我妈下周要动刀做手术",
    "想问问测血压的服务在哪",
    "老人血压一直高，能不能每周来量一次",
    "小区里有个坑，怕孩子掉进去",
    "上次漏气已经修好了",
    "上次漏气，已经修好了，想问问多久复查",
    "没有闻到煤气味，就是火小",
    "楼道堆物有火灾隐患",
    "怕飞线充电引起着火",
    "防止老人摔倒，想装扶手",
    "骑车差点摔倒，路上有坑",
    "燃气灶点不着火",
    "去年着火的那栋楼墙还是黑的",
    "奶奶上次摔了一跤，现在已经好了",
    "漏电保护器老跳闸",
    "消防演练什么时候搞",
    "暖气不热",
    "the fire was put out yesterday",
    "低保怎么申请",
    "楼顶的落水管堵了",
    # 落水 for 漏水, as some older residents type it: a leak, not someone in the water
    "俺家水管落水了 灯也怀了 咋整",
    "天花板一直落水",
    "上次烫伤已经好了，想问问去疤的药",
    "no gas smell, the stove just won't light",
    "the pipe burst last week but it was fixed",
    "The water pipe under my kitchen sink is leaking",
]


@pytest.mark.parametrize(("text", "reason"), URGENT)
def test_danger_now_is_urgent(text: str, reason: str) -> None:
    assert reason in urgent_reasons(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_negated_hypothetical_and_past_dangers_are_not_urgent(text: str) -> None:
    assert not is_urgent(text), urgent_reasons(text)
