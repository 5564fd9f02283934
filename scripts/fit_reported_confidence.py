#!/usr/bin/env python3
"""Fit the confidence of reported speech (service/nlp/reported_confidence.py) on PolNeAR train; check it on dev.

usage: python scripts/fit_reported_confidence.py [--train ../shared/data/polnear/train.jsonl] [--train-docbin F]
                                                [--dev ../shared/data/polnear/dev.jsonl] [--dev-docbin F]
                                                [--min-count 100] [--prior 30] [--write]

A quote of kind `indirect` is right, as shared/eval/speakers_score.py counts it, when its content overlaps a
gold content and its speaker mention overlaps that attribution's source (or both are empty). Its confidence
is the share right among train's quotes made by the same construction (`speaker.rule`) and naming rule
(`speaker.name_rule`), pulled towards the construction's share by `--prior` pseudo-counts; a pair seen fewer
than --min-count times takes the construction's share, and a construction seen less than that the overall
share. The expected calibration error (bins as speakers_score.py) is printed for train and dev.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


from fitting import overlaps, rows_and_docs  # noqa: E402

from service.nlp import load_pipeline  # noqa: E402
from service.nlp import reported_confidence as table  # noqa: E402
from service.nlp.extract import extract_quotes  # noqa: E402
from service.nlp.types import Quote  # noqa: E402

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)  # as speakers_score.py


def is_right(quote: Quote, attributions: list[dict[str, Any]]) -> bool:
    """speakers_score.py's test: content overlaps a gold content whose source the mention overlaps."""
    content = (quote.content.start, quote.content.end)
    mention = quote.speaker.mention if quote.speaker is not None else None
    for attribution in attributions:
        if not any(overlaps(content, (c["start"], c["end"])) for c in attribution["content"]):
            continue
        sources = [(s["start"], s["end"]) for s in attribution["source"]]
        if mention is None and not sources:
            return True
        if mention is not None and any(overlaps((mention.start, mention.end), s) for s in sources):
            return True
    return False


def reported_quotes(gold: str, docbin: str | None, nlp: Any) -> list[tuple[Quote, bool]]:
    """Every indirect quote of a split with whether it is right."""
    rows, docs = rows_and_docs(gold, docbin, nlp)
    found = []
    for row, doc in zip(rows, docs, strict=True):
        for quote in extract_quotes(doc, indirect=True):
            if quote.kind == "indirect":
                found.append((quote, is_right(quote, row["attributions"])))
    return found


def ece(scored: list[tuple[float, bool]]) -> float:
    """Count-weighted mean |share right - mean confidence| over speakers_score.py's bins."""
    total, error = len(scored), 0.0
    for low, high in zip(BINS, BINS[1:], strict=False):
        bin_ = [(c, r) for c, r in scored if low <= c < high]
        if bin_:
            error += len(bin_) * abs(sum(r for _, r in bin_) / len(bin_) - sum(c for c, _ in bin_) / len(bin_))
    return error / total if total else 0.0


def _key(quote: Quote) -> tuple[str, str]:
    assert quote.speaker is not None
    return quote.speaker.rule, quote.speaker.name_rule


def fit(quotes: list[tuple[Quote, bool]], min_count: int, prior: float) -> dict[str, dict[str, float]]:
    """construction -> {name rule or '*': probability right}; '*' -> {'*': overall}."""
    with_speaker = [(q, r) for q, r in quotes if q.speaker is not None]
    pairs: Counter[tuple[str, str]] = Counter(_key(q) for q, _ in with_speaker)
    pairs_right: Counter[tuple[str, str]] = Counter(_key(q) for q, r in with_speaker if r)
    rules: Counter[str] = Counter(_key(q)[0] for q, _ in with_speaker)
    rules_right: Counter[str] = Counter(_key(q)[0] for q, r in with_speaker if r)
    overall = sum(r for _, r in with_speaker) / max(1, len(with_speaker))
    fitted: dict[str, dict[str, float]] = {"*": {"*": round(overall, 2)}}
    for rule, n in rules.items():
        if n < min_count:
            continue
        share = rules_right[rule] / n
        fitted[rule] = {"*": round(share, 2)}
        for (pair_rule, name_rule), m in pairs.items():
            if pair_rule == rule and m >= min_count:
                fitted[rule][name_rule] = round((pairs_right[(rule, name_rule)] + prior * share) / (m + prior), 2)
    return fitted


def render(fitted: dict[str, dict[str, float]], counts: Counter[tuple[str, str]]) -> str:
    lines = [
        '"""The probability that reported speech is attributed right, by construction and naming rule.',
        "",
        "Written by scripts/fit_reported_confidence.py from PolNeAR train; '*' is the fallback of its level.",
        '"""',
        "from __future__ import annotations",
        "",
        "REPORTED_CONFIDENCE: dict[str, dict[str, float]] = {",
    ]
    for rule in sorted(fitted):
        lines.append(f'    "{rule}": {{')
        for name_rule, p in sorted(fitted[rule].items()):
            n = counts.get((rule, name_rule), sum(v for (r, _), v in counts.items() if r == rule or rule == "*"))
            lines.append(f'        "{name_rule}": {p},  # {n} on train')
        lines.append("    },")
    lines.append("}")
    lines += [
        "",
        "",
        "def reported_confidence(rule: str, name_rule: str) -> float:",
        '    """The fitted probability for a construction and naming rule, falling back to coarser levels."""',
        '    by_rule = REPORTED_CONFIDENCE.get(rule, REPORTED_CONFIDENCE["*"])',
        '    return by_rule.get(name_rule, by_rule["*"])',
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", default=str(SHARED / "data" / "polnear" / "train.jsonl"))
    ap.add_argument("--train-docbin")
    ap.add_argument("--dev", default=str(SHARED / "data" / "polnear" / "dev.jsonl"))
    ap.add_argument("--dev-docbin")
    ap.add_argument("--min-count", type=int, default=100)
    ap.add_argument("--prior", type=float, default=30.0)
    ap.add_argument("--write", action="store_true", help="rewrite service/nlp/reported_confidence.py")
    args = ap.parse_args()
    nlp = load_pipeline()
    train = reported_quotes(args.train, args.train_docbin, nlp)
    fitted = fit(train, args.min_count, args.prior)
    counts: Counter[tuple[str, str]] = Counter(_key(q) for q, _ in train if q.speaker is not None)
    if args.write:
        (ROOT / "service" / "nlp" / "reported_confidence.py").write_text(render(fitted, counts), encoding="utf-8")
    table.REPORTED_CONFIDENCE = fitted
    dev = reported_quotes(args.dev, args.dev_docbin, nlp)
    for name, quotes in (("train", train), ("dev", dev)):
        scored = [
            (table.reported_confidence(*_key(q)) if q.speaker is not None else 0.0, r) for q, r in quotes
        ]
        right = sum(r for _, r in scored)
        print(f"{name}: {len(scored)} indirect quotes, {right / max(1, len(scored)):.3f} right, ECE {ece(scored):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
