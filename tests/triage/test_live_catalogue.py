"""The running bot's triage follows the admin's catalogue edits (/category …) without a restart:
a category added and then trained is suggested, a retired one never is, and a bot that could not
load its model at start-up still takes up the next good one."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.order_hooks import triage_hook
from models import Role, User
from services.categories import add_category, remove_category
from services.order_common import candidate_codes, catalogue, suggest, use_catalogue
from services.triage import (
    TrainReport,
    Triage,
    activate_model,
    load_catalogue,
    load_deployment_catalogue,
    retrain,
    train_model,
)
from services.triage.deployment import deployment_model_dir
from services.triage.segment import Segmenter
from services.triage.training import read_examples_csv
from tests.support import FakeClock

ADMIN_ROLES = frozenset({Role.RESIDENT, Role.ADMIN})
CATALOGUE = (
    "categories:\n"
    "- {code: water_electric, names: {zh-Hans: 水电维修, en: Water and power}, "
    "deadline_hours: 24}\n"
    "- {code: noise_dispute, names: {zh-Hans: 噪音纠纷, en: Noise}, deadline_hours: 48}\n"
    "- {code: other, names: {zh-Hans: 其他, en: Other}, deadline_hours: 72}\n"
)
EXAMPLES = [
    ("water_electric", "家里水管漏水了"),
    ("water_electric", "楼道停电了"),
    ("water_electric", "水龙头一直滴水"),
    ("water_electric", "电闸总是跳"),
    ("noise_dispute", "楼上装修太吵了"),
    ("noise_dispute", "半夜有人唱歌扰民"),
    ("noise_dispute", "广场舞音响声音太大"),
    ("noise_dispute", "邻居家天天吵架很吵"),
    ("other", "你好"),
    ("other", "谢谢社区"),
    ("other", "活动在哪报名"),
    ("other", "我想当志愿者"),
]
# staff corrections to the new category (what the nightly retraining adds to the examples)
PETS = [
    ("pets", "小区里流浪猫太多了"),
    ("pets", "有人遛狗不拴绳"),
    ("pets", "狗粪没人清理"),
    ("pets", "邻居养的狗随地大小便"),
    ("pets", "流浪狗在小区里乱窜"),
]
DOG_TEXT = "楼下有人遛狗不拴绳，狗粪也没人清理"
MINUTE = timedelta(seconds=61)


@pytest.fixture(autouse=True)
def _default_catalogue_after() -> Iterator[None]:
    """The order cycle's catalogue is the process's: the next test starts from the default."""
    yield
    use_catalogue(load_catalogue())


@pytest.fixture(scope="module")
def segmenter(jieba_cache: Path) -> Segmenter:
    """A jieba segmenter for the trainings of this module."""
    return Segmenter.load(cache_dir=jieba_cache)


def _deployment(tmp_path: Path, jieba_cache: Path, segmenter: Segmenter) -> Path:
    """A data directory with its own catalogue, examples and trained model."""
    data_dir = tmp_path / "data"
    (data_dir / "cache").mkdir(parents=True)
    for cached in jieba_cache.glob("*.cache"):
        shutil.copyfile(cached, data_dir / "cache" / cached.name)
    (data_dir / "triage").mkdir()
    (data_dir / "triage" / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    rows = "label,text\n" + "".join(f"{label},{text}\n" for label, text in EXAMPLES)
    (data_dir / "triage" / "examples.csv").write_text(rows, encoding="utf-8")
    retrain(data_dir=data_dir, segmenter=segmenter, allowed_labels=_codes(data_dir))
    return data_dir


def _codes(data_dir: Path) -> list[str]:
    return [c.code for c in load_deployment_catalogue(data_dir)]


def _nightly_retraining(data_dir: Path, segmenter: Segmenter) -> TrainReport:
    """What the job triage.retrain does, with staff corrections to pets among those it read."""
    allowed = _codes(data_dir)
    return retrain(
        data_dir=data_dir, extra_examples=PETS, allowed_labels=allowed, segmenter=segmenter
    )


async def _start_bot(data_dir: Path, clock: FakeClock) -> Triage:
    """The triage as the bot holds it: loaded by the start-up hook into the handlers' data."""
    extra: dict[str, Any] = {"clock": clock}
    await triage_hook(settings=SimpleNamespace(data_dir=data_dir), resources={}, extra=extra)
    triage = extra["triage"]
    assert isinstance(triage, Triage)
    return triage


async def _admin(session: AsyncSession) -> User:
    admin = User(id=31, first_name="王主任", roles=f"{Role.RESIDENT},{Role.ADMIN}")
    session.add(admin)
    await session.commit()
    return admin


async def _add_pets(session: AsyncSession, admin: User, data_dir: Path) -> None:
    await add_category(
        session,
        admin=admin,
        roles=ADMIN_ROLES,
        data_dir=data_dir,
        code="pets",
        hours=48,
        name_zh="宠物管理",
        name_en="Pets",
        skills=["general"],
    )


