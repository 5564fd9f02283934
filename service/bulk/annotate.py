"""Records -> output lines: the API's per-article quotes, the input fields around them, errors in their place."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from service.analysis import AnalysisOptions, ArticleInput, ArticleResult, analyse, as_single_article
from service.api.schemas import ArticleResultSchema
from service.bulk.inputs import InputError, InputRecord, record_of_line
from service.config import Settings

log = logging.getLogger(__name__)

# Texts per `analyse` call: one `nlp.pipe` over them, which batches them by characters itself.
ARTICLES_PER_BATCH = 32

_ARTICLE = ArticleResultSchema()


def _dumps(value: Any) -> str:
    """JSON as the API writes it (Flask's provider: ASCII escapes, compact separators, keys in order)."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


@dataclass
class Tally:
    """What a run (or a partition) produced: the summary numbers."""

    articles: int = 0
    quotes: int = 0
    errors: int = 0
    words: int = 0

    def add(self, other: Tally) -> None:
        """Add `other`'s counts to these."""
        self.articles += other.articles
        self.quotes += other.quotes
        self.errors += other.errors
        self.words += other.words


class NoCache:
    """A cache that holds nothing: an archive is read once, and millions of entries would evict everything."""

    name = "none"

    def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        """A miss for every key."""
        return [None] * len(keys)

    def set_many(self, items: Mapping[str, bytes]) -> None:
        """Keep nothing."""

    def status(self) -> str:
        """Always usable."""
        return "ok"


def annotate(
    records: Sequence[InputRecord], nlp: Language, options: AnalysisOptions, *, omit: frozenset[str] = frozenset()
) -> tuple[list[str], Tally]:
    """One output line (with its newline) per record, in order, and their tally; `omit` names input fields left out.

    Articles go through `analyse` in batches, as a request would; a batch that fails is redone one
    article at a time, so only the article that fails gets an error line.
    """
    lines: list[str] = []
    tally = Tally()
    for start in range(0, len(records), ARTICLES_PER_BATCH):
        batch = records[start : start + ARTICLES_PER_BATCH]
        for record, outcome in zip(batch, _extract(batch, nlp, options), strict=True):
            tally.articles += 1
            if isinstance(outcome, InputError):
                tally.errors += 1
                lines.append(error_line(record, outcome, omit))
                continue
            assert record.text is not None
            tally.words += len(record.text.split())
            tally.quotes += len(outcome.quotes)
            lines.append(result_line(record, outcome, omit))
    return lines, tally


def annotate_lines(lines: Iterable[str | bytes], nlp: Language, options: AnalysisOptions | None = None,
                   *, source: str = "input", settings: Settings | None = None) -> Iterator[str]:
    """Output lines for raw JSON Lines, in order: the per-partition function for Spark's `mapPartitions`."""
    limit = (settings or Settings.from_env()).max_article_chars
    records: list[InputRecord] = []
    for number, line in enumerate(lines, start=1):
        raw = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
        if raw.strip():
            records.append(record_of_line(raw, f"{source}:{number}", limit))
        if len(records) == ARTICLES_PER_BATCH:
            yield from annotate(records, nlp, options or AnalysisOptions(variants=False))[0]
            records = []
    if records:
        yield from annotate(records, nlp, options or AnalysisOptions(variants=False))[0]


def _extract(
    batch: Sequence[InputRecord], nlp: Language, options: AnalysisOptions
) -> list[ArticleResult | InputError]:
    """The API's result for each record with a text; its input error for the others."""
    outcomes: list[ArticleResult | InputError] = [r.error or InputError("", "") for r in batch]
    todo = [i for i, r in enumerate(batch) if r.error is None]
    articles = [ArticleInput(id=str(batch[i].id), text=batch[i].text or "") for i in todo]
    try:
        results: Sequence[ArticleResult | InputError] = analyse(articles, options, nlp=nlp, cache=NoCache()).articles
    except Exception:  # noqa: BLE001 - isolate the article that fails, below
        results = [_extract_one(article, nlp, options) for article in articles]
    for i, result in zip(todo, results, strict=True):
        outcomes[i] = as_single_article(result) if isinstance(result, ArticleResult) else result
    return outcomes


def _extract_one(article: ArticleInput, nlp: Language, options: AnalysisOptions) -> ArticleResult | InputError:
    try:
        return analyse([article], options, nlp=nlp, cache=NoCache()).articles[0]
    except Exception:  # a bug of ours on this text: logged with its traceback, the run goes on
        log.exception("extraction failed for article %r", article.id)
        return InputError("Extraction failed", f"{article.id}: an internal error; the log has the details.")


def result_line(record: InputRecord, result: ArticleResult, omit: frozenset[str] = frozenset()) -> str:
    """`{"id", <other input fields>, "quotes": [...]}`: the quotes as the API writes them, last."""
    quotes = _ARTICLE.dump(result)["quotes"]
    return _object(record.fields, omit, "quotes", _dumps(quotes))


def error_line(record: InputRecord, error: InputError, omit: frozenset[str] = frozenset()) -> str:
    """`{"id", <other input fields>, "error": {"title", "detail"}}`: no quotes."""
    return _object(record.fields, omit, "error", _dumps(error.to_dict()))


def _object(fields: Iterable[tuple[str, Any]], omit: frozenset[str], last_key: str, last_json: str) -> str:
    """A JSON object of `fields` (id first) and `last_key`, written as one line with its newline."""
    items = dict(fields)
    parts = [f'"id":{_dumps(items.pop("id"))}']
    # An input's own "quotes" or "error" would make the key appear twice: ours replaces it.
    skipped = omit | {"quotes", "error"}
    parts.extend(f"{_dumps(key)}:{_dumps(value)}" for key, value in items.items() if key not in skipped)
    parts.append(f'"{last_key}":{last_json}')
    return "{" + ",".join(parts) + "}\n"
