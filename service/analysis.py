"""The one meeting point of HTTP and language: cached per-article extraction, then variant matching."""
from __future__ import annotations

import heapq
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language

from service.cache import ResultCache, cache_key
from service.isolated import extract_batch  # long articles in a child process when the server runs one
from service.nlp import PIPELINE_VERSION, Quote
from service.nlp.deadline import check_deadline
from service.nlp.speaker_table import QuotedSpeaker, SpeakerEntry, speaker_table
from service.variants import (
    DEFAULT_MIN_SIMILARITY,
    QuoteRef,
    VariantGroup,
    group_variants,
    order_groups_by_published,
)

# The units `options.offsets` may count in; every offset of a response is in one of them.
OFFSET_UNITS = ("codepoint", "utf16", "utf8")


@dataclass(frozen=True)
class ArticleInput:
    """One article as the caller sent it; `id` is already assigned.

    `published` orders variant groups; `metadata` (url, outlet, published, meta as sent) is returned
    unchanged. Neither reaches extraction or its cache key.
    """

    id: str
    text: str
    published: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    from_html: bool = False  # `text` was extracted from the caller's HTML, so the response returns it


@dataclass(frozen=True)
class AnalysisOptions:
    """Per-request options; only those that change extraction go into cache keys."""

    variants: bool = True
    min_similarity: float = DEFAULT_MIN_SIMILARITY
    terms: bool = False  # scare quotes and labels ("so-called “experts”") are left out unless asked for
    offsets: str = "codepoint"  # one of OFFSET_UNITS: how the response counts offsets, never extraction
    indirect: bool = False  # reported speech ("Carney said talks would resume") as quotes of kind indirect

    def extraction_key(self) -> dict[str, Any]:
        """Options that change per-article extraction (variants run after the cache).

        The default is the empty key, so results cached before an option existed stay valid."""
        return {"indirect": True} if self.indirect else {}


@dataclass(frozen=True)
class ArticleResult:
    """Quotes of one article, with ids unique across the request."""

    id: str
    quotes: tuple[Quote, ...]
    cache_hit: bool
    numbers: tuple[int, ...] = ()  # 1-based place of each quote among all the article's quotes of its family
    text: str = ""  # the text every offset refers to
    from_html: bool = False
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def quote_id(self, index: int) -> str:
        """The id of `quotes[index]`: '<article id>#q<n>' ('#r<n>' for reported speech), stable whichever
        kinds were asked for: reported speech is numbered apart, so it never moves a quotation's id."""
        number = self.numbers[index] if self.numbers else index + 1
        family = "r" if self.quotes[index].kind == "indirect" else "q"
        return f"{self.id}#{family}{number}"


@dataclass(frozen=True)
class Analysis:
    """Everything a request asked for."""

    articles: tuple[ArticleResult, ...]
    variant_groups: tuple[VariantGroup, ...] = field(default=())
    speakers: tuple[SpeakerEntry, ...] = field(default=())
    options: AnalysisOptions = field(default_factory=AnalysisOptions)

    @property
    def cache_hit(self) -> bool:
        """True only when every article came from the cache."""
        return all(a.cache_hit for a in self.articles)


