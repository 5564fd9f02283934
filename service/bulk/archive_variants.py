"""Variant groups over a whole bulk output: the API's engine over every quote, one JSON line per group.

Each group line is the API's group (`id`, `canonical_quote_id`, `members` with relation, similarity and
changes, `speaker_conflict`); each member also carries its `article_id`, `published` (when the article
has one) and `text`, so a reader sees the wording outlet by outlet without joining files. When articles
carry `published`, members are ordered by it and the earliest published is canonical; `fullest_quote_id`
names the fullest rendering, which relations and changes are measured against.
"""
from __future__ import annotations

import dataclasses
import gzip
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TextIO

from service.bulk.inputs import GZIP_MAGIC
from service.variants import QuoteRef, VariantGroup
from service.variants.archive import group_archive_variants
from service.variants.chronology import order_by_published


@dataclasses.dataclass(frozen=True)
class ArchiveQuote:
    """What a group line says of a member beyond the API's member fields."""

    article_id: str
    published: Any
    text: str


def read_quotes(paths: Sequence[str]) -> tuple[list[QuoteRef], dict[str, ArchiveQuote]]:
    """Every quote of the bulk outputs as the API's QuoteRef (spoken text, speaker name), in output order."""
    refs: list[QuoteRef] = []
    about: dict[str, ArchiveQuote] = {}
    for line in _lines(paths):
        row = json.loads(line)
        article_id = str(row["id"])
        for quote in row.get("quotes") or ():
            spoken = " ".join(segment["text"] for segment in quote["segments"])
            speaker = (quote.get("speaker") or {}).get("name")
            refs.append(QuoteRef(quote["id"], spoken, speaker, article_id))
            about[quote["id"]] = ArchiveQuote(article_id, row.get("published"), quote["text"])
    return refs, about


def write_archive_groups(
    paths: Sequence[str], out: TextIO, *, min_similarity: float, workers: int = 1
) -> tuple[int, int]:
    """Group the quotes of `paths` (as the API would, all in one request) and write one line per group.

    Returns (groups, quotes).
    """
    refs, about = read_quotes(paths)
    groups = group_archive_variants(refs, min_similarity=min_similarity, workers=workers)
    published = {quote_id: quote.published for quote_id, quote in about.items()}
    for group in groups:
        line = group_line(order_by_published(group, published), about, fullest=group.canonical_quote_id)
        out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(groups), len(refs)


def group_line(group: VariantGroup, about: Mapping[str, ArchiveQuote], *, fullest: str) -> dict[str, Any]:
    """The JSON object of one group line; `fullest` is the quote relations and changes refer to."""
    line = group.to_dict()
    line["fullest_quote_id"] = fullest
    for member in line["members"]:
        quote = about[member["quote_id"]]
        member["article_id"] = quote.article_id
        if quote.published is not None:
            member["published"] = quote.published
        member["text"] = quote.text
    return line


def _lines(paths: Sequence[str]) -> Iterator[bytes]:
    for path in paths:
        with open(path, "rb") as probe:
            compressed = probe.read(2) == GZIP_MAGIC
        with gzip.open(path, "rb") if compressed else open(path, "rb") as stream:
            yield from (line for line in stream if line.strip())
