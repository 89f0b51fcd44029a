"""PII masking for public text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.triage import contains_pii, mask_pii

CASES = [
    ("电话13812345678有事找我", "电话138****5678有事找我"),
    ("手机：138 1234 5678", "手机：138****5678"),
    ("+86 139-1234-5678", "139****5678"),
    ("座机010-62345678转分机", "座机010-********转分机"),
    ("(021)62345678", "021-********"),
    ("身份证110101199003071234", "身份证110*************34"),
    ("证件号11010119900307123X。", "证件号110*************3X。"),
    ("车牌京A12345停在门口", "车牌京A***45停在门口"),
    ("粤B·D12345挡路了", "粤B****45挡路了"),
    ("我住3号楼2单元501室", "我住3号楼2单元***室"),
    ("3号楼2单元1202漏水", "3号楼2单元****漏水"),
    ("5-2-301的住户", "5-2-***的住户"),
    ("房号：1203", "房号：****"),
    ("１３８１２３４５６７８", "138****5678"),
    # a room after its building, or after where someone lives (found in an offer's quote
    # members read before claiming: '我家住502')
    ("我家住502，电话13900001111", "我家住***，电话139****1111"),
    ("住在3号楼1202", "住在3号楼****"),
    ("1号楼502漏水", "1号楼***漏水"),
    ("3栋1202的住户", "3栋****的住户"),
    ("家在1号楼502", "家在1号楼***"),
    # contact handles a member's report or a description gave (public result cards)
    ("她女儿微信wxf1990，邮箱fang@qq.com", "她女儿微信w******，邮箱f***@qq.com"),
    ("加我微信号：zhou_ayi60 就行", "加我微信号：z******** 就行"),
    ("QQ 123456789", "QQ 1********"),
    ("WeChat: alex_w2024", "WeChat: a********"),
    ("mail li.wei@example.com.cn", "mail l****@example.com.cn"),
]


@pytest.mark.parametrize(("text", "masked"), CASES)
def test_masks_personal_numbers(text: str, masked: str) -> None:
    assert mask_pii(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "3号楼的电梯坏了",
        "2024年11月21日下午3点",
        "交了1200元物业费",
        "两室一厅，住了20年",
        "房子100平米",
        "订单号2024",
        "住1200米外的超市",
        "住100平的房子",
        "家住2024年新建的楼",
        "1号楼5层",
        "请加小区微信群",
        "已在微信上联系过了",
        "QQ群里也通知了",
    ],
)
def test_leaves_ordinary_numbers_alone(text: str) -> None:
    assert mask_pii(text) == text
    assert not contains_pii(text)


@given(
    prefix=st.text(alphabet="楼道灯坏了请联系我，。 ", max_size=12),
    second=st.sampled_from("3456789"),
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
    suffix=st.text(alphabet="谢谢师傅，。 ", max_size=8),
)
def test_any_mobile_number_is_masked(prefix: str, second: str, rest: str, suffix: str) -> None:
    number = "1" + second + rest
    masked = mask_pii(prefix + number + suffix)
    assert number not in masked
    assert masked == prefix + number[:3] + "****" + number[-4:] + suffix


@given(
    st.text(max_size=60)
    | st.text(alphabet="0123456789-室号房单元楼京A B*()+86 ，电话X", max_size=40)
)
def test_masking_is_idempotent_and_leaves_no_mobile_number(text: str) -> None:
    once = mask_pii(text)
    assert mask_pii(once) == once
    assert not re.search(r"(?<![\d+])1[3-9]\d{9}(?!\d)", once)
