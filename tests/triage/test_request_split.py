"""Two matters told in one message are found, conservatively (services.request_split): one
matter described with 'and' (还有) stays one."""

from __future__ import annotations

import pytest

from services.request_split import TwoMatters, two_matters
from services.triage import Triage


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("楼道灯坏了，还有电梯也不动了", "楼道灯坏了", "电梯也不动了"),
        ("1号楼门口垃圾没人收，另外路灯也不亮", "1号楼门口垃圾没人收", "路灯也不亮"),
        ("楼道灯坏了 还有电梯也不动了", "楼道灯坏了", "电梯也不动了"),
        ("楼道灯坏了。\n还有，电梯也不动了", "楼道灯坏了", "电梯也不动了"),
    ],
)
def test_two_matters_in_one_message(triage: Triage, text: str, first: str, second: str) -> None:
    assert two_matters(text, triage=triage) == TwoMatters(first=first, second=second)


@pytest.mark.parametrize(
    "text",
    [
        "楼道灯坏了",
        "电梯和楼道灯都坏了",  # 'and' without a break: one message about both, not offered
        "电梯还有异响",  # 还有 inside a clause
        "水管漏水了，还有地板也泡了",  # what the leak did: one matter
        "电梯坏了，还有人被困在里面",
        "电梯坏了，还有我腿脚不好下不了楼",
        "楼道灯坏了，还有楼道灯开关也坏了",
        "厨房水管漏水，另外卫生间水管也在滴水",  # the same thing in two rooms
        "灯坏了，还有楼道灯也不亮",  # 灯 and 楼道灯: the same
        "停电了，还有电梯也停了",  # the lift stopped by the power cut
        "门口垃圾很多，还有很臭",
        "楼道灯坏了，还有电梯也不动了，另外路灯也不亮",  # three: not guessed
        "",
    ],
)
def test_one_matter_stays_one(triage: Triage, text: str) -> None:
    assert two_matters(text, triage=triage) is None


def test_no_triage_no_split() -> None:
    assert two_matters("楼道灯坏了，还有电梯也不动了", triage=None) is None
