"""QA findings on the order cycle, end to end through the sandbox (see notes/QA.md)."""

from __future__ import annotations

from sqlmodel import col, select

from models import AuditEvent
from models.orders import Order, Rating, Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHAO, ZHENG, _file, _open_card, png
from tests.support import expect_any, reply_to


async def _handle_directly(h: Harness, number: str, result: str) -> None:
    """Staff handle a request themselves and write the result: the resident is asked to rate."""
    d = h.driver
    await _open_card(h, number)
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    sent = await d.send(STAFF, result)
    # by day sent at once; at night quiet hours hold it, and staff are told when it goes
    await expect_any(d, STAFF, ("已发给居民评价", "收到结果并评价"), sent["message_id"])


async def test_satisfied_tap_is_stored_before_the_optional_comment(linli_sandbox: Harness) -> None:
    """QA D24: a resident who taps 满意 and stops there has rated."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "已清运垃圾桶")
    await d.tap(WU, "😊 满意", ask["message_id"])
    await d.expect(WU, "评价已记下")
    # the resident leaves without a comment: the rating is already counted
    await d.say(WU, "📂 我的诉求")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == WU))).one()
        assert req.status == RequestStatus.RESOLVED
        [rating] = (await s.exec(select(Rating).where(col(Rating.request_id) == req.id))).all()
        assert rating.score == "satisfied" and rating.comment == ""
    # a second tap on the same prompt is told it was rated already
    result = await d.click(WU, ask["message_id"], data=f"oc:rate2:{req.id}:0")
    assert "已经评价过" in str(result)


async def test_comment_after_the_tap_is_added_to_the_rating(linli_sandbox: Harness) -> None:
    """QA D24: the comment typed after 基本满意 joins the stored rating."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    ask = await d.expect(WU, "已清理楼道杂物")
    await d.tap(WU, "🙂 基本满意", ask["message_id"])
    await d.expect(WU, "评价已记下")
    await d.say(WU, "下次早点来就好了")
    saved = await d.expect(WU, "记下了")
    assert "下次" not in message_text(saved)
    async with h.sessionmaker() as s:
        [rating] = (await s.exec(select(Rating))).all()
        assert rating.score == "basic" and rating.comment == "下次早点来就好了"


async def test_forged_draft_values_refused_and_nobody_fits_offered_to_all(
    linli_sandbox: Harness,
) -> None:
    """QA D11: forged 人数/积分 are refused at the tap; D15: an order nobody fits is not lost."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    draft = await d.expect(STAFF, f"为诉求 {number} 派单")
    rid = int(number)
    result = await d.click(STAFF, draft["message_id"], data=f"oc:spts:{rid}:99999")
    assert "积分要在 0 到" in str(result)
    result = await d.click(STAFF, draft["message_id"], data=f"oc:sneed:{rid}:-5")
    assert "人数要在 1 到 20 之间" in str(result)
    [*_, shown] = await d.messages(STAFF)
    assert "99,999" not in message_text(shown) and "-5" not in message_text(shown)
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "没有人能看到")
    assert "已通知 0 位" in message_text(issued)
    await d.say(LIU, "🛠 可接工单")
    await d.expect(LIU, "暂时没有")
    await d.tap(STAFF, "发给全社区所有党员/志愿者", issued["message_id"])
    await d.expect(STAFF, "已不限技能和网格")
    offer = await d.expect(LIU, "🛠 新工单")
    other = await d.expect(ZHAO, "🛠 新工单")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "联系人")
    # QA D10: 赵 (not the claimant) is refused at the tap, not after a dialog
    async with h.sessionmaker() as s:
        order = (await s.exec(select(Order))).one()
    for action in ("mdone", "mrel"):
        before = len(await d.messages(ZHAO))
        result = await d.click(ZHAO, other["message_id"], data=f"oc:{action}:{order.id}:0")
        assert "没有权限" in str(result), action
        assert len(await d.messages(ZHAO)) == before  # no prompt was sent
    async with h.sessionmaker() as s:
        refused = (await s.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == ZHAO))).all()
        assert {r.detail for r in refused} >= {"done_not_own", "release_not_own"}
    # QA D12: staff verify with the member's note and photo in front of them
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order.number}")
    await d.tap(LIU, "完成上报")
    # QA D45: an over-long note is refused when it arrives, not later at "说完了"
    too_long = await reply_to(d, LIU, "清" * 4100, "内容太长了")
    assert "内容太长了" in message_text(too_long)
    await d.say(LIU, "垃圾已清运，桶已冲洗")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    assert "垃圾已清运，桶已冲洗" in message_text(verify) and "1 张" in message_text(verify)
    await d.tap(STAFF, "查看照片", verify["message_id"])
    photo = await d.expect(STAFF, "办理结果")
    assert photo.get("photo")


async def test_gas_report_gets_a_safety_line_beside_the_number(linli_sandbox: Harness) -> None:
    """QA D16: an urgent gas report tells the resident what to do right now."""
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHENG, "煤气管道好像漏气了，闻到很大的煤气味")
    filed = await d.expect(ZHENG, "已提交，编号")
    assert "关闭燃气阀门" in message_text(filed) and "119" in message_text(filed)
    # a burst pipe: the main water valve first — said as soon as the bot has read it (the
    # preview), not only once filed; a fall and a flood in one: both lines
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "我家水管爆了，水流了一地，快来人")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "🚨" in message_text(preview) and "进水总阀门" in message_text(preview)
    await d.tap(WU, "确认提交", preview["message_id"])
    flood = await d.expect(WU, "已提交，编号")
    assert "进水总阀门" in message_text(flood) and "燃气" not in message_text(flood)
    await _file(h, ZHENG, "老人在卫生间摔倒了起不来，地上全是水，水管爆了")
    both = await d.expect(ZHENG, "已提交，编号", since=filed["message_id"])
    assert "不要急着扶起" in message_text(both) and "进水总阀门" in message_text(both)
    # an ordinary request gets no safety line
    await _file(h, WU, "楼道里堆了很多杂物，不好走")
    plain = await d.expect(WU, "已提交，编号", since=flood["message_id"])
    assert "⚠️" not in message_text(plain)


async def test_staff_card_shows_transfer_and_offers_duplicates_as_buttons(
    linli_sandbox: Harness,
) -> None:
    """QA D18: the card shows the transfer; merge candidates are buttons. D13: 居民标注."""
    h = linli_sandbox
    d = h.driver
    road = await _file(h, WU, "小区门口的路面塌陷了一个大坑，很危险")
    await _open_card(h, road)
    await d.tap(STAFF, "转办")
    await d.say(STAFF, "区市政工程管理处")
    await d.say(STAFF, "已电话联系王科长")
    await d.expect(STAFF, f"诉求 {road} 已转办")
    await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, "办理中的事项")
    await d.tap(STAFF, f"查看 {road}")
    card = await d.expect(STAFF, f"诉求 {road} · 已转办")
    text = message_text(card)
    assert "区市政工程管理处" in text and "已电话联系王科长" in text and "跟进时间" in text
    # a neighbour's duplicate: the candidate is a button, nothing to type
    dup = await _file(h, ZHENG, "门口路上有个大坑")
    await _open_card(h, dup)
    await d.tap(STAFF, "合并")
    offered = await d.expect(STAFF, "可能重复的诉求")
    await d.tap(STAFF, f"并入 {road}", offered["message_id"])
    await d.expect(STAFF, f"诉求 {dup} 已并入诉求 {road}")
    await d.expect(ZHENG, f"和诉求 {road} 合并办理")
    # a request the resident marked urgent by hand
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "楼下的垃圾堆了很久")
    await d.say(WU, "✅ 说完了")
    await d.tap(WU, "标为紧急")
    await d.tap(WU, "确认提交")
    number = f"{int(dup) + 1:05d}"
    await d.expect(WU, f"已提交，编号 {number}")
    notice = await d.expect(STAFF, f"紧急诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, "🚨 紧急（")
    assert f"诉求 {number} · 待受理" in message_text(card)
    assert "🚨 紧急（居民标注）" in message_text(card)


async def test_draft_counts_who_fits_and_skills_can_be_dropped(linli_sandbox: Harness) -> None:
    """QA D15/D11: the draft says nobody fits before publishing; 不限技能 fixes it."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    draft = await d.expect(STAFF, f"为诉求 {number} 派单")
    assert "符合条件的党员/志愿者：0 位" in message_text(draft)
    assert "没人能看到" in message_text(draft)
    await d.tap(STAFF, "不限技能", draft["message_id"])
    widened = await d.expect(STAFF, "需要的技能：不限")
    assert "：0 位" not in message_text(widened) and "没人能看到" not in message_text(widened)
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    assert "没有人能看到" not in message_text(issued)
    await d.expect(LIU, "🛠 新工单")


