"""From candidate pairs to coded acts: the classifier's types for each pair, and the words that carry each act.

The words matter for what follows: the act's status (modality, negation) and its time expression are read around
them, and they are its exact provenance. They are a lexicon trigger of the act's type on the dependency path between
the two parties (else the nearest one in the sentence), else the parties' common head.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from detente.events.candidates import Candidate, SentenceCandidates
from detente.events.encoder import EventClassifier
from detente.events.mentions import PartyMention
from detente.events.ontology import PLOVER_TYPES, UNDIRECTED, Trigger
from detente.events.roles import sentence_triggers


@dataclass
class Coded:
    """One classified act of a sentence."""

    token: Token  # the word that carries it
    type: str
    mode: str | None
    source: PartyMention
    target: PartyMention
    probability: float


def ancestors(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def path_between(a: Token, b: Token) -> tuple[set[int], Token]:
    """Token indices on the dependency path between two words, and their lowest common ancestor."""
    up_a, up_b = ancestors(a), ancestors(b)
    ids_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), up_a[-1])
    on = {t.i for t in up_a[: up_a.index(lca) + 1]} | {t.i for t in up_b[: [t.i for t in up_b].index(lca.i) + 1]} \
        if lca.i in ids_b else {t.i for t in up_a}
    return on, lca


def pick_trigger(sent: Span, pair: Candidate, etype: str, lexicon: list[tuple[Token, Trigger]]) -> tuple[Token, Trigger | None]:
    doc = sent.doc
    on_path, lca = path_between(doc[pair.source.root], doc[pair.target.root])
    typed = [(t, trig) for t, trig in lexicon if trig.type == etype]
    on = [x for x in typed if x[0].i in on_path]
    if on:
        return on[0]
    if typed:
        return min(typed, key=lambda x: abs(x[0].i - lca.i))
    node = lca
    while node.pos_ not in ("VERB", "NOUN", "AUX") and node.head.i != node.i:
        node = node.head
    return node, None


def code_sentences(classifier: EventClassifier, sentences: list[SentenceCandidates],
                   names: set[int] | None = None) -> dict[int, list[Coded]]:
    """Per sentence index, its acts: per (source, target, type) the most probable pair of mentions; an undirected
    type once per pair of parties."""
    out: dict[int, list[Coded]] = {}
    for item, probs in zip(sentences, classifier.probabilities(sentences), strict=True):
        best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
        for pair, row in zip(item.pairs, probs, strict=True):
            for t in np.nonzero(row >= classifier.threshold_for(pair))[0]:
                etype, p = PLOVER_TYPES[t], float(row[t])
                key = (pair.source.code, pair.target.code, etype)
                mirror = (key[1], key[0], etype)
                if etype in UNDIRECTED and mirror in best:
                    if best[mirror][0] >= p:
                        continue
                    del best[mirror]
                if key not in best or best[key][0] < p:
                    best[key] = (p, pair)
        if not best:
            continue
        lexicon = sentence_triggers(item.sent, names or set())
        acts = []
        for (_, _, etype), (p, pair) in best.items():
            token, trig = pick_trigger(item.sent, pair, etype, lexicon)
            acts.append(Coded(token, etype, trig.mode if trig else None, pair.source, pair.target, p))
        out[item.index] = sorted(acts, key=lambda c: (c.token.i, -c.probability))
    return out
