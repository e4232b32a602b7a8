"""The attribute ruler's rules by table lookup: the same annotations as spaCy's component, token for token."""

from __future__ import annotations

import spacy

from detente.attribute_lookup import compile_rules, use_attribute_lookup
from detente.nlp import MODEL_NAME
from tests.conftest import token_annotations as _annotations


def test_the_lookup_annotates_exactly_as_the_models_attribute_ruler(varied_texts):
    stock = spacy.load(MODEL_NAME)
    fast = spacy.load(MODEL_NAME)
    assert use_attribute_lookup(fast)
    assert "attribute_ruler" not in fast.pipe_names and "detente_attribute_lookup" in fast.pipe_names
    differing = [text[:60] for text, a, b in zip(varied_texts, stock.pipe(varied_texts), fast.pipe(varied_texts),
                                                 strict=True)
                 if _annotations(a) != _annotations(b)]
    assert differing == []


def _ruler_pipeline(patterns: list[dict], fast: bool) -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    if fast:
        assert use_attribute_lookup(nlp)
    return nlp


def test_multi_token_rules_negative_indices_exclusions_regexes_and_later_rules_winning():
    """Rule shapes the shipped model has few of, against spaCy's component on a crafted sentence."""
    patterns = [
        {"patterns": [[{"LOWER": "y"}, {"ORTH": "'"}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}, "index": 0},
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'?$"}}]], "attrs": {"LEMMA": "nothing"}},
        {"patterns": [[{"IS_PUNCT": True, "ORTH": {"NOT_IN": [".", ","]}}]], "attrs": {"POS": "SYM"}},
        {"patterns": [[{"TEXT": {"IN": ["New", "Paris"]}}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"ORTH": "New"}]], "attrs": {"POS": "ADJ"}},  # later: wins over the rule above
        {"patterns": [[{"LOWER": "all"}], [{"LOWER": "nothin"}]], "attrs": {"TAG": "XX"}},
    ]
    text = "Y' all saw nothin' in New York ; Paris had nothing , but New York had all !"
    stock, fast = _ruler_pipeline(patterns, False), _ruler_pipeline(patterns, True)
    a, b = stock(text), fast(text)
    assert _annotations(a) == _annotations(b)
    assert b[0].lemma_ == "you" and b[4].lemma_ == "nothing" and b[6].pos_ == "ADJ" and b[7].pos_ == "PROPN"
    assert b[8].pos_ == "SYM" and b[18].pos_ == "SYM" and b[12].pos_ == ""
    assert b[9].pos_ == "NOUN" and str(b[9].morph) == "Number=Sing" and b[2].tag_ == b[17].tag_ == "XX"


def test_a_rule_beyond_sets_and_regexes_keeps_spacys_component():
    patterns = [{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}]
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    assert compile_rules(nlp.get_pipe("attribute_ruler")) is None
    assert not use_attribute_lookup(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert [t.pos_ for t in nlp("very very good")] == ["ADV", "ADV", ""]
