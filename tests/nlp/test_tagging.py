"""pos_and_lemma gives the model's own attribute_ruler + lemmatizer answers for pos_, lemma_ and dep_."""
from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokens import Doc

from service.nlp.tagging import PosAndLemma

TEXTS = [
    "“We have natural conflict,” Trump said. There is a problem, and there were others.",
    "I ain't gonna say it, y'all, but we gotta go. Let's see. C'mon, it's nothin'.",
    "The minister, who has said nothing, does the work.\n\n  He did what he had to do; that's all.",
    "But the Zorblatt Institute's spokeswoman, Ms. Quenby-Vasquez, told reporters: “No comment.”",
    "",
    "\n",
]


def model_answer(nlp: Language, doc: Doc) -> Doc:
    """The same Doc through the model's own two components (disabled in the service's pipeline)."""
    reference = doc.copy()
    nlp.get_pipe("attribute_ruler")(reference)
    nlp.get_pipe("lemmatizer")(reference)
    return reference


def parsed(nlp: Language, text: str) -> Doc:
    """`text` through every component before pos_and_lemma."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "pos_and_lemma":
            return doc
        doc = component(doc)
    raise AssertionError("pos_and_lemma is not in the pipeline")


@pytest.mark.parametrize("text", TEXTS)
def test_same_pos_lemma_and_dep_as_the_model(nlp: Language, text: str) -> None:
    """Token for token, including two-token patterns ("gon na", "there is") and whitespace tokens."""
    doc = parsed(nlp, text)
    expected = model_answer(nlp, doc)
    component = PosAndLemma(nlp)
    for _ in range(2):  # computed, then remembered
        ours = component(doc.copy())
        attrs = [POS, LEMMA, DEP, TAG, HEAD]
        assert ours.to_array(attrs).tolist() == expected.to_array(attrs).tolist()
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in expected]


def test_words_are_computed_once(nlp: Language) -> None:
    """The second article with the same words computes nothing new."""
    component = PosAndLemma(nlp)
    component(parsed(nlp, TEXTS[0]))
    known = dict(component.remembered)
    component(parsed(nlp, TEXTS[0]))
    assert component.remembered == known and len(known) > 10
