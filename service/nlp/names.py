"""The people and organisations an article names, and how its mentions resolve to one canonical name.

The entity recogniser is not loaded (see pipeline.py), so names come from the parse: a run of proper
nouns is a name, a title before it is a role, and any later mention whose last word is a known surname
resolves to the fullest form the article used.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from service.nlp.lexicon import (
    ANONYMOUS_HEADS,
    FEMALE_HONORIFICS,
    HONORIFICS,
    HYPHENS,
    MALE_HONORIFICS,
    NAME_PARTICLES,
    ORGANISATION_HEADS,
    ORGANISATION_MODIFIERS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    POSSESSIVE_MARKERS,
    REPORTING_VERBS,
    ROLE_ACRONYMS,
    ROLE_NOUNS,
    STANDALONE_ORGANISATIONS,
    TITLE_WORDS,
)
from service.nlp.pipeline import article_text


@dataclass
class Person:
    """One person of the article: fullest name, role words seen before the name, gender if said."""

    name: str
    role: str | None = None
    gender: str | None = None
    positions: list[int] = field(default_factory=list)
    # words the article describes the person with: "CNN host Jake Tapper", "Jane Roe, a Republican lawmaker"
    descriptions: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()

    def role_words(self) -> set[str]:
        return {w.lower().rstrip(".") for w in (self.role or "").split()} | self.descriptions


@dataclass(frozen=True)
class NameParts:
    """A name read off tokens: the name words, the title/role words before them, an honorific's gender."""

    name: str
    role: str | None
    gender: str | None
    start: int
    end: int


class NameRegistry:
    """People of one article keyed by surname, built once per document."""

    def __init__(self, doc: Doc) -> None:
        self.people: dict[str, Person] = {}
        self._mentions: list[tuple[int, Person]] = []
        # Proper-noun runs after a title ("Ontario Premier Doug Ford") or of two words and more are names; in a
        # headline every word is capitalised, so its runs say nothing ("Black Lawmakers Rip Donald Trump").
        headlines = _headline_lines(article_text(doc))
        for token in doc:
            if token.pos_ == "PROPN" and token.dep_ != "compound" and not _inside(token.idx, headlines):
                parts = name_parts(token)
                if parts and (parts.role or len(parts.name.split()) >= 2) and _looks_personal(token, parts):
                    self._add(parts)
                    self.people[parts.name.split()[-1].lower()].descriptions |= _described_as(token)
        for token in doc:
            if token.pos_ == "PROPN" and token.dep_ != "compound":
                person = self.people.get(surname_key(token))
                if person is not None:
                    self._mentions.append((token.idx, person))
        self._mentions.sort(key=lambda m: m[0])
        # For pronoun antecedents: per pronoun gender, the offsets of mentions of people it may refer to
        # (that gender or unknown), in text order, so the latest before a pronoun is one bisection away.
        self._compatible: dict[str, tuple[list[int], list[Person]]] = {}
        for gender in ("male", "female"):
            kept = [(pos, person) for pos, person in self._mentions if person.gender in (None, gender)]
            self._compatible[gender] = ([pos for pos, _ in kept], [person for _, person in kept])
        # first names of people named in full, when only one person has it
        first_names: dict[str, list[Person]] = {}
        for person in self.people.values():
            words = person.name.split()
            if len(words) >= 2 and words[0][:1].isupper() and len(words[0].rstrip(".")) > 1:
                first_names.setdefault(words[0].lower(), []).append(person)
        self._first_names = {w: ps[0] for w, ps in first_names.items() if len(ps) == 1 and w not in self.people}
        self._mention_counts: dict[str, int] = {}
        for _, person in self._mentions:
            self._mention_counts[person.surname] = self._mention_counts.get(person.surname, 0) + 1

    def _add(self, parts: NameParts | None) -> None:
        if parts is None:
            return
        key = parts.name.split()[-1].lower()
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(name=parts.name)
        elif len(parts.name.split()) > len(person.name.split()) <= 2:
            person.name = parts.name  # "Trump" seen first, "Donald Trump" later: keep the fuller form
        if parts.role and (person.role is None or len(parts.role) > len(person.role)):
            person.role = parts.role
        if parts.gender and person.gender is None:
            person.gender = parts.gender
        person.positions.append(parts.start)

    def person_for(self, token: Token) -> Person | None:
        """The person a proper-noun mention (head token) names, by its surname."""
        parts = name_parts(token)
        if parts is None:
            # The tagger sometimes calls a sentence-initial surname an adjective ("Trump, meanwhile, ...").
            return self.people.get(surname_key(token)) if token.text[:1].isupper() else None
        key = parts.name.split()[-1].lower()
        person = self.people.get(key)
        if person is None and " " not in parts.name:
            person = self._first_names.get(key)  # "Jane said" after "Jane Roe"
        return person

    def person_by_role(self, mention_head: Token, before: int) -> Person | None:
        """The person a description names ("the president", "the Canadian leader"), most recent first."""
        words = {mention_head.lemma_.lower()} | {
            c.text.lower().rstrip(".") for c in mention_head.lefts if c.dep_ in ("amod", "compound")
        }
        best: tuple[int, int, Person] | None = None
        for person in self.people.values():
            overlap = len(words & person.role_words())
            if not overlap:
                continue
            last_seen = max((p for p in person.positions if p < before), default=-1)
            candidate = (overlap, last_seen, person)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        return best[2] if best else None

    def describes(self, noun: str) -> bool:
        """Does the article describe someone with `noun` ("the CNN host" after "CNN host Jake Tapper")?"""
        return any(noun in person.descriptions for person in self.people.values())

    def person_or_new(self, token: Token) -> Person | None:
        """The registered person a proper noun names, or a person by its own words when it is a personal name
        the registry does not hold ("Roe spoke." names Roe though the article gives no full name)."""
        person = self.person_for(token)
        if person is not None or token.pos_ != "PROPN":
            return person
        parts = name_parts(token)
        if parts is None or not _looks_personal(token, parts):
            return None
        return Person(name=parts.name, role=parts.role, gender=parts.gender)

    def latest_person(self, before: int, gender: str) -> Person | None:
        """The person of `gender` (or of unknown gender) mentioned last before offset `before`.

        One bisection: O(log mentions), whatever the number of people or of pronouns that ask.
        """
        positions, people = self._compatible.get(gender, ([], []))
        index = bisect.bisect_left(positions, before) - 1
        return people[index] if index >= 0 else None

    def mention_count(self, person: Person) -> int:
        """How many times the article names `person` by a proper noun."""
        return self._mention_counts.get(person.surname, 0)


