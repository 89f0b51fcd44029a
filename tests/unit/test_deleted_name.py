"""Someone who deleted their personal data (/forget) has one name for others, in one place
(models.users.DeletedName): written in each reader's language wherever a text names them (an
argument, an item of a list, an f-string line or a button's label through `Text.written`), never
their Telegram id. Before, `User.display_name` fell back to the id once their names were gone,
and a member's deleted name read "-"."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.i18n import Translator
from models.users import DELETED_NAME, MemberProfile, User
from services.listing import Listing


def _forgotten() -> User:
    return User(id=4002, forgotten_at=datetime(2026, 12, 1, tzinfo=UTC))


def test_a_forgotten_user_and_member_are_named_as_such_not_by_their_id() -> None:
    assert _forgotten().display_name == DELETED_NAME == "（已删除个人信息）"
    assert User(id=4002).display_name == "4002"  # nobody named yet, not forgotten: as before
    assert User(id=4002, first_name="吴").display_name == "吴"
    deleted = MemberProfile(user_id=3001, real_name="-", work_unit="-", phone="-", community_id=1)
    assert deleted.display_name == DELETED_NAME
    kept = MemberProfile(user_id=1, real_name="刘建国", work_unit="-", phone="-", community_id=1)
    assert kept.display_name == "刘建国"


def test_written_in_the_readers_language() -> None:
    tr = Translator(default="zh-Hans")
    name = _forgotten().display_name
    assert tr.get("en", "order-stats-member", name=name, count=1, points=10).startswith(
        "(personal data deleted) "
    )
    assert tr.get("zh-Hant", "order-stats-member", name=name, count=1, points=10).startswith(
        "（已刪除個人信息） "
    )
    assert tr.get("zh-Hans", "order-stats-member", name=name, count=1, points=10).startswith(
        "（已删除个人信息） "
    )
    # an item of a list, and a line built outside a text
    both = Listing(["刘建国", name])
    assert tr.bind("en").written(both) == "刘建国, (personal data deleted)"
    assert tr.bind("en").written(name) == "(personal data deleted)"
    assert tr.bind("en").written("刘建国") == "刘建国"
