"""Reported speech (service/nlp/reported.py): one real-world sentence per construction, with the rule that finds it.

Each row gives the reported content as written (its segments, joined by ' | ' when the cue stands inside it),
the cue, the speaker mention (None: the text names nobody) and the rule of REPORTED_RULES that must answer.
The shapes were mined from PolNeAR train's indirect attributions; the sentences are written for these tests.
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

import pytest
from spacy.language import Language

from service.nlp import Quote, extract_quotes
from service.nlp.quotes import QuoteMask, find_quote_spans
from service.nlp.reported import REPORTED_RULES, find_reported
from service.nlp.unsourced import UNSOURCED_RULES, find_unsourced


class Case(NamedTuple):
    text: str
    content: str  # segments joined by " | "
    cue: str
    mention: str | None
    rule: str


CASES = [
    pytest.param(Case("Carney told reporters that talks would resume.", "that talks would resume", "told",
                      "Carney", "said_that_clause"), id="told-that"),
    pytest.param(Case("Talks will resume next week, officials said.", "Talks will resume next week", "said",
                      "officials", "said_that_clause"), id="clause-then-cue"),
    pytest.param(Case("The senator, who arrived late, said the bill was dead.", "the bill was dead", "said",
                      "The senator, who arrived late,", "said_that_clause"), id="subject-with-relative-clause"),
    pytest.param(Case("John Stumpf, who said the fraud was small, resigned.", "the fraud was small", "said", "who",
                      "said_that_clause"), id="relative-pronoun-source"),
    pytest.param(Case("About 52 percent of registered voters said the economy was improving.",
                      "the economy was improving", "said", "About 52 percent of registered voters", "said_that_clause"),
                 id="partitive-source"),
    pytest.param(Case("Sen. Bernie Sanders (I-Vt.) said the bill was a sham.", "the bill was a sham", "said",
                      "Sen. Bernie Sanders (I-Vt.)", "said_that_clause"), id="source-with-bracket-after-a-stop"),
    pytest.param(Case("Mr. Grassley and Mr. Leahy said the program was flawed.", "the program was flawed", "said",
                      "Mr. Grassley and Mr. Leahy", "said_that_clause"), id="coordinated-sources"),
    pytest.param(Case("The White House denied that a deal was near.", "that a deal was near", "denied",
                      "The White House", "said_that_clause"), id="denied-that"),
    pytest.param(Case("A new poll shows that Clinton leads in Ohio.", "that Clinton leads in Ohio", "shows",
                      "A new poll", "said_that_clause"), id="poll-shows"),
    pytest.param(Case("The plan, he said, is dead.", "The plan | is dead", "said", "he", "parenthetical_cue"),
                 id="cue-inside-clause"),
    pytest.param(Case("The plan, he conceded, is dead.", "The plan | is dead", "conceded", "he", "clause_first"),
                 id="cue-inside-clause-not-a-saying-verb"),
    pytest.param(Case("According to officials, the tariffs will stay.", "the tariffs will stay", "According to",
                      "officials", "according_to"), id="according-to-first"),
    pytest.param(Case("The tariffs will stay, according to officials.", "The tariffs will stay", "according to",
                      "officials", "according_to"), id="according-to-last"),
    pytest.param(Case("In the latest Washington Post poll, Clinton led Trump by five points.",
                      "Clinton led Trump by five points", "In", "the latest Washington Post poll", "in_poll"),
                 id="in-a-poll"),
    pytest.param(Case("It was reported that the talks had failed.", "that the talks had failed", "reported",
                      None, "passive_reported"), id="passive-it-was-reported"),
    pytest.param(Case("Trump urged supporters to monitor polling places.", "supporters to monitor polling places",
                      "urged", "Trump", "urged_to"), id="urged-to"),
    pytest.param(Case("Clinton wants to sign up five million volunteers.", "to sign up five million volunteers",
                      "wants", "Clinton", "urged_to"), id="wants-to"),
    pytest.param(Case("Trump accused Clinton of lying about her emails.", "Clinton of lying about her emails",
                      "accused", "Trump", "accused_of"), id="accused-of"),
    pytest.param(Case("Palmieri called for an apology from the campaign.", "an apology from the campaign",
                      "called for", "Palmieri", "accused_of"), id="called-for"),
    # the parse makes 'for' the mark of a clause: what is called for is that clause
    pytest.param(Case("The governor called for the plant to be closed.", "the plant to be closed", "called for",
                      "The governor", "accused_of"), id="called-for-a-clause"),
    pytest.param(Case("Trump's claim that the election is rigged drew criticism.", "that the election is rigged",
                      "claim", "Trump's", "speech_noun"), id="speech-noun"),
    # a speech noun without a possessive: who makes the point is the subject of the verb that takes the noun
    pytest.param(Case("Gorka also made the point that the plan would fail.", "that the plan would fail", "point",
                      "Gorka", "speech_noun"), id="speech-noun-object-of-a-verb"),
    # the cue hangs on an adjective ('more likely to say'): the subject is the verb's above it
    pytest.param(Case("Democratic voters were more likely to say that Clinton was honest.", "that Clinton was honest",
                      "say", "Democratic voters", "said_that_clause"), id="subject-above-an-adjective"),
    pytest.param(Case("The governor cited a study of rural hospitals.", "a study of rural hospitals", "cited",
                      "The governor", "object_content"), id="cited-object"),
    # PolNeAR's content runs over what the parse hangs on the cue after the object or clause, and leaves out
    # the writer's closing aside
    pytest.param(Case("The mayor called the bank's behavior outrageous.", "the bank's behavior outrageous", "called",
                      "The mayor", "object_content"), id="object-with-predicate"),
    pytest.param(Case("Sanders criticized the boom in prison construction and the profits corporations have earned "
                      "from it.", "the boom in prison construction and the profits corporations have earned from it",
                      "criticized", "Sanders", "object_content"), id="coordinated-objects"),
    pytest.param(Case("The police chief said that it was too early to tell whether the fire was set deliberately, and "
                      "there was no evidence yet of a crime.", "that it was too early to tell whether the fire was "
                      "set deliberately, and there was no evidence yet of a crime", "said", "The police chief",
                      "said_that_clause"), id="coordinated-clauses"),
    pytest.param(Case("The senator questioned the wisdom of backing Scott, who has never faced a competitive race.",
                      "the wisdom of backing Scott", "questioned", "The senator", "object_content"),
                 id="closing-relative-clause-left-out"),
    # the parse makes the cue a conjunct of the first clause: what the source said is both clauses
    pytest.param(Case("The meeting was supposed to happen on Monday, but it was delayed by a day, another source said.",
                      "The meeting was supposed to happen on Monday, but it was delayed by a day", "said",
                      "another source", "said_that_clause"), id="cue-as-conjunct-of-the-clause"),
    # a headline or transcript line opened by a name the article uses again: the rest of the line is what it said,
    # a term in single marks included
    pytest.param(Case("Graham: Trump’s ‘Hateful Rhetoric’ Is Destroying the Party.\nSen. Lindsey Graham spoke on "
                      "Sunday.", "Trump’s ‘Hateful Rhetoric’ Is Destroying the Party", ":", "Graham", "colon_label"),
                 id="headline-label"),
    pytest.param(Case("TAPPER: Will the governor run again?\nFALLIN: I think he will run.\nTAPPER: Thank you.",
                      "Will the governor run again", ":", "TAPPER", "colon_label"), id="transcript-label"),
    # what a speech noun's preposition holds is what is said; the possessive says it
    pytest.param(Case("Trump's condemnation of the attack came late.", "the attack", "condemnation of", "Trump's",
                      "noun_object"), id="speech-noun-of"),
    # the clause an 'as' phrase hangs on is what its source said; a conjunction before the phrase is the writer's
    pytest.param(Case("As the Times noted, Clinton raised more money than her rivals.",
                      "Clinton raised more money than her rivals", "noted", "the Times", "as_reported"),
                 id="as-the-times-noted"),
    pytest.param(Case("And, as Politico reported, the meeting was cancelled.", "the meeting was cancelled", "reported",
                      "Politico", "as_reported"), id="and-as-reported"),
    # a passive with an agent: its subject (and what the cue's preposition holds) is said, the agent says it
    pytest.param(Case("The meeting was first reported by Politico.", "The meeting", "reported", "Politico",
                      "passive_agent"), id="reported-by-agent"),
    pytest.param(Case("Trump was criticized by his rivals for skipping the debate.", "Trump | for skipping the debate",
                      "criticized", "his rivals", "passive_agent"), id="criticized-by-agent-for"),
    # cue-table entries added by `fit_reported_cues.py --add-only` (newly precise on train): a belief, a request
    pytest.param(Case("Many voters feel the party has abandoned them.", "the party has abandoned them", "feel",
                      "Many voters", "said_that_clause"), id="feel-a-clause"),
    pytest.param(Case("The governor requested to meet with the president.", "to meet with the president",
                      "requested", "The governor", "urged_to"), id="requested-to"),
    pytest.param(Case("The senator angered union leaders with his comments on trade.", "trade", "comments on", "his",
                      "noun_object"), id="comments-on"),
    # attributions without a source (service/nlp/unsourced.py): the subject and the complement are what is
    # reported, and the subject is never the speaker
    pytest.param(Case("The deal seems unlikely to pass the Senate.", "The deal | unlikely to pass the Senate", "seems",
                      None, "raising_verb"), id="seems-no-source"),
    pytest.param(Case("Christie appeared to end his bid with a debt.", "Christie | to end his bid with a debt",
                      "appeared", None, "raising_verb"), id="appeared-to-no-source"),
    pytest.param(Case("Turnout is expected to rise in the suburbs.", "Turnout | to rise in the suburbs", "is expected",
                      None, "agentless_passive"), id="is-expected-no-source"),
    pytest.param(Case("Mr. Quiros was accused of using the money for a condominium.",
                      "Mr. Quiros | using the money for a condominium", "was accused of", None, "agentless_passive"),
                 id="was-accused-no-agent"),
    pytest.param(Case("Bloomberg is reportedly considering a run for president.",
                      "Bloomberg is | considering a run for president", "reportedly", None, "hearsay_adverb"),
                 id="reportedly"),
    # the parse hangs both sides on the cue as adverbial clauses: no clausal complement, nothing was found
    pytest.param(Case("Though the merger was relatively smooth, she said, replacing the chief executive would be "
                      "much harder.", "Though the merger was relatively smooth | replacing the chief executive would "
                      "be much harder", "said", "she", "parenthetical_cue"), id="parenthetical-cue-two-clauses"),
    # the side after the cue is a quotation (the quotations return it); what is reported is the subject before it
    pytest.param(Case("The club's heavy investment in its courts, Ms. Tanner said, “is a perfect example of "
                      "adapting.”", "The club's heavy investment in its courts", "said", "Ms. Tanner",
                      "parenthetical_cue"), id="parenthetical-cue-before-a-quotation"),
    # the source after the cue; the parse takes the part before the comma for a second subject of the cue
    pytest.param(Case("Part of the problem in detecting tunnels, say experts like Paul Bauman, is that the ground is "
                      "wet.", "Part of the problem in detecting tunnels | is that the ground is wet", "say",
                      "experts like Paul Bauman", "parenthetical_cue"), id="parenthetical-cue-source-after"),
    # the relative pronoun is the cue's object: it stands for what is said, with what the cue adds after it
    pytest.param(Case("He praised Florida, which he describes as his second home.", "which | as his second home",
                      "describes", "he", "relative_object"), id="relative-object-described-as"),
    pytest.param(Case("The tax, which most economists oppose, passed in 2015.", "which", "oppose", "most economists",
                      "relative_object"), id="relative-object-alone"),
]


def _reported(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


@pytest.mark.parametrize("case", CASES)
def test_construction(nlp: Language, case: Case) -> None:
    doc = nlp(case.text)
    quotes = _reported(extract_quotes(doc, indirect=True))
    found = [q for q in quotes if " | ".join(s.text for s in q.segments) == case.content]
    assert found, [q.text for q in quotes]
    quote = found[0]
    assert quote.cue is not None and quote.cue.text == case.cue
    assert (quote.speaker.mention.text if quote.speaker and quote.speaker.mention else None) == case.mention
    mask = QuoteMask(doc, find_quote_spans(case.text))
    clauses = find_unsourced(doc, mask) or find_reported(doc, mask)
    rules = {c.rule for c in clauses if (c.start, c.end) == (quote.start, quote.end)}
    assert rules == {case.rule}


def test_every_rule_has_a_row() -> None:
    rules = {rule.name for rule in REPORTED_RULES + UNSOURCED_RULES}
    assert rules == {c.values[0].rule for c in CASES}


def test_a_place_is_not_what_a_raising_verb_reports(nlp: Language) -> None:
    assert _reported(extract_quotes(nlp("The senator appeared at a rally in Ohio."), indirect=True)) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The company makes cars in Ohio.", id="no-cue"),
        pytest.param("She has a plan to fix the roads.", id="have-is-no-cue"),
        pytest.param("The team won the game on Sunday.", id="win-is-no-cue"),
        # a line label that is no speaker: a name the article never uses again, a count
        pytest.param("Stealth Over Health: Clinton Was Headed to the Hospital.\nThe visit was short.",
                     id="label-named-once"),
        pytest.param("Superdelegates: 121\nDelegates met on Sunday.", id="label-of-a-count"),
    ],
)
def test_no_reported_speech_without_a_cue(nlp: Language, text: str) -> None:
    assert _reported(extract_quotes(nlp(text), indirect=True)) == []


def test_quotations_are_the_same_with_the_option(nlp: Language) -> None:
    text = (
        "Mark Carney said Canada would respond. “We will not be bullied,” he said. "
        "Trump said that fraud is “a big, big problem” and that the vote was rigged."
    )
    doc = nlp(text)
    without = extract_quotes(doc)
    with_indirect = extract_quotes(doc, indirect=True)
    # every field but the content, which a partial quote woven into a reported clause widens to the clause
    assert [replace(q, content=None) for q in with_indirect if q.kind != "indirect"] == [
        replace(q, content=None) for q in without
    ]
    reported = _reported(with_indirect)
    assert [q.text for q in reported] == ["Canada would respond"]  # the clause holding a quotation is the quotation's
    for quote in reported:
        assert quote.text == text[quote.start : quote.end]
        assert all(s.text == text[s.start : s.end] for s in quote.segments)
        assert quote.content.text == text[quote.content.start : quote.content.end]


def test_a_partial_quote_woven_into_reported_speech_has_the_clause_as_content(nlp: Language) -> None:
    text = "The spokesman said the campaign was ''taking a close look'' at provisions benefiting hedge funds."
    doc = nlp(text)
    (alone,) = extract_quotes(doc)
    (woven,) = extract_quotes(doc, indirect=True)
    assert alone.content.text == "''taking a close look''"
    assert woven.content.text == "the campaign was ''taking a close look'' at provisions benefiting hedge funds"
    assert (woven.start, woven.end, woven.kind, woven.speaker) == (alone.start, alone.end, alone.kind, alone.speaker)


@pytest.mark.parametrize(
    "text, alone, woven",
    [
        # the clause before its cue
        ("The summit accomplished “nothing,” he added on Twitter.", "“nothing,”", "The summit accomplished “nothing,”"),
        # and however little of it is quoted
        ("Trump said that the long-running and very complicated dispute over softwood lumber was “bad.”", "“bad.”",
         "that the long-running and very complicated dispute over softwood lumber was “bad.”"),
        # the clause of the quote's own cue is inner speech: the content is what the outer cue reports
        ("Trump urged Hillary Clinton to repudiate a retired general who suggested that the United States should "
         "“segregate” Islamic radicals.", "“segregate”",
         "Hillary Clinton to repudiate a retired general who suggested that the United States should “segregate” "
         "Islamic radicals"),
        ("Mr. Obama had told Jewish leaders that he would not continue President George W. Bush's policy of "
         "allowing “no daylight” between the United States and Israel.", "“no daylight”",
         "that he would not continue President George W. Bush's policy of allowing “no daylight” between the United "
         "States and Israel"),
    ],
)
def test_with_reported_speech_a_woven_quote_has_its_clause_as_content(
    nlp: Language, text: str, alone: str, woven: str
) -> None:
    doc = nlp(text)
    assert [q.content.text for q in extract_quotes(doc)] == [alone]
    assert [q.content.text for q in extract_quotes(doc, indirect=True) if q.kind != "indirect"] == [woven]


@pytest.mark.parametrize(
    "text",
    [
        # an opening phrase before a quotation is the writer's setting, not what is said
        pytest.param("In her post, Ms. Tanner wrote, “the club is thriving.”", id="opening-phrase-before-a-quote"),
        # a relative clause between commas describes its noun
        pytest.param("The mayor, who told reporters about the plan on Monday, left for Iowa.",
                     id="relative-clause-between-commas"),
    ],
)
def test_no_parenthetical_cue(nlp: Language, text: str) -> None:
    assert [q for q in _reported(extract_quotes(nlp(text), indirect=True)) if q.speaker and
            q.speaker.rule == "parenthetical_cue"] == []


def test_an_article_without_quotation_marks(nlp: Language) -> None:
    text = "Officials said the border would stay open."
    assert extract_quotes(nlp(text)) == ()
    (quote,) = extract_quotes(nlp(text), indirect=True)
    assert (quote.text, quote.kind) == ("the border would stay open", "indirect")
