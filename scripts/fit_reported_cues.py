#!/usr/bin/env python3
"""Fit REPORTED_CUES (service/nlp/reported_cues.py) on PolNeAR train: which cue lemmas report which content.

usage: python scripts/fit_reported_cues.py [../shared/data/polnear/train.jsonl] [--docbin PARSED.spacy]
                                          [--min-count 3] [--min-precision 0.5] [--write] [--show 40]
                                          [--kinds as,agent] [--add-only]

Every rule of service/nlp/reported.py runs with every lemma allowed. A clause it finds is right when it
overlaps the content of a gold attribution whose cue overlaps the clause's cue. For each (content kind,
lemma) the script counts clauses and right ones; a lemma is kept for a kind when it was seen at least
--min-count times with a precision of at least --min-precision. --write rewrites reported_cues.py; without
it the table is printed only. With --kinds, only those kinds are refitted and the others keep the entries of
the current reported_cues.py (a new rule's kind is fitted without moving the lemmas of the rules before it).
With --add-only, the refitted kinds keep every entry they list today (with its recorded counts) and only gain
the entries newly precise on train: nothing the rules found before is lost. The committed table is the
2026-12 fit plus `--add-only --kinds ccomp,passive,xcomp,noun,as,agent --min-count 2 --min-precision 0.3`, then
plus `--add-only --kinds noun_prep --min-count 2 --min-precision 0.3` (adding dobj or prep entries made content
exact fall on dev and train; noun_prep at 0.25 fell against 0.3 on both).
Clauses the service would leave to quotations (a double mark inside) are not counted, as in
service/nlp/indirect.py.
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

from service.nlp import load_pipeline, reported, reported_clause  # noqa: E402
from service.nlp.lexicon import DOUBLE_MARKS  # noqa: E402
from service.nlp.pipeline import article_text  # noqa: E402
from service.nlp.quotes import QuoteMask, find_quote_spans  # noqa: E402
from service.nlp.reported_clause import REPORTED_RULE_KINDS  # noqa: E402
from service.nlp.reported_cues import REPORTED_CUE_COUNTS  # noqa: E402

KINDS = ("ccomp", "passive", "xcomp", "dobj", "prep", "noun", "as", "agent", "noun_prep")


class _Everything(frozenset[str]):
    """A lemma set that holds every lemma: the rules run unrestricted while fitting."""

    def __contains__(self, item: object) -> bool:
        return True


def fit(rows: list[dict[str, Any]], docs: list[Any]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(kind, lemma) -> clauses found, and -> clauses right."""
    saved = reported_clause.REPORTED_CUES
    reported_clause.REPORTED_CUES = {kind: _Everything() for kind in KINDS}
    seen: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    try:
        for row, doc in zip(rows, docs, strict=True):
            text = article_text(doc)
            spans = find_quote_spans(text)
            mask = QuoteMask(doc, spans)
            gold = [
                ([(c["start"], c["end"]) for c in a["content"]], [(c["start"], c["end"]) for c in a["cue"]])
                for a in row["attributions"]
            ]
            for clause in reported.find_reported(doc, mask):
                kind = REPORTED_RULE_KINDS.get(clause.rule)
                if kind is None or any(ch in DOUBLE_MARKS for ch in text[clause.start : clause.end]):
                    continue
                key = (kind, clause.entry)
                seen[key] += 1
                cue = (clause.cue[0].idx, clause.cue[-1].idx + len(clause.cue[-1].text))
                if any(
                    any(overlaps(cue, c) for c in cues)
                    and any(overlaps(s, g) for s in clause.segments for g in contents)
                    for contents, cues in gold
                ):
                    right[key] += 1
    finally:
        reported_clause.REPORTED_CUES = saved
    return seen, right


def render(table: dict[str, list[tuple[str, int, float]]]) -> str:
    """reported_cues.py: per kind, lemma -> (clauses seen on train, precision), most frequent first."""
    lines = [
        '"""Which cue lemmas report which kind of content; written by scripts/fit_reported_cues.py from PolNeAR train.',
        "",
        "ccomp: a clause ('said that ...'); passive: a clause of a passive cue ('it was reported that ...'); xcomp:",
        "an infinitive ('urged them to ...'); dobj: an object ('cited a poll'); prep: 'lemma preposition' whose object",
        "is the content ('accused him of lying'); noun: a speech noun with a that-clause ('his claim that ...'); as:",
        "an 'as' phrase whose clause is the content ('as the Times noted, ...'); agent: a passive whose subject is the",
        "content and whose agent the source ('the meeting was reported by Politico'); noun_prep: 'noun preposition'",
        "whose object is the content ('his condemnation of the attack').",
        '"""',
        "from __future__ import annotations",
        "",
        *cue_table_module_lines("REPORTED_CUE", KINDS, table),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_cue_table_arguments(ap, min_precision=0.5, module="reported_cues.py")
    ap.add_argument("--kinds", help="comma-separated kinds to refit (default: all); the rest stay as they are")
    ap.add_argument("--add-only", action="store_true", help="keep every current entry; only add new ones")
    args = ap.parse_args()
    rows, docs = rows_and_docs(args.gold, args.docbin, load_pipeline())
    seen, right = fit(rows, docs)
    table: dict[str, list[tuple[str, int, float]]] = {}
    for (kind, lemma), n in seen.items():
        precision = right[(kind, lemma)] / n
        if n >= args.min_count and precision >= args.min_precision:
            table.setdefault(kind, []).append((lemma, n, precision))
    if args.kinds:
        refitted = set(args.kinds.split(","))
        for kind in KINDS:
            if kind not in refitted:
                table[kind] = [(lemma, n, p) for lemma, (n, p) in REPORTED_CUE_COUNTS.get(kind, {}).items()]
    if args.add_only:
        for kind in KINDS:
            current = REPORTED_CUE_COUNTS.get(kind, {})
            table[kind] = [(lemma, n, p) for lemma, (n, p) in current.items()] + [
                entry for entry in table.get(kind, []) if entry[0] not in current
            ]
    print(f"{'kind':<8} {'lemma':<18} {'n':>5} {'right':>5} {'P':>5} kept")
    for (kind, lemma), n in seen.most_common(args.show):
        kept = "yes" if any(lem == lemma for lem, _, _ in table.get(kind, [])) else ""
        print(f"{kind:<8} {lemma:<18} {n:>5} {right[(kind, lemma)]:>5} {right[(kind, lemma)] / n:5.2f} {kept}")
    report_and_write(KINDS, table, "reported_cues.py", render(table), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
