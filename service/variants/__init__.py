"""Variant matching: which quotes of a request render one utterance, and how they differ.

Pure Python (no Flask, spaCy, Redis or I/O). The one entry point is `group_variants`:

    >>> from service.variants import QuoteRef, group_variants
    >>> groups = group_variants([
    ...     QuoteRef("a#q1", "We could renegotiate it, and that would be good", "Donald Trump", "a"),
    ...     QuoteRef("b#q1", "We can renegotiate it, and that would be good", "Donald Trump", "b"),
    ... ])
    >>> [(m.quote_id, m.relation) for m in groups[0].members]
    [('a#q1', 'identical'), ('b#q1', 'reworded')]
    >>> groups[0].members[1].changes[0].to_dict()
    {'op': 'replace', 'from': 'could', 'to': 'can'}
"""

from service.variants.groups import DEFAULT_MIN_SIMILARITY, group_variants
from service.variants.types import QuoteRef, VariantGroup, VariantMember, WordChange

__all__ = [
    "DEFAULT_MIN_SIMILARITY",
    "QuoteRef",
    "VariantGroup",
    "VariantMember",
    "WordChange",
    "group_variants",
]
