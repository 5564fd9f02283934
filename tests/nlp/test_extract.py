"""The extractor on real sentences: kinds, cues, speakers and canonical names (real spaCy model)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from service.nlp import Quote, extract_quotes


def only(nlp: Language, text: str) -> Quote:
    quotes = extract_quotes(nlp(text))
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        # after the quote, pronoun resolved to the last named subject
        ("A visibly cheerful Donald Trump spoke highly of Carney. “I liked him,” he told reporters.",
         "Donald Trump", "told"),
        # surname resolved to the full name used earlier
        ("Canadian Prime Minister Mark Carney met Trump. “We compete,” Carney said.", "Mark Carney", "said"),
        # inverted attribution
        ("Senator Tim Kaine spoke. “We will win,” said Kaine.", "Tim Kaine", "said"),
        # cue before the quote, colon
        ("Ontario Premier Doug Ford was blunt. Ford said: “Try to get a deal.”", "Doug Ford", "said"),
        # participle cue takes the subject of its clause
        ("But Donald Trump acknowledged the friction in ties saying “We have natural conflict.”",
         "Donald Trump", "saying"),
        # according to
        ("“The talks are over,” according to Howard Lutnick.", "Howard Lutnick", "according to"),
        # dash attribution at the end of a paragraph
        ("“He scares me and my family.” ― Krystal Correa\n", "Krystal Correa", "―"),
        # a description that stands for a named person
        ("U.S. President Donald Trump met Carney. “Canada is great,” the president said.",
         "Donald Trump", "said"),
        # a colon after a clause with no reporting verb: its subject speaks
        ("Jeb Bush broke down what was wrong to a Dutch newspaper: “Not all Hispanics are Mexican.”",
         "Jeb Bush", ":"),
        # a relative clause
        ("Ideas were rejected by Mark Carney, who insists such moves will “never, ever” happen.",
         "Mark Carney", "insists"),
        # a place is never the antecedent of "he"
        ("Bob Smith criticized the deal on Monday. The United States would lose billions, he argued. "
         "“We will never accept it,” he said.", "Bob Smith", "said"),
        # a verb of saying in a side clause between the cue and the quote is not its cue
        ("Trump said at the rally, where Clinton told her supporters to stay home, that the plan was “a disaster.”",
         "Trump", "said"),
        ("Obama said that because Biden explained the rules, the vote would be “very close.”", "Obama", "said"),
        # the quoted word describes the speech noun ("comments"), whose owner did not say it
        ("Hillary Clinton said that Donald Trump’s “divisive” comments hurt him.", "Hillary Clinton", "said"),
    ],
)
def test_speaker_and_cue(nlp: Language, text: str, speaker: str, cue: str) -> None:
    quote = only(nlp, text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.cue is not None and quote.cue.text == cue
    mention = quote.speaker.mention
    assert mention is not None and text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text, kind",
    [
        ("“We have natural conflict,” Trump said.", "full"),
        ("Trump said the people “will love us again” soon.", "partial"),
        ("Carney, during his campaign, pledged to “negotiate a win” by midsummer.", "partial"),
        ("Carney didn’t repeat the word “conflict,” at all.", "term"),
        ("He appeared on CBS's “Face the Nation” on Sunday.", "term"),
        ("The so-called “experts” were wrong.", "term"),
        ("The actor also stars in the PBS medical drama, “Mercy Street,” this winter.", "term"),
        ("Asked about it, Pence said on CNN's “State of the Union.”", "term"),
        ("She tossed cold water on the idea, she wrote in her memoir, “Tough Choices.”", "term"),
        ("A liberal group launched a radio ad in Indiana on Saturday titled, “Scam.”", "term"),
        # a headline is in Title Case too: its quote is speech
        ("Issa: Hillary Clinton’s ‘Honesty Is In Question.’", "full"),
    ],
)
def test_kind(nlp: Language, text: str, kind: str) -> None:
    assert only(nlp, text).kind == kind


def test_term_has_no_speaker(nlp: Language) -> None:
    quote = only(nlp, "The so-called “experts” were wrong, Trump said.")
    assert quote.kind == "term" and quote.speaker is None and quote.cue is None


def test_quote_without_cue_takes_the_previous_sentence_speaker(nlp: Language) -> None:
    text = "The administration may wait, Adam Schiff said. “The other factor is the appearance.”"
    quote = only(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Adam Schiff" and quote.speaker.resolution == "context"


def test_anonymous_speaker_has_a_type_but_no_name(nlp: Language) -> None:
    quote = only(nlp, "“It was a wasted opportunity,” one observer said.")
    assert quote.speaker is not None
    assert quote.speaker.name is None and quote.speaker.type == "anonymous"


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("“We stand by our reporting,” CNN said in a statement.", "CNN", "organisation"),
        ("“The plan is dead,” the White House said.", "White House", "organisation"),
        ("“We will sue,” the Democratic National Committee said.", "Democratic National Committee", "organisation"),
        ("“It is over,” the Justice Department said.", "Justice Department", "organisation"),
        ("“Markets fell,” Reuters reported.", "Reuters", "organisation"),
        ("“We will win,” the Trump campaign said.", "Trump campaign", "organisation"),
        ("“We will win,” the GOP said.", "GOP", "organisation"),
        ("“It is over,” Senator Bob Smith said.", "Bob Smith", "person"),
        ("“We will win,” said Sen. Frank Church.", "Frank Church", "person"),
        ("“We will win,” Democrat Hillary Clinton said.", "Hillary Clinton", "person"),
    ],
)
def test_organisations_are_known_by_their_words(nlp: Language, text: str, name: str, kind: str) -> None:
    speaker = only(nlp, text).speaker
    assert speaker is not None
    assert (speaker.name, speaker.type) == (name, kind)
    assert speaker.role is None or kind == "person"


def test_a_headline_lends_no_words_to_a_name(nlp: Language) -> None:
    text = ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON ― Donald Trump’s obsession "
            "angered lawmakers. “He is a fraud,” said Rep. Gwen Moore. Trump did not respond. “I finished it,” "
            "Trump said.")
    speakers = [q.speaker.name for q in extract_quotes(nlp(text)) if q.speaker is not None]
    assert speakers == ["Gwen Moore", "Donald Trump"]


def test_transcript_turns_name_their_own_speaker_or_nobody(nlp: Language) -> None:
    text = 'Tim Kaine was asked.\n\n"SEN. TIM KAINE: We will win.\n"Q: Will you run?\n"A: Yes, I will."'
    turns = [(q.text[:2], q.speaker.name if q.speaker else None) for q in extract_quotes(nlp(text))]
    assert turns == [("SE", "Tim Kaine"), ("Q:", None), ("A:", None)]


def test_a_title_case_sentence_signs_nothing(nlp: Language) -> None:
    quote = only(nlp, '"I did not go.\nShe Said."')
    assert quote.speaker is None


def test_split_quote_has_two_segments_and_one_speaker(nlp: Language) -> None:
    text = "Mark Carney spoke. “We compete,” Carney said, “and we agree.”"
    quote = only(nlp, text)
    assert [s.text for s in quote.segments] == ["We compete,", "and we agree."]
    assert quote.text == text[quote.start : quote.end]
    assert quote.speaker is not None and quote.speaker.name == "Mark Carney"


def test_no_quotes_no_work(nlp: Language) -> None:
    assert extract_quotes(nlp("Nobody said anything quotable today.")) == ()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("Ab hesaid.,:\n'\"“”‘’«—<>/&;é\u00a0")), max_size=300))
def test_offsets_always_point_into_the_text(nlp: Language, text: str) -> None:
    for quote in extract_quotes(nlp(text)):
        assert text[quote.start : quote.end] == quote.text
        for segment in quote.segments:
            assert text[segment.start : segment.end] == segment.text
        if quote.speaker is not None and quote.speaker.mention is not None:
            m = quote.speaker.mention
            assert text[m.start : m.end] == m.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


@pytest.mark.parametrize(
    "text, content",
    [
        # a fragment woven into the clause its cue governs: the clause is what is reported
        ("Trump said that voting fraud is “a big, big problem in this country.”",
         "that voting fraud is “a big, big problem in this country.”"),
        ("The doctor declared the candidate “extremely physically fit.”", "the candidate “extremely physically fit.”"),
        # what is said of an object takes the object in
        ("Clinton described Trump as “uniquely unacceptable and unfit.”",
         "Trump as “uniquely unacceptable and unfit.”"),
        ("The senator called the plan “a disaster waiting to happen.”", "the plan “a disaster waiting to happen.”"),
        # a whole quote: its marks
        ("“We compete,” Carney said.", "“We compete,”"),
        # a clause that is mostly the writer's words keeps the marks alone
        ("Trump said that the long-running and very complicated dispute over softwood lumber was “bad.”",
         "“bad.”"),
        # NYT's two-apostrophe marks: both apostrophes of each mark belong to the content
        ("''This isn't tax reform,'' said Mr. Burman.", "''This isn't tax reform,''"),
        ("He said the 'plan' was dead.", "'plan'"),
    ],
)
def test_content_is_the_reported_clause(nlp: Language, text: str, content: str) -> None:
    quote = only(nlp, text)
    assert quote.content.text == content
    assert text[quote.content.start : quote.content.end] == content


def test_a_clause_ending_in_a_later_quote_holds_its_closing_mark(nlp: Language) -> None:
    text = 'Obama said that there are still "some people" who feel that way, "but not among the vast majority."'
    clause = 'that there are still "some people" who feel that way, "but not among the vast majority."'
    assert [q.content.text for q in extract_quotes(nlp(text))] == [clause, clause]


def test_an_article_without_quote_marks_is_not_parsed_unless_reported_speech_is_asked(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its quotes are none whatever its parse; with `indirect` its reported speech needs the parse."""
    import service.nlp.extract as extract

    parsed: list[str] = []
    original = extract.parse_batch

    def recording(nlp: Language, texts: list[str]) -> object:
        parsed.extend(texts)
        return original(nlp, texts)

    monkeypatch.setattr(extract, "parse_batch", recording)
    quoted = "“We will win,” Senator Tim Kaine said."
    plain = "Senator Tim Kaine said the party would win.\n" + "a\n" * 500
    assert extract.extract_batch(nlp, [plain, quoted, plain]) == [(), extract_quotes(nlp(quoted)), ()]
    assert parsed == [quoted]
    parsed.clear()
    reported = extract.extract_batch(nlp, [plain], indirect=True)
    assert parsed == [plain] and reported == [extract_quotes(nlp(plain), indirect=True)]
    assert reported[0]  # the reported speech the parse finds
