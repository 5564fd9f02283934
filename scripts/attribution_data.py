"""PolNeAR articles -> the extractor's attributions, their features, and whether each is right.

"Right" is the shared speakers scorer's (`../shared/eval/speakers_score.py`, direct quotes): a returned quote
(not a term) is right when it overlaps a gold direct content and its speaker mention overlaps that
attribution's source (or both are empty); a quote that overlaps no gold content is wrong; a quote that
overlaps only non-direct attributions is not counted. Used by fit_confidence.py and reliability.py.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
sys.path.insert(0, str(ROOT))

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from service.nlp.confidence import AttributionFeatures  # noqa: E402
from service.nlp.extract import extract_attributions  # noqa: E402
from service.nlp.pipeline import parse_batch  # noqa: E402
from service.nlp.types import Quote  # noqa: E402


@dataclass(frozen=True)
class Attribution:
    """One returned quote of a gold article, scored."""

    article_id: str
    quote: Quote
    features: AttributionFeatures | None
    right: bool
    gold_surname: str | None  # the surname of the gold source when it is a proper name (the names share)


def shared_module(name: str) -> ModuleType:
    """A scorer from ../shared/eval, loaded from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location(name, SHARED / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse(nlp: Language, rows: list[dict[str, Any]], cache_dir: Path | None) -> list[Doc]:
    """The parsed articles; with `cache_dir`, parsed once and kept there (keyed by the texts, the model and its
    components: one added after the parser changes the Docs)."""
    texts = [r["text"] for r in rows]
    if cache_dir is None:
        return list(parse_batch(nlp, texts))
    key = texts + [nlp.meta["name"], nlp.meta["version"], " ".join(nlp.pipe_names)]
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()[:16]
    path = cache_dir / f"{digest}.docbin"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(parse_batch(nlp, texts))
    cache_dir.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin(store_user_data=True)
    for doc in docs:
        bin_.add(doc)
    bin_.to_disk(path)
    return docs


def attributions(rows: list[dict[str, Any]], docs: list[Doc]) -> list[Attribution]:
    """Every scored quote of `rows`, as the shared speakers scorer (direct only) counts them."""
    scorer = shared_module("speakers_score")
    scored: list[Attribution] = []
    for row, doc in zip(rows, docs, strict=True):
        direct = [a for a in row["attributions"] if a["direct"]]
        others = [a for a in row["attributions"] if not a["direct"]]
        for quote, features in extract_attributions(doc):
            if quote.kind == "term":
                continue
            spans = scorer.quote_span(quote.to_dict())
            hits = [a for a in direct if any(_overlaps_content(scorer, s, a) for s in spans)]
            if not hits and any(_overlaps_content(scorer, s, a) for s in spans for a in others):
                continue
            mention = quote.speaker.mention if quote.speaker else None
            right = False
            for a in hits:
                sources = [(s["start"], s["end"]) for s in a["source"]]
                if not sources:
                    right = right or mention is None
                elif mention and any(scorer.overlaps((mention.start, mention.end), s) for s in sources):
                    right = True
            surname = None
            if hits:
                source_text = " ".join(s["text"] for s in hits[0]["source"])
                surname = scorer.surname_of_source(source_text) if source_text else None
            scored.append(Attribution(row["id"], quote, features, right, surname))
    return scored


def _overlaps_content(scorer: ModuleType, span: tuple[int, int], attribution: dict[str, Any]) -> bool:
    return any(scorer.overlaps(span, (c["start"], c["end"])) for c in attribution["content"])
