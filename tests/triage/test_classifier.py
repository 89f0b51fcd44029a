"""The shipped classifier on the development set, and the shape of its answers."""

from __future__ import annotations

import csv
from pathlib import Path

from services.triage import SHIPPED_MODEL_DIR, Triage, load_catalogue, seed_examples

DATA = Path(__file__).resolve().parents[2] / "services" / "triage" / "data"


def _dev_rows() -> list[dict[str, str]]:
    with (DATA / "dev_examples.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_seed_and_dev_sets_are_large_apart_and_cover_the_catalogue() -> None:
    codes = {c.code for c in load_catalogue()}
    seed = seed_examples()
    dev = _dev_rows()
    for code in codes:
        assert sum(label == code for label, _ in seed) >= 40, code
    assert {label for label, _ in seed} == codes
    assert len(dev) >= 300
    assert {row["label"] for row in dev} == codes
    assert not {text for _, text in seed} & {row["text"] for row in dev}


def test_dev_set_accuracy_meets_the_aims(triage: Triage) -> None:
    rows = _dev_rows()
    results = [triage.analyze(row["text"]) for row in rows]
    top1 = sum(r.category == row["label"] for r, row in zip(results, rows, strict=True))
    top3 = sum(
        row["label"] in [c for c, _ in r.candidates] for r, row in zip(results, rows, strict=True)
    )
    assert top1 / len(rows) >= 0.85
    assert top3 / len(rows) >= 0.97


def test_dev_set_urgency_recall_is_total_and_precision_high(triage: Triage) -> None:
    rows = _dev_rows()
    flagged = [triage.analyze(row["text"]).urgent for row in rows]
    gold = [row["urgent"] == "1" for row in rows]
    assert all(f for f, g in zip(flagged, gold, strict=True) if g)
    hits = sum(f and g for f, g in zip(flagged, gold, strict=True))
    assert hits / sum(flagged) >= 0.9


def test_result_shape_and_unsure_flag(triage: Triage) -> None:
    result = triage.analyze("厨房水管爆了，水流了一地")
    assert result.category == "water_electric"
    assert result.urgent and "flooding" in result.urgent_reasons
    assert len(result.candidates) == 3
    assert result.candidates[0] == (result.category, result.confidence)
    assert result.confidence >= result.candidates[1][1] >= result.candidates[2][1]
    assert not result.unsure
    assert "水管" in result.keywords
    assert set(result.to_dict()) >= {"category", "confidence", "candidates", "urgent", "keywords"}


def test_empty_text_is_other_and_unsure(triage: Triage) -> None:
    result = triage.analyze("  ，。 ")
    assert result.category == "other"
    assert result.unsure and result.confidence == 0.0


def test_traditional_and_english_texts(triage: Triage) -> None:
    assert triage.analyze("電梯壞了，老人下不了樓").category == "facilities"
    assert triage.analyze("gas smell in my kitchen").category == "heating_gas"


def test_keywords_skip_stopwords_and_numbers(triage: Triage) -> None:
    words = triage.keywords("请问3号楼的电梯什么时候能修好，我们一直在等", limit=5)
    assert "电梯" in words
    assert not {"请问", "什么", "我们", "3"} & set(words)
    assert len(triage.keywords("楼道 灯 不亮 楼道灯 电梯 门禁 路灯 井盖 道路", limit=2)) == 2
    # numbers in words are where, not what, as they are in figures: no '五号', '三楼', '十二'
    for said, number in (
        ("五号楼门口的下水道堵了，臭得很", "五号"),
        ("三楼楼道的灯坏了", "三楼"),
        ("十二层的电梯不动了", "十二"),
        ("七栋楼下广场舞太吵", "七栋"),
    ):
        words = triage.keywords(said)
        assert number not in words and words, (said, words)


def test_shipped_model_is_small_and_pickle_free() -> None:
    sizes = sum(p.stat().st_size for p in SHIPPED_MODEL_DIR.iterdir())
    assert sizes < 5 * 1024 * 1024
    assert sorted(p.name for p in SHIPPED_MODEL_DIR.iterdir()) == ["model.json", "model.npz"]


def test_keywords_name_the_matter_first(triage: Triage) -> None:
    # a long complaint: what is broken leads, however rare the words around it are
    long = "我家楼下的下水道堵了好几天了，污水都冒出来了，味道很大，老人小孩进出都不方便"
    words = triage.analyze(long).keywords
    assert words[0] == "下水道" and "污水" in words
    assert len(words) == 8
    assert triage.keywords("小区门口电动车乱停，堵住了消防通道")[:2] == ["电动车", "消防通道"]
    # said another way, the lexicon's name for it: 楼道的灯 is 楼道灯
    assert triage.keywords("楼道的灯不亮了")[0] == "楼道灯"
    # an English text keeps its own words: no Chinese name beside 'lift'
    english = triage.keywords("The lift in our building has been broken for a week")
    assert "lift" in english and all(word.isascii() for word in english)
