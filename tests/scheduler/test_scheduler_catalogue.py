"""`linli scheduler` handles no updates, yet follows the catalogue admins edit with /category
(another process's edit, stored in the database): its tick takes up the newest edit within a
few seconds, so category names and deadlines in its notices are the ones in force."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.i18n import Translator
from bot.settings import Settings
from models.catalogue import CatalogueVersion
from sandbox.emulator import SANDBOX_TOKEN
from scheduler.hook import follow_catalogue
from scheduler.service import SchedulerService
from services.categories import _document
from services.order_common import catalogue, category, use_catalogue
from services.triage import Category, load_catalogue
from services.triage.catalogue import with_category, with_deadline
from tests.support import FakeClock


@pytest.fixture(autouse=True)
def _default_catalogue_after() -> Iterator[None]:
    yield
    use_catalogue(load_catalogue())  # the process-wide catalogue the test changed


@pytest.fixture
async def alone(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    translator: Translator,
    clock: FakeClock,
    tmp_path: Path,
) -> AsyncIterator[SchedulerService]:
    """The scheduler as `linli scheduler` runs it (no bot process beside it)."""
    settings = Settings(
        bot_token=SANDBOX_TOKEN, bot_api_base="http://127.0.0.1:9", data_dir=tmp_path
    )
    bot = make_bot(settings)
    svc = SchedulerService(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        bot=bot,
        texts=translator,
        clock=clock,
    )
    follow_catalogue(settings, svc)
    try:
        yield svc
    finally:
        await bot.session.close()


async def _edit(session: AsyncSession, categories: list[Category]) -> None:
    """Another process's /category edit: a new row, the newest in force."""
    session.add(CatalogueVersion(document=_document(categories), created_by=1001))
    await session.commit()


async def test_the_scheduler_process_takes_up_an_edit_made_elsewhere(
    alone: SchedulerService, session: AsyncSession, clock: FakeClock
) -> None:
    await alone.tick()  # its first look: nothing edited yet, the shipped catalogue
    first = load_catalogue()[0]
    assert category(first.code).deadline_hours == first.deadline_hours
    edited = with_deadline(load_catalogue(), first.code, first.deadline_hours + 5)
    edited = with_category(
        edited,
        Category(
            code="pet_care",
            names={"zh-Hans": "宠物管理", "en": "Pets"},
            deadline_hours=48,
            skills=("general",),
        ),
    )
    await _edit(session, edited)
    clock.advance(timedelta(seconds=6))
    await alone.tick()
    assert category(first.code).deadline_hours == first.deadline_hours + 5
    assert "pet_care" in [c.code for c in catalogue()]
    assert category("pet_care").name("zh-Hans") == "宠物管理"
