"""Text typed at a step that waits for a tap on the buttons above (a meeting's type, a request's
preview) is answered with what the step needs, and the flow goes on; with no flow in progress,
unknown text still gets the menu."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

STAFF = 2001  # 李社工
RESIDENT = 4001  # 周阿姨


async def test_text_at_a_meeting_type_choice_keeps_the_form(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    ask = await d.expect(STAFF, "请选择会议类型")
    # typed there, it is the title (tests/consult/test_e2e_kind_typed.py), the kind asked again
    [answer] = await d.say(STAFF, "关于3号楼加装电梯的议事会")
    assert "会议标题记为「关于3号楼加装电梯的议事会」" in message_text(answer)
    assert "没有看懂" not in message_text(answer)
    # the form is still on: the type chosen on the first message goes on to the agenda
    await d.tap(STAFF, "楼栋夜话", ask["message_id"])
    await d.expect(STAFF, "请输入议程", since=answer["message_id"])
    # and cancel still cancels
    [cancelled] = await d.say(STAFF, "✖️ 取消")
    assert "已取消" in message_text(cancelled)


async def test_text_at_the_request_preview_keeps_the_request(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(RESIDENT, "📝 我要点单")
    await d.say(RESIDENT, "楼道灯坏了，晚上很黑")
    [*_, preview] = await d.say(RESIDENT, "✅ 说完了")
    # '好的' meant the button: the preview again, at the bottom, saying which one sends it
    # (tests/e2e/test_typed_at_preview.py has more of what is typed there)
    [answer] = await d.say(RESIDENT, "好的")
    assert "请点下面的「✅ 确认提交」" in message_text(answer)
    assert "没有看懂" not in message_text(answer)
    assert "楼道灯坏了" in message_text(answer)
    # the preview shown again is the one that sends; the first lost its buttons (a tap on
    # it would file the draft as it reads now under a text that may read as it was)
    [first] = [m for m in await d.messages(RESIDENT) if m["message_id"] == preview["message_id"]]
    assert inline_labels(first) == []
    await d.tap(RESIDENT, "确认提交", answer["message_id"])
    await d.expect(RESIDENT, "已提交，编号")
    async with h.sessionmaker() as session:
        [filed] = (await session.exec(select(Request))).all()
    assert filed.text == "楼道灯坏了，晚上很黑"


async def test_unknown_text_outside_a_flow_still_gets_the_menu(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(STAFF, "？")
    assert "没有看懂您的意思" in message_text(answer)
    keyboard = [b["text"] for row in answer["reply_markup"]["keyboard"] for b in row]
    assert "🏛 议事管理" in keyboard
