"""Candidate events: every ordered pair of different parties named (or referred to) in one sentence.

The same function builds the candidates the classifier is trained on (training/events) and the ones it codes at run
time, so training and use see the same features.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.actors.states import quoted
from detente.events.features import dense_features, sparse_features
from detente.events.mentions import PartyMention, main_pair, sentence_mentions
from detente.events.ontology import Trigger
from detente.events.roles import sentence_triggers
from detente.records import Quote

MAX_MENTIONS = 12  # a sentence listing more parties than this is a list, not an act (its first ones are kept)


@dataclass
class Candidate:
    sent_index: int
    sent: Span
    source: PartyMention
    target: PartyMention
    triggers: list[tuple[Token, Trigger]]
    sparse: list[str]
    dense: np.ndarray


def article_mentions(doc: Doc, actors: ActorResult, quotes: list[Quote] | None = None) -> list[list[PartyMention]]:
    """Party mentions per sentence, "the two countries" resolved to the article's main pair."""
    first = sentence_mentions(doc, actors, quotes)
    return sentence_mentions(doc, actors, quotes, main_pair(first))


def topic_parties(mentions: list[list[PartyMention]]) -> list[str]:
    """The article's two most-named parties: the counterpart a reaction or a reply leaves unnamed."""
    return main_pair(mentions)


def context_mentions(sent: Span, found: list[PartyMention], topic: list[str]) -> list[PartyMention]:
    """The topic parties a sentence does not name, as implicit mentions at its main verb: "Athens denied the
    incident" in a story about Turkey and Greece is Greece's rejection of Turkey's claim."""
    named = {m.code for m in found}
    actors = [m for m in found if not m.implicit and not m.as_location]
    if not actors:
        return []
    root = sent.root
    return [PartyMention(code, root.i, root.i + 1, root.i, "context", implicit=True)
            for code in topic if code not in named]


def candidates(doc: Doc, actors: ActorResult, quotes: list[Quote] | None = None,
               mentions: list[list[PartyMention]] | None = None, names: set[int] | None = None,
               with_context: bool = True) -> list[Candidate]:
    """Candidates of every sentence: each ordered pair of different parties it names (or, ``with_context``, implies)."""
    mentions = mentions if mentions is not None else article_mentions(doc, actors, quotes)
    topic = topic_parties(mentions)
    in_quote = quoted(doc)
    out: list[Candidate] = []
    for index, (sent, found) in enumerate(zip(doc.sents, mentions, strict=True)):
        found = found[:MAX_MENTIONS]
        implied = context_mentions(sent, found, topic) if with_context else []
        if len({m.code for m in found}) + len(implied) < 2:
            continue
        triggers = sentence_triggers(sent, names or set())
        for a in found + implied:
            for b in found + implied:
                if a.code == b.code or (a.start == b.start and a.kind not in ("pair", "context")) \
                        or (a.kind == "context" and b.kind == "context"):
                    continue
                out.append(Candidate(index, sent, a, b, triggers, sparse_features(sent, a, b, triggers, in_quote),
                                     dense_features(doc, sent, a, b)))
    return out
