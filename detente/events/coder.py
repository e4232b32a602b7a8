"""Deciding a sentence's acts from the two coders: the lexicon-and-parse proposals and the learned classifier.

A proposal of the lexicon stands unless the classifier, having read the same two parties in the sentence, gives its
type a probability below ``veto`` and its trigger is one the classifier's corpus showed carrying acts
(``EventClassifier.known``: of a trigger it never saw act, a low score is ignorance); the classifier's own acts above its thresholds are added where the lexicon has
no act of that type with either party in the sentence (the parse's reading of who did what wins over the classifier's). Each classifier act also needs the words that carry it (its status and time
expression are read around them, and they are its provenance): a lexicon trigger of its type on the dependency path
between the parties (else the nearest in the sentence), else the parties' common head. An act the classifier reads in the condition of a demand or threat coded in the same
sentence ("talks can resume only once the sanctions are lifted") is that demand's content and is not added.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from detente.actors.states import first_conjunct
from detente.events.candidates import Candidate, SentenceCandidates
from detente.events.encoder import EventClassifier
from detente.events.mentions import PartyMention
from detente.events.ontology import PLOVER_TYPES, UNDIRECTED, Trigger
from detente.events.roles import sentence_triggers
from detente.events.rules import RuleAct, threatened


@dataclass
class Coded:
    """One act of a sentence, from either coder."""

    token: Token  # the word that carries it
    type: str
    mode: str | None
    source: str
    target: str
    source_actor: str | None
    target_actor: str | None
    trigger_span: tuple[int, int]
    probability: float | None  # the classifier's, when it read the pair


@dataclass
class PairScores:
    """The classifier's reading of one sentence: per (source, target) code pair, the best probability of each type
    over the pair's mentions, and the mention pair that gave it."""

    probabilities: dict[tuple[str, str], np.ndarray]
    best: dict[tuple[str, str], list[Candidate]]  # per type index

    def of(self, source: str, target: str, etype: str) -> float | None:
        t = PLOVER_TYPES.index(etype)
        found = [self.probabilities[k][t] for k in ((source, target), (target, source)) if k in self.probabilities
                 and (k == (source, target) or etype in UNDIRECTED)]
        return float(max(found)) if found else None


def pair_scores(classifier: EventClassifier, sentences: list[SentenceCandidates]) -> dict[int, PairScores]:
    out: dict[int, PairScores] = {}
    for item, probs in zip(sentences, classifier.probabilities(sentences), strict=True):
        best_p: dict[tuple[str, str], np.ndarray] = {}
        best_pair: dict[tuple[str, str], list[Candidate]] = {}
        for pair, row in zip(item.pairs, probs, strict=True):
            key = (pair.source.code, pair.target.code)
            if key not in best_p:
                best_p[key] = row.copy()
                best_pair[key] = [pair] * len(row)
                continue
            better = row > best_p[key]
            for t in np.nonzero(better)[0]:
                best_pair[key][t] = pair
            best_p[key] = np.maximum(best_p[key], row)
        out[item.index] = PairScores(best_p, best_pair)
    return out


def ancestors(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def path_between(a: Token, b: Token) -> tuple[set[int], Token]:
    """Token indices on the dependency path between two words, and their lowest common ancestor."""
    up_a, up_b = ancestors(a), ancestors(b)
    ids_b = [t.i for t in up_b]
    lca = next((t for t in up_a if t.i in ids_b), up_a[-1])
    on = {t.i for t in up_a[: up_a.index(lca) + 1]}
    if lca.i in ids_b:
        on |= set(ids_b[: ids_b.index(lca.i) + 1])
    return on, lca


def pick_trigger(pair: Candidate, etype: str, lexicon: list[tuple[Token, Trigger]]) -> tuple[Token, Trigger | None]:
    doc = pair.sent.doc
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


def _object_as_doer(token: Token, pair: Candidate) -> bool:
    """The classifier's source is named inside the direct object of the active verb it would act through."""
    if token.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in token.children):
        return False
    objects = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
    return pair.source.root in objects


CONDITION_MARKS = {"if", "unless", "once", "until", "provided", "providing"}
DEMANDS = {"REQUEST", "THREATEN"}  # acts whose content is often a condition ("only once the tariffs are lifted")


def in_condition(token: Token) -> bool:
    """Whether a word sits in a clause that states a condition ("once the tariffs were lifted", "unless X withdraws",
    the conjuncts of such a clause too)."""
    for node in ancestors(token):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return True
    return False


