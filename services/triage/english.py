"""English words of a request read as the Chinese words the classifier was trained on.

The shipped model learnt from Chinese requests (and a few dozen English ones), so an English
request was sorted by the little English it had seen: 'the elevator in my building has been
stuck for two days' read as public safety. `data/english.txt` is a list written for this
project of the English words residents use for community matters and their Chinese (elevator,
lift: 电梯; leaking: 漏水; rubbish, trash: 垃圾 …); `EnglishLexicon.chinese(text)` gives the
Chinese words of the English ones a text holds, which the triage adds to the text's features.
A text without Latin letters is not read at all (its features, so its results, are as before).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from services.triage.model import extract_features
from services.triage.tags import english_singular

if TYPE_CHECKING:
    from services.triage.segment import Segmenter

ENGLISH_PATH = Path(__file__).resolve().parent / "data" / "english.txt"
_LINE_RE = re.compile(r"([^:#]+):\s*(.+)")
# an English word of a normalised text: letters and digits, with inner hyphens and apostrophes
# (e-bike, wi-fi, can't, owners'), as the lexicon's surfaces are cut too
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_LATIN_RE = re.compile(r"[a-z]{2}")
# the words a phrase of the lexicon begins with when it says a thing is missing or broken
_NEGATIONS = frozenset(
    {"not", "no", "never", "cannot", "isn't", "aren't", "doesn't", "don't", "won't", "can't"}
    | {"hasn't", "haven't", "didn't"}
)


@dataclass(frozen=True)
class _Entry:
    """One surface of the lexicon: its words (base forms) and the Chinese words it stands for."""

    words: tuple[str, ...]
    chinese: tuple[str, ...]


def tokens(text: str) -> list[str]:
    """The English words of a normalised text (lower case), curly apostrophes made straight."""
    return _TOKEN_RE.findall(text.replace("\u2019", "'"))


class EnglishLexicon:
    """data/english.txt: English surfaces (one word or a phrase) -> Chinese words."""

    def __init__(self, entries: list[tuple[str, tuple[str, ...]]]) -> None:
        """entries: (surface as written, '_' between words; its Chinese words) in file order."""
        by_words: dict[tuple[str, ...], list[str]] = {}
        for surface, chinese in entries:
            words = tuple(tokens(surface.replace("_", " ")))
            if not words:
                continue
            known = by_words.setdefault(words, [])
            known += [c for c in chinese if c not in known]
        self._known = frozenset(w for words in by_words for w in words)
        # by first word, longest phrase first
        self._by_first: dict[str, list[_Entry]] = {}
        for words in sorted(by_words, key=len, reverse=True):
            entry = _Entry(words, tuple(by_words[words]))
            self._by_first.setdefault(words[0], []).append(entry)
        self._base_cache: dict[str, str] = {}
        self._cut: dict[str, list[str]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> EnglishLexicon:
        """Read data/english.txt (or `path`); a line that is not `中文: surfaces` raises
        ValueError naming it."""
        path = path or ENGLISH_PATH
        entries: list[tuple[str, tuple[str, ...]]] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            match = _LINE_RE.fullmatch(line)
            if match is None:
                raise ValueError(f"{path}:{number}: not '中文: english words': {line}")
            chinese = tuple(match.group(1).split())
            entries += [(surface.lower(), chinese) for surface in match.group(2).split()]
        return cls(entries)

    def base(self, word: str) -> str:
        """The form the lexicon lists a word under: leaking -> leak, lights -> light,
        stopped -> stop, neighbour's -> neighbour; a word it does not know stays as it is."""
        found = self._base_cache.get(word)
        if found is None:
            found = next((c for c in _forms(word) if c in self._known), word)
            if len(self._base_cache) < 10_000:
                self._base_cache[word] = found
        return found

    def knows(self, word: str) -> bool:
        """Whether a word (in any of its forms) is one of the lexicon's."""
        return self.base(word) in self._known

    def matches(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(first word, end word, Chinese words) of each surface in a normalised text, the
        longest phrase first where two start at the same word; words counted as `tokens`."""
        if _LATIN_RE.search(text) is None:
            return []
        words = [self.base(w) for w in tokens(text)]
        found: list[tuple[int, int, tuple[str, ...]]] = []
        at = 0
        while at < len(words):
            for entry in self._by_first.get(words[at], ()):
                end = at + len(entry.words)
                if tuple(words[at:end]) == entry.words:
                    found.append((at, end, entry.chinese))
                    at = end
                    break
            else:
                at += 1
        return found

    def cut(self, chinese: str, segmenter: Segmenter) -> list[str]:
        """A Chinese word of the lexicon as jieba cuts it (楼道灯: 楼道, 灯), cut once."""
        words = self._cut.get(chinese)
        if words is None:
            words = self._cut[chinese] = segmenter.cut(chinese)
        return words

    def named(self, text: str) -> frozenset[str]:
        """The English words of a normalised text that the lexicon reads as a community
        matter (a word of a phrase it knows: fire and escape of 'fire escape'), as written and
        in the singular: what a staff member's tags of an English request lead with."""
        if _LATIN_RE.search(text) is None:
            return frozenset()
        written = tokens(text)
        named: set[str] = set()
        for start, end, _ in self.matches(text):
            for word in written[start:end]:
                named.update((word, english_singular(word)))
        return frozenset(named)

    def negated(self, text: str) -> dict[str, str]:
        """The words of a normalised text that a phrase of the lexicon says are missing or do
        not work, each with its whole phrase as written: {'working': 'not working'} for
        'the lift is not working'. A keyword 'working' alone says the opposite of the text."""
        if _LATIN_RE.search(text) is None:
            return {}
        written = tokens(text)
        out: dict[str, str] = {}
        for start, end, _ in self.matches(text):
            if end - start < 2 or written[start] not in _NEGATIONS:
                continue
            phrase = " ".join(written[start:end])
            for word in written[start + 1 : end]:
                out.setdefault(word, phrase)
                out.setdefault(english_singular(word), phrase)
        return out

    def chinese(self, text: str) -> list[str]:
        """The Chinese words of the English ones in a normalised text, in its order."""
        return [c for _, _, chinese in self.matches(text) for c in chinese]


def _forms(word: str) -> list[str]:
    """The word and the base forms it may be an inflection of, most likely first."""
    forms = [word]
    if word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
        forms.append(word)
    forms.append(english_singular(word))
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        forms += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # dripping -> drip
    if word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        forms += [stem, word[:-1]]  # leaked -> leak, charged -> charge
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # stopped -> stop
        if stem.endswith("i"):
            forms.append(stem[:-1] + "y")  # emptied -> empty
    if word.endswith(("er", "ly")) and len(word) > 5:
        forms.append(word[:-2])  # louder -> loud, loudly -> loud
    return forms


# the Chinese words' features count as often as this (1 + log 2 in the TF-IDF): beside the
# letter n-grams of the English words, which the model knows from a few dozen English examples
CHINESE_COUNT = 2


def add_chinese_features(
    feats: Counter[str], norm: str, *, lexicon: EnglishLexicon, segmenter: Segmenter
) -> Counter[str]:
    """feats of a normalised text with the features of the Chinese words its English words
    stand for (as jieba cuts them, and their characters) added, CHINESE_COUNT times each.
    A text without two Latin letters in a row is returned as it was, unread."""
    chinese = lexicon.chinese(norm)
    if chinese:
        words = [w for c in chinese for w in lexicon.cut(c, segmenter)]
        for name, count in extract_features(words, " ".join(chinese)).items():
            feats[name] += CHINESE_COUNT * count
    return feats
