"""Words added to a matter are kept whole: one Telegram message's (up to 4,096 characters,
more than a new matter's first words may be) is added entire; words the matter can hold no more
of are refused, said so (order-err-info-full), and the matter is left as it was. Before, the
words were cut at 4,000 characters and the matter's text at 16,000, unseen."""

from __future__ import annotations

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Request
from services import requests as req_svc
from services.errors import InvalidInput
from tests.orders.conftest import World
from tests.orders.test_place_added import _add, _file


async def test_one_messages_words_are_added_whole(session: AsyncSession, world: World) -> None:
    req = await _file(session, world, "楼道里的灯坏了")
    words = "灯" * 4085 + "最后这句要留下"
    await _add(session, world, req, words)
    kept = await session.get(Request, req.id)
    assert kept is not None and kept.text.endswith(words)


async def test_words_a_full_matter_cannot_hold_are_refused(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world, "楼道里的灯坏了")
    for _ in range(3):
        await _add(session, world, req, "补" * 4000)
    before = (await session.get(Request, req.id)).text  # type: ignore[union-attr]
    with pytest.raises(InvalidInput) as refused:
        await _add(session, world, req, "多" * 4000)
    assert refused.value.key == "order-err-info-full"
    await session.rollback()
    after = await session.get(Request, req.id)
    assert after is not None and after.text == before and "多" not in after.text
    assert len(before) <= req_svc.KEPT_MAX
