"""The lexicon holds every word list once: each is read by some rule, and no list names a word twice."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from service.nlp import lexicon

NLP = Path(lexicon.__file__).parent


def _public_lists() -> list[str]:
    return [name for name in vars(lexicon) if name.isupper()]


def test_every_list_is_read_by_a_rule() -> None:
    sources = "\n".join(p.read_text() for p in NLP.glob("*.py") if p.name != "lexicon.py")
    unread = [name for name in _public_lists() if not re.search(rf"\b{name}\b", sources)]
    assert unread == []


def _listed(node: ast.expr) -> list[str]:
    """The words a list's source names, repeats kept: words("a b"), {"a", "b"}, ("a", "b"), {"a": ...}."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "words":
        return [w for arg in node.args if isinstance(arg, ast.Constant) for w in str(arg.value).split()]
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "frozenset" and node.args:
        return _listed(node.args[0])
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        return [str(e.value) for e in node.elts if isinstance(e, ast.Constant)]
    if isinstance(node, ast.Dict):
        return [str(k.value) for k in node.keys if isinstance(k, ast.Constant)]
    return []


def test_no_word_list_names_a_word_twice() -> None:
    tree = ast.parse((NLP / "lexicon.py").read_text())
    repeats = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            listed = _listed(node.value)
            twice = sorted({w for w in listed if listed.count(w) > 1})
            if twice:
                repeats[node.targets[0].id] = twice
    assert repeats == {}


def test_words_refuses_a_repeat() -> None:
    with pytest.raises(ValueError, match="listed twice: say"):
        lexicon.words("say tell say")


def test_no_word_list_is_defined_outside_the_lexicon() -> None:
    # a module-level set of words in a rule module belongs in lexicon.py
    pattern = re.compile(r"^_?[A-Z_]+ = (?:frozenset|words)\(", re.M)
    elsewhere = [p.name for p in NLP.glob("*.py") if p.name != "lexicon.py" and pattern.search(p.read_text())]
    assert elsewhere == []
