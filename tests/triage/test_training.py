"""Training a custom catalogue from a CSV, staff corrections, and switching models on (whole)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.triage import (
    ModelError,
    TrainingError,
    Triage,
    read_examples_csv,
    record_correction,
    retrain,
    train_model,
)
from services.triage.deployment import activate_model, deployment_model_dir, load_triage
from services.triage.model import LinearModel
from services.triage.segment import Segmenter
from services.triage.training import TrainingCancelled

EXAMPLES = """label,text
roads,路上有个大坑
roads,马路坑坑洼洼的
roads,道路破损需要修补
roads,人行道的砖碎了
water,家里水管漏水了
water,水龙头一直滴水
water,卫生间的水管爆了
water,停水了什么时候来水
other,你好
other,谢谢你们
other,社区活动在哪报名
other,我想当志愿者
"""


@pytest.fixture(scope="module")
def segmenter(jieba_cache: Path) -> Segmenter:
    """A jieba segmenter for the training runs of this module."""
    return Segmenter.load(cache_dir=jieba_cache)


def test_train_from_csv_and_load(tmp_path: Path, segmenter: Segmenter, jieba_cache: Path) -> None:
    csv_path = tmp_path / "examples.csv"
    csv_path.write_text(EXAMPLES, encoding="utf-8")
    examples = read_examples_csv(csv_path)
    assert len(examples) == 12
    report = train_model(examples, model_dir=tmp_path / "model", segmenter=segmenter)
    assert report.labels == ["other", "roads", "water"]
    assert report.per_label == {"other": 4, "roads": 4, "water": 4}
    assert report.train_accuracy == 1.0
    meta = json.loads((tmp_path / "model" / "model.json").read_text(encoding="utf-8"))
    assert meta["labels"] == ["other", "roads", "water"]
    triage = Triage.load(model_dir=tmp_path / "model", cache_dir=jieba_cache)
    assert triage.analyze("小区门口的马路有坑").category == "roads"
    assert triage.analyze("厨房水管漏水").category == "water"


def test_bad_training_input(tmp_path: Path, segmenter: Segmenter) -> None:
    with pytest.raises(TrainingError, match="at least two labels"):
        train_model([("a", "x")] * 5, model_dir=tmp_path, segmenter=segmenter)
    with pytest.raises(TrainingError, match="fewer than 3"):
        train_model([("a", "x1"), ("a", "x2"), ("a", "x3"), ("b", "y")], model_dir=tmp_path)
    with pytest.raises(TrainingError, match="not in the catalogue"):
        train_model([("zzz", "x")], model_dir=tmp_path, allowed_labels=["other"])
    bad = tmp_path / "bad.csv"
    bad.write_text("category,body\na,b\n", encoding="utf-8")
    with pytest.raises(TrainingError, match="'label' and 'text'"):
        read_examples_csv(bad)


def test_corrections_count_at_next_retraining(tmp_path: Path, segmenter: Segmenter) -> None:
    base = [
        ("roads", "路上有个大坑"),
        ("roads", "马路坑坑洼洼"),
        ("roads", "道路破损"),
        ("water", "水管漏水"),
        ("water", "水龙头滴水"),
        ("water", "停水了"),
        ("other", "你好"),
        ("other", "谢谢"),
        ("other", "活动报名"),
    ]
    text = "井盖被偷了一个"
    first = retrain(data_dir=tmp_path, base_examples=base, segmenter=segmenter)
    assert first.examples == 9
    for _ in range(3):
        record_correction(data_dir=tmp_path, text=text, category="roads")
    second = retrain(data_dir=tmp_path, base_examples=base, segmenter=segmenter)
    assert second.examples == 12 and second.per_label["roads"] == 6
    model_dir = deployment_model_dir(tmp_path)
    assert model_dir is not None
    triage = Triage(segmenter=segmenter, model=LinearModel.load(model_dir))
    assert triage.analyze(text).category == "roads"


def test_retraining_leaves_out_retired_categories(tmp_path: Path, segmenter: Segmenter) -> None:
    # 'water' was retired (/category remove) after it got examples and corrections: the nightly
    # retraining trains without it instead of failing every night
    base = read_examples_csv_text(EXAMPLES)
    record_correction(data_dir=tmp_path, text="水管又漏了", category="water")
    report = retrain(
        data_dir=tmp_path,
        base_examples=base,
        allowed_labels=["roads", "other"],
        segmenter=segmenter,
    )
    assert report.labels == ["other", "roads"]
    assert report.per_label == {"other": 4, "roads": 4}


def test_activate_checks_the_catalogue(tmp_path: Path, segmenter: Segmenter) -> None:
    csv_path = tmp_path / "examples.csv"
    csv_path.write_text(EXAMPLES, encoding="utf-8")
    trial = tmp_path / "trial"
    train_model(read_examples_csv(csv_path), model_dir=trial, segmenter=segmenter)
    # the default catalogue has no 'roads' or 'water'
    with pytest.raises(ModelError, match="not in the catalogue"):
        activate_model(data_dir=tmp_path / "data", model_dir=trial)
    catalogue = tmp_path / "data" / "triage" / "catalogue.yaml"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(
        "categories:\n"
        "- {code: roads, names: {zh-Hans: 道路, en: Roads}, deadline_hours: 48}\n"
        "- {code: water, names: {zh-Hans: 供水, en: Water}, deadline_hours: 24}\n"
        "- {code: other, names: {zh-Hans: 其他, en: Other}, deadline_hours: 72}\n",
        encoding="utf-8",
    )
    target = activate_model(data_dir=tmp_path / "data", model_dir=trial)
    assert deployment_model_dir(tmp_path / "data") == target


def test_missing_model_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no trained model"):
        Triage.load(model_dir=tmp_path)


def test_running_triage_picks_up_a_retrained_model(
    tmp_path: Path, segmenter: Segmenter, jieba_cache: Path
) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "cache").mkdir(parents=True)
    for cached in jieba_cache.glob("*.cache"):
        (data_dir / "cache" / cached.name).write_bytes(cached.read_bytes())
    base = [
        ("water_electric", "水管漏水"),
        ("water_electric", "停电了"),
        ("water_electric", "马桶堵了"),
        ("other", "你好"),
        ("other", "谢谢"),
        ("other", "想当志愿者"),
    ]
    triage = load_triage(data_dir=data_dir)
    assert len(triage.labels) == 12  # the shipped model until a retraining happens
    assert not triage.reload_if_retrained(force=True)
    retrain(data_dir=data_dir, base_examples=base, segmenter=segmenter)
    assert triage.reload_if_retrained(force=True)
    assert triage.labels == ["other", "water_electric"]
    assert not triage.reload_if_retrained(force=True)


def test_the_model_directory_is_looked_at_once_a_minute_by_the_clock(
    tmp_path: Path, segmenter: Segmenter
) -> None:
    model_dir = tmp_path / "model"
    train_model(read_examples_csv_text(EXAMPLES), model_dir=model_dir, segmenter=segmenter)
    now = [1000.0]
    triage = Triage(
        segmenter=segmenter,
        model=LinearModel.load(model_dir),
        watch_dir=model_dir,
        clock=lambda: now[0],
    )
    two = [(label, text) for label, text in read_examples_csv_text(EXAMPLES) if label != "water"]
    train_model(two, model_dir=model_dir, segmenter=segmenter)
    now[0] += 30
    triage.analyze("你好")
    assert triage.labels == ["other", "roads", "water"]  # not yet: less than a minute
    now[0] -= 3600  # the clock was set back: the next look is not an hour and a minute away
    triage.analyze("你好")
    assert triage.labels == ["other", "roads"]
    train_model(read_examples_csv_text(EXAMPLES), model_dir=model_dir, segmenter=segmenter)
    now[0] += 59
    triage.analyze("你好")
    assert triage.labels == ["other", "roads"]
    now[0] += 2
    triage.analyze("你好")
    assert triage.labels == ["other", "roads", "water"]


class _Killed(BaseException):
    """The process dying at a chosen point (nothing catches it)."""


def test_a_model_swap_cut_short_leaves_the_old_model_whole(
    tmp_path: Path, segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir = tmp_path / "model"
    old = read_examples_csv_text(EXAMPLES)
    train_model(old, model_dir=model_dir, segmenter=segmenter)
    new = [(label, text) for label, text in old if label != "other"]
    new += [("parking", f"车位被占了{i}") for i in range(3)] + [("parking", "小区停车难")]

    # the process dies just as the new model.json is about to replace the old one
    real_replace = Path.replace

    def dying(self: Path, target: Path | str) -> Path:
        if Path(target).name == "model.json":
            raise _Killed
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", dying)
    with pytest.raises(_Killed):
        train_model(new, model_dir=model_dir, segmenter=segmenter)
    monkeypatch.setattr(Path, "replace", real_replace)
    kept = LinearModel.load(model_dir)  # the old model, whole: its arrays fit its vocabulary
    assert kept.labels == ["other", "roads", "water"]
    triage = Triage(segmenter=segmenter, model=kept)
    assert triage.analyze("小区门口的马路有坑").category == "roads"

    # done again to the end: the new model, whole; older arrays do not pile up
    for _ in range(3):
        train_model(new, model_dir=model_dir, segmenter=segmenter)
    assert LinearModel.load(model_dir).labels == ["parking", "roads", "water"]
    assert len(list(model_dir.glob("*.npz"))) <= 2
    assert not list(model_dir.glob("*.tmp*"))


def test_a_stopped_training_writes_no_model(tmp_path: Path, segmenter: Segmenter) -> None:
    model_dir = tmp_path / "model"
    train_model(read_examples_csv_text(EXAMPLES), model_dir=model_dir, segmenter=segmenter)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in model_dir.iterdir())
    asked = []

    def stop_after_featurising() -> bool:
        asked.append(True)
        return len(asked) > 1  # goes on at the first check, stops at the next

    with pytest.raises(TrainingCancelled):
        train_model(
            [*read_examples_csv_text(EXAMPLES), *[("parking", f"车位{i}") for i in range(3)]],
            model_dir=model_dir,
            segmenter=segmenter,
            should_stop=stop_after_featurising,
        )
    assert sorted((p.name, p.stat().st_mtime_ns) for p in model_dir.iterdir()) == before


def read_examples_csv_text(text: str) -> list[tuple[str, str]]:
    """(label, text) pairs of a CSV text with a header line."""
    return [
        (label, body)
        for label, _, body in (line.partition(",") for line in text.strip().splitlines()[1:])
    ]
