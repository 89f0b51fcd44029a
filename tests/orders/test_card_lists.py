"""The request card staff read in English lists triage's urgency reasons and keywords the
English way ('Urgent: a fall, gas', 'Keywords: 漏水, 厨房'). Before, they were joined with the
Chinese list comma ('a fall、gas') among English words."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.order_ui import request_card
from models.orders import Request
from tests.orders.conftest import World


async def test_the_request_card_lists_reasons_and_keywords_in_the_readers_way(
    session: AsyncSession, world: World
) -> None:
    req = Request(
        community_id=world.community.id or 0,
        filed_by=world.resident.id,
        resident_id=world.resident.id,
        text="我妈在厨房摔倒了，还闻到煤气味",
        urgent=True,
        urgent_reasons="fall,gas",
        keywords="摔倒,煤气",
    )
    session.add(req)
    await session.commit()
    translator, settings = Translator(), Settings(bot_token=None)
    english = await request_card(session, Text(translator, "en"), settings, req, staff=True)
    assert "a fall, gas" in english and "摔倒, 煤气" in english, english
    assert "、" not in english
    chinese = await request_card(session, Text(translator, "zh-Hans"), settings, req, staff=True)
    assert "摔倒、煤气" in chinese, chinese
