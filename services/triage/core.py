"""The loaded triage: classifier, urgency, keywords and text similarity."""

from __future__ import annotations

import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from operator import mul
from pathlib import Path
from typing import Any

import numpy as np

from services.triage.catalogue import Category
from services.triage.english import EnglishLexicon, add_chinese_features
from services.triage.matters import Matter, MatterLexicon
from services.triage.model import (
    MODEL_JSON,
    SHIPPED_MODEL_DIR,
    LinearModel,
    ModelError,
    extract_features,
)
from services.triage.segment import Segmenter
from services.triage.tags import english_singular, is_chinese_fragment, split_fault
from services.triage.text import is_han, normalize
from services.triage.urgency import urgent_reasons

log = logging.getLogger(__name__)

RELOAD_CHECK_SECONDS = 60.0
STOPWORDS_PATH = Path(__file__).resolve().parent / "data" / "stopwords.txt"
# "not sure" when the runner-up is this close to the top suggestion, or the top one is weak
UNSURE_MARGIN = 0.12
UNSURE_MIN_CONFIDENCE = 0.30
CANDIDATES = 3
# a request longer than this is classified on its opening (urgency still reads all of it)
MAX_TEXT_CHARS = 2000
# words jieba's dictionary lacks are mostly its HMM guesses: ranked as fairly common words
UNKNOWN_WORD_RARITY = 9.0
# similarity profiles kept, by text: more than the open matters one filing is compared with
PROFILES_KEPT = 512
# in a similarity profile, the weight of a canonical object, fault and place (data/matters.txt)
# beside the IDF-weighted words and character pairs of the rest (about 2 to 9 each): the object
# counts most, the fault next
OBJECT_WEIGHT = 12.0
FAULT_WEIGHT = 6.0
BROADER_WEIGHT = 6.0  # the broader object a named one is a kind of (灯 for 楼道灯)
PLACE_WEIGHT = 3.0
# similarity kept when two texts name only different objects (楼道灯 / 水管), each an object the
# other does not (树枝挡住窗户 / 树上有马蜂窝), only different faults (坏 / 吵), or no common
# object while they read as different categories
OTHER_OBJECT_SHARE = 0.15
OTHER_OBJECT_TOO_SHARE = 0.6
OTHER_FAULT_SHARE = 0.25
OTHER_CATEGORY_SHARE = 0.5


# a number in words with at most a unit ('五号', '三楼', '七栋', '十二'): like '3号楼' in
# figures, where something is (read as such from the matter) rather than what it is
_NUMBERED = re.compile(r"[零〇一二两三四五六七八九十百]+[号栋幢座楼层室户]?")


@dataclass(frozen=True)
class _Profile:
    """What similarity compares of one text."""

    terms: dict[str, float]  # canonical matter terms + keywords and character pairs of the rest
    vector: dict[int, float]  # the classifier's TF-IDF vector of the whole text
    matter: Matter
    category: str  # the classifier's first choice
    # the lengths of terms and vector, worked out once (a profile is compared many times)
    terms_norm: float = field(init=False)
    vector_norm: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms_norm", _norm(self.terms))
        object.__setattr__(self, "vector_norm", _norm(self.vector))


