#!/usr/bin/env python3
"""Fit REPORTED_EDGES (service/nlp/reported_edges.py) on PolNeAR train: which edge phrases of a reported
clause's content PolNeAR leaves out.

usage: python scripts/fit_reported_edges.py [../shared/data/polnear/train.jsonl] [--docbin PARSED.spacy]
                                           [--min-gain 5] [--min-ratio 1.5] [--write] [--show 40]

The service runs with an empty table, and every reported clause it returns (as an indirect quote of one
segment) records the phrases `reported_span.edge_units` offers at its end and at its start, outermost first,
each keyed side|label|separator|POS. A clause is matched to the gold content fragment it overlaps most; its
end phrases are judged only when the start is exact, its start phrases only when the end is exact. Walking
outermost first, a phrase is reached while the phrases before it were kept. For each reached phrase: would
cutting it there make the content exact, or is it exact now (and the cut would break it)? A key is kept
when cutting wins by --min-gain contents and by a factor --min-ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from spacy.tokens import DocBin, Token  # noqa: E402

from service.nlp import extract_quotes, load_pipeline, reported_edges, reported_span  # noqa: E402
from service.nlp.pipeline import parse_batch  # noqa: E402

Units = tuple[list[tuple[str, Token]], list[tuple[str, Token]]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the whitespace and punctuation at its edges, as the service trims contents."""
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    return start, end


_EDGE_PUNCT = ",;:—–-("


def fit(rows: list[dict[str, Any]], docs: list[Any]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """key -> phrases reached, -> contents a cut would make exact, -> contents exact now."""
    recorded: dict[tuple[int, int], Units] = {}
    original = reported_span._edges_cut

    def record(root: Token, tokens: list[Token]) -> list[Token]:
        words = [t for t in tokens if not t.is_punct]
        if words:
            recorded[(words[0].idx, words[-1].idx + len(words[-1].text))] = reported_span.edge_units(root, tokens)
        return tokens

    saved = reported_edges.REPORTED_EDGES
    reported_edges.REPORTED_EDGES = {}
    reported_span._edges_cut = record  # type: ignore[assignment]
    reached: Counter[str] = Counter()
    cut_exact: Counter[str] = Counter()
    now_exact: Counter[str] = Counter()
    try:
        for row, doc in zip(rows, docs, strict=True):
            text = row["text"]
            gold = [_trim(text, c["start"], c["end"]) for a in row["attributions"] for c in a["content"]]
            recorded.clear()
            for quote in extract_quotes(doc, indirect=True):
                if quote.kind != "indirect" or len(quote.segments) != 1:
                    continue
                start, end = quote.start, quote.end
                units = recorded.get((start, end))
                best = max(gold, key=lambda g: min(end, g[1]) - max(start, g[0]), default=None)
                if units is None or best is None or min(end, best[1]) <= max(start, best[0]):
                    continue
                ends, starts = units
                if best[0] == start:
                    for key, unit in ends:
                        reached[key] += 1
                        cut = _trim(text, start, unit.left_edge.idx)
                        if cut == best:
                            cut_exact[key] += 1
                        if best[1] == end:
                            now_exact[key] += 1
                        if best[1] <= unit.left_edge.idx:
                            break
                if best[1] == end:
                    for key, unit in starts:
                        reached[key] += 1
                        edge = unit.right_edge.idx + len(unit.right_edge.text)
                        if _trim(text, edge, end) == best:
                            cut_exact[key] += 1
                        if best[0] == start:
                            now_exact[key] += 1
                        if best[0] >= edge:
                            break
    finally:
        reported_span._edges_cut = original  # type: ignore[assignment]
        reported_edges.REPORTED_EDGES = saved
    return reached, cut_exact, now_exact


def render(table: dict[str, tuple[int, float]]) -> str:
    lines = [
        '"""Fitted by scripts/fit_reported_edges.py on PolNeAR train: the edge phrases of a reported clause\'s content',
        "that PolNeAR mostly leaves out, keyed side|label|separator|POS (see reported_span.edge_units), each with the",
        'phrases of that key reached on train and the share of them whose cut made the content exact."""',
        "from __future__ import annotations",
        "",
        "REPORTED_EDGES: dict[str, tuple[int, float]] = {",
    ]
    for key, (n, share) in sorted(table.items(), key=lambda item: (-item[1][0], item[0])):
        lines.append(f'    "{key}": ({n}, {share:.2f}),')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "polnear" / "train.jsonl"))
    ap.add_argument("--docbin", help="a DocBin of the same split, parsed by the service's pipeline")
    ap.add_argument("--min-gain", type=int, default=5)
    ap.add_argument("--min-ratio", type=float, default=1.5)
    ap.add_argument("--write", action="store_true", help="rewrite service/nlp/reported_edges.py")
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    nlp = load_pipeline()
    if args.docbin:
        docs = list(DocBin().from_disk(args.docbin).get_docs(nlp.vocab))
    else:
        docs = list(parse_batch(nlp, [r["text"] for r in rows]))
    reached, cut_exact, now_exact = fit(rows, docs)
    table = {
        key: (n, cut_exact[key] / n)
        for key, n in reached.items()
        if cut_exact[key] - now_exact[key] >= args.min_gain and cut_exact[key] >= args.min_ratio * now_exact[key]
    }
    print(f"{'key':<36} {'reached':>7} {'cut exact':>9} {'exact now':>9} kept")
    for key, n in reached.most_common(args.show):
        print(f"{key:<36} {n:>7} {cut_exact[key]:>9} {now_exact[key]:>9} {'yes' if key in table else ''}")
    print(f"{len(table)} keys kept", file=sys.stderr)
    if args.write:
        (ROOT / "service" / "nlp" / "reported_edges.py").write_text(render(table), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
