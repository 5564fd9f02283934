#!/usr/bin/env python3
"""Fit the attribution confidence on PolNeAR train and write service/nlp/confidence.json.

usage: python scripts/fit_confidence.py [../shared/data/polnear/train.jsonl] [--out PATH] [--l2 0.3]
                                        [--docs /tmp/polnear-docs]   (cache the parses between runs)

A logistic regression over the indicator features of `AttributionFeatures` (Newton's method with an L2
penalty; numpy, which spaCy brings), then an isotonic map of its outputs (pool adjacent violators) fitted on
the outputs of models that did not see the quote (5 folds by article). Quotes without a speaker are left out:
the scorer gives them confidence 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from attribution_data import POLNEAR, ROOT, Attribution, attributions, load_rows, parse

from service.nlp.confidence import MODEL_PATH, ConfidenceModel
from service.nlp.pipeline import PIPELINE_VERSION, load_pipeline

MIN_COUNT = 3  # indicators seen on fewer train quotes get no weight of their own
CALIBRATION_FOLDS = 5  # the isotonic map is fitted on out-of-fold logistic outputs (see `fit`)


def fit_logistic(rows: list[list[str]], labels: list[bool], l2: float) -> tuple[float, dict[str, float]]:
    """Bias and weight per indicator of an L2-penalised logistic regression (the bias is not penalised)."""
    counts: dict[str, int] = {}
    for names in rows:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    index = {n: k for k, n in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary) + 1))
    x[:, 0] = 1.0
    for i, names in enumerate(rows):
        for name in names:
            if name in index:
                x[i, index[name] + 1] = 1.0
    y = np.array(labels, dtype=float)
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[0]), {n: round(float(w[k + 1]), 4) for n, k in index.items() if abs(w[k + 1]) > 1e-6}


def fit_isotonic(scores: list[float], labels: list[bool]) -> tuple[list[float], list[float]]:
    """Pool adjacent violators: the non-decreasing share right as a function of the score, as points."""
    by_score: dict[float, list[float]] = {}
    for score, label in zip(scores, labels, strict=True):
        totals = by_score.setdefault(round(score, 6), [0.0, 0.0])
        totals[0] += float(label)
        totals[1] += 1.0
    blocks: list[list[float]] = []  # [sum of labels, count, min score, max score]
    for score in sorted(by_score):
        blocks.append([by_score[score][0], by_score[score][1], score, score])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            blocks[-1][0] += last[0]
            blocks[-1][1] += last[1]
            blocks[-1][3] = last[3]
    xs: list[float] = []
    ys: list[float] = []
    for total, count, low, high in blocks:
        share = round(total / count, 4)
        xs.extend([round(low, 6), round(high, 6)] if high > low else [round(low, 6)])
        ys.extend([share, share] if high > low else [share])
    return xs, ys


def logistic_output(bias: float, weights: dict[str, float], names: list[str]) -> float:
    return float(1.0 / (1.0 + np.exp(-(bias + sum(weights.get(n, 0.0) for n in names)))))


def fit(scored: list[Attribution], l2: float, calibration_folds: int = CALIBRATION_FOLDS) -> dict[str, object]:
    """The logistic weights fitted on all of `scored`; the isotonic map fitted on out-of-fold logistic outputs
    (articles split into `calibration_folds`), so it maps what the weights say of quotes they were not fitted
    on: fitted on their own training quotes it would inherit their optimism (in 5-fold cross-validation on
    train, quotes it put at 0.95-0.97 were right 94% of the time)."""
    kept = [a for a in scored if a.features is not None]
    rows = [a.features.indicators() for a in kept if a.features is not None]
    labels = [a.right for a in kept]
    bias, weights = fit_logistic(rows, labels, l2)
    fold_of = article_folds(kept, calibration_folds)
    raw = [0.0] * len(kept)
    for fold in range(calibration_folds):
        inside = [k for k, a in enumerate(kept) if fold_of[a.article_id] != fold]
        fold_bias, fold_weights = fit_logistic([rows[k] for k in inside], [labels[k] for k in inside], l2)
        for k, a in enumerate(kept):
            if fold_of[a.article_id] == fold:
                raw[k] = logistic_output(fold_bias, fold_weights, rows[k])
    iso_x, iso_y = fit_isotonic(raw, labels)
    return {
        "pipeline_version": PIPELINE_VERSION,
        "fitted_on": "PolNeAR train, direct quotes",
        "quotes": len(kept),
        "right": sum(labels),
        "l2": l2,
        "calibration_folds": calibration_folds,
        "bias": round(bias, 4),
        "weights": dict(sorted(weights.items())),
        "isotonic": {"x": iso_x, "y": iso_y},
    }


def article_folds(scored: list[Attribution], folds: int) -> dict[str, int]:
    """Each article's fold: quotes of one article stay together (they share a writer and a speaker)."""
    articles = sorted({a.article_id for a in scored})
    return {article: k % folds for k, article in enumerate(articles)}


def cross_validated_ece(scored: list[Attribution], l2: float, folds: int) -> tuple[float, int, float, int]:
    """ECE of out-of-fold confidences on train (articles split into `folds`), with the scorer's bins, then
    the share right among quotes at confidence >= 0.9 and their number; quotes without a speaker count as
    confidence 0, as the scorer counts them."""
    fold_of = article_folds(scored, folds)
    items: list[tuple[float, bool]] = []
    for fold in range(folds):
        model = ConfidenceModel.from_dict(fit([a for a in scored if fold_of[a.article_id] != fold], l2))
        for a in scored:
            if fold_of[a.article_id] == fold:
                items.append((model.probability(a.features) if a.features is not None else 0.0, a.right))
    bins = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
    ece = 0.0
    for lo, hi in zip(bins, bins[1:], strict=False):
        sel = [(c, r) for c, r in items if lo <= c < hi]
        if sel:
            share, mean = sum(r for _, r in sel) / len(sel), sum(c for c, _ in sel) / len(sel)
            ece += len(sel) / len(items) * abs(share - mean)
    high = [r for c, r in items if round(c, 3) >= 0.9]
    return ece, len(items), sum(high) / max(1, len(high)), len(high)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(POLNEAR / "train.jsonl"))
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--l2", type=float, default=0.3)  # the penalty with the lowest dev ECE of 0.3, 1 and 3
    ap.add_argument("--docs", default="", help="directory to cache parsed articles in")
    ap.add_argument("--folds", type=int, default=0, help="also print the ECE of out-of-fold confidences")
    args = ap.parse_args()
    rows = load_rows(Path(args.gold))
    docs = parse(load_pipeline(), rows, Path(args.docs) if args.docs else None)
    scored = attributions(rows, docs)
    if args.folds:
        ece, count, precision, high = cross_validated_ece(scored, args.l2, args.folds)
        print(f"{args.folds}-fold cross-validated ECE on {count} quotes: {ece:.4f}; precision at confidence >= 0.9: "
              f"{precision:.4f} of {high} ({high / max(1, count):.0%})", file=sys.stderr)
    model = fit(scored, args.l2)
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"{model['quotes']} quotes, {model['right']} right; {len(model['weights'])} weights "  # type: ignore[arg-type]
          f"-> {Path(args.out).relative_to(ROOT) if Path(args.out).is_relative_to(ROOT) else args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
