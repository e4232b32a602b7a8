"""Which states act in an article, as opposed to being places or passing names.

A state acts when it is the grammatical agent or partner of something ("Britain announced…", "Egypt and Syria
launched…", "upgraded ties with Japan"), when it is named as more than a place at least twice, or when one of its
office holders appears. A state named once as a place ("a summit in Panama"), or only as an expert's base, does not.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from detente.tables import load_table

LOCATION_PREPS = {"to", "in", "at", "from", "into", "near", "across", "around", "via", "through", "inside", "outside",
                  "within", "throughout", "beyond"}
AGENT_DEPS = {"nsubj", "nsubjpass", "csubj"}
EXAMPLE_PREPS = {"including", "like"}  # a list of examples of the noun it hangs on takes that noun's role
PARTNER_PREPS = {"with", "against", "by", "between"}
OFFICE_KINDS = {"state-office", "party"}


def is_location(span: Span) -> bool:
    """"a visit to Hanoi", "in Vietnam": the place where something happens, not an actor."""
    root = first_conjunct(span.root)
    return root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS


def named_as_venue(span: Span) -> bool:
    """ "at the UN", "in the Security Council": a body named as where something was said or done; "to the UN"
    addresses it."""
    root = first_conjunct(span.root)
    return root.dep_ == "pobj" and root.head.lower_ in ("at", "in")


def first_conjunct(token: Token) -> Token:
    """The head of a coordination ("Japan" for "Canada" in "Japan, Canada and Mexico"): where the list attaches."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """Nouns that name an action between states ("invasion", "visit"), from the event lexicon."""
    return frozenset(row["trigger"].split()[-1] for row in load_table("event_lexicon.tsv") if row.get("pos") == "NOUN")


def is_agent(span: Span) -> bool:
    """Doer or partner of an action: subject of a verb, agent of a passive, partner of a relation ("ties with
    Japan"), owner of an acting body or an action noun ("China's foreign ministry declined", "Russia's invasion
    of Ukraine") and that noun's "of" object; conjuncts included."""
    return _agent(first_conjunct(span.root))


def _agent(root: Token, depth: int = 0) -> bool:
    if root.dep_ in AGENT_DEPS:
        return True
    if root.dep_ == "poss":
        owner = first_conjunct(root.head)
        return owner.lemma_ in event_nouns() or owner.dep_ in AGENT_DEPS
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of":
        return prep.head.lemma_ in event_nouns()
    if prep.lower_ in EXAMPLE_PREPS and prep.head.i != prep.i and depth < 2:
        return _agent(first_conjunct(prep.head), depth + 1)  # "talks with partners including Japan": the partners' role
    return prep.lower_ in PARTNER_PREPS and prep.head.pos_ in ("VERB", "NOUN")


def quoted(doc: Doc) -> list[bool]:
    """Per token: inside a direct quotation. What a commentator says a state might do is not the state acting."""
    inside = [False] * len(doc)
    state = False
    for token in doc:
        if "\n" in token.text:
            state = False
        if token.text in ('"', "“", "”"):
            state = token.text == "“" or (token.text == '"' and not state)
            continue
        inside[token.i] = state
    return inside


class StateVotes:
    """Evidence that each state acts, summed over the article."""

    def __init__(self) -> None:
        self.votes: Counter[str] = Counter()

    def mention(self, iso3: str, span: Span, as_location: bool, in_quote: bool = False) -> None:
        if as_location:
            self.votes[iso3] += 0
        elif is_agent(span) and not in_quote:
            self.votes[iso3] += 2
        else:
            self.votes[iso3] += 1

    def office_holder(self, iso3: str | None) -> None:
        if iso3:
            self.votes[iso3] += 2

    def acting(self) -> list[str]:
        return sorted(iso for iso, n in self.votes.items() if n >= 2)
