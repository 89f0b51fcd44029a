"""👥 本社区的群 shows the community's public channel too (where results and poll outcomes are
posted) beside the bound groups (📣 设置公示频道 changes it: test_public_channel_set), and says
when the bot was removed from it. Before, the screen listed the groups only, and staff could
not see where results went."""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from services import group_chats
from tests.e2e.conftest import Harness
from tests.e2e.test_group_notices_kept import _group
from tests.support import inline_labels, reply_to

STAFF, OTHER_STAFF = 2001, 2003
CHANNEL = -1001000000001  # 阳光社区公示


async def test_the_public_channel_is_shown_beside_the_groups(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # no group bound yet: said so, and the channel still shown
    said = message_text(await reply_to(d, STAFF, "本社区的群", "公示频道"))
    assert "没有绑定的群" in said and "「阳光社区公示」（阳光社区）" in said, said
    assert "和谐社区公示" not in said
    await _group(h)
    hub = await reply_to(d, STAFF, "🏛 议事管理", "议事管理")
    await d.tap(STAFF, "👥 本社区的群", hub["message_id"])
    listed = await d.expect(STAFF, "本社区绑定的群", since=hub["message_id"])
    said = message_text(listed)
    assert "「阳光社区居民群」（阳光社区）" in said and "「阳光社区公示」（阳光社区）" in said
    assert "已被移出" not in said
    assert inline_labels(listed) == ["🔓 解除绑定「阳光社区居民群」", "📣 设置公示频道"]
    other = message_text(await reply_to(d, OTHER_STAFF, "本社区的群", "公示频道"))
    assert "「和谐社区公示」（和谐社区）" in other and "阳光社区" not in other, other
    # the bot removed from the channel: said so
    async with h.sessionmaker() as session:
        await group_chats.bot_left(
            session,
            chat_id=CHANNEL,
            title="阳光社区公示",
            chat_type="channel",
            status="left",
            by=await session.get(User, STAFF),
            admin_ids=(),
        )
    said = message_text(await reply_to(d, STAFF, "本社区的群", "公示频道"))
    assert "「阳光社区公示」（阳光社区）：我已被移出这个频道" in said, said
    assert await d.errors() == []
