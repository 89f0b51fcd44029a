"""QA defects D38 and D33 through the sandbox: forged results buttons, the 📊 button of a
multiple-choice ballot, members polls, and proxy votes outside the poll's audience."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models import Role, User
from models.consultations import AudienceKind
from sandbox.driver import Driver, message_text
from services import polls
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 第一网格
OTHER_STAFF = 2003  # 陈社工, 和谐社区
LIU = 3001  # member, lives in 2号楼
ZHAO = 3002  # member, no home address
ZHOU = 4001  # 周阿姨, 1号楼 302
FENG = 4004  # 冯女士, 和谐社区
CLOSES = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


async def make_poll(h: Harness, **changes: Any) -> int:
    """Create and publish a poll of 阳光社区 as 李社工 (the service the chat form calls)."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        roles = frozenset({Role.RESIDENT, Role.STAFF})
        draft = polls.PollDraft(
            community_id=community_id,
            question="明年优先办哪些事？",
            options=["修路灯", "加装电梯", "建充电桩"],
            closes_at=CLOSES,
        )
        for key, value in changes.items():
            setattr(draft, key, value)
        poll = await polls.create_poll(
            session, user=staff, roles=roles, now=h.clock(), draft=draft
        )
        await polls.publish_poll(
            session,
            user=staff,
            roles=roles,
            poll_id=poll.id or 0,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
        return poll.id or 0


async def ballot(d: Driver, user: int) -> dict[str, Any]:
    """The person opens the ballot from the announcement."""
    announce = await d.expect(user, "投票：")
    last = (await d.messages(user))[-1]["message_id"]
    await d.tap(user, "去投票", announce["message_id"])
    return await d.expect(user, "截止：", since=last)


def labels_of(message: dict[str, Any]) -> list[str]:
    """The inline button labels of a message."""
    markup = message.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("inline_keyboard", []) for b in row]


async def current(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it is now (after edits)."""
    return next(m for m in await d.messages(chat) if m["message_id"] == message_id)


async def test_results_refused_outside_the_poll_and_kept_after_a_toggle(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        from sqlmodel import select

        from models import Building

        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    poll_id = await make_poll(
        h,
        multiple=True,
        max_choices=2,
        live_results=True,
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(b1.id,),
    )
    # the ballot of a resident of 1号楼 keeps its 📊 button after a toggle
    mine = await ballot(d, ZHOU)
    assert any("查看结果" in label for label in labels_of(mine))
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    toggled = await current(d, ZHOU, mine["message_id"])
    assert "✅ 修路灯" in labels_of(toggled)
    assert any("查看结果" in label for label in labels_of(toggled))
    # a resident and a staff member of 和谐社区 forge the results button: refused, politely
    for outsider in (FENG, OTHER_STAFF):
        greeting = (await d.say(outsider, "/start"))[-1]
        before = len(await d.messages(outsider))
        answer = await d.click(outsider, greeting["message_id"], data=f"cpl:results:{poll_id}:0")
        assert "只对参与范围内" in str(answer)
        assert len(await d.messages(outsider)) == before  # no results message was sent
    # the grid worker's proxy picker offers 1号楼 only; a forged resident of 2号楼 is refused once
    await d.say(GRID_WORKER, "🏛 议事管理")
    await d.tap(GRID_WORKER, "📊 投票列表")
    listed = await d.expect(GRID_WORKER, "投票")
    await d.tap(GRID_WORKER, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    await d.tap(GRID_WORKER, "✍️ 代投", card["message_id"])
    ask = await d.expect(GRID_WORKER, "请选择居民所在楼栋", since=card["message_id"])
    assert labels_of(ask) == ["1号楼"]
    answer = await d.click(GRID_WORKER, ask["message_id"], data=f"cpl:proxy_r:{poll_id}:{LIU}")
    assert "不在这个投票的范围内" in str(answer)
    answer = await d.click(GRID_WORKER, ask["message_id"], data=f"cpl:proxy_b:{poll_id}:99")
    assert "投票范围内的楼栋" in str(answer)


async def test_members_poll_reaches_a_member_without_an_address(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # the staff form asks no residents-only questions for a members poll
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await d.say(STAFF, "志愿服务时间改到周六？")
    [ask] = await d.say(STAFF, "同意\n反对")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "党员", ask["message_id"])
    nxt = await d.expect(STAFF, "截止时间", since=ask["message_id"])
    texts = [message_text(m) for m in await d.messages(STAFF, since=ask["message_id"])]
    assert not any("谁可以投票" in x or "一户一票" in x for x in texts)
    [ask] = await d.say(STAFF, "2026-11-24 20:00")
    assert nxt["message_id"] < ask["message_id"]
    await d.tap(STAFF, "匿名", ask["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=ask["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    await d.say(STAFF, "跳过")
    [first, *_] = await d.say(STAFF, "跳过")
    # the reply we want may come after others: wait for it, not for a quiet spell
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "投票已发布", since=preview["message_id"])
    # 赵医生 has no home address: told, and can vote
    mine = await ballot(d, ZHAO)
    await d.tap(ZHAO, "同意", mine["message_id"])
    await d.expect(ZHAO, "已投票：同意")
    # the author hears the result when the poll closes
    last = (await d.messages(STAFF))[-1]["message_id"]
    h.clock.set(CLOSES + timedelta(seconds=1))
    result = await d.expect(STAFF, "投票结果：志愿服务时间改到周六？", since=last, timeout=30.0)
    assert "• 同意: 1 (100%)" in message_text(result)


async def test_a_photo_at_a_text_step_keeps_the_step(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    ask = await d.expect(STAFF, "请输入投票问题")
    sent = await d.send(STAFF, photo=b"\xff\xd8\xff\xe0not-really-a-jpeg")
    refusal = await d.expect(STAFF, "这里需要文字", since=sent["message_id"])
    labels = [b["text"] for row in refusal["reply_markup"]["keyboard"] for b in row]
    assert labels == ["✖️ 取消"]  # QA D50: the wizard's cancel keyboard, not the main menu
    # the step is still open: the question typed next is taken
    replies = await d.say(STAFF, "明年优先办哪些事？")
    assert any("选项" in message_text(m) for m in replies), ask
