"""Candidate events: every ordered pair of different parties that a sentence names or implies.

The same function builds the candidates the classifier is trained on (training/events) and the ones it codes at run
time, so training and use see the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from detente.actors import ActorResult
from detente.events.mentions import PartyMention, main_pair, sentence_mentions
from detente.records import Quote

MAX_MENTIONS = 12  # a sentence listing more parties than this is a list, not an act (its first ones are kept)


@dataclass
class Candidate:
    sent_index: int
    sent: Span
    source: PartyMention
    target: PartyMention


@dataclass
class SentenceCandidates:
    """A sentence and its candidate pairs: the encoder reads the sentence once for all of them."""

    index: int
    sent: Span
    mentions: list[PartyMention]
    pairs: list[Candidate]


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


def candidates(doc: Doc, actors: ActorResult, quotes: list[Quote] | None = None, *, with_context: bool = True,
               mentions: list[list[PartyMention]] | None = None) -> list[SentenceCandidates]:
    """Per sentence with two or more different parties (named, or one named and one implied): every ordered pair."""
    mentions = mentions if mentions is not None else article_mentions(doc, actors, quotes)
    topic = main_pair(mentions) if with_context else []
    out: list[SentenceCandidates] = []
    for index, (sent, found) in enumerate(zip(doc.sents, mentions, strict=True)):
        parties = found[:MAX_MENTIONS]
        parties = parties + context_mentions(sent, parties, topic)
        if len({m.code for m in parties}) < 2:
            continue
        pairs = [Candidate(index, sent, a, b) for a in parties for b in parties
                 if a.code != b.code and not (a.kind == "context" and b.kind == "context") and a.start != b.start]
        out.append(SentenceCandidates(index, sent, parties, pairs))
    return out
