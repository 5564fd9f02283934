"""The model's attribute_ruler and lemmatizer, computing only what the rules read: `pos_`, `lemma_`, `dep_`.

The rules read a token's coarse part of speech (`pos_`), its lemma (reporting verbs, role nouns) and its
dependency label; never its morphology. The model's attribute_ruler matches 179 patterns over every
Doc to set part of speech, morphology and some lemmas, then the lemmatizer looks each token's lemma up
from part of speech and morphology: together about a third of the model's time on news text.

`PosAndLemma` gives the same `pos_`, `lemma_` and `dep_`, token for token: 171 of the patterns look at
one token alone (its text, tag, dependency label), so the answer for a (text, tag, label) is the same
wherever the token is. It is computed once, by the model's own two components on a one-token Doc, and
remembered; only the 8 patterns that span two tokens ("gon na", "there is") are matched on the Doc.
Morphology is left unset: nothing reads it.

`names_tagged_as_modals` runs after it and repairs one tagging error the rules meet in news: a name the tagger
took for a modal ('“...,” Will wrote', 'George Will urged'), which would leave the cue without a subject.
"""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, ORTH, POS, TAG  # type: ignore[import-not-found]  # Cython, no stub
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from service.nlp.lexicon import NOT_AFTER_A_MODAL_TAGS

# (orth, tag, dep) of a token -> its (pos, lemma, dep) hashes; cleared past this size (a long archive
# meets ever more rare names and numbers; the common words come back within a few articles).
MAX_REMEMBERED = 500_000

_Key = tuple[int, int, int]
_Value = tuple[int, int, int]


class PosAndLemma:
    """A pipeline component standing in for `attribute_ruler` + `lemmatizer` (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        ruler: Any = nlp.get_pipe("attribute_ruler")
        self.ruler = ruler
        self.lemmatizer: Any = nlp.get_pipe("lemmatizer")
        self.context = Matcher(nlp.vocab)
        # Patterns over two tokens, by their index in the ruler: later ones win, as in the ruler.
        self.context_attrs: dict[int, tuple[dict[str, str], int]] = {}
        for number, pattern in enumerate(ruler.patterns):
            if any(len(tokens) > 1 for tokens in pattern["patterns"]):
                self.context.add(str(number), pattern["patterns"])
                self.context_attrs[number] = (pattern["attrs"], pattern.get("index", 0))
        self.remembered: dict[tuple[int, int, int, str], _Value] = {}  # (orth, tag, dep, pos set) -> value

    def __call__(self, doc: Doc) -> Doc:
        """Set `pos`, `lemma` (and the ruler's `dep` of whitespace tokens) on every token."""
        if len(doc) == 0:
            return doc
        # The ruler matches on the Doc as the parser left it: match first, write after.
        matches = sorted((int(self.vocab.strings[m_id]), start) for m_id, start, _ in self.context(doc))
        keys: list[_Key] = [(orth, tag, dep) for orth, tag, dep in doc.to_array([ORTH, TAG, DEP]).tolist()]
        remembered = self.remembered
        values = [remembered.get((*key, "")) for key in keys]
        missing = [i for i, value in enumerate(values) if value is None]
        if missing:
            # Each new (orth, tag, dep) once: a Doc of repeated words would send every copy through the ruler.
            first = {keys[i]: i for i in reversed(missing)}
            computed = dict(zip(first, self._compute([doc[i] for i in first.values()]), strict=True))
            for i in missing:
                values[i] = computed[keys[i]]
        lemmas_set: set[int] = set()
        for number, start in matches:
            attrs, offset = self.context_attrs[number]
            i = start + offset
            pos, lemma, dep = values[i]  # type: ignore[misc]
            if "POS" in attrs:  # "there is": 'is' a VERB, with its lemma as the lemmatizer gives it then
                pos, looked_up, dep = self._compute([doc[i]], attrs["POS"])[0]
                lemma = lemma if i in lemmas_set else looked_up
            if "LEMMA" in attrs:
                lemma = self.vocab.strings.add(attrs["LEMMA"])
                lemmas_set.add(i)
            values[i] = (pos, lemma, dep)
        doc.from_array([POS, LEMMA], numpy.array(values, dtype="uint64")[:, :2])  # type: ignore[arg-type]
        for i in [i for i, (key, value) in enumerate(zip(keys, values, strict=True)) if value[2] != key[2]]:  # type: ignore[index]
            doc[i].dep = values[i][2]  # type: ignore[index]  # the ruler labels whitespace tokens 'dep'
        return doc

    def _compute(self, tokens: list[Any], pos: str = "") -> list[_Value]:
        """(pos, lemma, dep) of each token alone, by the model's ruler and lemmatizer, remembered.

        The tokens go through one Doc, each followed by a separator no two-token pattern matches, so no
        pattern spans two of them; `pos`, when given, is set as a two-token pattern sets it.
        """
        words, tags, deps = [], [], []
        for token in tokens:
            words += [token.text, _SEPARATOR]
            tags += [token.tag_, "NFP"]
            deps += [token.dep_, "dep"]
        batch = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags, deps=deps,
                    heads=list(range(len(words))))
        self.ruler(batch)
        if pos:
            for token in list(batch)[::2]:
                token.pos_ = pos
        self.lemmatizer(batch)
        if len(self.remembered) >= MAX_REMEMBERED:
            self.remembered.clear()
        values: list[_Value] = []
        for token, alone in zip(tokens, list(batch)[::2], strict=True):
            value = (alone.pos, alone.lemma, alone.dep)
            self.remembered[(token.orth, token.tag, token.dep, pos)] = value
            values.append(value)
        return values


# Between the tokens of a batch: no two-token pattern of the ruler has it ("gon na", "there is", ...).
_SEPARATOR = "⁣"  # invisible separator, a character of its own


@Language.component("names_tagged_as_modals")
def names_tagged_as_modals(doc: Doc) -> Doc:
    """'“...,” Will wrote': a capitalised modal whose verb is no base form is the verb's subject, a proper noun."""
    for token in doc:
        head = token.head
        if token.tag_ == "MD" and token.text[:1].isupper() and head.i > token.i and head.tag_ in NOT_AFTER_A_MODAL_TAGS:
            token.tag_, token.pos_, token.lemma_ = "NNP", "PROPN", token.text
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i == token.i - 1 and subject.pos_ == "PROPN":
                subject.dep_, subject.head = "compound", token  # "George Will wrote": the name's first word
                subject = None
            if subject is None:
                token.dep_ = "nsubj"
    return doc


@Language.factory("pos_and_lemma")
def make_pos_and_lemma(nlp: Language, name: str) -> PosAndLemma:
    """The component, built from the model's attribute_ruler and lemmatizer (which must be loaded, then disabled)."""
    return PosAndLemma(nlp)
