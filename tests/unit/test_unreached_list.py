"""The list of who did not get a staff notice names the first 200 and counts the rest: before,
it was cut at 4,000 characters without a word (and could be cut inside an HTML entity)."""

from __future__ import annotations

from bot.i18n import Translator
from handlers.broadcast import UNREACHED_LISTED, unreached_text
from models import User


def test_a_long_unreached_list_says_how_many_more() -> None:
    t = Translator(default="zh-Hans").bind("zh-Hans")
    rows = [
        (User(id=10_000 + i, first_name=f"居民&邻居{i:04d}"), 10_000 + i, "blocked")
        for i in range(UNREACHED_LISTED + 37)
    ]
    text = unreached_text(t, rows)
    assert "居民&amp;邻居0199" in text  # the 200th, whole (the old cut fell before it)
    assert "邻居0200" not in text
    assert text.endswith("另外还有 37 人没收到，没有一一列出。"), text[-80:]
    en = unreached_text(Translator(default="zh-Hans").bind("en"), rows[:3])
    assert en.count("\n") == 3 and "more" not in en


def test_a_short_list_names_everyone() -> None:
    t = Translator(default="zh-Hans").bind("zh-Hans")
    rows = [(None, 4242, "failed"), (User(id=7, first_name="吴大爷"), 7, "blocked")]
    text = unreached_text(t, rows)
    assert "4242" in text and "吴大爷" in text and "没有一一列出" not in text
