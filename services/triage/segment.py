"""jieba segmentation with the community user dictionary, loaded once per process."""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

from services.triage.text import normalize

USERDICT_PATH = Path(__file__).resolve().parent / "data" / "userdict.txt"


class Segmenter:
    """A jieba tokenizer of our own (not jieba's global one) with the user dictionary loaded."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, userdict: Path | None = None) -> Segmenter:
        """Build the prefix dictionary (from jieba's cache in cache_dir) and add our words."""
        # Imported here so that importing services.triage costs nothing until the app starts.
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache_dir)
            tokenizer.cache_file = "jieba.cache"
        tokenizer.initialize()
        path = userdict or USERDICT_PATH
        with path.open("rb") as handle:
            tokenizer.load_userdict(handle)
        return cls(tokenizer)

    def rarity(self, word: str) -> float | None:
        """-log of a word's frequency in jieba's general dictionary; None when it is not there."""
        freq = self._tokenizer.FREQ.get(word) or 0
        if freq <= 0:
            return None
        return math.log(self._tokenizer.total) - math.log(freq)

    def cut(self, text: str) -> list[str]:
        """Words of an already normalised text, without whitespace tokens."""
        return [w for w in self._tokenizer.lcut(text) if not w.isspace()]

    def words(self, text: str) -> list[str]:
        """Words of a raw text after normalisation."""
        return self.cut(normalize(text))
