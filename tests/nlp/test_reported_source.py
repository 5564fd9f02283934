"""The source span of reported speech (service/nlp/reported_source.py), on real sentence shapes from PolNeAR
train: each row is a sentence and the source mention PolNeAR marks for its reported clause (the local mention,
never the name it resolves to)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from service.nlp import extract_quotes, reported_confidence


@pytest.fixture(autouse=True)
def keep_every_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    """These rows test where a source starts and ends, not whether the fitted acceptance keeps its clause (a refit
    moves that): every clause is kept."""
    models = reported_confidence.load_models()
    monkeypatch.setattr(reported_confidence, "load_models", lambda: replace(models, threshold=0.0))


@pytest.mark.parametrize(
    "text, source",
    [
        # the relative pronoun next to the cue, not its antecedent
        ("John Stumpf, who said the fraud was small, resigned.", "who"),
        # people coordinated to the head
        ("Mr. Grassley and Mr. Leahy said the program was flawed.", "Mr. Grassley and Mr. Leahy"),
        # a partitive's whole phrase
        ("About 52 percent of registered voters said the economy was improving.",
         "About 52 percent of registered voters"),
        # the comma that closes an appositive
        ("Brian Fallon, the campaign's press secretary, said the senator would return.",
         "Brian Fallon, the campaign's press secretary,"),
        # the subject a name sits in, not the name the mention rules pick inside it
        ("A study by the Council of Great City Schools found that most students fail the tests.",
         "A study by the Council of Great City Schools"),
        ("A representative for Mr. Pinchuk said the company had done nothing wrong.",
         "A representative for Mr. Pinchuk"),
        # a participle opening the name's phrase, which the mention rules cut as a verb
        ("Retired neurosurgeon Ben Carson said the plan would fail.", "Retired neurosurgeon Ben Carson"),
        ("Leading Democrats say the bill will pass.", "Leading Democrats"),
        # a participle aside is left out, an appositive and a relative clause that says nothing stay
        ("Trump, speaking at a rally in Wilmington, said the election was rigged.", "Trump"),
        ("Ms. Gedrich, who works in retail, said she did not trust either candidate.",
         "Ms. Gedrich, who works in retail,"),
        # the dateline the paragraph opens with is nobody's name; a name opening the line before a dash is
        ("WASHINGTON — Sen. Bernie Sanders (I-Vt.) said the minimum wage must rise.", "Sen. Bernie Sanders (I-Vt.)"),
        ("MACAU (Reuters) – Top Republican donor Sheldon Adelson said he would back Trump.",
         "Top Republican donor Sheldon Adelson"),
        ("Gonzalez — a supporter of the senator — said the race was close.", "Gonzalez — a supporter of the senator —"),
        # people coordinated by 'nor', and by 'And' in a Title Case headline
        ("Neither Cruz nor Christie acknowledged that the plan had failed.", "Neither Cruz nor Christie"),
        ("Bernie Sanders And Hillary Clinton Say The Debate Was Rigged", "Bernie Sanders And Hillary Clinton"),
        # the bracket the last of them opens is closed after the abbreviation's stop
        ("Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) said the program was a fraud.",
         "Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)"),
        # the bare participle closing the phrase is part of it
        ("Most of those surveyed said the embargo should end.", "Most of those surveyed"),
        # the sign of a percentage, and the hyphen closing an aside the source opened
        ("Only 42% say the economy is improving.", "Only 42%"),
        ("Some liberal economists - including two members of the committee - warn that rates are too high.",
         "Some liberal economists - including two members of the committee -"),
        # a quoted title inside the source is part of it, with the marks that close it
        ("Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested that the party was finished.",
         "Joe Scarborough, host of MSNBC’s “Morning Joe,”"),
        ('Some in the "Bernie or Bust" crowd suggest that they will stay home.', 'Some in the "Bernie or Bust" crowd'),
        # the abbreviated title the parse leaves outside the mention (here when the content holds the source)
        ("Mr. Trump stood by his remarks, claiming without any evidence that the election was rigged.", "Mr. Trump"),
        # a focus adverb opening the source is left out
        ("Even some of her allies questioned whether the plan would work.", "some of her allies"),
    ],
)
def test_reported_source(nlp: Language, text: str, source: str) -> None:
    speakers = [q.speaker for q in extract_quotes(nlp(text), indirect=True) if q.kind == "indirect"]
    assert [s.mention.text if s and s.mention else None for s in speakers] == [source]


@pytest.mark.parametrize(
    "text, sources",
    [
        # a relative clause that reports speech of its own is that speech's source ('who'), not part of the outer one
        ("Barkley, who said he usually votes Democratic, said the candidate was too cautious.", ["who", "Barkley"]),
        ("Mr. Leenders, who estimated that a third of the workers backed Trump, said he voted for Obama.",
         ["who", "Mr. Leenders"]),
    ],
)
def test_reported_sources_in_text_order(nlp: Language, text: str, sources: list[str]) -> None:
    speakers = [q.speaker for q in extract_quotes(nlp(text), indirect=True) if q.kind == "indirect"]
    assert [s.mention.text if s and s.mention else None for s in speakers] == sources
