"""Event nouns that name a kind of act rather than an act, and nouns dated as background by their own year.

"Obligations extended to armed attacks on Philippine vessels": a bare plural conflict noun with no determiner and no
party of its own is a category, so the sentence's other states must not be read into it. "Under a 1951 mutual defence
treaty": a cooperation noun carrying its own year is a past event of the states the sentence names, even unnamed in it.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.ontology import UNDIRECTED, Trigger, plover_info

DETERMINER_DEPS = {"det", "poss", "nummod"}
CATEGORY_PREPS = {"to", "against", "like", "including"}  # "extended to armed attacks", "protection against strikes"


def generic_noun(token: Token, trig: Trigger) -> bool:
    """A bare plural conflict noun ("armed attacks", "strikes on ships"): no article, possessor or number."""
    if trig.pos != "NOUN" or token.tag_ not in ("NNS", "NNPS"):
        return False
    if not plover_info(trig.type).quad.endswith("conflict"):
        return False
    if token.dep_ != "pobj" or token.head.lower_ not in CATEGORY_PREPS:
        return False  # "clashes erupted", "during demonstrations against X": the clause gives it its parties
    return not any(c.dep_ in DETERMINER_DEPS or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children)


def any_kind(token: Token, trig: Trigger) -> bool:
    """A noun act determined by "any" ("a crushing response to any Israeli attack", "would veto any sanctions"): a
    kind of act that a warning or a stance is about, none that took place or is planned."""
    return trig.pos == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in token.children)


INTERNAL_MODIFIERS = {"civil", "internal", "domestic", "intra-state", "sectarian", "tribal"}


def internal_conflict(token: Token, trig: Trigger) -> bool:
    """"Syria's nine-year civil war", "the internal conflict": a state's own war is no act between states."""
    return trig.pos == "NOUN" and plover_info(trig.type).quad.endswith("conflict") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in INTERNAL_MODIFIERS for c in token.children)


def _is_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit() and 1800 <= int(token.text) <= 2100


def dated_background_noun(token: Token, trig: Trigger) -> bool:
    """"a 1951 mutual defence treaty", "the 1972 accord": an undirected noun with a year modifier of its own."""
    return trig.pos == "NOUN" and trig.type in UNDIRECTED and any(
        c.dep_ in ("nummod", "compound", "amod") and _is_year(c) for c in token.children)
