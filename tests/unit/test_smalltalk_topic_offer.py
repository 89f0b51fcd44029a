"""Words typed under the topic offer (💡 作为议题提交 / 📝 报给社区) read as the button meant."""

from __future__ import annotations

import pytest

from services.smalltalk import TopicOffer, topic_offer_answer


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("提交", TopicOffer.TOPIC),
        ("作为议题提交", TopicOffer.TOPIC),
        ("💡 作为议题提交", TopicOffer.TOPIC),
        ("就当议题吧", TopicOffer.TOPIC),
        ("Propose as a topic", TopicOffer.TOPIC),
        ("报给社区", TopicOffer.FILE),
        ("📝 报给社区", TopicOffer.FILE),
        ("Report it", TopicOffer.FILE),
        ("好的", TopicOffer.EITHER),
        ("yes", TopicOffer.EITHER),
        ("不要了", TopicOffer.DROP),
        ("算了", TopicOffer.DROP),
        ("小区东门晚上没有路灯", None),
        ("提交还是报给社区", None),
    ],
)
def test_topic_offer_answer(text: str, meant: TopicOffer | None) -> None:
    assert topic_offer_answer(text) == meant
