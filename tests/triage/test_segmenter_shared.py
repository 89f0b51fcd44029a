"""jieba's dictionary is built once per process: every Segmenter.load with the same user
dictionary shares one segmenter (about a second and a hundred megabytes each before)."""

from __future__ import annotations

import os
from pathlib import Path

from services.triage.segment import USERDICT_PATH, Segmenter


def test_the_same_user_dictionary_gives_the_same_segmenter(tmp_path: Path) -> None:
    first = Segmenter.load(cache_dir=tmp_path / "a")
    assert Segmenter.load(cache_dir=tmp_path / "b") is first
    assert Segmenter.load(userdict=USERDICT_PATH) is first
    assert "煤气味" in first.cut("闻到煤气味")


def test_another_or_edited_user_dictionary_gets_its_own(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("灯泡不亮 5 n\n", encoding="utf-8")
    ours = Segmenter.load(cache_dir=tmp_path, userdict=words)
    assert ours is not Segmenter.load(cache_dir=tmp_path)
    assert ours.ours == frozenset({"灯泡不亮"})
    assert "灯泡不亮" in ours.cut("楼道灯泡不亮了")
    words.write_text("灯泡不亮 5 n\n水管爆裂 5 n\n", encoding="utf-8")
    later = os.stat(words).st_mtime_ns + 1_000_000_000
    os.utime(words, ns=(later, later))
    edited = Segmenter.load(cache_dir=tmp_path, userdict=words)
    assert edited is not ours
    assert edited.ours == frozenset({"灯泡不亮", "水管爆裂"})
