"""Words read where buttons were meant or past small talk's length: the consent typed, a category
named at the preview, a long question for the office, a phone said in a description.
(services.smalltalk, services.order_common.phones_in)"""

from __future__ import annotations

import pytest

from services.order_common import catalogue, phones_in
from services.smalltalk import asks_office, category_named, consent_of


@pytest.mark.parametrize(
    ("text", "agreed"),
    [
        ("同意", True),
        ("好的，同意", True),
        ("yes, I agree", True),
        ("ok", True),
        ("agree", True),
        ("Agreed.", True),
        ("不同意", False),
        ("I don't agree", False),
        ("no", False),
        ("yes no", None),  # both at once: the buttons
        ("这是干什么用的", None),
        ("我住3号楼", None),
        ("", None),
    ],
)
def test_consent_of(text: str, agreed: bool | None) -> None:
    assert consent_of(text) is agreed


NAMES = {c.code: [c.name("zh-Hans"), c.name("en")] for c in catalogue()}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("维修", "water_electric"),
        ("是维修的问题", "water_electric"),
        ("it's about repairs", "water_electric"),
        ("repair", "water_electric"),
        ("环境卫生", "sanitation"),
        ("環境衛生", "sanitation"),  # Traditional reads as Simplified
        ("Sanitation", "sanitation"),
        ("物业", "property"),
        ("其他", "other"),
        ("三楼也一样", None),  # more of the matter
        ("对了，楼下邻居家也一样", None),
        ("灯", None),  # too little to be a name
        ("and", None),  # a word every English name might have
        ("楼道灯坏了，修一下水电维修", None),  # a sentence, not a name
    ],
)
def test_category_named(text: str, code: str | None) -> None:
    assert category_named(text, NAMES) == code


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("请问社区办公室的电话是多少啊我想打过去问问", True),
        ("what is the phone number of the community", True),
        ("When does the community office open on Saturdays?", True),
        ("你好，请问一下居委会在哪里，我想过去办个证明，谢谢", True),
        ("社区电话一直打不通，我家水管坏了", False),  # a matter about the office
        ("楼道灯坏了", False),
        ("社区门口的路灯不亮了", False),  # no question
        ("我想提个议题：电梯费用应该公开", False),
    ],
)
def test_asks_office(text: str, asks: bool) -> None:
    assert asks_office(text) is asks


def test_phones_in() -> None:
    assert phones_in("我电话13900000003，下午在家") == ["13900000003"]
    assert phones_in("打 139 0000 0003 或 +86 138-0013-8000，139 0000 0003") == [
        "13900000003",
        "13800138000",
    ]
    assert phones_in("三楼302，门牌号12345") == []