def name_parts(head: Token) -> NameParts | None:
    """Name and role words of the proper-noun phrase headed by `head` ("U.S. President Donald Trump").

    Hyphenated and particle surnames stay whole ("Smith-Jones", "Park Geun-hye", "de Blasio"); an office
    before the name is role, not name ("Secretary of Homeland Security Jane Roe"); a surname that is also
    a title word is a name after a first name or an honorific ("Charlie King", "Mr. King").
    """
    if head.pos_ not in ("PROPN", "NOUN"):
        return None
    doc = head.doc
    units = _name_units(head)
    first = units[0][0]
    office = _office_before(doc, first.i)
    titles = [k for k, unit in enumerate(units) if _unit_text(unit).lower() in TITLE_WORDS]
    if titles and titles[-1] == len(units) - 1 and len(units) > 1 and _unit_text(units[-1])[:1].isupper():
        # "Charlie King", "Mr. King": the head's own word is the surname when a name or honorific precedes it
        before = units[-2]
        if _unit_text(before).lower() in HONORIFICS or _unit_text(before).lower() not in TITLE_WORDS:
            titles.pop()
    last_title = titles[-1] if titles else -1
    role_units = units[: last_title + 1]
    name_units = [u for u in units[last_title + 1 :] if _is_name_word(u)]
    if not name_units or name_units[-1][-1].i != head.i:
        return None
    if office and len(name_units) > 2:
        # "Secretary of Homeland Security Jane Roe": the office's own capitalised words come before the name
        keep = 3 if len(name_units) > 3 and _is_initial(name_units[-2]) else 2
        role_units, name_units = role_units + name_units[:-keep], name_units[-keep:]
    role_words = [_unit_text(u) for u in role_units]
    gender = None
    if any(w.lower() in MALE_HONORIFICS for w in role_words):
        gender = "male"
    elif any(w.lower() in FEMALE_HONORIFICS for w in role_words):
        gender = "female"
    role = " ".join(([office] if office else []) + [w for w in role_words if w.lower() not in HONORIFICS]) or None
    name = " ".join(_unit_text(u) for u in name_units)
    return NameParts(name=name, role=role, gender=gender, start=first.idx, end=head.idx + len(head.text))


def _name_units(head: Token) -> list[list[Token]]:
    """The run of name-like words that ends at `head`, on one line, at most 7 words; each word a list of
    tokens joined without spaces ("Smith", "-", "Jones")."""
    doc = head.doc
    run: list[Token] = [head]
    in_run = {head.i}
    words = 1
    i = head.i - 1
    while i >= 0 and words < 7:
        t = doc[i]
        if "\n" in t.whitespace_ or "\n" in t.text or t.head.i < t.i and t.head.i > head.i:
            break
        glued = not t.whitespace_ and (t.text in HYPHENS or doc[i + 1].text in HYPHENS)
        if not glued and t.head.i not in in_run:
            break
        if not (glued or t.pos_ == "PROPN" or t.lower_ in TITLE_WORDS or t.lower_ in NAME_PARTICLES):
            break
        run.insert(0, t)
        in_run.add(t.i)
        words += 0 if glued else 1
        i -= 1
    while run[0].text in HYPHENS:
        run.pop(0)
    units: list[list[Token]] = []
    for t in run:
        if units and not doc[t.i - 1].whitespace_ and (t.text in HYPHENS or doc[t.i - 1].text in HYPHENS):
            units[-1].append(t)
        else:
            units.append([t])
    return units


