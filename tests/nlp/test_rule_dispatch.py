"""RuleDispatch (service/nlp/reported_clause.py): a rule meets only the tokens its trigger takes, in order, the
first answer winning, and a swapped table is read at once (the cue fitting scripts swap it)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from service.nlp.quotes import QuoteMask, find_quote_spans
from service.nlp.reported import REPORTED_RULES
from service.nlp.reported_clause import GatedRule, ReportedClause, RuleDispatch, lemma_in, word_in

TEXT = 'Carney said talks would resume. “We said no,” Trump said. According to aides, he said it again.'


def _clause(rule: str, token: Token) -> ReportedClause:
    return ReportedClause(rule=rule, segments=((token.idx, token.idx + len(token.text)),), cue=(token,), source=None)


def _mask(nlp: Language, text: str) -> tuple[Doc, QuoteMask]:
    doc = nlp(text)
    return doc, QuoteMask(doc, find_quote_spans(text))


def test_a_rule_meets_only_the_tokens_its_trigger_takes_outside_the_quotations(nlp: Language) -> None:
    doc, mask = _mask(nlp, TEXT)
    met: list[str] = []

    def record(token: Token, _mask: QuoteMask) -> ReportedClause | None:
        met.append(token.text)
        return None

    RuleDispatch([GatedRule(record, lemma_in(frozenset({"say"})))], lambda: None).first_rule_per_token(doc, mask)
    assert met == ["said", "said", "said"]  # the 'said' inside the quotation is never met


def test_the_first_rule_that_answers_wins_and_later_rules_are_not_tried(nlp: Language) -> None:
    doc, mask = _mask(nlp, TEXT)
    tried: list[str] = []

    def never(token: Token, _mask: QuoteMask) -> ReportedClause | None:
        tried.append("never")
        return None

    def first(token: Token, _mask: QuoteMask) -> ReportedClause | None:
        tried.append("first")
        return _clause("first", token)

    def second(token: Token, _mask: QuoteMask) -> ReportedClause | None:
        tried.append("second")
        return _clause("second", token)

    rules = [GatedRule(never, word_in("according")), GatedRule(first, word_in("according", "aides")),
             GatedRule(second, word_in("according", "aides", "carney"))]
    found = RuleDispatch(rules, lambda: None).first_rule_per_token(doc, mask)
    assert [(c.rule, c.cue[0].text) for c in found] == [("second", "Carney"), ("first", "According"),
                                                        ("first", "aides")]
    assert tried == ["second", "never", "first", "first"]


def test_a_swapped_table_is_read_at_once(nlp: Language) -> None:
    doc, mask = _mask(nlp, TEXT)
    table = {"words": frozenset({"carney"})}
    holder = {"table": table}

    def takes(lemma: str, word: str) -> bool:
        return word in holder["table"]["words"]

    dispatch = RuleDispatch([GatedRule(lambda token, _m: _clause("r", token), takes)], lambda: holder["table"])
    assert [c.cue[0].text for c in dispatch.first_rule_per_token(doc, mask)] == ["Carney"]
    holder["table"] = {"words": frozenset({"aides"})}  # a new table: what was worked out for the old one goes
    assert [c.cue[0].text for c in dispatch.first_rule_per_token(doc, mask)] == ["aides"]


def test_every_reported_rule_is_gated_and_named() -> None:
    names = [rule.name for rule in REPORTED_RULES]
    assert len(names) == len(set(names))
    assert all(callable(rule.takes) for rule in REPORTED_RULES)
    said = [rule.name for rule in REPORTED_RULES if rule.takes("say", "said")]
    assert "said_that_clause" in said and "according_to" not in said
    assert [rule.name for rule in REPORTED_RULES if rule.takes("according", "according")] == ["according_to"]
