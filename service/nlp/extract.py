"""Article text -> quotes: the pipeline run, then quote spans, then speakers."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from service.nlp.types import Quote


def extract_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every quotation of a parsed article, in text order."""
    return ()


def extract_batch(nlp: Language, texts: Sequence[str]) -> list[tuple[Quote, ...]]:
    """Parse `texts` in one `nlp.pipe` and extract each article's quotes."""
    return [extract_quotes(doc) for doc in nlp.pipe(texts)]
