#!/usr/bin/env python3
"""Fit UNSOURCED_CUES (service/nlp/unsourced.py's table) on PolNeAR train: which cues report without a source.

usage: python scripts/fit_unsourced_cues.py [../shared/data/polnear/train.jsonl] [--docbin PARSED.spacy]
                                           [--min-count 3] [--min-precision 0.3] [--write] [--show 40]

Every rule of service/nlp/unsourced.py runs with every lemma allowed. A clause it finds is right when one of
its segments overlaps the content of a gold attribution that has no source and whose cue overlaps the
clause's cue (the service returns these clauses without a speaker, so only such attributions can match).
A lemma is kept for a kind when seen at least --min-count times with a precision of at least
--min-precision, and more often right than a sourced attribution's (whose cue another rule would take).
--write rewrites service/nlp/unsourced_cues.py; without it the table is printed only.
Clauses holding a double mark are not counted: the service leaves them to the quotations.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fitting import (  # noqa: E402
    add_cue_table_arguments,
    cue_table_module_lines,
    overlaps,
    report_and_write,
    rows_and_docs,
)

from service.nlp import load_pipeline, unsourced  # noqa: E402
from service.nlp.lexicon import DOUBLE_MARKS  # noqa: E402
from service.nlp.pipeline import article_text  # noqa: E402
from service.nlp.quotes import QuoteMask, find_quote_spans  # noqa: E402

KINDS = ("raising", "passive", "adverb")


class _Everything(frozenset[str]):
    """A lemma set that holds every lemma: the rules run unrestricted while fitting."""

    def __contains__(self, item: object) -> bool:
        return True


Counts = Counter[tuple[str, str]]


def fit(rows: list[dict[str, Any]], docs: list[Any]) -> tuple[Counts, Counts, Counts]:
    """(kind, lemma) -> clauses found, -> clauses right, and -> clauses that are a sourced attribution's."""
    saved = unsourced.UNSOURCED_CUES
    unsourced.UNSOURCED_CUES = {kind: _Everything() for kind in KINDS}
    seen: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    sourced: Counter[tuple[str, str]] = Counter()
    try:
        for row, doc in zip(rows, docs, strict=True):
            text = article_text(doc)
            mask = QuoteMask(doc, find_quote_spans(text))
            gold = [
                ([(c["start"], c["end"]) for c in a["content"]], [(c["start"], c["end"]) for c in a["cue"]],
                 a["source"])
                for a in row["attributions"]
            ]
            for clause in unsourced.find_unsourced(doc, mask):
                if any(ch in DOUBLE_MARKS for ch in text[clause.start : clause.end]):
                    continue
                key = (unsourced.UNSOURCED_RULE_KINDS[clause.rule], clause.entry)
                seen[key] += 1
                cue = (clause.cue[0].idx, clause.cue[-1].idx + len(clause.cue[-1].text))
                matched = [
                    bool(source) for contents, cues, source in gold
                    if any(overlaps(cue, c) for c in cues)
                    and any(overlaps(s, g) for s in clause.segments for g in contents)
                ]
                if matched and not all(matched):
                    right[key] += 1
                elif matched:
                    sourced[key] += 1
    finally:
        unsourced.UNSOURCED_CUES = saved
    return seen, right, sourced


def render(table: dict[str, list[tuple[str, int, float]]]) -> str:
    """unsourced_cues.py: per kind, lemma -> (clauses seen on train, precision), most frequent first."""
    lines = [
        '"""Which cues report without a source; written by scripts/fit_unsourced_cues.py from PolNeAR train.',
        "",
        "raising: a verb whose subject and complement are what is reported ('seems unlikely'); passive: a passive cue",
        "with no agent ('is expected to'); adverb: a hearsay adverb ('reportedly').",
        '"""',
        "from __future__ import annotations",
        "",
        *cue_table_module_lines("UNSOURCED_CUE", KINDS, table),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_cue_table_arguments(ap, min_precision=0.3, module="unsourced_cues.py")
    args = ap.parse_args()
    rows, docs = rows_and_docs(args.gold, args.docbin, load_pipeline())
    seen, right, sourced = fit(rows, docs)
    table: dict[str, list[tuple[str, int, float]]] = {}
    for (kind, lemma), n in seen.items():
        precision = right[(kind, lemma)] / n
        # a cue whose clauses are more often a sourced attribution's is better left to the reported-speech rules
        if n >= args.min_count and precision >= args.min_precision and right[(kind, lemma)] > sourced[(kind, lemma)]:
            table.setdefault(kind, []).append((lemma, n, precision))
    print(f"{'kind':<8} {'lemma':<18} {'n':>5} {'right':>5} {'P':>5} {'sourced':>7} kept")
    for (kind, lemma), n in sorted(seen.items(), key=lambda kv: -right[kv[0]])[: args.show]:
        kept = "yes" if any(lem == lemma for lem, _, _ in table.get(kind, [])) else ""
        good, bad = right[(kind, lemma)], sourced[(kind, lemma)]
        print(f"{kind:<8} {lemma:<18} {n:>5} {good:>5} {good / n:5.2f} {bad:>7} {kept}")
    report_and_write(KINDS, table, "unsourced_cues.py", render(table), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
