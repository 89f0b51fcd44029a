"""What a public post may quote of what staff or a member typed: no resident's name, whether the
bot knows it ('吴大爷' as his Telegram name) or not ('王先生' a neighbour), no phone number;
everyday words that happen to follow a surname's character are left alone."""

from __future__ import annotations

import pytest

from services.public_notices import PublicWords

WORDS = PublicWords(names=("吴大爷", "Alex Smith", "郑建华"))


@pytest.mark.parametrize(
    ("typed", "public"),
    [
        ("吴大爷家门口的灯换了", "***家门口的灯换了"),
        ("周阿姨的诉求已办结", "***的诉求已办结"),
        ("王先生帮忙扶的梯子", "***帮忙扶的梯子"),
        ("老李大爷和小张阿姨都来了", "****和****都来了"),
        ("郑建华反映的问题", "***反映的问题"),
        ("asked by alex smith on Monday", "asked by ********** on Monday"),
        ("有事找王阿姨13812345678", "有事找***138****5678"),
        # no name in these
        ("各位先生女士，欢迎参加", "各位先生女士，欢迎参加"),
        ("路灯和东门的门禁都修好了", "路灯和东门的门禁都修好了"),
        ("安全检查，请大家配合", "安全检查，请大家配合"),
        ("一位老先生摔倒了", "一位老先生摔倒了"),
    ],
)
def test_public_words_scrub(typed: str, public: str) -> None:
    assert WORDS.scrub(typed) == public
