"""Staff open a request's seven photos: one album, not seven separate sends (QA D53)."""

from __future__ import annotations

from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _open_card, png


async def test_seven_photos_arrive_as_one_album(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "楼道里的墙皮大面积脱落，拍了好几张照片")
    for count in range(1, 8):
        await d.send(ZHOU, photo=png())
        await d.expect(ZHOU, f"共 {count} 张")
    await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交")
    filed = await d.expect(ZHOU, "已提交，编号")
    number = filed["text"].split("编号")[1].strip().split("。")[0].strip()
    await _open_card(linli_sandbox, number)
    tapped = await d.tap(STAFF, "附件（7）")
    assert tapped["answer"] is not None
    await d.expect(STAFF, "诉求附件")
    albums = await d.calls(method="sendMediaGroup")
    singles = await d.calls(method="sendPhoto")
    assert len(albums) == 1
    assert not [c for c in singles if str(c.get("chat_id", "")) == str(STAFF)]
