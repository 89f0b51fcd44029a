"""jieba segmentation with the community user dictionary, loaded once per process."""

from __future__ import annotations

import logging
import math
import threading
from pathlib import Path
from typing import Any

from services.triage.text import normalize

USERDICT_PATH = Path(__file__).resolve().parent / "data" / "userdict.txt"

# Segmenters already built in this process, by user dictionary (its path, size and time of
# change): building one takes about a second (jieba's prefix dictionary, even from its cache)
# and a hundred megabytes, and a built one is only ever read. The bot's triage, the retraining
# job and every app a test or a benchmark starts share it.
_LOADED: dict[tuple[str, int, int], Segmenter] = {}
_LOADING = threading.Lock()  # loads run in worker threads (asyncio.to_thread)


class Segmenter:
    """A jieba tokenizer of our own (not jieba's global one) with the user dictionary loaded."""

    def __init__(self, tokenizer: Any, ours: frozenset[str] = frozenset()) -> None:
        self._tokenizer = tokenizer
        self.ours = ours  # the words of our user dictionary (煤气味, 飞线充电, 暖气不热)

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, userdict: Path | None = None) -> Segmenter:
        """The process's segmenter for this user dictionary: built on first use (jieba's prefix
        dictionary, from its cache in cache_dir, plus our words), then shared."""
        path = (userdict or USERDICT_PATH).resolve()
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        with _LOADING:
            loaded = _LOADED.get(key)
            if loaded is None:
                loaded = _LOADED[key] = cls._build(cache_dir=cache_dir, userdict=path)
            return loaded

    @classmethod
    def _build(cls, *, cache_dir: Path | None, userdict: Path) -> Segmenter:
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
        with userdict.open("rb") as handle:
            tokenizer.load_userdict(handle)
        lines = userdict.read_text(encoding="utf-8").splitlines()
        return cls(tokenizer, frozenset(line.split()[0] for line in lines if line.strip()))

    def rarity(self, word: str) -> float | None:
        """-log of a word's frequency in jieba's general dictionary; None when it is not there."""
        freq = self._tokenizer.FREQ.get(word) or 0
        if freq <= 0:
            return None
        return math.log(self._tokenizer.total) - math.log(freq)

    def known(self, word: str) -> bool:
        """Whether a word is in jieba's dictionary or ours (not one of jieba's guesses)."""
        return bool(self._tokenizer.FREQ.get(word))

    def cut(self, text: str) -> list[str]:
        """Words of an already normalised text, without whitespace tokens."""
        return [w for w in self._tokenizer.lcut(text) if not w.isspace()]

    def words(self, text: str) -> list[str]:
        """Words of a raw text after normalisation."""
        return self.cut(normalize(text))
