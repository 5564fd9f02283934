"""Any text at all gives quotes whose offsets point into it, and never an exception (real spaCy model)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from service.nlp import Quote, extract_quotes
from service.nlp.mentions import MENTION_RULES
from service.nlp.pipeline import parse_batch
from service.nlp.resolve import SPEAKER_RULES

PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


MENTION_RULE_NAMES = {r.__name__ for r in MENTION_RULES} | {
    "transcript_label", "dash_name", "signoff_line", "according_to", "colon_subject", "colon_name",
    "preceding_sentence", "paragraph_context",
}
NAME_RULE_NAMES = {r.__name__ for r in SPEAKER_RULES}


def assert_offsets_hold(text: str, quotes: tuple[Quote, ...]) -> None:
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.segments, quote
        for segment in quote.segments:
            assert text[segment.start : segment.end] == segment.text
            assert quote.start <= segment.start <= segment.end <= quote.end
        if quote.speaker is not None and quote.speaker.mention is not None:
            mention = quote.speaker.mention
            assert text[mention.start : mention.end] == mention.text
        if quote.speaker is not None:  # every speaker says which rules made it, and how sure it is
            assert quote.speaker.rule in MENTION_RULE_NAMES and quote.speaker.name_rule in NAME_RULE_NAMES
            assert 0.0 <= quote.speaker.confidence <= 1.0
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
        content = quote.content
        assert text[content.start : content.end] == content.text
        assert content.start <= quote.start and quote.end <= content.end


def extract(nlp: Language, text: str) -> tuple[Quote, ...]:
    (doc,) = parse_batch(nlp, [text])
    assert doc.text == text
    return extract_quotes(doc)


@PROPERTY_SETTINGS
@given(st.text(max_size=400))
def test_random_unicode(nlp: Language, text: str) -> None:
    assert_offsets_hold(text, extract(nlp, text))


_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<br/>", "<a href=\"https://example.org/?q=“x”\">", "</a>", "<blockquote>", "</blockquote>",
    "&ldquo;", "&rdquo;", "&quot;", "&#8220;", "<em>", "</em>", "<!-- “ -->", "\n", " ",
    "“We will win,” she said.", "Trump said", "“", "”", "\"", "'", "‘", "’", "Mr. Carney told reporters:",
])


@PROPERTY_SETTINGS
@given(st.lists(_HTML_PIECES, max_size=60).map("".join))
def test_html_fragments(nlp: Language, text: str) -> None:
    assert_offsets_hold(text, extract(nlp, text))


@PROPERTY_SETTINGS
@given(st.text(alphabet="“”„\"'‘’«»‹› \n", max_size=400))
def test_only_quotation_marks(nlp: Language, text: str) -> None:
    assert_offsets_hold(text, extract(nlp, text))


def test_hundred_thousand_words(nlp: Language) -> None:
    """A 100,000-word article in paragraphs, one quote in each: every quote found, offsets valid."""
    paragraph = (
        "The committee met again on Tuesday to debate the budget, and members of both parties said the talks "
        "had gone on too long. “We will keep working until the job is done,” Senator Jane Ruiz said after the "
        "session, adding that a vote could come within days if the leaders agreed on the schedule.\n\n"
    )
    repeats = 100_000 // len(paragraph.split()) + 1
    text = paragraph * repeats
    assert len(text.split()) >= 100_000
    quotes = extract(nlp, text)
    assert len(quotes) == repeats
    assert_offsets_hold(text, quotes)
    assert {q.speaker.name for q in quotes if q.speaker} == {"Jane Ruiz"}


def test_no_quotes(nlp: Language) -> None:
    assert extract(nlp, "Nobody said anything quotable today. " * 200) == ()