# Prepositions whose listed objects are the pair itself: "talks between China and Vietnam", "the leaders of Egypt and
# Israel", "a thaw announced by Obama and Castro".
PAIRING_PREPS = {"between", "among", "amongst", "of", "by"}


def _listed_noun(token: Token) -> Token:
    """The noun a party's word stands in: "Germany" in "Germany's Angela Merkel", "EU" in "other EU leaders"."""
    while token.head.i != token.i and token.i < token.head.i and (token.dep_ == "poss" or (
            token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ == "NOUN")):
        token = token.head
    return token


def co_listed(a: Token, b: Token) -> bool:
    """Two words of one coordination under a preposition ("ties with the U.S. and Japan", "talks with partners
    including Japan, Canada and Mexico", "a call with Germany's Angela Merkel and other EU leaders"): partners side by
    side of someone else's act, not each other's."""
    first = first_conjunct(_listed_noun(a))
    return (first.i == first_conjunct(_listed_noun(b)).i and first.dep_ == "pobj"
            and first.head.lower_ not in PAIRING_PREPS)


def side_by_side(act: Coded, mentions: list[PartyMention]) -> bool:
    """Whether every mention of the act's source and target in its sentence are co-listed (see :func:`co_listed`)."""
    doc = act.token.doc
    sources = [m for m in mentions if m.code == act.source]
    targets = [m for m in mentions if m.code == act.target]
    return bool(sources and targets) and all(co_listed(doc[s.root], doc[t.root]) for s in sources for t in targets)


def decide(sent: Span, proposals: list[RuleAct], scores: PairScores | None, classifier: EventClassifier,
           names: set[int], mentions: list[PartyMention] | None = None,
           non_state: set[int] = frozenset()) -> list[Coded]:
    """The sentence's acts, in text order; ``mentions``: the sentence's explicit party mentions, so that partners
    listed side by side are not made each other's source and target; ``non_state``: trigger words whose other side
    the parse found to be no state ("Israel and Hamas agreed"), which the classifier does not re-cast."""
    acts: list[Coded] = []
    for p in proposals:
        prob = scores.of(p.source, p.target, p.trigger.type) if scores else None
        if prob is not None and prob < classifier.veto and classifier.may_veto(p.trigger) and not p.unread:
            continue  # the classifier read these two parties and sees no such act between them
        acts.append(Coded(p.token, p.trigger.type, p.trigger.mode, p.source, p.target, p.source_actor, p.target_actor,
                          p.trigger_span, prob))
    ruled = {a.token.i for a in acts}  # words the parse coded an act at
    if scores is not None:
        lexicon = None
        for (source, target), row in scores.probabilities.items():
            for t in np.nonzero(row >= min(classifier.threshold, classifier.context_threshold))[0]:
                etype = PLOVER_TYPES[t]
                pair = scores.best[(source, target)][t]
                if row[t] < classifier.threshold_for(pair):
                    continue
                if any(a.type == etype and {a.source, a.target} & {source, target} for a in acts):
                    continue  # the parse already read who did this act here: the classifier does not re-cast it
                if lexicon is None:
                    lexicon = sentence_triggers(sent, names)
                token, trig = pick_trigger(pair, etype, lexicon)
                if trig is None and classifier.needs_lexicon:
                    continue  # no word of the sentence names an act of this type
                if token.i in non_state:
                    continue  # the parse read this act's other side, and it is no state
                if _object_as_doer(token, pair):
                    continue  # "we should be supporting Ukraine's democracy": what a verb acts on does not do it
                if token.i in ruled:
                    continue  # the parse read this word's act and parties ("demanded ... by Friday": a THREATEN)
                if threatened(token, {a.token.i for a in acts if a.type == "THREATEN" and a.token.pos_ == "VERB"}):
                    continue  # what a threat holds over the other side is no act of its own ("did not rule out sanctions")
                if in_condition(token) and any(a.type in DEMANDS for a in acts):
                    continue  # the condition of a demand or a threat is its content, not an act of its own
                acts.append(Coded(token, etype, trig.mode if trig else None, source, target, pair.source.actor_id,
                                  pair.target.actor_id, (token.idx, token.idx + len(token.text)), float(row[t])))
    if mentions:
        acts = [a for a in acts if not side_by_side(a, mentions)]
    return sorted(acts, key=lambda c: c.token.i)
