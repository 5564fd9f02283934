"""The acceptance and confidence of reported speech (service/nlp/reported_confidence.py), with the committed models,
on real sentence shapes (rewritten from PolNeAR train)."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.nlp import extract_quotes
from service.nlp.quotes import QuoteMask
from service.nlp.reported import find_reported
from service.nlp.reported_confidence import load_models
from service.nlp.reported_shape import ArticleClauses, ClauseFeatures, clause_features
from service.nlp.unsourced import find_unsourced


def test_the_committed_models_load_and_give_probabilities() -> None:
    models = load_models()
    assert 0.0 < models.threshold < 1.0
    shapes = [
        ClauseFeatures(rule="said_that_clause", entry="say", name_rule="proper_name", source="proper"),
        ClauseFeatures(rule="object_content", entry="offer", cue_dep="relcl", content="noun", content_words=2),
        ClauseFeatures(rule="no_such_rule", entry="", content_words=500, sentence=10_000, holds=50),
    ]
    for shape in shapes:
        for model in (models.acceptance, models.confidence):
            assert 0.0 <= model.probability(shape) <= 1.0
    # a named source saying a that-clause is the surest shape there is; a bare noun object of a relative clause cue is
    # not (train: touches gold 0.97 vs 0.43 of the time)
    assert models.confidence.probability(shapes[0]) > models.confidence.probability(shapes[1])


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        # 'Appearing more subdued than usual, Trump stuck closely to the script': an appearance the writer describes
        ("gerund raising verb", "Appearing more relaxed than usual, the governor stuck closely to his notes."),
        # 'The Milwaukee debate is a good place to offer a preview': what a place is good for, not what anyone said
        ("object of an infinitive describing a noun", "The town hall is a good place to offer a preview."),
    ],
)
def test_acceptance_drops_a_shape_that_rarely_is_reported_speech(nlp: Language, shape: str, text: str) -> None:
    doc = nlp(text)
    mask = QuoteMask(doc, [])
    found = find_unsourced(doc, mask) + find_reported(doc, mask)
    assert found, f"a rule finds the {shape}: the model is what drops it"
    assert [q for q in extract_quotes(doc, indirect=True) if q.kind == "indirect"] == []


def test_a_kept_clause_carries_the_models_confidence(nlp: Language) -> None:
    doc = nlp("The mayor said that the budget would be cut.")
    [quote] = [q for q in extract_quotes(doc, indirect=True) if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.mention is not None
    mask = QuoteMask(doc, [])
    [clause] = find_reported(doc, mask)
    features = clause_features(clause, quote.speaker, ArticleClauses([clause]))
    assert quote.speaker.confidence == round(load_models().confidence.probability(features), 3)
    assert quote.speaker.confidence > 0.9


@pytest.mark.parametrize(
    ("text", "head"),
    [
        # 'The campaign released a statement on Friday': what is released is something said
        ("The campaign released a statement on Friday.", "speech"),
        # 'the department has the evidence to file a lawsuit': a thing done, not said
        ("The department filed a lawsuit on Friday.", "common"),
        ("The senator endorsed Clinton on Friday.", "proper"),
        ("The mayor said that the budget would be cut.", "verb"),
    ],
)
def test_the_content_head_is_a_feature(nlp: Language, text: str, head: str) -> None:
    doc = nlp(text)
    [clause] = find_reported(doc, QuoteMask(doc, []))
    features = clause_features(clause, None, ArticleClauses([clause]))
    assert features.head == head
    assert f"rule={clause.rule}&head={head}" in features.indicators()
    assert features.head_noun == {"speech": "statement", "common": "lawsuit"}.get(head, "")
    assert features.determiner == ("a" if head in ("speech", "common") else "none")


def test_the_entry_count_comes_from_the_cue_table(nlp: Language) -> None:
    doc = nlp("The mayor said that the budget would be cut.")
    [clause] = find_reported(doc, QuoteMask(doc, []))
    features = clause_features(clause, None, ArticleClauses([clause]))
    assert features.entry_count > 99  # 'say' is the table's commonest ccomp entry
    assert "entry_n=>99" in features.indicators()
    assert "entry_n=none" in ClauseFeatures(rule="no_such_rule").indicators()