async def test_unsatisfied_tap_reopens_at_once_and_the_reason_follows(
    linli_sandbox: Harness,
) -> None:
    """QA D24 for 不满意: the tap alone reopens the matter; a reason typed later reaches staff
    and stays on the request's card."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    ask = await d.expect(WU, "已清理楼道杂物")
    await d.tap(WU, "😞 不满意", ask["message_id"])
    await d.expect(WU, "已转给社区重新办理")
    await d.expect(STAFF, "原因稍后补充")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == WU))).one()
        assert req.status == RequestStatus.REOPENED
        [rating] = (await s.exec(select(Rating))).all()
        assert rating.score == "unsatisfied"
    await d.say(WU, "三楼拐角还堆着旧家具")
    await d.expect(WU, "社区会重新办理")
    reason = await d.expect(STAFF, "说明了不满意的原因")
    assert "三楼拐角还堆着旧家具" in message_text(reason)
    # staff taking it up again read on the card itself how the resident judged the result,
    # and the resident reads their own rating when they look the request up
    await d.click(STAFF, reason["message_id"], text="查看诉求")
    card = message_text(
        await d.expect(STAFF, f"诉求 {number} · 重新办理", since=reason["message_id"])
    )
    assert "办理结果：已清理楼道杂物" in card, card
    assert " 居民评价：😞 不满意 · 三楼拐角还堆着旧家具" in card, card
    mine = await reply_to(d, WU, "📂 我的诉求", "我的诉求（共")
    await d.tap(WU, f"查看 {number}", mine["message_id"])
    view = message_text(await d.expect(WU, " 您的评价：", since=mine["message_id"]))
    assert "😞 不满意 · 三楼拐角还堆着旧家具" in view, view
    assert "居民评价" not in view, view


async def test_the_rating_question_shows_the_score_given_and_loses_its_buttons(
    linli_sandbox: Harness,
) -> None:
    """An older resident should see the question answered, not the same three buttons again."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "单元门的门禁坏了，关不上")
    await _handle_directly(h, number, "已修好门禁")
    ask = await d.expect(WU, "已修好门禁")
    await d.tap(WU, "😊 满意", ask["message_id"])
    await d.expect(WU, "评价已记下", since=ask["message_id"])
    [now] = [m for m in await d.messages(WU) if m["message_id"] == ask["message_id"]]
    assert "已修好门禁" in message_text(now)  # the question itself is kept
    assert "您的评价：😊 满意" in message_text(now)
    assert not (now.get("reply_markup") or {}).get("inline_keyboard"), now.get("reply_markup")
