"""Training the classifier from (label, text) examples; staff corrections are extra examples."""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from services.triage.english import EnglishLexicon, add_chinese_features
from services.triage.model import LinearModel, build_vocabulary, extract_features
from services.triage.segment import Segmenter
from services.triage.text import normalize

SEED_EXAMPLES_PATH = Path(__file__).resolve().parent / "data" / "seed_examples.csv"
CORRECTIONS_FILE = "corrections.csv"
# Long texts also teach the model their opening, since a title or a first line is often all
# that staff type in for a phoned-in request.
PREFIX_CHARS = 25


class TrainingError(ValueError):
    """Examples that cannot train a model, with a message saying why."""


class TrainingCancelled(Exception):
    """The training was asked to stop (the bot is stopping); no model was written."""


def _check(should_stop: Callable[[], bool] | None) -> None:
    if should_stop is not None and should_stop():
        raise TrainingCancelled("training stopped before it finished; the model is unchanged")


@dataclass(frozen=True)
class TrainReport:
    """What a training run produced."""

    model_dir: Path
    labels: list[str]
    examples: int
    per_label: dict[str, int]
    features: int
    train_accuracy: float
    seconds: float


def read_examples_csv(path: Path) -> list[tuple[str, str]]:
    """(label, text) pairs of a CSV file with `label` and `text` columns (header required)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "label" not in fields or "text" not in fields:
            raise TrainingError(f"{path}: needs a header with 'label' and 'text' columns")
        reader.fieldnames = fields
        rows: list[tuple[str, str]] = []
        for row in reader:
            label, text = (row.get("label") or "").strip(), (row.get("text") or "").strip()
            if label and text:
                rows.append((label, text))
    return rows


def seed_examples() -> list[tuple[str, str]]:
    """The shipped labelled examples for the default catalogue."""
    return read_examples_csv(SEED_EXAMPLES_PATH)


def _prefix_augmented(examples: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    extra = [
        (label, text[:PREFIX_CHARS]) for label, text in examples if len(text) > PREFIX_CHARS * 2
    ]
    return [*examples, *extra]


def fit_linear(
    docs: Sequence[Counter[str]],
    labels: Sequence[str],
    *,
    c: float = 100.0,
    min_df: int = 1,
    info: dict[str, object] | None = None,
) -> LinearModel:
    """Fit a multinomial logistic regression on feature counters."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    label_set = sorted(set(labels))
    if len(label_set) < 2:
        raise TrainingError("training needs examples of at least two labels")
    vocabulary, idf, _ = build_vocabulary(docs, min_df=min_df)
    skeleton = LinearModel(
        labels=label_set,
        vocabulary=vocabulary,
        idf=idf,
        weights=np.zeros((len(vocabulary), len(label_set)), dtype=np.float32),
        bias=np.zeros(len(label_set), dtype=np.float32),
    )
    indptr, indices, values = [0], [], []
    for feats in docs:
        ind, val = skeleton.vectorize(feats)
        indices.extend(ind.tolist())
        values.extend(val.tolist())
        indptr.append(len(indices))
    x = csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(indices), np.asarray(indptr)),
        shape=(len(docs), len(vocabulary)),
    )
    y = np.asarray([label_set.index(label) for label in labels])
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, y)
    coef = clf.coef_
    intercept = clf.intercept_
    if len(label_set) == 2:  # sklearn keeps one row for two classes; spread it as a softmax
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.asarray([-intercept[0] / 2, intercept[0] / 2])
    skeleton.weights = coef.T.astype(np.float32)
    skeleton.bias = intercept.astype(np.float32)
    skeleton.info = dict(info or {})
    return skeleton


