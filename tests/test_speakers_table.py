"""The request's speakers table: one entry per person across articles (real spaCy model through analyse)."""
from __future__ import annotations

from spacy.language import Language

from service.analysis import AnalysisOptions, ArticleInput, analyse
from service.cache import InMemoryCache
from service.nlp import Speaker, TextSpan
from service.nlp.speaker_table import QuotedSpeaker, name_key, speaker_table


def _run(nlp: Language, *texts: str) -> tuple[list[dict[str, object]], dict[str, str | None]]:
    articles = [ArticleInput(id=f"a{k}", text=t) for k, t in enumerate(texts, start=1)]
    analysis = analyse(articles, AnalysisOptions(variants=False), nlp=nlp, cache=InMemoryCache())
    ids = {
        r.quote_id(n): q.speaker.id if q.speaker else None for r in analysis.articles for n, q in enumerate(r.quotes)
    }
    return [e.to_dict() for e in analysis.speakers], ids


def test_a_surname_in_one_article_joins_the_full_name_in_another(nlp: Language) -> None:
    entries, ids = _run(
        nlp,
        "“We will build it,” Trump said on Monday.",
        "President Donald Trump spoke in Ohio. “It will be great,” Donald Trump said.",
    )
    assert [(e["name"], e["article_ids"]) for e in entries] == [("Donald Trump", ["a1", "a2"])]
    assert entries[0]["roles"] == ["President"]
    assert entries[0]["mentions"] == ["Trump", "Donald Trump"]
    assert set(ids.values()) == {entries[0]["id"]}
    assert entries[0]["quote_ids"] == list(ids)


def test_two_people_with_one_surname_stay_two_and_a_bare_surname_joins_neither(nlp: Language) -> None:
    entries, ids = _run(
        nlp,
        "“Taxes are too high,” Gary Johnson said.",
        "“Brexit means Brexit,” Boris Johnson said.",
        "“We disagree,” Johnson said.",
    )
    assert [e["name"] for e in entries] == ["Gary Johnson", "Boris Johnson", "Johnson"]
    assert len(set(ids.values())) == 3


def test_a_bare_surname_joins_the_one_full_name_with_it(nlp: Language) -> None:
    entries, _ = _run(nlp, "“Taxes are too high,” Gary Johnson said.", "“We disagree,” Johnson said.")
    assert [(e["name"], e["quote_ids"]) for e in entries] == [("Gary Johnson", ["a1#q1", "a2#q1"])]


def test_people_and_organisations_without_a_name_have_no_entry(nlp: Language) -> None:
    entries, ids = _run(nlp, "“We will appeal,” the Justice Department said. “It is wrong,” a source said.")
    assert [(e["name"], e["type"]) for e in entries] == [("Justice Department", "organisation")]
    assert list(ids.values()) == [entries[0]["id"], None]


def _speaker(name: str | None, kind: str = "person") -> Speaker:
    return Speaker(name=name, mention=TextSpan(0, 1, "x"), type=kind, role=None,  # type: ignore[arg-type]
                   resolution="cue", confidence=0.9, rule="cue_subject", name_rule="proper_name")


def test_names_match_without_initials_case_or_a_leading_the() -> None:
    assert name_key("Donald J. Trump") == name_key("donald trump")
    assert name_key("the Brookings Institution") == name_key("Brookings Institution")
    quoted = [QuotedSpeaker("a", f"a#q{k}", _speaker(n)) for k, n in enumerate(["Donald J. Trump", "Donald Trump"])]
    entries, _ = speaker_table(quoted)
    assert [e.name for e in entries] == ["Donald J. Trump"]


def test_a_person_and_an_organisation_of_one_name_stay_apart() -> None:
    quoted = [
        QuotedSpeaker("a", "a#q1", _speaker("Trump")),
        QuotedSpeaker("a", "a#q2", _speaker("Trump", "organisation")),
    ]
    entries, ids = speaker_table(quoted)
    assert [(e.name, e.type) for e in entries] == [("Trump", "person"), ("Trump", "organisation")]
    assert ids == {"a#q1": "s1", "a#q2": "s2"}
