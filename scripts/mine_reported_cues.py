#!/usr/bin/env python3
"""Mine the cues of reported speech (indirect attributions) from PolNeAR train, with their frequencies.

usage: python scripts/mine_reported_cues.py [../shared/data/polnear/train.jsonl] [--docbin PARSED.spacy]
                                           [--top 80]

For every gold attribution that is not direct, the cue's head token gives a lemma and the content's root
its relation to the cue: `ccomp` (said that ...), `xcomp` (urged him to ...), `prep` (accused him of ...),
`head` (the content's root governs the cue: 'according to X, CLAUSE', 'CLAUSE, X said' parsed the other
way round), `colon` and `other`. The table printed is what the lexicon's REPORTED_* word lists are read
from. --docbin reuses a parse of the same split (DocBin, one Doc per article, in file order).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from fitting import rows_and_docs  # noqa: E402
from spacy.tokens import Doc, Span, Token  # noqa: E402

from service.nlp import load_pipeline  # noqa: E402


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a character span whose head lies outside it (the first, when several)."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def relation(cue: Token, content: Token) -> str:
    """How the content's root hangs on the cue's head token."""
    if content.head.i == cue.i and content.i != cue.i:
        return content.dep_
    for child in cue.children:
        if child.dep_ in ("prep", "agent") and content.head.i == child.i:
            return f"{child.dep_}:{child.lower_}"
        if child.dep_ in ("dobj", "pobj") and content.head.i == child.i:
            return f"{child.dep_}>{content.dep_}"
    node = cue
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.i == content.i:
            return "head"
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "train.jsonl"))
    ap.add_argument("--docbin", help="a DocBin of the same split, parsed by the service's pipeline")
    ap.add_argument("--top", type=int, default=80)
    args = ap.parse_args()
    rows, docs = rows_and_docs(args.gold, args.docbin, load_pipeline())
    lemmas: Counter[str] = Counter()
    relations: Counter[tuple[str, str]] = Counter()
    total = 0
    for row, doc in zip(rows, docs, strict=True):
        for attribution in row["attributions"]:
            if attribution["direct"] or not attribution["cue"] or not attribution["content"]:
                continue
            total += 1
            first_cue = attribution["cue"][0]
            cue = span_root(doc, first_cue["start"], first_cue["end"])
            content = attribution["content"][0]
            root = span_root(doc, content["start"], content["end"])
            if cue is None or root is None:
                continue
            text = first_cue["text"].lower()
            lemma = "according to" if text.startswith("according") else (":" if text == ":" else cue.lemma_.lower())
            lemmas[lemma] += 1
            relations[(lemma, relation(cue, root))] += 1
    print(f"indirect attributions with cue and content: {total}")
    print(f"{'cue lemma':<20} {'n':>5} {'share':>6}   relations (n)")
    for lemma, n in lemmas.most_common(args.top):
        rel = ", ".join(f"{r}={k}" for (lem, r), k in relations.most_common() if lem == lemma and k >= 2)
        print(f"{lemma:<20} {n:>5} {n / total:6.3f}   {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