@dataclass(frozen=True)
class TriageResult:
    """What the bot suggests for one request text."""

    category: str
    confidence: float
    candidates: list[tuple[str, float]]
    unsure: bool
    urgent: bool
    urgent_reasons: list[str]
    keywords: list[str]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (candidates as [code, probability] pairs)."""
        data = asdict(self)
        data["candidates"] = [[code, p] for code, p in self.candidates]
        return data


def _read_stopwords() -> frozenset[str]:
    words: set[str] = set()
    for line in STOPWORDS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


class Triage:
    """Segmenter + classifier loaded once at start-up and shared by every request."""

    def __init__(
        self,
        *,
        segmenter: Segmenter,
        model: LinearModel,
        catalogue: list[Category] | None = None,
        watch_dir: Path | None = None,
        codes_in_force: Callable[[], Iterable[str]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.segmenter = segmenter
        self.catalogue = catalogue
        self.stopwords = _read_stopwords()
        self.matters = MatterLexicon.load()
        self.english = EnglishLexicon.load()
        self._things = self.matters.surfaces("object")
        self._faults = self.matters.surfaces("fault")
        self.watch_dir = watch_dir
        self.clock = clock
        self._codes_in_force = codes_in_force
        self._catalogue_codes = (
            frozenset(c.code for c in catalogue) if catalogue is not None else None
        )
        self._watched_mtime = self._mtime()
        self._next_check = clock() + RELOAD_CHECK_SECONDS
        self._use(model)

    def codes_in_force(self) -> frozenset[str] | None:
        """The category codes that may be suggested now (None: every code the model knows).

        With `codes_in_force` given (the bot passes the order cycle's catalogue, which the
        admin's /category commands change), it is asked each time, so a category added or
        retired after start-up counts at once; else the codes of `catalogue`.
        """
        if self._codes_in_force is not None:
            return frozenset(self._codes_in_force())
        return self._catalogue_codes

    def _use(self, model: LinearModel) -> None:
        codes = self.codes_in_force()
        if codes is not None:
            unknown = [label for label in model.labels if label not in codes]
            if unknown and self._codes_in_force is None:
                # a fixed catalogue (the command line): a model made for another one is refused
                raise ModelError(
                    f"the model knows categories missing from the catalogue: {', '.join(unknown)}"
                )
            if unknown:
                # the bot's catalogue changes as it runs: a category retired since the model
                # was trained is never suggested (_suggestable), and is again if it comes back
                log.warning(
                    "the triage model knows categories not in the catalogue, not suggested: %s",
                    ", ".join(unknown),
                )
        # a word the model never saw is as telling as an average known word
        words = [j for name, j in model.vocabulary.items() if name.startswith("w:")]
        self._unknown_idf = float(model.idf[words].mean()) if words else 1.0
        # how strongly a word speaks for some category, for ranking keywords
        self._salience = {
            name[2:]: min(2.0, max(0.0, float(model.weights[j].max())))
            for name, j in model.vocabulary.items()
            if name.startswith("w:")
        }
        self.model = model
        # similarity profiles by text, made with this model (see _similarity_profile)
        self._profiles: dict[str, _Profile] = {}

    def _suggestable(self) -> list[int]:
        """Indexes of the model's labels that are categories in force now."""
        codes = self.codes_in_force()
        labels = self.model.labels
        return [i for i, label in enumerate(labels) if codes is None or label in codes]

    def _mtime(self) -> int | None:
        if self.watch_dir is None:
            return None
        try:
            return (self.watch_dir / MODEL_JSON).stat().st_mtime_ns
        except OSError:
            return None

    def reload_if_retrained(self, *, force: bool = False) -> bool:
        """Switch to the watched model directory's model when a retraining replaced it.

        Looked at most once a minute by `clock` (unless forced); a clock set back more than
        that does not hold the next look up.
        """
        now = self.clock()
        if self.watch_dir is None:
            return False
        if not force and self._next_check - RELOAD_CHECK_SECONDS <= now < self._next_check:
            return False
        self._next_check = now + RELOAD_CHECK_SECONDS
        mtime = self._mtime()
        if mtime is None or mtime == self._watched_mtime:
            return False
        try:
            self._use(LinearModel.load(self.watch_dir))
        except ModelError:
            log.exception("the retrained triage model in %s is not usable", self.watch_dir)
            return False
        finally:
            self._watched_mtime = mtime
        log.info("triage model reloaded from %s", self.watch_dir)
        return True

    @classmethod
    def load(
        cls,
        *,
        model_dir: Path | None = None,
        cache_dir: Path | None = None,
        catalogue: list[Category] | None = None,
        watch_dir: Path | None = None,
        codes_in_force: Callable[[], Iterable[str]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> Triage:
        """Load jieba (its cache in cache_dir) and the model (the shipped one by default).

        With watch_dir, a model that a retraining writes there later replaces the loaded one
        (checked at most once a minute by `clock`, on the next analysis). Only categories in
        force (`codes_in_force`, else the catalogue's) are ever suggested.
        """
        model = LinearModel.load(model_dir or SHIPPED_MODEL_DIR)
        return cls(
            segmenter=Segmenter.load(cache_dir=cache_dir),
            model=model,
            catalogue=catalogue,
            watch_dir=watch_dir,
            codes_in_force=codes_in_force,
            clock=clock,
        )

    @property
    def labels(self) -> list[str]:
        """Category codes the model can suggest (those it knows that are in force)."""
        return [self.model.labels[i] for i in self._suggestable()]

    def _features(self, text: str) -> tuple[list[str], Counter[str]]:
        norm = normalize(text[:MAX_TEXT_CHARS])
        words = self.segmenter.cut(norm)
        # an English word adds the Chinese one it stands for (elevator: 电梯), which the model
        # was trained on; a text without Latin letters is as before
        feats = add_chinese_features(
            extract_features(words, norm), norm, lexicon=self.english, segmenter=self.segmenter
        )
        return words, feats

    def classify(self, text: str) -> list[tuple[str, float]]:
        """Every category code it can suggest with its probability, most likely first."""
        _, feats = self._features(text)
        probs = self.model.probabilities(feats)
        order = sorted(self._suggestable(), key=lambda i: -probs[i])
        return [(self.model.labels[i], float(probs[i])) for i in order]

    def analyze(self, text: str) -> TriageResult:
        """Suggested category with confidence, 'not sure' flag, urgency and keywords.

        Categories not in force (retired since the model was trained) are left out, their
        share is not spread over the others: a text that reads like one is 'not sure'.
        """
        self.reload_if_retrained()
        words, feats = self._features(text)
        reasons = urgent_reasons(text)
        allowed = self._suggestable()
        if not feats or not allowed:
            labels = [self.model.labels[i] for i in allowed]
            fallback = "other" if "other" in labels or not labels else labels[0]
            return TriageResult(
                fallback,
                0.0,
                [],
                True,
                bool(reasons),
                reasons,
                self._keywords(text, words, limit=8) if feats else [],
            )
        probs = self.model.probabilities(feats)
        order = sorted(allowed, key=lambda i: -probs[i])[:CANDIDATES]
        candidates = [(self.model.labels[i], round(float(probs[i]), 3)) for i in order]
        top = float(probs[order[0]])
        second = float(probs[order[1]]) if len(order) > 1 else 0.0
        return TriageResult(
            category=candidates[0][0],
            confidence=round(top, 3),
            candidates=candidates,
            unsure=top - second < UNSURE_MARGIN or top < UNSURE_MIN_CONFIDENCE,
            urgent=bool(reasons),
            urgent_reasons=reasons,
            keywords=self._keywords(text, words, limit=8),
        )

    def _idf(self, feature: str) -> float:
        j = self.model.vocabulary.get(feature)
        return float(self.model.idf[j]) if j is not None else self._unknown_idf

    def _is_keyword(self, word: str) -> bool:
        if (
            word in self.stopwords
            or any(ch.isdigit() for ch in word)
            or _NUMBERED.fullmatch(word) is not None
        ):
            return False
        han = sum(is_han(ch) for ch in word)
        if han:
            return han >= 2 and not is_chinese_fragment(
                word, known=self.segmenter.known(word), faults=self._faults
            )
        return len(word) >= 3 and word.isalpha()

    def _tag_words(self, words: list[str]) -> list[str]:
        """The words as tags are written: a thing and its fault cut in two (灯不亮: 灯, 不亮),
        English nouns in the singular (lights: light)."""
        tags: list[str] = []
        for word in words:
            if word.isascii():
                plural = word.isalpha() and word not in self.stopwords
                tags.append(english_singular(word) if plural else word)
            elif word in self.segmenter.ours:
                tags.append(word)  # our dictionary's words as the community says them: 煤气味
            else:
                tags += split_fault(word, things=self._things, faults=self._faults)
        return tags

    def _keywords_from_words(
        self, words: list[str], *, limit: int, named: frozenset[str] = frozenset()
    ) -> list[str]:
        """The most telling words; English words the lexicon reads as a community matter
        (`named`: elevator, leaking, fire escape) before other English words (like, good)."""
        words = self._tag_words(words)
        counts = Counter(w for w in words if self._is_keyword(w))
        first = {w: i for i, w in reversed(list(enumerate(words)))}

        def score(word: str) -> float:
            # specific in general Chinese (jieba's frequencies), and telling for a category
            rarity = self.segmenter.rarity(word)
            specific = UNKNOWN_WORD_RARITY if rarity is None else rarity
            return (1 + math.log(counts[word])) * specific * (1 + self._salience.get(word, 0) / 2)

        if named:
            return sorted(counts, key=lambda w: (w not in named, -score(w), first[w]))[:limit]
        return sorted(counts, key=lambda w: (-score(w), first[w]))[:limit]

    def _keywords(self, text: str, words: list[str], *, limit: int) -> list[str]:
        """What the matter is first (the objects and places it names, and faults of more than
        one character, as data/matters.txt names them: 下水道, 消防通道, 乱停), then the most
        telling of the other words. Before, 下水道 could be left out of 8 keywords for words
        such as 很大 or 进出 that jieba counts rarer."""
        norm = normalize(text[:MAX_TEXT_CHARS])
        matter = self.matters.read(norm)

        def in_order(names: frozenset[str]) -> list[str]:
            at = {n: (norm.find(n) if n in norm else len(norm)) for n in names}
            return sorted(names, key=lambda n: (at[n], n))

        # a fault as the community names it where the text does so in one of our dictionary's
        # words: 飞线充电 rather than 充电, 乱停车 rather than 乱停
        ours = [w for w in words if w in self.segmenter.ours]
        faults = [
            next((w for w in ours if f in w), f) for f in in_order(matter.faults) if len(f) > 1
        ]
        named = [*in_order(matter.objects), *in_order(matter.places), *dict.fromkeys(faults)]
        # the lexicon's names are Chinese: a text in another language keeps its own words
        chinese = any(is_han(ch) for ch in norm)
        lead = [n for n in named if chinese and n not in self.stopwords][:limit]
        rest = [
            w
            for w in self._keywords_from_words(
                words, limit=limit + len(lead), named=self.english.named(norm)
            )
            if not any(w in n or n in w for n in lead)
        ]
        # 'working' of 'not working' is shown as the phrase: alone it says the opposite
        negated = self.english.negated(norm)
        if negated:
            rest = list(dict.fromkeys(negated.get(w, w) for w in rest))
        return (lead + rest)[:limit]

    def keywords(self, text: str, *, limit: int = 8) -> list[str]:
        """The most telling words of a text, for the ledger and search."""
        return self._keywords(text, self.segmenter.words(text), limit=limit)

    def _similarity_profile(self, text: str) -> _Profile:
        """The matter, keyword and character-pair profile and the classifier's vector of a text.

        Kept for the PROFILES_KEPT texts last profiled or compared (similarities keeps those it
        compares with as the latest): the open matters a new one is compared with are mostly
        the same from one comparison to the next (a filing compares with up to 200), and a
        profile depends only on the text and the model (a new model starts afresh)."""
        profile = self._profiles.get(text)
        if profile is None:
            profile = self._profile(text)
            if len(self._profiles) >= PROFILES_KEPT:
                del self._profiles[next(iter(self._profiles))]  # the oldest
            self._profiles[text] = profile
        return profile

    def _profile(self, text: str) -> _Profile:
        norm = normalize(text[:MAX_TEXT_CHARS])
        matter = self.matters.read(norm)
        terms: dict[str, float] = {}
        for kind, names, weight in (
            ("o:", matter.objects, OBJECT_WEIGHT),
            ("o:", frozenset(matter.broader.values()) - matter.objects, BROADER_WEIGHT),
            ("f:", matter.faults, FAULT_WEIGHT),
            ("p:", matter.places, PLACE_WEIGHT),
        ):
            terms.update((kind + name, weight) for name in names)
        # the rest of the text: its keywords and the character pairs of its Chinese words
        words = self.segmenter.cut(matter.rest)
        for w in set(words):
            if self._is_keyword(w):
                terms["w:" + w] = (1 + math.log(words.count(w))) * self._idf("w:" + w)
        for name, count in extract_features(words, matter.rest).items():
            if name.startswith("c:") and len(name) == 4 and all(is_han(ch) for ch in name[2:]):
                terms[name] = (1 + math.log(count)) * self._idf(name)
        # the whole text as the classifier sees it: its vector, and its first category
        _, feats = self._features(text)
        ind, val = self.model.vectorize(feats)
        scores = self.model.bias.astype(np.float64)
        if len(ind):
            scores = scores + val.astype(np.float64) @ self.model.weights[ind]
        return _Profile(
            terms=terms,
            vector=dict(zip(ind.tolist(), val.tolist(), strict=True)),
            matter=matter,
            category=self.model.labels[int(scores.argmax())],
        )

    def similarity(self, a: str, b: str) -> float:
        """How alike two texts are as matters (0..1); see similarities."""
        return self.similarities(a, [b])[0]

    def similarities(
        self, text: str, others: Sequence[str], *, floors: Sequence[float] | None = None
    ) -> list[float]:
        """similarity(text, other) for each of others, profiling text once.

        The mean of two cosines: of the matter terms (object, fault, place, from
        data/matters.txt, so that 楼道的灯不亮了 reads as 楼道灯坏了) with the keywords and
        character pairs of the rest, and of the classifier's vectors. Two texts that name only
        different objects, or only different faults, or no common object and read as different
        categories, keep a share of it; different building or unit numbers (3号楼 / 5号楼) none.

        With floors (one for each of others), a similarity that cannot reach its floor is 0.0
        without all its cosines worked out: one whose share is below it (a similarity is at
        most its share), or below it with the terms' cosine and the vectors' at most 1
        (find_duplicates asks only for those that may count)."""
        a = self._similarity_profile(text)
        terms, vector = _Sparse(a.terms, a.terms_norm), _Sparse(a.vector, a.vector_norm)
        profiles = self._profiles
        if floors is None:
            floors = [0.0] * len(others)
        scores = []
        for other, floor in zip(others, floors, strict=True):
            b = profiles.get(other)
            if b is None:
                b = self._similarity_profile(other)
            else:
                # kept as the most recently used: the open matters are compared on every filing
                # and must not give way to the texts filed since
                del profiles[other]
                profiles[other] = b
            # what the texts are about first: a different building or unit number leaves
            # nothing of the text similarity, so its cosines need not be worked out
            share = _matter_share(a, b)
            if not share or share < floor:
                scores.append(0.0)
                continue
            near = terms.cosine(b.terms, b.terms_norm)
            if share * (near + 1.0) / 2 < floor:  # not even with the vectors' cosine at 1
                scores.append(0.0)
                continue
            score = share * (near + vector.cosine(b.vector, b.vector_norm)) / 2
            scores.append(round(max(0.0, min(1.0, score)), 4))
        return scores


def _matter_share(a: _Profile, b: _Profile) -> float:
    """How much of the text similarity counts, by what the two texts are about."""
    ma, mb = a.matter, b.matter
    # written out, not looped over: this is asked of up to 200 open matters on every filing
    if ma.buildings and mb.buildings and not ma.buildings & mb.buildings:
        return 0.0
    if ma.units and mb.units and not ma.units & mb.units:
        return 0.0
    share = 1.0
    meet = bool(ma.objects & mb.kinds or ma.kinds & mb.objects)  # ma.meets(mb)
    if ma.objects and mb.objects and not meet:
        share *= OTHER_OBJECT_SHARE
    elif ma.objects and mb.objects and ma.beyond(mb) and mb.beyond(ma):
        share *= OTHER_OBJECT_TOO_SHARE
    elif not meet and a.category != b.category:
        share *= OTHER_CATEGORY_SHARE
    if ma.faults and mb.faults and not ma.faults & mb.faults:
        share *= OTHER_FAULT_SHARE
    return share


def _norm(a: Mapping[Any, float]) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


class _Sparse:
    """One sparse vector laid out for many cosines with others (`similarities` compares a new
    text with up to 200 open matters on every filing): its keys and values as lists, so the
    products are taken by `map` over the lists rather than by a Python-level loop."""

    __slots__ = ("keys", "norm", "values", "zeros")

    def __init__(self, vector: Mapping[Any, float], norm: float) -> None:
        self.keys = list(vector)
        self.values = list(vector.values())
        self.zeros = [0.0] * len(self.keys)
        self.norm = norm

    def cosine(self, other: Mapping[Any, float], other_norm: float) -> float:
        """The cosine of this vector and `other`, whose length (`_norm`) is other_norm."""
        if not self.keys or not other or not self.norm or not other_norm:
            return 0.0
        dot = sum(map(mul, map(other.get, self.keys, self.zeros), self.values))
        return dot / (self.norm * other_norm)