def train_model(
    examples: Sequence[tuple[str, str]],
    *,
    model_dir: Path,
    segmenter: Segmenter | None = None,
    cache_dir: Path | None = None,
    allowed_labels: Iterable[str] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> TrainReport:
    """Train on (label, text) pairs and write the model files into model_dir.

    `should_stop` is asked between the steps: when it says so the training ends with
    TrainingCancelled and model_dir is left as it was (the model is swapped in one step, at the
    end: see LinearModel.save).
    """
    started = time.perf_counter()
    cleaned = [(label.strip(), text.strip()) for label, text in examples if text.strip()]
    if allowed_labels is not None:
        allowed = set(allowed_labels)
        unknown = sorted({label for label, _ in cleaned if label not in allowed})
        if unknown:
            raise TrainingError(f"labels not in the catalogue: {', '.join(unknown)}")
    per_label = Counter(label for label, _ in cleaned)
    if len(per_label) < 2:
        raise TrainingError("training needs examples of at least two labels")
    thin = sorted(label for label, n in per_label.items() if n < 3)
    if thin:
        raise TrainingError(f"too few examples (fewer than 3) for: {', '.join(thin)}")
    segmenter = segmenter or Segmenter.load(cache_dir=cache_dir)
    augmented = _prefix_augmented(cleaned)
    english = EnglishLexicon.load()
    docs = []
    for i, (_, text) in enumerate(augmented):
        if i % 500 == 0:
            _check(should_stop)
        norm = normalize(text)
        # as the triage reads it: English words add the Chinese ones they stand for
        feats = extract_features(segmenter.cut(norm), norm)
        docs.append(add_chinese_features(feats, norm, lexicon=english, segmenter=segmenter))
    labels = [label for label, _ in augmented]
    _check(should_stop)
    model = fit_linear(
        docs,
        labels,
        min_df=1 if len(cleaned) < 3000 else 2,
        info={
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "examples": len(cleaned),
            "per_label": dict(sorted(per_label.items())),
        },
    )
    correct = sum(
        model.labels[int(np.argmax(model.probabilities(feats)))] == label
        for feats, label in zip(docs[: len(cleaned)], labels, strict=False)
    )
    _check(should_stop)
    model.save(model_dir)
    return TrainReport(
        model_dir=model_dir,
        labels=model.labels,
        examples=len(cleaned),
        per_label=dict(sorted(per_label.items())),
        features=len(model.vocabulary),
        train_accuracy=correct / len(cleaned),
        seconds=time.perf_counter() - started,
    )


def record_correction(*, data_dir: Path, text: str, category: str) -> None:
    """Remember a staff correction (text, right category) for the next retraining."""
    path = data_dir / "triage" / CORRECTIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(["label", "text"])
        writer.writerow([category, " ".join(text.split())])


def read_corrections(*, data_dir: Path) -> list[tuple[str, str]]:
    """Staff corrections recorded so far in this deployment's data directory."""
    path = data_dir / "triage" / CORRECTIONS_FILE
    return read_examples_csv(path) if path.exists() else []


def deployment_examples_path(data_dir: Path) -> Path:
    """Where a deployment with its own catalogue keeps its labelled examples."""
    return data_dir / "triage" / "examples.csv"


def active_model_dir(data_dir: Path) -> Path:
    """Where this deployment's retrained model lives (used when it holds a model)."""
    return data_dir / "triage" / "model"


def retrain(
    *,
    data_dir: Path,
    extra_examples: Sequence[tuple[str, str]] = (),
    base_examples: Sequence[tuple[str, str]] | None = None,
    allowed_labels: Iterable[str] | None = None,
    segmenter: Segmenter | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> TrainReport:
    """Retrain base examples plus staff corrections into the deployment's active model dir
    (swapped in atomically when the training is done; `should_stop`: see train_model).

    The base is the deployment's own examples (<data_dir>/triage/examples.csv) when it has
    them, else the shipped seed set. Examples and corrections of categories the catalogue no
    longer has (allowed_labels: an admin retired them) are skipped rather than failing the run.
    """
    if base_examples is not None:
        base = list(base_examples)
    elif deployment_examples_path(data_dir).is_file():
        base = read_examples_csv(deployment_examples_path(data_dir))
    else:
        base = seed_examples()
    corrections = [*read_corrections(data_dir=data_dir), *extra_examples]
    if allowed_labels is not None:
        allowed_labels = set(allowed_labels)
        base = [(label, text) for label, text in base if label in allowed_labels]
        corrections = [(label, text) for label, text in corrections if label in allowed_labels]
    return train_model(
        [*base, *corrections],
        model_dir=active_model_dir(data_dir),
        segmenter=segmenter,
        cache_dir=data_dir / "cache",
        allowed_labels=allowed_labels,
        should_stop=should_stop,
    )
