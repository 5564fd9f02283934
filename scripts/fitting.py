"""What the fit and mine scripts share: a split's rows with their parses, and the lines of a cue-count table."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from service.nlp.pipeline import parse_batch

ROOT = Path(__file__).resolve().parent.parent
CueTable = dict[str, list[tuple[str, int, float]]]  # kind -> [(lemma, clauses seen, precision)]


def rows_and_docs(gold: str, docbin: str | None, nlp: Language) -> tuple[list[dict[str, Any]], list[Doc]]:
    """The split's articles, and each parsed: from `docbin` (one Doc per article, in file order) when given."""
    rows = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    if docbin:
        return rows, list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    return rows, list(parse_batch(nlp, [r["text"] for r in rows]))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cue_count_lines(kinds: tuple[str, ...], table: dict[str, list[tuple[str, int, float]]]) -> list[str]:
    """The body of a `{kind: {lemma: (n, precision)}}` literal, most frequent lemma first, lines within 118."""
    lines = []
    for kind in kinds:
        lines.append(f'    "{kind}": {{')
        line = "       "
        for lemma, n, precision in sorted(table.get(kind, []), key=lambda e: (-e[1], e[0])):
            item = f' "{lemma}": ({n}, {precision:.2f}),'
            if len(line) + len(item) > 118:
                lines.append(line)
                line = "       "
            line += item
        if line.strip():
            lines.append(line)
        lines.append("    },")
    return lines


def add_cue_table_arguments(ap: argparse.ArgumentParser, *, min_precision: float, module: str) -> None:
    """The options every cue-table fit takes: the split, its parse, the thresholds, --write of `module`."""
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"))
    ap.add_argument("--docbin", help="a DocBin of the same split, parsed by the service's pipeline")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=min_precision)
    ap.add_argument("--write", action="store_true", help=f"rewrite service/nlp/{module}")
    ap.add_argument("--show", type=int, default=40, help="print the most frequent (kind, lemma) pairs")


def cue_table_module_lines(name: str, kinds: tuple[str, ...], table: CueTable) -> list[str]:
    """`{name}_COUNTS`, the `{kind: {lemma: (n, precision)}}` literal, and `{name}S`, its lemma sets."""
    return [
        "# kind -> {lemma: (clauses seen on train, share of them right)}",
        f"{name}_COUNTS: dict[str, dict[str, tuple[int, float]]] = {{",
        *cue_count_lines(kinds, table),
        "}",
        f"{name}S: dict[str, frozenset[str]] = {{",
        f"    kind: frozenset(cues) for kind, cues in {name}_COUNTS.items()",
        "}",
    ]


def report_and_write(kinds: tuple[str, ...], table: CueTable, module: str, text: str, write: bool) -> None:
    """How many lemmas and clauses each kind keeps (stderr); with `write`, `text` becomes service/nlp/`module`."""
    for kind in kinds:
        entries = table.get(kind, [])
        print(f"{kind}: {len(entries)} lemmas kept, {sum(n for _, n, _ in entries)} clauses", file=sys.stderr)
    if write:
        (ROOT / "service" / "nlp" / module).write_text(text, encoding="utf-8")
