"""An answer to a meeting said in words (services.smalltalk.rsvp_of): only when the whole
message is one."""

from __future__ import annotations

import pytest

from models.consultations import RsvpAnswer
from services.smalltalk import Company, rsvp_company, rsvp_of


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("去", RsvpAnswer.YES),
        ("我去", RsvpAnswer.YES),
        ("好的，我去！", RsvpAnswer.YES),
        ("参加", RsvpAnswer.YES),
        ("报名", RsvpAnswer.YES),
        ("我要报名参加", RsvpAnswer.YES),
        ("I'll come", RsvpAnswer.YES),
        ("I'm in", RsvpAnswer.YES),
        ("I'm coming", RsvpAnswer.YES),
        ("I can come", RsvpAnswer.YES),
        ("we'll come", RsvpAnswer.YES),
        ("See you there!", RsvpAnswer.YES),
        ("I'm not coming", RsvpAnswer.NO),
        ("I won't be able to come", RsvpAnswer.NO),
        ("sorry, I can't attend", RsvpAnswer.NO),
        ("not sure yet", RsvpAnswer.MAYBE),
        ("I'll try to come", RsvpAnswer.MAYBE),
        ("不去了", RsvpAnswer.NO),  # not 去 inside it
        ("我不去了", RsvpAnswer.NO),
        ("去不了，有事", RsvpAnswer.NO),
        ("不參加了", RsvpAnswer.NO),  # Traditional
        ("can't make it, sorry", RsvpAnswer.NO),
        ("不确定", RsvpAnswer.MAYBE),
        ("看情况吧", RsvpAnswer.MAYBE),
        ("可能会去", RsvpAnswer.MAYBE),  # not 去 inside it
        ("一定到", RsvpAnswer.YES),
        ("我会到的", RsvpAnswer.YES),
        ("好的，准时到", RsvpAnswer.YES),
        ("那天到不了", RsvpAnswer.NO),
    ],
)
def test_an_answer_in_words(text: str, answer: RsvpAnswer) -> None:
    assert rsvp_of(text) == answer


@pytest.mark.parametrize(
    "text",
    ["去哪里开会", "我去看看楼道的灯", "去还是不去", "有事", "好的", "", "我去" * 30],
)
def test_not_an_answer(text: str) -> None:
    assert rsvp_of(text) is None


@pytest.mark.parametrize(
    ("text", "answer", "who"),
    [
        ("我和老伴一起去", RsvpAnswer.YES, "老伴"),
        ("我们两口子都去", RsvpAnswer.YES, None),
        ("带我孙子一起去", RsvpAnswer.YES, "孙子"),
        ("我跟我爱人都参加", RsvpAnswer.YES, "爱人"),
        ("我们俩一定到", RsvpAnswer.YES, None),
        ("我和老伴都不去了", RsvpAnswer.NO, "老伴"),
        ("I'll come with my wife", RsvpAnswer.YES, "wife"),
        ("My husband and I will come", RsvpAnswer.YES, None),
        ("we'll both be there", RsvpAnswer.YES, None),
    ],
)
def test_an_answer_with_someone_coming_along(
    text: str, answer: RsvpAnswer, who: str | None
) -> None:
    assert rsvp_company(text) == Company(answer=answer, who=who)


@pytest.mark.parametrize("text", ["我去", "和老伴去哪里开会", "带孙子去打疫苗", "我和老伴"])
def test_no_one_coming_along_or_no_answer(text: str) -> None:
    assert rsvp_company(text) is None


def test_an_offer_remembers_who_comes_along() -> None:
    """The kind an answer read back is remembered as holds who comes along, within the
    column's 16 characters, for its redraws (services.meeting_messages.offer_kind)."""
    from services.meeting_messages import offer_kind, offer_of_kind
    from services.smalltalk import _KIN

    for who in (*_KIN, "none"):
        kind = offer_kind("yes", who)
        assert len(kind) <= 16 and offer_of_kind(kind) == ("yes", who), who
    assert offer_of_kind(offer_kind("maybe")) == ("maybe", None)
    assert offer_of_kind("offer:no") == ("no", None)  # remembered before: as it was
