"""What the fit and mine scripts share: a split's rows with their parses, and the lines of a cue-count table."""
from __future__ import annotations

import json
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from service.nlp.pipeline import parse_batch


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
