"""Variant matching: which quotes of a request render one utterance, and how they differ.

Pure Python (no Flask, spaCy, Redis or I/O). The one entry point is `group_variants`:

    >>> from service.variants import QuoteRef, group_variants
    >>> said = "We could renegotiate it, and that would be good, or we can just do different deals,"
    >>> groups = group_variants([
    ...     QuoteRef("a#q1", said, "Donald Trump", "a"),
    ...     QuoteRef("b#q1", said.replace("could", "can"), "Donald Trump", "b"),
    ...     QuoteRef("b#q2", "different deals.", "Donald Trump", "b"),
    ...     QuoteRef("b#q3", "fairly", "Donald Trump", "b"),
    ... ])
    >>> [(m.quote_id, m.relation, m.similarity) for m in groups[0].members]
    [('a#q1', 'identical', 1.0), ('b#q1', 'reworded', 0.938), ('b#q2', 'fragment', 1.0)]
    >>> groups[0].members[1].changes[0].to_dict()
    {'op': 'replace', 'from': 'could', 'to': 'can'}
"""

from service.variants.chronology import order_by_published, order_groups_by_published, published_instant
from service.variants.groups import DEFAULT_MIN_SIMILARITY, group_variants
from service.variants.types import QuoteRef, VariantGroup, VariantMember, WordChange

__all__ = [
    "DEFAULT_MIN_SIMILARITY",
    "QuoteRef",
    "VariantGroup",
    "VariantMember",
    "WordChange",
    "group_variants",
    "order_by_published",
    "order_groups_by_published",
    "published_instant",
]
