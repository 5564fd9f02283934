"""Whether a reported clause is kept, and the probability that its speaker is right, from the clause's shape.

Two logistic models over the indicators of `ClauseFeatures` (reported_shape.py), each with an isotonic map of its
output, fitted on PolNeAR train by `scripts/fit_reported_confidence.py`, which writes `reported_confidence.json`
beside this module (a few hundred numbers, read once, no library needed at run time):
- acceptance: the probability that the clause touches any gold content; a clause below the fitted threshold is
  dropped (its shape rarely is what PolNeAR marks: a cue in a headline, 'if he thinks that', 'accused of' with a
  bare noun);
- confidence: the probability that the clause is attributed right as the shared speakers scorer counts it (its
  content overlaps a gold content whose source the speaker mention overlaps, or both have none).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from service.nlp.confidence import ConfidenceModel
from service.nlp.reported import ReportedClause
from service.nlp.reported_shape import ArticleClauses, clause_features
from service.nlp.types import Speaker

MODEL_PATH = Path(__file__).with_name("reported_confidence.json")


@dataclass(frozen=True)
class ReportedModels:
    """The acceptance model and its threshold, and the confidence model (fitted on train)."""

    acceptance: ConfidenceModel
    threshold: float
    confidence: ConfidenceModel

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportedModels:
        return cls(
            acceptance=ConfidenceModel.from_dict(data["acceptance"]),
            threshold=float(data["threshold"]),
            confidence=ConfidenceModel.from_dict(data["confidence"]),
        )


@cache
def load_models(path: Path = MODEL_PATH) -> ReportedModels:
    """The committed models (read once per process, on first use: nothing is read at import)."""
    return ReportedModels.from_dict(json.loads(path.read_text(encoding="utf-8")))


def judge_clause(
    clause: ReportedClause,
    speaker: Speaker | None,
    article: ArticleClauses,
    models: ReportedModels | None = None,
) -> tuple[bool, Speaker | None]:
    """Whether to keep `clause` (one of `article`'s candidates), and its speaker with the fitted confidence."""
    models = models or load_models()
    indicators = clause_features(clause, speaker, article).indicators()  # once, for both models
    if models.acceptance.probability_of(indicators) < models.threshold:
        return False, None
    if speaker is None:
        return True, None
    return True, replace(speaker, confidence=round(models.confidence.probability_of(indicators), 3))