@pytest.mark.parametrize("how", ["nightly retraining", "linli triage use"])
async def test_a_category_added_in_chat_is_suggested_once_a_model_knows_it(
    session: AsyncSession, tmp_path: Path, jieba_cache: Path, segmenter: Segmenter, how: str
) -> None:
    data_dir = _deployment(tmp_path, jieba_cache, segmenter)
    clock = FakeClock()
    triage = await _start_bot(data_dir, clock)
    assert triage.labels == ["noise_dispute", "other", "water_electric"]
    await _add_pets(session, await _admin(session), data_dir)
    assert "pets" in {c.code for c in catalogue()}
    assert suggest(triage, DOG_TEXT).category != "pets"  # no model knows it yet

    if how == "nightly retraining":
        _nightly_retraining(data_dir, segmenter)
    else:
        trial = tmp_path / "trial"
        train_model(
            [*read_examples_csv(data_dir / "triage" / "examples.csv"), *PETS],
            model_dir=trial,
            segmenter=segmenter,
        )
        activate_model(data_dir=data_dir, model_dir=trial)  # checked against the saved catalogue

    # the bot looks at its model directory at most once a minute, when it sorts a request
    assert suggest(triage, DOG_TEXT).category != "pets"
    clock.advance(MINUTE)
    s = suggest(triage, DOG_TEXT)
    assert s.category == "pets"
    assert candidate_codes(s)[0] == "pets"
    assert "pets" in triage.labels
    assert suggest(triage, "厨房水管漏水了").category == "water_electric"


async def test_a_retired_category_is_never_suggested(
    session: AsyncSession, tmp_path: Path, jieba_cache: Path, segmenter: Segmenter
) -> None:
    data_dir = _deployment(tmp_path, jieba_cache, segmenter)
    admin = await _admin(session)
    await _add_pets(session, admin, data_dir)
    _nightly_retraining(data_dir, segmenter)
    clock = FakeClock()
    triage = await _start_bot(data_dir, clock)
    assert suggest(triage, DOG_TEXT).category == "pets"

    await remove_category(session, admin=admin, roles=ADMIN_ROLES, data_dir=data_dir, code="pets")
    s = suggest(triage, DOG_TEXT)  # the same model, at once: pets is not offered
    assert s.category != "pets" and s.category in {c.code for c in catalogue()}
    assert "pets" not in [code for code, _ in s.candidates]
    assert "pets" not in candidate_codes(s)
    # its share is not handed to another category: the resident is asked to pick
    assert s.unsure and s.confidence is not None and s.confidence < 0.3
    assert "pets" not in triage.labels
    assert "pets" not in [code for code, _ in triage.classify(DOG_TEXT)]

    # a restart before the next retraining keeps the deployment's model (pets still unoffered)
    restarted = await _start_bot(data_dir, FakeClock())
    assert restarted.model.labels == triage.model.labels
    assert restarted.watch_dir is not None
    assert suggest(restarted, DOG_TEXT).category != "pets"

    # the nightly retraining leaves the retired category out (examples and corrections alike)
    report = _nightly_retraining(data_dir, segmenter)
    assert "pets" not in report.labels
    clock.advance(MINUTE)
    suggest(triage, DOG_TEXT)
    assert triage.model.labels == ["noise_dispute", "other", "water_electric"]

    # brought back, it is suggested again by a model that knows it
    await _add_pets(session, admin, data_dir)
    _nightly_retraining(data_dir, segmenter)
    clock.advance(MINUTE)
    assert suggest(triage, DOG_TEXT).category == "pets"


async def test_a_bad_start_still_takes_up_the_next_good_model(
    tmp_path: Path, jieba_cache: Path, segmenter: Segmenter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    data_dir = _deployment(tmp_path, jieba_cache, segmenter)
    model_dir = deployment_model_dir(data_dir)
    assert model_dir is not None
    for arrays in model_dir.glob("*.npz"):
        arrays.write_bytes(b"not a model")  # a damaged model: the shipped one is used
    clock = FakeClock()
    triage = await _start_bot(data_dir, clock)
    assert "could not be loaded; using the shipped one" in caplog.text
    shipped = list(triage.model.labels)
    assert len(shipped) == 12
    # only the catalogue's categories are offered by the shipped model
    assert sorted(triage.labels) == ["noise_dispute", "other", "water_electric"]
    assert suggest(triage, "楼上装修太吵了").category == "noise_dispute"
    # the damaged file is not tried again and again
    clock.advance(MINUTE)
    suggest(triage, "你好")
    assert triage.model.labels == shipped

    retrain(data_dir=data_dir, allowed_labels=_codes(data_dir), segmenter=segmenter)
    clock.advance(MINUTE)
    suggest(triage, "你好")
    assert triage.model.labels == ["noise_dispute", "other", "water_electric"]
    assert "triage model reloaded" in caplog.text
