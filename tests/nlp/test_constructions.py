"""Regression table: one real-world sentence shape per attribution construction (real spaCy model).

Each row names the quote by the start of its words and says who must be its speaker: the canonical name
(None when the text names nobody), the mention next to the cue, the cue, and how it was resolved.
The shapes were mined from errors on PolNeAR train and dev; the sentences are written for these tests.
"""
from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.language import Language

from service.nlp import Quote, extract_quotes


class Case(NamedTuple):
    text: str
    quote: str  # the start of the quote's words
    name: str | None
    mention: str
    cue: str | None
    resolution: str


CASES = [
    pytest.param(
        Case("“We compete,” Mark Carney said.", "We compete", "Mark Carney", "Mark Carney", "said", "cue"),
        id="trailing-cue",
    ),
    pytest.param(
        Case("Governor Jane Ruiz spoke. “The state is ready,” said Ruiz, a Democrat.", "The state",
             "Jane Ruiz", "Ruiz, a Democrat", "said", "cue"),
        id="inverted-cue-with-appositive",
    ),
    pytest.param(
        Case("Some say the plan is complicated. Said Ellis: “I don’t get the sense she cares.”", "I don’t",
             "Ellis", "Ellis", "Said", "cue"),
        id="inverted-cue-before-colon",
    ),
    pytest.param(
        Case("Ellen Tate was blunt. Tate continued:\n\n“The numbers are not there.”", "The numbers",
             "Ellen Tate", "Tate", "continued", "cue"),
        id="colon-paragraph-above",
    ),
    pytest.param(
        Case("“This is a big year for our town!” The mayor's niece, state Del. Marcia \"Cia\" Price (D-Norfolk), "
             "shouted to the crowd.", "This is a big year", None,
             "The mayor's niece, state Del. Marcia \"Cia\" Price (D-Norfolk)", "shouted", "cue"),
        id="attribution-sentence-with-nickname",
    ),
    pytest.param(
        Case("Bobby Scott smiled. “We are ready,” his niece, Marcia Price, told the crowd.", "We are ready",
             "Marcia Price", "his niece, Marcia Price", "told", "cue"),
        id="appositive-names-the-speaker",
    ),
    pytest.param(
        Case("Hillary Clinton wrote about it in her book. After saying her foot was “so swollen I could barely "
             "walk,” she was rushed to a hospital.", "so swollen", "Hillary Clinton", "she", "saying", "pronoun"),
        id="participle-on-passive-clause",
    ),
    pytest.param(
        Case("“We will defend the law,” press secretary Josh Earnest said at a briefing before Bill Clinton’s "
             "comments. “And we have seen a sustained commitment to it.”", "And we have seen",
             "Josh Earnest", "press secretary Josh Earnest", "said", "context"),
        id="context-takes-the-main-verb",
    ),
    pytest.param(
        Case("Rep. Jason Chaffetz spoke. “He must testify,” Chaffetz said after the witness failed to appear at "
             "the hearing he was called to. “He is a crucial fact witness.”", "He is a crucial",
             "Jason Chaffetz", "Chaffetz", "said", "context"),
        id="context-ignores-a-nested-cue",
    ),
    pytest.param(
        Case("Ivanka Trump noted the rule. She said fathers are not eligible, and when pressed, the 34-year-old "
             "mother of three replied, \"It's meant to help mothers.\"", "It's meant",
             None, "the 34-year-old mother of three", "replied", "cue"),
        id="finite-cue-with-a-common-noun-subject",
    ),
    pytest.param(
        Case("“I’d rather live in what he calls “hell” than in his world.” ― Adriana Rodarte\n", "I’d rather",
             "Adriana Rodarte", "Adriana Rodarte", "―", "cue"),
        id="dash-attribution-around-a-nested-quote",
    ),
    pytest.param(
        Case("The president spoke at length.\n\n” … what I learned is that words matter,” Barack Obama said.",
             "… what I learned", "Barack Obama", "Barack Obama", "said", "cue"),
        id="closing-mark-opens-a-paragraph",
    ),
    pytest.param(
        Case("Hillary Clinton spoke. “It has been most surprising to me,”Clinton said.", "It has been",
             "Hillary Clinton", "Clinton", "said", "cue"),
        id="closing-mark-glued-to-the-speaker",
    ),
    pytest.param(
        Case("Bill Skelly vouched for both. “Access to the file is valuable,” said Skelly, explaining his work.",
             # the tagger reads '-ly' surnames as adverbs everywhere, so no name is known: the mention is found
             "Access to the file", None, "Skelly", "said", "cue"),
        id="inverted-surname-tagged-as-adverb",
    ),
    pytest.param(
        Case("Sean Hannity interviewed Trump. “Would it be negotiable?” Hannity pressed.", "Would it be",
             "Sean Hannity", "Hannity", "pressed", "cue"),
        id="mined-cue-verb",
    ),
    pytest.param(
        Case("Donald Trump released a statement saying that Scalia was “a remarkable person and a brilliant "
             "justice.”", "a remarkable person", "Donald Trump", "Donald Trump", "saying", "cue"),
        id="who-issued-the-statement-speaks",
    ),
    pytest.param(
        Case("The world lost a voice that said “love in spite of fear is the greatest expression of power.”",
             "love in spite", None, "a voice", "said", "cue"),
        id="mention-without-the-clause-of-its-cue",
    ),
    pytest.param(
        Case("“The talks are over,” according to Howard Lutnick.", "The talks", "Howard Lutnick",
             "Howard Lutnick", "according to", "cue"),
        id="according-to",
    ),
    pytest.param(
        Case("“We have had better weeks than this one,” Iowa delegate Tom Reyes, wearing a straw hat and “Vote Reyes” "
             "buttons, said cheerfully as the balloons came down.", "We have had", "Tom Reyes",
             "Iowa delegate Tom Reyes", "said", "cue"),
        id="name-after-the-quote-with-a-participle",
    ),
    pytest.param(
        Case("On a radio show on Monday, while discussing a tweet from the nominee, House Speaker Paul Ryan (R-WI) "
             "said “those images have no place in a campaign.”", "those images", "Paul Ryan",
             "House Speaker Paul Ryan (R-WI)", "said", "cue"),
        id="parenthesis-between-name-and-cue",
    ),
    pytest.param(
        Case("“He is right about this,” Flynn, a top adviser, said Friday on Fox News’s “Fox and Friends.”",
             "He is right", "Flynn", "Flynn, a top adviser", "said", "cue"),
        id="attribution-clause-ending-in-a-title",
    ),
    pytest.param(
        Case("But Sen. Richard Durbin (D-Ill.), noting the size of the crowd, said, “He has a heck of a list.”",
             "He has a heck", "Richard Durbin", "Sen. Richard Durbin (D-Ill.)", "said", "cue"),
        id="name-before-a-participle-clause",
    ),
    pytest.param(
        Case("“It is not the position that everything is fine,” Gene Sperling, a top outside adviser, said at an "
             "event in Iowa. “I think people can understand that things got better.”", "I think people",
             "Gene Sperling", "Gene Sperling, a top outside adviser", "said", "context"),
        id="context-mention-without-the-previous-quote",
    ),
    pytest.param(
        Case("Mike Pence spoke to Chris Wallace on Sunday.\n\n\"WALLACE: Governor, why would he do that?\n\n"
             "\"PENCE: Well, look, this is serious business.\"", "PENCE: Well", "Mike Pence", "PENCE", ":", "cue"),
        id="transcript-label-opens-each-paragraph",
    ),
    pytest.param(
        Case("The council met for hours. The town released a statement Wednesday saying “the vote was fair.”",
             "the vote", None, "The town", "saying", "cue"),
        id="a-weekday-is-never-the-speaker",
    ),
    pytest.param(
        Case("Voices like those proved decisive.\n\n\"We are going into the next recession without a consensus."
             "\nJosh Bivens, Economic Policy Institute.\"\n\nDemocrats agreed.", "We are going", "Josh Bivens",
             "Josh Bivens, Economic Policy Institute", "\"", "cue"),
        id="signoff-line-after-an-open-quote",
    ),
    pytest.param(
        Case("“It is interesting,” he said.\n\n\"Everybody believes in the treaty until they start losing."
             "\nDonald Trump.\"\n\nOr not.", "Everybody believes", "Donald Trump", "Donald Trump", "\"", "cue"),
        id="signoff-line-of-a-name-alone",
    ),
    pytest.param(
        Case("Sen. Bernie Sanders on Saturday criticized the accord adopted in Paris, saying the agreement goes "
             "“nowhere near far enough.”", "nowhere near", "Bernie Sanders", "Sen. Bernie Sanders", "saying", "cue"),
        id="go-without-a-comma-is-no-cue",
    ),
    pytest.param(
        Case("Harry Reid spoke again. In recent weeks, Reid has gone after Trump as a “human leech who will bleed the "
             "country.”", "human leech", "Harry Reid", "Reid", "gone", "cue"),
        id="gone-after-reports-an-attack",
    ),
    pytest.param(
        Case("Donald Trump spent the day attacking a rival. Speaking at a town hall in Salem, New Hampshire, "
             "Trump went after Bush, calling him “a total stiff.”",
             "a total stiff", "Donald Trump", "Trump", "calling", "cue"),
        id="the-subject-nearest-the-verb",
    ),
    pytest.param(
        Case("Michael Mulgrew, president of the teachers union, said he hopes the rally sends a message that "
             "“communities are standing up for their schools.”", "communities are", "Michael Mulgrew",
             "Michael Mulgrew, president of the teachers union", "said", "cue"),
        id="a-speech-noun-nobody-owns-gives-way-to-said",
    ),
    pytest.param(
        Case("The spot concludes with footage of Trump saying during the debate last week, “That makes me smart,” "
             "when Clinton blasted him.", "That makes", "Trump", "Trump", "saying", "cue"),
        id="footage-of-a-speaker-saying",
    ),
    pytest.param(
        Case("Mr. Smith told a story about a retired general who warned that the plan would “segregate” the troops.",
             "segregate", None, "a retired general", "warned", "cue"),
        id="who-stands-for-the-noun-it-follows",
    ),
    pytest.param(
        Case("It is now part of the conversation.\n\n\"What's shaping up is a battle for the ages,\" said David "
             "Brock, a Clinton confidant who heads the pro-Clinton super PAC Correct the Record.", "What's shaping",
             "David Brock", "David Brock, a Clinton confidant who heads the pro-Clinton super PAC", "said", "cue"),
        id="the-name-right-after-an-inverted-cue",
    ),
    pytest.param(
        Case("So far, Sanders has shown little inclination. But Sen. Richard J. Durbin (D-Ill.), noting the size of "
             "Sanders's following, said, \"Let me tell you, he's got a heck of an email list.\"", "Let me tell",
             "Richard J. Durbin", "Sen. Richard J. Durbin (D-Ill.)", "said", "cue"),
        id="a-cue-in-parataxis-takes-the-subject-of-its-clause",
    ),
    pytest.param(
        Case("“If I was a donor, I’d want answers,” said a prominent party member. “They are paying five times "
             "more.”", "They are paying", None, "a prominent party member", "said", "context"),
        id="an-anonymous-speaker-goes-on",
    ),
    pytest.param(
        Case("Stated Stone:\n\n“I think the stakes are high.”\n\n“… There is evidence that they cheated.”",
             "… There is", "Stone", "Stone", None, "context"),
        id="a-paragraph-opening-with-an-ellipsis-goes-on",
    ),
]


def _quote_starting(quotes: tuple[Quote, ...], words: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize("case", CASES)
def test_construction(nlp: Language, case: Case) -> None:
    quote = _quote_starting(extract_quotes(nlp(case.text)), case.quote)
    assert quote.speaker is not None
    assert quote.speaker.resolution == case.resolution
    assert quote.speaker.name == case.name
    mention = quote.speaker.mention
    assert mention is not None and case.text[mention.start : mention.end] == mention.text
    assert mention.text == case.mention
    assert (quote.cue.text if quote.cue else None) == case.cue
