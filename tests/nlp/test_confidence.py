"""The confidence model: the committed table, its isotonic map, and the fitting script's two estimators."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from service.nlp import extract_quotes
from service.nlp.confidence import MODEL_PATH, AttributionFeatures, ConfidenceModel, attribution_confidence, load_model
from service.nlp.cues import CUE_RULES
from service.nlp.extract import extract_attributions
from service.nlp.mentions import MENTION_RULES
from service.nlp.resolve import SPEAKER_RULES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from fit_confidence import fit_isotonic, fit_logistic  # noqa: E402


def test_the_committed_model_is_small_and_names_only_known_features() -> None:
    data = json.loads(MODEL_PATH.read_text())
    assert MODEL_PATH.stat().st_size < 64_000
    rules = {r.__name__ for r in CUE_RULES + MENTION_RULES + SPEAKER_RULES}  # type: ignore[operator]
    prefixes = {"cue", "mention", "name", "kind", "after", "syntactic", "distance", "mention_words", "name_seen",
                "inverted", "cue_lemma", "quote_words", "source_after", "other_cues", "same_as_previous"}
    for indicator in data["weights"]:
        for part in indicator.split("&"):
            field, _, value = part.partition("=")
            assert field in prefixes, indicator
            if field in ("cue", "mention", "name"):
                assert value in rules | {"preceding_sentence", "paragraph_context", "transcript_label", "dash_name",
                                         "signoff_line", "according_to", "colon_subject", "colon_name"}, indicator


def test_the_isotonic_map_never_decreases() -> None:
    model = load_model()
    assert list(model.iso_y) == sorted(model.iso_y)
    grid = [k / 200 for k in range(201)]
    values = [model.calibrate(p) for p in grid]
    assert values == sorted(values)
    assert all(0.0 <= v <= 1.0 for v in values)


def test_a_named_subject_is_trusted_more_than_an_unresolved_pronoun() -> None:
    named = AttributionFeatures("head_chain", "cue_subject", "proper_name", cue_after=True, distance=1, name_seen=4,
                                cue_lemma="say", quote_words=20)
    unresolved = AttributionFeatures("nearest_verb", "subject_fallback", "unresolved", kind="partial",
                                     cue_after=False, distance=60, mention_words=6, cue_lemma="note", quote_words=3)
    assert attribution_confidence(named) > 0.9 > attribution_confidence(unresolved)


def test_every_speaker_of_an_article_gets_the_models_probability(nlp: Language) -> None:
    text = ("Jane Ruiz spoke in Ohio. “We are ready for the vote,” Ruiz said. “And we will win it.”\n\n"
            "Critics disagreed. “It is a stunt,” they said.")
    speakers = [q.speaker for q in extract_quotes(nlp(text))]
    assert all(s is not None for s in speakers)
    confidences = [s.confidence for s in speakers if s is not None]
    assert all(0.0 < c < 1.0 for c in confidences)
    assert confidences[0] > confidences[2]  # "Ruiz said" over "they said"


def test_isotonic_fit_pools_violators_into_shares() -> None:
    xs, ys = fit_isotonic([0.1, 0.2, 0.3, 0.4], [False, True, False, True])
    assert ys == sorted(ys)
    # 0.2 (right) and 0.3 (wrong) violate the order: pooled into one block at share 0.5
    model = ConfidenceModel(bias=0.0, weights={}, iso_x=tuple(xs), iso_y=tuple(ys))
    assert model.calibrate(0.1) == 0.0
    assert model.calibrate(0.25) == pytest.approx(0.5)
    assert model.calibrate(0.4) == 1.0


def test_logistic_fit_learns_which_indicator_predicts_right() -> None:
    rows = [["good"]] * 40 + [["bad"]] * 40
    labels = [True] * 36 + [False] * 4 + [True] * 8 + [False] * 32
    bias, weights = fit_logistic(rows, labels, l2=0.1)
    assert weights["good"] > 0 > weights["bad"]
    p_good = 1 / (1 + pow(2.718281828, -(bias + weights["good"])))
    assert p_good == pytest.approx(0.9, abs=0.02)


def test_an_according_to_after_the_cue_and_a_repeated_speaker_are_features(nlp: Language) -> None:
    text = ("Jane Roe spoke in Ohio on Monday. “We are ready for the vote,” Roe said, according to CNN. "
            "“And we will win it,” Roe said.")
    (first, first_features), (second, second_features) = extract_attributions(nlp(text))
    assert first_features is not None and second_features is not None
    assert first_features.source_after and not second_features.source_after
    assert not first_features.same_as_previous and second_features.same_as_previous
    assert first.speaker is not None and second.speaker is not None
    # PolNeAR names CNN as the source of the first: the model trusts it less than the plain "Roe said"
    assert first.speaker.confidence < second.speaker.confidence


def test_other_reporting_verbs_in_the_cues_sentence_are_counted(nlp: Language) -> None:
    text = ("Jane Roe spoke in Ohio on Monday. “We are ready for the vote,” Roe said after Smith had warned "
            "that the vote would fail.")
    ((_, features),) = extract_attributions(nlp(text))
    assert features is not None and features.other_cues == 1
