"""English counts read in the singular for one ('1 member was told', not '1 members were
told'), as staff read them after publishing, cancelling or an order given back."""

from __future__ import annotations

import pytest

from bot.i18n import Translator


@pytest.mark.parametrize(
    ("key", "args", "one", "many"),
    [
        ("meeting-published", {"code": "123456"}, "notifying 1 person", "notifying 3 people"),
        ("meeting-postponed-done", {}, "notifying 1 person", "notifying 3 people"),
        ("meeting-cancel-done", {}, "notifying 1 person", "notifying 3 people"),
        ("meeting-edited", {}, "notifying 1 signed-up resident", "notifying 3 signed-up"),
        ("meeting-minutes-done", {}, "to 1 invited resident", "to 3 invited residents"),
        ("poll-cancel-done", {}, "queued for 1 person", "queued for 3 people"),
        ("poll-closed-done", {}, "queued for 1 person", "queued for 3 people"),
        ("order-issued", {"number": "G00001"}, "1 member was told", "3 members were told"),
        ("order-offered-all", {"number": "G00001"}, "1 member was told", "3 members were told"),
        (
            "order-offered-grid",
            {"number": "G00001"},
            "1 member of the grid was told",
            "3 members of the grid were told",
        ),
        (
            "order-notice-released",
            {"name": "Liu", "number": "G00001", "reason": "ill"},
            "offered again to 1 member.",
            "offered again to 3 members.",
        ),
    ],
)
def test_one_and_many(key: str, args: dict[str, str], one: str, many: str) -> None:
    t = Translator().bind("en")
    assert one in t(key, count=1, **args)
    assert many in t(key, count=3, **args)
