"""Candidate events: in each sentence that names (or implies) two parties, every word that may name an act.

A candidate is a trigger word (a verb, or a noun the model or the lexicon knows as an act) with the sentence's party
mentions around it. The same function builds the candidates the classifier is trained on (training/events) and the
ones it codes at run time, so training and use see the same features.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.actors.states import quoted
from detente.events.features import trigger_features, trigger_vector
from detente.events.mentions import PartyMention, main_pair, sentence_mentions
from detente.events.ontology import Trigger
from detente.events.roles import lexicon_matches
from detente.records import Quote

MAX_MENTIONS = 12  # a sentence listing more parties than this is a list, not an act (its first ones are kept)


@dataclass
class Candidate:
    sent_index: int
    sent: Span
    token: Token
    lexicon: list[Trigger]  # the lexicon's rows for this word (may be empty)
    mentions: list[PartyMention]  # the sentence's parties, named and implied
    features: list[str]
    vector: np.ndarray


def article_mentions(doc: Doc, actors: ActorResult, quotes: list[Quote] | None = None) -> list[list[PartyMention]]:
    """Party mentions per sentence, "the two countries" resolved to the article's main pair."""
    first = sentence_mentions(doc, actors, quotes)
    return sentence_mentions(doc, actors, quotes, main_pair(first))


def context_mentions(sent: Span, found: list[PartyMention], topic: list[str]) -> list[PartyMention]:
    """The topic parties a sentence does not name, as implicit mentions at its main verb: "Athens denied the
    incident" in a story about Turkey and Greece is Greece's rejection of Turkey's claim."""
    named = {m.code for m in found}
    if not any(not m.implicit and not m.as_location for m in found):
        return []
    root = sent.root
    return [PartyMention(code, root.i, root.i + 1, root.i, "context", implicit=True)
            for code in topic if code not in named]


def is_trigger_word(token: Token, lexicon: list[Trigger], nouns: Collection[str]) -> bool:
    """Verbs, and nouns that can name an act (the lexicon's, or those the model learned)."""
    if token.pos_ == "VERB":
        return True
    return token.pos_ in ("NOUN", "PROPN") and (bool(lexicon) or token.lemma_.lower() in nouns)


def candidates(doc: Doc, actors: ActorResult, quotes: list[Quote] | None = None, *, nouns: Collection[str] = (),
               with_context: bool = True, mentions: list[list[PartyMention]] | None = None,
               names: set[int] | None = None) -> list[Candidate]:
    """Trigger candidates of every sentence with two or more parties (named, or one named and one implied)."""
    mentions = mentions if mentions is not None else article_mentions(doc, actors, quotes)
    topic = main_pair(mentions) if with_context else []
    in_quote = quoted(doc)
    names = names or set()
    out: list[Candidate] = []
    for index, (sent, found) in enumerate(zip(doc.sents, mentions, strict=True)):
        found = found[:MAX_MENTIONS]
        parties = found + context_mentions(sent, found, topic)
        if len({m.code for m in parties}) < 2:
            continue
        inside = {i for m in found if m.kind not in ("pronoun", "pair", "context") for i in range(m.start, m.end)}
        vector = None
        for token in sent:
            if token.i in inside or token.idx in names:
                continue
            lexicon = lexicon_matches(token)
            if not is_trigger_word(token, lexicon, nouns):
                continue
            vector = trigger_vector(doc, token, sent)
            out.append(Candidate(index, sent, token, lexicon, parties,
                                 trigger_features(token, lexicon, parties, in_quote), vector))
    return out
