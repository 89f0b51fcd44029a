"""Features and the linear classifier: numpy arrays + a JSON vocabulary, no pickle."""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from services.triage.text import is_han

MODEL_FORMAT = 1
MODEL_JSON = "model.json"
MODEL_NPZ = "model.npz"
WORD_WEIGHT = 0.5
SHIPPED_MODEL_DIR = Path(__file__).resolve().parent / "data" / "model"

_PUNCT_RE = re.compile(r"[^\w]+", re.UNICODE)
_DIGIT_RE = re.compile(r"\d+")


class ModelError(ValueError):
    """A model directory that cannot be loaded, with a message saying why."""


def _is_word(token: str) -> bool:
    return any(is_han(ch) or ch.isalnum() for ch in token)


def extract_features(words: Sequence[str], text: str, *, max_chars: int = 400) -> Counter[str]:
    """Word unigrams and bigrams plus character 1-3-grams of a normalised text."""
    feats: Counter[str] = Counter()
    kept = [_DIGIT_RE.sub("0", w) for w in words if _is_word(w)]
    for w in kept:
        feats["w:" + w] += 1
    for a, b in itertools.pairwise(kept):
        feats["b:" + a + "_" + b] += 1
    compact = _DIGIT_RE.sub("0", _PUNCT_RE.sub(" ", text[:max_chars]))
    for chunk in compact.split():
        n = len(chunk)
        for i in range(n):
            feats["c:" + chunk[i]] += 1
            if i + 1 < n:
                feats["c:" + chunk[i : i + 2]] += 1
            if i + 2 < n:
                feats["c:" + chunk[i : i + 3]] += 1
    return feats


