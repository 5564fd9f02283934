"""The article's person registry: canonical names and the antecedent lookup for pronouns (real spaCy model)."""
from __future__ import annotations

import itertools
import math

import pytest
from spacy.language import Language

from service.nlp import extract_quotes
from service.nlp.names import NameRegistry

# One canonical name per person: the fullest the article gives, without titles or offices, surnames whole.
CANONICAL = [
    ("“We are ready,” Secretary of Homeland Security Jane Roe said.", "Jane Roe", "Secretary of Homeland Security"),
    ("“We are ready,” said Reps Jane Roe and Tom Hill.", "Jane Roe", "Reps"),
    ("“We are ready,” Mary Smith-Jones said.", "Mary Smith-Jones", None),
    ("“We are ready,” said South Korean President Park Geun-hye.", "Park Geun-hye", "President"),
    ("Mayor Bill de Blasio spoke on Monday. “We are ready,” de Blasio said.", "Bill de Blasio", "Mayor"),
    ("Jane Roe spoke on Monday. “We are ready,” Jane said.", "Jane Roe", None),
    ("Roe spoke to the crowd on Monday. He said, “We are ready.”", "Roe", None),
    ("“We are ready,” according to the Brookings Institution.", "Brookings Institution", None),
    ("Jane Roe, a Republican lawmaker from Ohio, spoke first. “We are ready,” the Republican lawmaker said.",
     "Jane Roe", None),
    ("CNN host Jake Tapper asked the question. “Are you ready?” the CNN host said.", "Jake Tapper", None),
    ("“We are ready,” Charlie King, a prominent New York Democrat, said.", "Charlie King", None),
    ("“We are ready,” Mr. King said.", "King", None),
    ("Speaker Paul Ryan spoke. “We are ready,” Ryan said.", "Paul Ryan", "Speaker"),
]


@pytest.mark.parametrize(("text", "name", "role"), CANONICAL, ids=[c[1] + "/" + c[0][:30] for c in CANONICAL])
def test_canonical_name(nlp: Language, text: str, name: str, role: str | None) -> None:
    speaker = extract_quotes(nlp(text))[-1].speaker
    assert speaker is not None
    assert (speaker.name, speaker.role) == (name, role)


def test_a_first_name_shared_by_two_people_names_neither(nlp: Language) -> None:
    text = "Jane Roe and Jane Hill spoke on Monday. “We are ready,” Jane said."
    speaker = extract_quotes(nlp(text))[-1].speaker
    assert speaker is not None and speaker.name == "Jane"

_SYLLABLES = ["Bar", "Cor", "Dun", "Fel", "Gar", "Hol", "Kem", "Lor", "Mar", "Nor", "Pel", "Ros", "Tal", "Ven"]


def _surnames(count: int) -> list[str]:
    pairs = itertools.product(_SYLLABLES, ["by", "den", "ley", "ton", "well", "wick"])
    return [a + b for a, b in itertools.islice(pairs, count)]


def test_a_pronoun_takes_the_latest_compatible_person(nlp: Language) -> None:
    text = "Mr. Alan Corby spoke first. Ms. Jane Harwell answered. Then Mr. Paul Tilden rose. He said so."
    registry = NameRegistry(nlp(text))
    pronoun_at = text.index("He said")
    assert registry.latest_person(pronoun_at, "male").name == "Paul Tilden"  # type: ignore[union-attr]
    assert registry.latest_person(pronoun_at, "female").name == "Jane Harwell"  # type: ignore[union-attr]
    assert registry.latest_person(text.index("Ms."), "female") is None  # nobody compatible before her


class _CountingOffset(int):
    """An offset that counts how often the lookup compares it (the lookup's work)."""

    comparisons = 0

    def __lt__(self, other: object) -> bool:
        _CountingOffset.comparisons += 1
        return int(self) < int(other)  # type: ignore[call-overload]


def test_antecedent_lookup_work_grows_with_the_log_of_the_mentions(nlp: Language) -> None:
    # issue 15: P named men, then Q "she said" quotes; the old lookup walked every mention for every
    # pronoun, comparing people (Q * P^2). Now each lookup is one bisection of the compatible mentions.
    people = _surnames(60)
    text = " ".join(f"Mr. Tom {name} spoke." for name in people)
    text += " " + " ".join(f"“We agree on point {k},” she said." for k in range(60))
    registry = NameRegistry(nlp(text))
    assert len(registry.people) == len(people)
    for gender, (positions, _) in registry._compatible.items():
        positions[:] = [_CountingOffset(p) for p in positions]
        assert len(positions) == (len(people) if gender == "male" else 0)
    pronouns = [i for i in range(len(text)) if text.startswith("she said", i)]
    _CountingOffset.comparisons = 0
    for at in pronouns:
        assert registry.latest_person(at, "female") is None
        assert registry.latest_person(at, "male").name.endswith(people[-1])  # type: ignore[union-attr]
    bound = len(pronouns) * (math.ceil(math.log2(len(people) + 1)) + 1)
    assert 0 < _CountingOffset.comparisons <= bound
