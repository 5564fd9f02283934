"""Language core: quotation spans, reporting cues and speakers. No HTTP, no cache, no I/O.

    from service.nlp import load_pipeline, extract_quotes
    nlp = load_pipeline()
    quotes = extract_quotes(nlp("“We have natural conflict,” Trump said."))
"""
from service.nlp.extract import extract_batch, extract_quotes
from service.nlp.pipeline import PIPELINE_VERSION, load_pipeline
from service.nlp.types import Quote, Speaker, TextSpan

__all__ = [
    "PIPELINE_VERSION",
    "Quote",
    "Speaker",
    "TextSpan",
    "extract_batch",
    "extract_quotes",
    "load_pipeline",
]