@dataclass
class LinearModel:
    """Sublinear TF-IDF features, L2-normalised, times a weight matrix, softmax over labels."""

    labels: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)
    info: dict[str, Any] = field(default_factory=dict)
    word_weight: float = WORD_WEIGHT

    def __post_init__(self) -> None:
        names = [""] * len(self.vocabulary)
        for name, j in self.vocabulary.items():
            names[j] = name
        self.is_word_feature = np.asarray([not n.startswith("c:") for n in names], dtype=bool)

    def vectorize(self, feats: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """Indices and TF-IDF values of the known features, L2-normalised."""
        idx: list[int] = []
        tf: list[float] = []
        for name, count in feats.items():
            j = self.vocabulary.get(name)
            if j is not None:
                idx.append(j)
                tf.append(1.0 + math.log(count))
        if not idx:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        ind = np.asarray(idx, dtype=np.int64)
        val = np.asarray(tf, dtype=np.float32) * self.idf[ind]
        # words and characters are normalised as two blocks, words at a lower weight: on
        # short requests the character n-grams carry most of the signal
        words = self.is_word_feature[ind]
        for mask, weight in ((words, self.word_weight), (~words, 1.0)):
            norm = float(np.linalg.norm(val[mask]))
            if norm > 0:
                val[mask] *= weight / norm
        return ind, val

    def probabilities(self, feats: Counter[str]) -> np.ndarray:
        """Probability per label (in self.labels order)."""
        ind, val = self.vectorize(feats)
        scores = self.bias.astype(np.float64).copy()
        if len(ind):
            scores += val.astype(np.float64) @ self.weights[ind].astype(np.float64)
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def save(self, model_dir: Path) -> None:
        """Write the model into a directory: model.json (labels, vocabulary, info) and its
        arrays (IDF, weights, bias) in an .npz file that model.json names.

        Replacing a model there is atomic: the new arrays go into a file of their own, then
        model.json is replaced in one rename, so a reader (or a restart after a crash at any
        point) finds either the old model whole or the new one whole, never a mix.
        """
        model_dir.mkdir(parents=True, exist_ok=True)
        meta_path = model_dir / MODEL_JSON
        previous = _arrays_name(meta_path) if meta_path.is_file() else None
        # a fresh directory gets the plain layout (model.json + model.npz); a swap new arrays
        arrays = MODEL_NPZ if previous is None else f"model-{uuid.uuid4().hex[:12]}.npz"
        names = [""] * len(self.vocabulary)
        for name, j in self.vocabulary.items():
            names[j] = name
        meta = {
            "format": MODEL_FORMAT,
            "labels": self.labels,
            "word_weight": self.word_weight,
            "features": names,
            "info": self.info,
            "arrays": arrays,
        }
        tmp_npz = model_dir / f"{arrays}.tmp.npz"
        with tmp_npz.open("wb") as handle:
            np.savez_compressed(
                handle,
                idf=self.idf.astype(np.float32),
                weights=self.weights.astype(np.float16),
                bias=self.bias.astype(np.float32),
            )
            handle.flush()
            os.fsync(handle.fileno())
        tmp_npz.replace(model_dir / arrays)
        tmp_json = model_dir / (MODEL_JSON + ".tmp")
        with tmp_json.open("w", encoding="utf-8") as text:
            text.write(json.dumps(meta, ensure_ascii=False))
            text.flush()
            os.fsync(text.fileno())
        tmp_json.replace(meta_path)  # the switch: from here on the new model is the model
        _fsync_dir(model_dir)
        # arrays no model.json names any more go; the previous ones stay a while for a reader
        # that read the previous model.json a moment ago
        keep = {arrays, previous or MODEL_NPZ}
        for old in model_dir.glob("model*.npz"):
            if old.name not in keep:
                old.unlink(missing_ok=True)

    @classmethod
    def load(cls, model_dir: Path) -> LinearModel:
        """Read a model directory written by save(); no pickled objects are ever loaded."""
        meta_path = model_dir / MODEL_JSON
        if not meta_path.is_file():
            raise ModelError(f"{model_dir}: no trained model here ({MODEL_JSON}, {MODEL_NPZ})")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{model_dir}: unreadable model files ({exc})") from exc
        npz_path = model_dir / _arrays_name(meta_path, meta)
        if not npz_path.is_file():
            raise ModelError(f"{model_dir}: the model's arrays ({npz_path.name}) are missing")
        try:
            with np.load(npz_path, allow_pickle=False) as arrays:
                idf = arrays["idf"].astype(np.float32)
                weights = arrays["weights"].astype(np.float32)
                bias = arrays["bias"].astype(np.float32)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{model_dir}: unreadable model files ({exc})") from exc
        if meta.get("format") != MODEL_FORMAT:
            raise ModelError(f"{model_dir}: model format {meta.get('format')!r} is not supported")
        labels, names = list(meta["labels"]), list(meta["features"])
        if weights.shape != (len(names), len(labels)) or idf.shape != (len(names),):
            raise ModelError(f"{model_dir}: model arrays do not match its vocabulary")
        if bias.shape != (len(labels),):
            raise ModelError(f"{model_dir}: model bias does not match its labels")
        return cls(
            labels=labels,
            vocabulary={name: j for j, name in enumerate(names)},
            idf=idf,
            weights=weights,
            bias=bias,
            info=dict(meta.get("info", {})),
            word_weight=float(meta.get("word_weight", WORD_WEIGHT)),
        )


def _arrays_name(meta_path: Path, meta: dict[str, Any] | None = None) -> str:
    """The arrays file a model.json names (model.npz for models saved before it named one)."""
    if meta is None:
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return MODEL_NPZ
    name = meta.get("arrays") if isinstance(meta, dict) else None
    if not isinstance(name, str) or Path(name).name != name or not name.endswith(".npz"):
        return MODEL_NPZ
    return name


def _fsync_dir(path: Path) -> None:
    """Make a rename in a directory durable (where the platform allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def build_vocabulary(
    docs: Iterable[Counter[str]], *, min_df: int = 1
) -> tuple[dict[str, int], np.ndarray, int]:
    """Vocabulary (features seen in at least min_df documents), smoothed IDF, document count."""
    df: Counter[str] = Counter()
    n_docs = 0
    for feats in docs:
        n_docs += 1
        df.update(feats.keys())
    names = sorted(name for name, count in df.items() if count >= min_df)
    vocabulary = {name: j for j, name in enumerate(names)}
    idf = np.asarray(
        [math.log((1 + n_docs) / (1 + df[name])) + 1.0 for name in names], dtype=np.float32
    )
    return vocabulary, idf, n_docs