def analyse(
    articles: Sequence[ArticleInput],
    options: AnalysisOptions,
    *,
    nlp: Language,
    cache: ResultCache,
) -> Analysis:
    """Extract quotes of every article (cache first, then one `nlp.pipe` over the misses) and group variants."""
    keys = [cache_key(a.text, options.extraction_key(), PIPELINE_VERSION) for a in articles]
    cached = cache.get_many(keys)
    results: list[tuple[Quote, ...] | None] = [_decode(value) for value in cached]
    misses = [i for i, r in enumerate(results) if r is None]
    if misses:
        extracted = extract_batch(nlp, [articles[i].text for i in misses], indirect=options.indirect)
        fresh: dict[str, bytes] = {}
        for i, quotes in zip(misses, extracted, strict=True):
            results[i] = quotes
            fresh[keys[i]] = _encode(quotes)
        cache.set_many(fresh)
    miss_set = set(misses)
    article_results = tuple(
        _article_result(a, quotes or (), cache_hit=i not in miss_set, terms=options.terms)
        for i, (a, quotes) in enumerate(zip(articles, results, strict=True))
    )
    article_results, speakers = _with_speakers(article_results)
    groups: tuple[VariantGroup, ...] = ()
    check_deadline()  # grouping is the last stage: a request past its budget stops before it
    if options.variants:
        refs = [
            QuoteRef(
                quote_id=result.quote_id(n),
                text=quote.spoken_text,
                speaker=quote.speaker.name if quote.speaker else None,
                article_id=result.id,
            )
            for result in article_results
            for n, quote in enumerate(result.quotes)
            if quote.kind != "indirect"  # reported speech is the writer's words: no rendering of an utterance
        ]
        groups = tuple(group_variants(refs, min_similarity=options.min_similarity))
        published = {
            ref.quote_id: article.published
            for ref, article in _refs_with_articles(refs, articles)
            if article.published is not None
        }
        if published:
            groups = tuple(order_groups_by_published(groups, published))
    return Analysis(articles=article_results, variant_groups=groups, speakers=speakers, options=options)


def _refs_with_articles(
    refs: Sequence[QuoteRef], articles: Sequence[ArticleInput]
) -> list[tuple[QuoteRef, ArticleInput]]:
    by_id = {a.id: a for a in articles}
    return [(ref, by_id[ref.article_id]) for ref in refs]


def as_single_article(result: ArticleResult) -> ArticleResult:
    """`result` with speaker ids numbered as a request of this article alone would number them.

    A bulk line is one article's answer, so its ids must not depend on the batch it was analysed in."""
    return _with_speakers((result,))[0][0]


def _with_speakers(
    results: tuple[ArticleResult, ...],
) -> tuple[tuple[ArticleResult, ...], tuple[SpeakerEntry, ...]]:
    """The request's speakers table, and the articles with each quote's speaker carrying its entry's id."""
    quoted = [
        QuotedSpeaker(result.id, result.quote_id(n), quote.speaker)
        for result in results
        for n, quote in enumerate(result.quotes)
        if quote.speaker is not None
    ]
    entries, ids = speaker_table(quoted)
    with_ids = tuple(
        replace(
            result,
            quotes=tuple(
                replace(q, speaker=replace(q.speaker, id=ids.get(result.quote_id(n)))) if q.speaker else q
                for n, q in enumerate(result.quotes)
            ),
        )
        for result in results
    )
    return with_ids, tuple(entries)


def _article_result(article: ArticleInput, quotes: tuple[Quote, ...], *, cache_hit: bool, terms: bool) -> ArticleResult:
    quoted = [(n, q) for n, q in enumerate((q for q in quotes if q.kind != "indirect"), start=1)]
    reported = [(n, q) for n, q in enumerate((q for q in quotes if q.kind == "indirect"), start=1)]
    # in text order; the quotations keep their own order among themselves
    merged = heapq.merge(quoted, reported, key=lambda item: item[1].start)
    kept = [(n, q) for n, q in merged if terms or q.kind != "term"]
    return ArticleResult(
        id=article.id,
        quotes=tuple(q for _, q in kept),
        cache_hit=cache_hit,
        numbers=tuple(n for n, _ in kept),
        text=article.text,
        from_html=article.from_html,
        metadata=article.metadata,
    )


def _encode(quotes: tuple[Quote, ...]) -> bytes:
    return json.dumps([q.to_dict() for q in quotes], separators=(",", ":")).encode()


def _decode(value: bytes | None) -> tuple[Quote, ...] | None:
    """A cached value, or None when absent or unreadable (an unreadable entry is recomputed)."""
    if value is None:
        return None
    try:
        return tuple(Quote.from_dict(item) for item in json.loads(value))
    except (ValueError, KeyError, TypeError):
        return None