def _unit_text(unit: list[Token]) -> str:
    return "".join(t.text for t in unit)


def _is_name_word(unit: list[Token]) -> bool:
    """A capitalised word of a name, or a particle inside it ("de", "van"); not a possessive or a cue."""
    word = _unit_text(unit)
    if word in POSSESSIVE_MARKERS or reads_as_cue(unit[0]):
        return False
    return word[:1].isupper() or word.lower() in NAME_PARTICLES


def _is_initial(unit: list[Token]) -> bool:
    word = _unit_text(unit)
    return len(word) == 2 and word.endswith(".")


def _office_before(doc: Doc, i: int) -> str | None:
    """'Secretary of Homeland' before 'Security Jane Roe': a title, 'of', and capitalised words, or None."""
    j = i - 1
    while j >= 0 and i - j <= 4 and doc[j].pos_ == "PROPN" and doc[j].lower_ not in TITLE_WORDS:
        j -= 1
    if j < 1 or doc[j].lower_ != "of" or doc[j - 1].lower_ not in TITLE_WORDS or "\n" in doc[j - 1 : i].text:
        return None
    return doc[j - 1 : i].text


def surname_key(token: Token) -> str:
    """The key a surname token files its person under: its whole hyphenated word, lower case."""
    doc = token.doc
    start = token.i
    while start >= 2 and doc[start - 1].text in HYPHENS:
        if doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
            break
        start -= 2
    return doc[start : token.i + 1].text.lower()


def _described_as(head: Token) -> set[str]:
    """Description words given with a name: a common noun before it ("CNN host Jake Tapper") or an appositive
    after it ("Jane Roe, a Republican lawmaker"), with the words that modify that noun."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            found.append(child)
        elif child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < head.i and child.text.islower():
            found.append(child)
    words: set[str] = set()
    for noun in found:
        words.add(noun.lemma_.lower())
        words |= {c.text.lower() for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i}
    return words


def organisation_of(head: Token) -> str | None:
    """The organisation a mention headed by `head` names, read off its words, or None.

    'CNN', 'Reuters', 'the Democratic National Committee', 'the Justice Department', 'the Trump campaign'.
    """
    text = head.text
    doc = head.doc
    label = head.i + 1 < len(doc) and doc[head.i + 1].text == ":"  # "TRUMP:" opens a transcript line
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 5 and head.lower_ not in ROLE_ACRONYMS:
        return None if label else text  # an acronym: CNN, FBI, DNC, GOP
    if head.lower_ in STANDALONE_ORGANISATIONS and text[:1].isupper():
        return text
    if head.lower_ not in ORGANISATION_HEADS:
        return None
    run = [head]
    positions = {head.i}
    i = head.i - 1
    while i >= 0 and len(run) < 7 and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].text[:1].isupper():
        if "\n" in doc[i].whitespace_ or doc[i].head.i not in positions:
            break
        run.append(doc[i])
        positions.add(i)
        i -= 1
    run.reverse()
    if any(t.lower_ in TITLE_WORDS and t.lower_ not in ORGANISATION_MODIFIERS for t in run):
        return None  # "Sen. Frank Church": a title makes it a person
    return " ".join(t.text for t in run) if len(run) > 1 else None


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines of four words or more whose words nearly all start with a capital: headlines, in text order."""
    lines = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _inside(offset: int, lines: list[tuple[int, int]]) -> bool:
    """Is `offset` inside one of the sorted, disjoint `lines`?"""
    index = bisect.bisect_right(lines, (offset, math.inf)) - 1
    return index >= 0 and offset < lines[index][1]


def _names_a_place(parts: NameParts) -> bool:
    """'United States', 'North Korea', 'Wall Street', 'Election Day': a name made of place words."""
    words = parts.name.lower().split()
    return len(words) >= 2 and (words[-1] in PLACE_LAST_WORDS or words[0] in PLACE_FIRST_WORDS)


def reads_as_cue(token: Token) -> bool:
    """'Stated' in 'Stated Stone:', which the tagger reads as part of the name: a reporting verb's past form."""
    if not token.is_sent_start:
        return False
    word = token.lower_
    past = word.endswith("ed") and (word[:-1] in REPORTING_VERBS or word[:-2] in REPORTING_VERBS)
    return word in ("said", "says") or past


def _looks_personal(head: Token, parts: NameParts) -> bool:
    """A proper-noun run is a person's name unless its words make it a place or an organisation."""
    return organisation_of(head) is None and not _names_a_place(parts)


def is_anonymous(head: Token) -> bool:
    """'a source', 'one observer', 'officials': a speaker who names nobody."""
    if head.lemma_.lower() not in ANONYMOUS_HEADS and head.text.lower() not in ANONYMOUS_HEADS:
        return False
    return head.pos_ != "PROPN"


def is_role_description(head: Token) -> bool:
    """'the president', 'the Canadian leader': a description that stands for a named person."""
    if head.pos_ == "PROPN" and head.text.lower() != "potus":
        return False
    if head.lemma_.lower() not in ROLE_NOUNS and head.text.lower() not in ROLE_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") for c in head.lefts)
