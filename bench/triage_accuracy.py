"""Triage accuracy: the shipped model on the development set, or a custom catalogue by 5-fold CV.

    python bench/triage_accuracy.py                     # default catalogue, dev set
    python bench/triage_accuracy.py --model DIR         # another trained model, dev set
    python bench/triage_accuracy.py --examples ../shared/data/teddy2020c/pool_train.csv

Prints tables; the last line is one JSON object with the headline figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.triage import Triage, read_examples_csv  # noqa: E402
from services.triage.model import SHIPPED_MODEL_DIR, LinearModel, extract_features  # noqa: E402
from services.triage.segment import Segmenter  # noqa: E402
from services.triage.text import normalize  # noqa: E402
from services.triage.training import _prefix_augmented, fit_linear  # noqa: E402

DEV_SET = ROOT / "services" / "triage" / "data" / "dev_examples.csv"
SHORT_CHARS = 25


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A plain fixed-width text table."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]

    def width(s: str) -> int:
        return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in s)

    widths = [max(width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(row)))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def macro_f1(
    gold: list[str], pred: list[str], labels: list[str]
) -> tuple[float, dict[str, tuple]]:
    """Macro-averaged F1 and per-label (precision, recall, f1, support)."""
    per: dict[str, tuple] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = (prec, rec, f1, tp + fn)
    return float(np.mean([v[2] for v in per.values()])), per


def bench_dev(model_dir: Path | None) -> dict[str, object]:
    """Score a trained model on the development set of the default catalogue."""
    with DEV_SET.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    triage = Triage.load(
        model_dir=model_dir, cache_dir=Path(tempfile.gettempdir()) / "linli-jieba"
    )
    labels = triage.labels
    gold, pred, top3, abstain, urgent_gold, urgent_pred = [], [], [], [], [], []
    for row in rows:
        result = triage.analyze(row["text"])
        gold.append(row["label"])
        pred.append(result.category)
        top3.append(row["label"] in [c for c, _ in result.candidates[:3]])
        abstain.append(result.unsure)
        urgent_gold.append(row["urgent"] == "1")
        urgent_pred.append(result.urgent)
    n = len(rows)
    top1 = sum(g == p for g, p in zip(gold, pred, strict=True)) / n
    top3_acc = sum(top3) / n
    f1, per = macro_f1(gold, pred, labels)
    kept = [(g, p) for g, p, a in zip(gold, pred, abstain, strict=True) if not a]
    sure_acc = sum(g == p for g, p in kept) / len(kept) if kept else 0.0
    tp = sum(g and p for g, p in zip(urgent_gold, urgent_pred, strict=True))
    u_rec = tp / max(1, sum(urgent_gold))
    u_prec = tp / max(1, sum(urgent_pred))
    print(f"Development set: {DEV_SET.relative_to(ROOT)} ({n} texts, {len(labels)} categories)")
    print(f"Model: {model_dir or SHIPPED_MODEL_DIR.relative_to(ROOT)}\n")
    print(
        table(
            ["metric", "value", "aim"],
            [
                ["top-1 accuracy", f"{top1:.3f}", ">= 0.85"],
                ["top-3 accuracy", f"{top3_acc:.3f}", ">= 0.97"],
                ["macro-F1", f"{f1:.3f}", ""],
                ["abstain rate (not sure)", f"{sum(abstain) / n:.3f}", ""],
                ["top-1 accuracy when sure", f"{sure_acc:.3f}", ""],
                ["urgent recall", f"{u_rec:.3f}", "1.0"],
                ["urgent precision", f"{u_prec:.3f}", ">= 0.9"],
                ["urgent texts (gold / flagged)", f"{sum(urgent_gold)} / {sum(urgent_pred)}", ""],
            ],
        )
    )
    print()
    print(
        table(
            ["category", "precision", "recall", "F1", "n"],
            [[k, f"{v[0]:.2f}", f"{v[1]:.2f}", f"{v[2]:.2f}", v[3]] for k, v in per.items()],
        )
    )
    print("\nConfusion matrix (rows: true, columns: predicted)")
    short = [label[:5] for label in labels]
    pairs = Counter(zip(gold, pred, strict=True))
    print(
        table(
            ["true \\ pred", *short],
            [[label, *[pairs.get((label, p), "") or "." for p in labels]] for label in labels],
        )
    )
    misses = [(g, p, row["text"]) for g, p, row in zip(gold, pred, rows, strict=True) if g != p]
    if misses:
        print("\nMisclassified")
        for g, p, text in misses:
            print(f"  {g} -> {p}: {text[:60]}")
    urgent_misses = [
        (row["text"], g)
        for g, p, row in zip(urgent_gold, urgent_pred, rows, strict=True)
        if g != p
    ]
    if urgent_misses:
        print("\nUrgency mistakes")
        for text, g in urgent_misses:
            print(f"  {'missed' if g else 'false alarm'}: {text[:60]}")
    return {
        "bench": "triage_accuracy",
        "set": "dev",
        "n": n,
        "top1": round(top1, 4),
        "top3": round(top3_acc, 4),
        "macro_f1": round(f1, 4),
        "abstain_rate": round(sum(abstain) / n, 4),
        "urgent_recall": round(u_rec, 4),
        "urgent_precision": round(u_prec, 4),
    }


def bench_examples(path: Path, folds: int, seed: int) -> dict[str, object]:
    """5-fold CV of a custom catalogue: our model against a TF-IDF + LinearSVC baseline."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold
    from sklearn.svm import LinearSVC

    examples = read_examples_csv(path)
    labels = np.asarray([label for label, _ in examples])
    texts = [text for _, text in examples]
    short = [text[:SHORT_CHARS] for text in texts]
    segmenter = Segmenter.load(cache_dir=Path(tempfile.gettempdir()) / "linli-jieba")
    started = time.perf_counter()
    words = [segmenter.cut(normalize(t)) for t in texts]
    short_words = [segmenter.cut(normalize(t)) for t in short]
    print(f"Examples: {path} ({len(texts)} texts, {len(set(labels))} labels)")
    print(f"Segmented in {time.perf_counter() - started:.1f} s; {folds}-fold CV, seed {seed}\n")

    def identity(tokens: list[str]) -> list[str]:
        return tokens

    scores: dict[str, list[float]] = {
        k: [] for k in ("base_short", "base_full", "ours_short", "ours_full")
    }
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for fold, (train, test) in enumerate(splitter.split(texts, labels), 1):
        # baseline: jieba words, TF-IDF, LinearSVC, trained on whole texts
        vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True)
        svc = LinearSVC().fit(vectorizer.fit_transform([words[i] for i in train]), labels[train])
        for name, toks in (("base_short", short_words), ("base_full", words)):
            guess = svc.predict(vectorizer.transform([toks[i] for i in test]))
            scores[name].append(float((guess == labels[test]).mean()))
        # ours: the training path of `linli triage train`
        pairs = _prefix_augmented([(str(labels[i]), texts[i]) for i in train])
        docs = []
        for _, text in pairs:
            norm = normalize(text)
            docs.append(extract_features(segmenter.cut(norm), norm))
        model: LinearModel = fit_linear(docs, [label for label, _ in pairs], min_df=2)
        for name, src, toks in (("ours_short", short, short_words), ("ours_full", texts, words)):
            hits = 0
            for i in test:
                probs = model.probabilities(extract_features(toks[i], normalize(src[i])))
                hits += model.labels[int(np.argmax(probs))] == labels[i]
            scores[name].append(hits / len(test))
        print(f"fold {fold}: " + ", ".join(f"{k} {v[-1]:.3f}" for k, v in scores.items()))
    mean = {k: float(np.mean(v)) for k, v in scores.items()}
    std = {k: float(np.std(v)) for k, v in scores.items()}
    print()
    print(
        table(
            ["model", f"short texts (first {SHORT_CHARS} chars)", "whole texts"],
            [
                [
                    "baseline: jieba words TF-IDF + LinearSVC",
                    f"{mean['base_short']:.3f} ± {std['base_short']:.3f}",
                    f"{mean['base_full']:.3f} ± {std['base_full']:.3f}",
                ],
                [
                    "linli triage (words+char n-grams, LR)",
                    f"{mean['ours_short']:.3f} ± {std['ours_short']:.3f}",
                    f"{mean['ours_full']:.3f} ± {std['ours_full']:.3f}",
                ],
            ],
        )
    )
    return {
        "bench": "triage_accuracy",
        "set": str(path.name),
        "n": len(texts),
        "folds": folds,
        "short_accuracy": round(mean["ours_short"], 4),
        "short_baseline": round(mean["base_short"], 4),
        "full_accuracy": round(mean["ours_full"], 4),
        "full_baseline": round(mean["base_full"], 4),
    }


def main() -> int:
    """Run the benchmark chosen on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, help="CSV of label,text: cross-validate it")
    parser.add_argument("--model", type=Path, help="trained model directory (dev set mode)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.examples:
        headline = bench_examples(args.examples, args.folds, args.seed)
    else:
        headline = bench_dev(args.model)
    print()
    print(json.dumps(headline, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
