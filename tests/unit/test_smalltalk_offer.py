"""What older residents say at the menu besides a matter: a slip ('刚才点错了'), asking after
what they told ('我上次说的事呢', '怎么没人管'), and yes or no to "要把这件事报给社区吗？" in
words. None of them is a matter to file. (services.smalltalk)"""

from __future__ import annotations

import pytest

from services.smalltalk import (
    AtPreview,
    Compose,
    Kind,
    Mood,
    at_preview,
    classify,
    compose_intent,
    emoji_mood,
    offer_answer,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("刚才点错了", Kind.UNDO),
        ("不好意思按错了", None),  # 不好意思 is not read: left a matter to offer
        ("不要了", Kind.UNDO),
        ("算了算了", Kind.UNDO),
        ("谢谢，不用了", Kind.UNDO),
        ("我上次说的事呢", Kind.PROGRESS),
        ("怎么没人管", Kind.PROGRESS),
        ("怎么没人管啊！！", Kind.PROGRESS),
        ("我说的事情怎么没消息", Kind.PROGRESS),
        ("是的", Kind.ACK),
        ("对", Kind.ACK),
        ("楼道灯坏了怎么没人管", None),  # the matter itself, asked about
        ("点错了灯还是不亮", None),
    ],
)
def test_said_at_the_menu(text: str, kind: Kind | None) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("好的", True),
        ("是的，麻烦了", True),
        ("要", True),
        ("嗯嗯", True),
        ("帮我报一下，谢谢", True),
        ("ＯＫ", True),  # full-width, as some phones type
        ("yes please", True),
        ("不要了", False),
        ("算了吧", False),
        ("不用", False),
        ("刚才点错了", False),
        ("好的，楼下也漏了", None),  # the matter added to
        ("不要紧", None),
        ("漏水", None),
        ("好的 不要了", None),  # both: neither
        ("你好", None),  # a greeting, not 好
        ("您好在吗", None),
        ("喂", None),
        ("返回", None),
        ("", None),
        # emoji alone, as '谢谢' / '好的' would: folded hands are please-and-thank-you, a yes
        ("🙏🙏🙏", True),
        ("🙏🏻", True),
        ("👍", True),
        ("👋", None),  # a wave is a greeting
        ("😭", None),
    ],
)
def test_offer_answered_in_words(text: str, yes: bool | None) -> None:
    assert offer_answer(text) is yes


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("返回", Compose.CANCEL),
        ("刚才点错了", Compose.CANCEL),
        ("回主菜单吧", Compose.CANCEL),
        ("物业把水费弄错了", None),
        ("点错了的按钮还能用吗", None),
    ],
)
def test_wanting_out_while_describing(text: str, intent: Compose | None) -> None:
    assert compose_intent(text) == intent


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("提交吧", AtPreview.SEND),
        ("可以了，提交吧", AtPreview.SEND),
        ("好的", AtPreview.SEND),
        ("就这些", AtPreview.SEND),
        ("确认", AtPreview.SEND),
        ("算了", AtPreview.LEAVE),
        ("不要了", AtPreview.LEAVE),
        ("返回", AtPreview.LEAVE),
        ("我不会弄", AtPreview.TALK),
        ("你好在吗", AtPreview.TALK),
        ("对了，楼下邻居家也一样", None),
        ("灯还是不亮", None),
    ],
)
def test_typed_at_the_preview(text: str, meant: AtPreview | None) -> None:
    assert at_preview(text) == meant


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("😭", Mood.SAD),
        ("😢😢", Mood.SAD),
        ("☹️", Mood.SAD),
        ("🔥", Mood.ALARM),  # may be a fire: not answered with a smile
        ("🆘😭", Mood.ALARM),
        ("🌸", Mood.OTHER),
        ("😂😂", Mood.OTHER),
        ("👍", None),  # small talk reads these: an ack, thanks, a greeting
        ("🙏", None),
        ("👋", None),
        ("好😭", None),  # words with it
        ("3", None),
        ("", None),
    ],
)
def test_an_emoji_alone_says_how_they_feel(text: str, mood: Mood | None) -> None:
    assert emoji_mood(text) is mood
